/**
 * Which orgs a page that shows one org at a time (落实情况, 堡垒指数) offers to pick from: those
 * on which the caller holds the permission, by `org.me`'s `can`. The caller's own branch and the
 * orgs of their roles are named in `org.me`; a superior's orgs below are named by the org tree.
 */
import { fetchOrgTree } from '../services/org';
import type { MeOutput, OrgTreeNode, Permission } from '../services/types';
import { orgsWith } from './can';

export interface OrgChoice {
  id: string;
  name: string;
}

/** The orgs below the root of a tree, flat, branches first (a superior looks at branches). */
export function orgsBelow(root: OrgTreeNode): OrgChoice[] {
  const out: (OrgChoice & { branch: boolean })[] = [];
  const walk = (n: OrgTreeNode) => {
    for (const c of n.children) {
      out.push({ id: c.id, name: c.name, branch: c.kind === 'branch' });
      walk(c);
    }
  };
  walk(root);
  return [...out.filter((o) => o.branch), ...out.filter((o) => !o.branch)].map(({ id, name }) => ({
    id,
    name,
  }));
}

/** The orgs to offer for `permission`: none, the caller's own, or a superior's orgs below. */
export async function orgChoices(me: MeOutput, permission: Permission): Promise<OrgChoice[]> {
  const ids = orgsWith(me, permission);
  const named = new Map<string, string>([
    [me.member.orgId, me.member.orgName],
    ...me.roles.map((r): [string, string] => [r.orgId, r.orgName]),
  ]);
  if (ids.every((id) => named.has(id))) return ids.map((id) => ({ id, name: named.get(id)! }));
  return orgsBelow(await fetchOrgTree()).filter((o) => ids.includes(o.id));
}
