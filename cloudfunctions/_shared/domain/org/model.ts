/** Organisation vocabulary of the glossary (rules.md) [ORG-01]. */
export const ORG_KINDS = [
  'baseCommittee',
  'generalBranch',
  'branch',
  'jointBranch',
  'tempBranch',
  'partyGroup',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const SECTORS = {
  organ: '机关',
  institution: '事业单位',
  soe: '国企',
  private: '非公企业',
  socialOrg: '社会组织',
  village: '农村',
  community: '社区',
  school: '学校',
  hospital: '医院',
  retired: '离退休',
} as const;
export type Sector = keyof typeof SECTORS;

export const PROFILES = ['default', 'hunan', 'jiaozuo', 'xianning'] as const;
export type Profile = (typeof PROFILES)[number];

export const ROLES = {
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
} as const;
export type Role = keyof typeof ROLES;

/** 支委: the seats of the branch committee. */
export const COMMITTEE_ROLES: readonly Role[] = [
  'secretary',
  'deputySecretary',
  'orgCommissioner',
  'publicityCommissioner',
  'disciplineCommissioner',
];
export const COMMISSIONER_ROLES: readonly Role[] = [
  'orgCommissioner',
  'publicityCommissioner',
  'disciplineCommissioner',
];

export type MemberStatus = 'full' | 'probationary';

export interface RoleGrant {
  orgId: string;
  role: Role;
}

export interface OrgNode {
  id: string;
  kind: OrgKind;
  ancestors: string[];
}

/** Orgs that have orgs below them and so may have a superior administrator. */
export const isSuperiorKind = (kind: OrgKind): boolean =>
  kind === 'baseCommittee' || kind === 'generalBranch';

export const isBranchKind = (kind: OrgKind): boolean =>
  kind === 'branch' || kind === 'jointBranch' || kind === 'tempBranch';
