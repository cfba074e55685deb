import type { Backend } from './backend';
import { found } from './narrow';
import type { ActionInput } from '../../miniprogram/services/types';

/** Helpers of the ORG rule tests: the org tree as the superior sees it, new branches, roster rows. */
export const SEC = 'demo-secretary';
export const SUP = 'demo-superior';

type ImportRow = ActionInput<'org', 'importMembers'>['members'][number];
export const person = (name: string, extra: Partial<ImportRow> = {}): ImportRow => ({
  name,
  status: 'full',
  joinedAt: '2010-07-01',
  ...extra,
});

export function orgTreeOf(b: Backend) {
  /** The tree node of one org (depth-first). */
  async function nodeOf(orgId: string) {
    const walk = (n: any): any => (n.id === orgId ? n : n.children.map(walk).find(Boolean));
    return found(walk(await b.ok('org', 'orgTree', {}, SUP)), `the node of ${orgId}`);
  }
  const alertsOf = async (orgId: string, ruleId: string) =>
    (await nodeOf(orgId)).alerts.filter((a: any) => a.ruleId === ruleId);
  async function newBranch(name: string, extra: Partial<ActionInput<'org', 'createOrg'>> = {}) {
    const input = {
      parentId: 'demo-committee',
      name,
      kind: 'branch',
      category: 'organ',
      termStart: '2025-01-01',
      ...extra,
    } as ActionInput<'org', 'createOrg'>;
    return (await b.ok('org', 'createOrg', input, SUP)).id;
  }
  const memberId = (name: string) => found(b.docs('members').find((m) => m.name === name))._id;
  return { nodeOf, alertsOf, newBranch, memberId };
}
