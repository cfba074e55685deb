import type { Backend } from './backend';

/**
 * A 基层党委 of n branches under demo-committee built through the org actions, and a 焦作评组织
 * driven to 组织评定 through the appraisal actions, for the spot-check and quota tests.
 */
export const SUP = 'demo-superior';
export const SEC = 'demo-secretary';

export async function committeeTree(
  b: Backend,
  n: number,
  profile: 'jiaozuo' | 'default' = 'default',
): Promise<{ committee: string; branches: string[] }> {
  const org = (parentId: string, name: string, kind: 'baseCommittee' | 'branch') =>
    b.ok(
      'org',
      'createOrg',
      { parentId, name, kind, category: 'village', profile, termStart: '2024-01-01' },
      SUP,
    );
  const { id: committee } = await org('demo-committee', '示范镇党委', 'baseCommittee');
  const branches: string[] = [];
  for (let i = 1; i <= n; i++)
    branches.push((await org(committee, `第${String(i).padStart(2, '0')}村党支部`, 'branch')).id);
  return { committee, branches };
}

const paper = (id: string, branchId: string, box: 'assembly' | 'masses', first: number) => ({
  id,
  branchId,
  box,
  issued: first,
  returned: first,
  counts: { first },
});

/** open → 集中学习 → 工作述职 → both paper boxes of every branch → 民主测评 done (FORT-20). */
export async function branchAppraisalToDecision(b: Backend, committee: string, branches: string[]) {
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'branchAppraisal', orgId: committee, year: 2026 },
    SUP,
  );
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'report', note: '已述职' }, SUP);
  for (const branchId of branches) {
    await b.ok('appraisal', 'enterBranchTally', paper(id, branchId, 'assembly', 10), SUP);
    await b.ok('appraisal', 'enterBranchTally', paper(id, branchId, 'masses', 5), SUP);
  }
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
  return id;
}

/** Every branch at the board's advice, with `advanced` graded 先进 (with a reason). */
export async function gradesWith(b: Backend, id: string, advanced: string[]) {
  const board = await b.ok('appraisal', 'board', { id }, SUP);
  if (board.kind !== 'branchAppraisal') throw new Error('not a 评组织 board');
  const grades = Object.fromEntries(
    board.branches.map((r) => [r.orgId, advanced.includes(r.orgId) ? 'advanced' : r.advice.grade]),
  ) as Record<string, 'advanced' | 'first' | 'second' | 'third'>;
  const reasons = Object.fromEntries(advanced.map((k) => [k, '年度工作突出，群众评价好']));
  return { id, grades, reasons };
}
