/** Chinese labels for the backend's identifiers, and the member card both 首页 and 我的 show. */
import type { MeOutput, MemberStatus, RoleKey } from '../services/types';

export const roleLabels: Record<RoleKey, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  orgCommissioner: '组织委员',
  publicityCommissioner: '宣传委员',
  disciplineCommissioner: '纪检委员',
  groupLeader: '党小组长',
  scorer: '记分员',
  duesManager: '党费管理员',
  disclosureMaintainer: '公开栏维护人',
  superiorAdmin: '上级党组织管理员',
};

/**
 * The posts in a branch the superior fills (`org.setRole` asks `org.administer` for them [ORG-15]);
 * the secretary gives the others (`role.assignDuty`). Only to choose which buttons to offer.
 */
export const superiorPosts: readonly RoleKey[] = ['secretary', 'deputySecretary'];
/** The branch posts the secretary gives (every label but the superior's posts and its own admin). */
export const dutyPosts: readonly RoleKey[] = (Object.keys(roleLabels) as RoleKey[]).filter(
  (r) => !superiorPosts.includes(r) && r !== 'superiorAdmin',
);

/** The posts of a 支部委员会 an election fills [ORG-10, ORG-11] (the 换届 page's choices). */
export const committeePosts: readonly RoleKey[] = [
  'secretary',
  'deputySecretary',
  'orgCommissioner',
  'publicityCommissioner',
  'disciplineCommissioner',
];

export const statusLabels: Record<MemberStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
};

export interface MemberView {
  name: string;
  orgName: string;
  statusText: string;
  mobile: boolean;
  exempt: boolean;
  /** One chip per role; the org is named only when it is not the member's own branch. */
  roles: { key: string; text: string }[];
}

export function toMemberView(me: MeOutput): MemberView {
  const { member } = me;
  return {
    name: member.name,
    orgName: member.orgName,
    statusText: statusLabels[member.status] ?? member.status,
    mobile: member.mobile,
    exempt: member.exempt,
    roles: me.roles.map((r) => {
      const label = roleLabels[r.role] ?? r.role;
      return {
        key: `${r.orgId}:${r.role}`,
        text: r.orgId === member.orgId ? label : `${r.orgName}${label}`,
      };
    }),
  };
}
