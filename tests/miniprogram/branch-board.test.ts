/** @jest-environment ./tests/setup/page-environment.ts */
// 评议党支部 (焦作评组织) for the 基层党委, against the real backend [FORT-19, FORT-20, FORT-21]:
// opened from the page, the steps in order, paper 测评 per branch, the board with the advice per
// branch, the 先进 limit in plain words — under 7 branches none, the 先进 choice shut and said
// so — 签字确认 and 备案 / 公示.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
const SUP = 'demo-superior';
const LIMIT_6 =
  '本级下属党支部共6个，不足7个。先进党支部不超过总数的15%，所以今年不能评先进党支部。';
let page: string;

beforeAll(() => {
  page = loadPage('subpackages/appraisal/branch/index');
});

afterEach(() => {
  server.backend.restoreClock();
  jest.restoreAllMocks();
});

/** A jiaozuo 基层党委 under demo-committee with n branches, through the org actions. */
async function tree(n: number) {
  const b = server.backend;
  const org = (parentId: string, name: string, kind: 'baseCommittee' | 'branch') =>
    b.ok(
      'org',
      'createOrg',
      { parentId, name, kind, category: 'village', profile: 'jiaozuo', termStart: '2024-01-01' },
      SUP,
    );
  const { id: committee } = await org('demo-committee', '焦作示范镇党委', 'baseCommittee');
  const branches: string[] = [];
  for (let i = 1; i <= n; i++) branches.push((await org(committee, `第${i}村党支部`, 'branch')).id);
  return { committee, branches };
}

/** open → 集中学习 → 工作述职 → both paper boxes of every branch (all 一类) → 民主测评 done. */
async function toDecision(n: number) {
  const t = await tree(n);
  const b = server.backend;
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'branchAppraisal', orgId: t.committee, year: 2026 },
    SUP,
  );
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'report' }, SUP);
  for (const branchId of t.branches)
    for (const box of ['assembly', 'masses'] as const)
      await b.ok(
        'appraisal',
        'enterBranchTally',
        { id, branchId, box, issued: 8, returned: 8, counts: { first: 8 } },
        SUP,
      );
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
  return { id, ...t };
}

describe('评议党支部 [FORT-19, FORT-20]', () => {
  it('opens the year’s 评议 of the jiaozuo 党委, takes the steps in order and paper 测评 per branch [FORT-20]', async () => {
    const t = await tree(6);
    actAs(SUP);
    const p = await openPage(page, { orgId: t.committee });
    expect(textOf(p)).toContain('焦作示范镇党委');
    expect(textOf(p)).toContain('本年度还没有开始评议党支部');
    answerDialogs(true);
    await tap(p, '.open-button', '.t-button');
    expect(server.backend.docs('branchAppraisals')).toHaveLength(1);
    expect(textOf(p)).toContain('集中学习');

    answerDialogs(true, '学习了《中国共产党支部工作条例》');
    await tap(p, '.step-button', '.t-button');
    expect(textOf(p)).toContain('集中学习已完成，已记录');
    answerDialogs(true, '');
    await tap(p, '.step-button', '.t-button');
    expect(textOf(p)).toContain('工作述职已完成，已记录');

    // A paper 测评 of the branch offered first, by its members: 10 ballots, all 一类.
    const name: string = p.data.branchNames[0];
    await typeText(p, '.tally-issued', '10');
    await typeText(p, '.tally-returned', '10');
    for (const g of ['advanced', 'second', 'third']) await typeText(p, `.tally-${g}`, '0');
    await tap(p, '.tally-submit', '.t-button');
    expect(textOf(p)).toContain('请填写“评为一类的票数”');
    await typeText(p, '.tally-first', '10');
    await tap(p, '.tally-submit', '.t-button');
    expect(textOf(p)).toContain(`${name}：已录入`);
    expect(textOf(p)).toContain('党员测评：有效票10张，评为先进或一类的10张');
  });

  it('says plainly that under 7 branches none may be 先进, shuts that choice, and records the grades [FORT-19] [FORT-21]', async () => {
    const { id, ...t } = await toDecision(6);
    const b = server.backend;
    actAs(SUP);
    const p = await openPage(page, { id });
    const text = textOf(p);
    expect(text).toContain(LIMIT_6);
    expect(text).toContain('本年度不能评“先进”');
    expect(text).toContain('参考等次');
    const first = t.branches[0];
    const card = `.branch-${first}`;
    expect(textOf(find(p, `${card} .grade-advanced`))).toContain('（不能评）');
    await tap(p, `${card} .grade-advanced`);
    expect(textOf(p)).toContain(LIMIT_6);
    expect(p.data.branches[0].options[0].chosen).toBe(false);

    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toMatch(/请为第\d村党支部评定等次/);
    expect(b.docs('branchAppraisals')[0].decision ?? null).toBeNull();
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('not a 评组织 board');
    for (const r of board.branches) await tap(p, `.branch-${r.orgId} .grade-${r.advice.grade}`);
    answerDialogs(true);
    await tap(p, '.decide-button', '.t-button');
    expect(textOf(p)).toContain('等次已签字确认');
    const decided = b.docs('branchAppraisals')[0].decision as { grades: Record<string, string> };
    expect(Object.keys(decided.grades).sort()).toEqual([...t.branches].sort());
    expect(Object.values(decided.grades)).not.toContain('advanced');
  });

  it('allows one 先进 of 7 branches, but never for a branch that failed the 五化 spot check, said in words [FORT-24] [FORT-19]', async () => {
    const { id, branches } = await toDecision(7);
    await server.backend.ok(
      'org',
      'setFiveStandardsStatus',
      { orgId: branches[0], year: 2026, status: 'spotFailed', reason: '抽查发现记录不全' },
      SUP,
    );
    actAs(SUP);
    const p = await openPage(page, { id });
    expect(textOf(p)).toContain('“先进”最多1个，已选0个');
    const failed = `.branch-${branches[0]}`;
    expect(textOf(find(p, failed))).toContain('五化建设抽查：抽查不合格，不能评先进');
    expect(textOf(find(p, `${failed} .grade-advanced`))).toContain('（不能评）');
    await tap(p, `${failed} .grade-advanced`);
    expect(textOf(p)).toContain('未通过五化建设抽查，不能评先进');
    expect(textOf(find(p, `.branch-${branches[1]} .grade-advanced`))).not.toContain('不能评');
    await tap(p, `.branch-${branches[1]} .grade-advanced`);
    expect(textOf(p)).toContain('“先进”最多1个，已选1个');
  });
});
