/** View helpers of 调动党员: the branches and 党小组 of the tree, each member in words. */
import type { MemberListItem, OrgTreeNode } from '../../../services/types';
import { roleLabels, statusLabels } from '../../../utils/member-view';

export interface Choice {
  id: string;
  name: string;
}

/** Every 党支部 of the tree (under the committee or a 党总支), in the tree's order. */
export function branchesOf(tree: OrgTreeNode): Choice[] {
  const out: Choice[] = [];
  const walk = (n: OrgTreeNode) => {
    if (n.kind === 'branch') out.push({ id: n.id, name: n.name });
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

/** The 党小组 of one branch: the partyGroup orgs directly under it [ORG-23]. */
export function groupsOf(tree: OrgTreeNode, branchId: string): Choice[] {
  let found: Choice[] = [];
  const walk = (n: OrgTreeNode) => {
    if (n.id === branchId)
      found = n.children
        .filter((c) => c.kind === 'partyGroup')
        .map((c) => ({ id: c.id, name: c.name }));
    else n.children.forEach(walk);
  };
  walk(tree);
  return found;
}

/** The 党小组 a member is in, once the roster says it (listMembers may carry `groupId`). */
export function groupOf(m: MemberListItem): string | null {
  return (m as MemberListItem & { groupId?: string | null }).groupId ?? null;
}

export interface PersonRow {
  id: string;
  name: string;
  line: string;
  groupText: string;
}

export function personRow(m: MemberListItem, groups: Choice[], groupId: string | null): PersonRow {
  const roles = m.roles.map((r) => roleLabels[r]).join('、');
  const group = groups.find((g) => g.id === groupId)?.name;
  return {
    id: m.id,
    name: m.name,
    line: [statusLabels[m.status], roles && `职务：${roles}`].filter(Boolean).join(' · '),
    groupText: groups.length ? (group ? `党小组：${group}` : '党小组：未编入') : '',
  };
}
