/** View helpers of 党员名册: each member in words, and the posts the caller may give. */
import type { MemberListItem, OrgTreeNode, RoleKey } from '../../../services/types';
import { dutyPosts, roleLabels, statusLabels, superiorPosts } from '../../../utils/member-view';

export interface RosterRow {
  id: string;
  name: string;
  statusText: string;
  mobile: boolean;
  exempt: boolean;
  bound: boolean;
  rolesText: string;
  /** 已绑定微信 · 138****1234, or 尚未绑定微信. */
  contact: string;
}

export interface PostChoice {
  role: RoleKey;
  text: string;
  on: boolean;
}

export function rosterRow(m: MemberListItem): RosterRow {
  return {
    id: m.id,
    name: m.name,
    statusText: statusLabels[m.status] ?? '',
    mobile: m.mobile,
    exempt: m.exempt,
    bound: m.bound,
    rolesText: m.roles.map((r) => roleLabels[r]).join('、'),
    contact: [m.bound ? '已绑定微信' : '尚未绑定微信', m.phone ?? ''].filter(Boolean).join(' · '),
  };
}

/**
 * The posts to offer for one member: the secretary's posts when the caller may assign duties,
 * the superior's posts when the caller administers the branch; each says whether it is held.
 */
export function postChoices(
  m: MemberListItem,
  may: { assignDuty: boolean; administer: boolean },
): PostChoice[] {
  const offered = [...(may.administer ? superiorPosts : []), ...(may.assignDuty ? dutyPosts : [])];
  return offered.map((role) => ({ role, text: roleLabels[role], on: m.roles.includes(role) }));
}

/** The branches of the tree whose roster the caller manages (where members are kept). */
export function branchChoices(tree: OrgTreeNode, managed: string[]) {
  const out: { id: string; name: string }[] = [];
  const walk = (n: OrgTreeNode) => {
    if (managed.includes(n.id) && n.members.total > 0 && n.children.length === 0) {
      out.push({ id: n.id, name: n.name });
    }
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}
