/** View helpers of 新建下级组织: the choices in words, and the parents the caller may use. */
import type { ActionInput, OrgTreeNode } from '../../../services/types';

type CreateInput = ActionInput<'org', 'createOrg'>;
export type OrgKindKey = CreateInput['kind'];
export type ProfileKey = NonNullable<CreateInput['profile']>;

export const KIND_CHOICES: { value: OrgKindKey; label: string }[] = [
  { value: 'branch', label: '党支部' },
  { value: 'generalBranch', label: '党总支' },
  { value: 'partyGroup', label: '党小组' },
  { value: 'jointBranch', label: '联合党支部' },
  { value: 'tempBranch', label: '临时党支部' },
  { value: 'baseCommittee', label: '基层党委' },
];

/** The sectors [ORG-01], by the Chinese names the backend accepts. */
export const CATEGORY_CHOICES = [
  '机关',
  '事业单位',
  '国企',
  '非公企业',
  '社会组织',
  '农村',
  '社区',
  '学校',
  '医院',
  '离退休',
];

/** Which local rules the new org follows. */
export const PROFILE_CHOICES: { value: ProfileKey; label: string }[] = [
  { value: 'default', label: '全国通用' },
  { value: 'hunan', label: '湖南省' },
  { value: 'jiaozuo', label: '焦作市' },
  { value: 'xianning', label: '咸宁市' },
];

/** The orgs of the tree under which the caller may create one (those it administers). */
export function parentChoices(tree: OrgTreeNode, administered: string[]) {
  const out: { id: string; name: string }[] = [];
  const walk = (n: OrgTreeNode) => {
    if (administered.includes(n.id) && n.kind !== 'partyGroup')
      out.push({ id: n.id, name: n.name });
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}
