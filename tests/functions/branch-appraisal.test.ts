import { startBackend, type Backend } from '../support/backend';
import { setOrg } from '../support/appraisal-grading-kit';
import { voteKit } from '../support/vote-kit';

/**
 * 焦作评组织 (kind `branchAppraisal`) through the real API: a jiaozuo 基层党委 with N branches,
 * the steps of FORT-20 in order, the members' and 群众代表's 测评, the board with the FORT-21
 * advice and the 先进 limit (N = 6, 7, 13, 14), the decision and its publication.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SUP = 'demo-superior';
const SEC = 'demo-secretary';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const LIMIT_6 =
  '本级下属党支部共6个，不足7个。先进党支部不超过总数的15%，所以今年不能评先进党支部。';

/** A jiaozuo 基层党委 under demo-committee with n branches (built through the org actions). */
async function tree(n: number): Promise<{ committee: string; branches: string[] }> {
  const org = (parentId: string, name: string, kind: 'baseCommittee' | 'branch') =>
    b.ok(
      'org',
      'createOrg',
      { parentId, name, kind, category: 'village', profile: 'jiaozuo', termStart: '2024-01-01' },
      SUP,
    );
  const { id: committee } = await org('demo-committee', '焦作示范镇党委', 'baseCommittee');
  const branches: string[] = [];
  for (let i = 1; i <= n; i++)
    branches.push((await org(committee, `第${String(i).padStart(2, '0')}村党支部`, 'branch')).id);
  return { committee, branches };
}

type Grade = 'advanced' | 'first' | 'second' | 'third';
const BRANCH_WORDS: Record<Grade, string> = {
  advanced: '先进',
  first: '一类',
  second: '二类',
  third: '三类',
};
type Counts = Partial<Record<Grade, number>>;
const paper = (id: string, branchId: string, box: 'assembly' | 'masses', counts: Counts) => {
  const returned = Object.values(counts).reduce((s, x) => s + (x ?? 0), 0);
  return { id, branchId, box, issued: returned, returned, counts };
};

/** open → 集中学习 → 工作述职 → both paper boxes of every branch → 民主测评 done. */
async function toDecision(
  n: number,
  rate: (i: number) => [Counts, Counts] = () => [{ first: 10 }, { first: 5 }],
) {
  const t = await tree(n);
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'branchAppraisal', orgId: t.committee, year: 2026 },
    SUP,
  );
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
  await b.ok(
    'appraisal',
    'completeBranchStep',
    { id, step: 'report', note: '各支部书记已述职' },
    SUP,
  );
  for (const [i, branchId] of t.branches.entries()) {
    const [members, masses] = rate(i);
    await b.ok('appraisal', 'enterBranchTally', paper(id, branchId, 'assembly', members), SUP);
    await b.ok('appraisal', 'enterBranchTally', paper(id, branchId, 'masses', masses), SUP);
  }
  await b.ok('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
  return { id, ...t };
}

/** Every branch at its advice, with `over` graded instead (and a reason for each). */
async function gradesFor(id: string, over: Record<string, Grade> = {}) {
  const board = await b.ok('appraisal', 'board', { id }, SUP);
  if (board.kind !== 'branchAppraisal') throw new Error('not a 评组织 board');
  const grades: Record<string, Grade> = Object.fromEntries(
    board.branches.map((r) => [r.orgId, over[r.orgId] ?? r.advice.grade]),
  );
  const reasons = Object.fromEntries(Object.keys(over).map((k) => [k, '年度工作突出，群众评价好']));
  return { id, grades, reasons };
}

describe('焦作评组织: opening and the steps', () => {
  it('is opened by the superior of a jiaozuo 基层党委 only, once per phase, over its branches [FORT-19] [FORT-20]', async () => {
    expect(
      (
        await b.err(
          'appraisal',
          'open',
          { kind: 'branchAppraisal', orgId: 'demo-committee', year: 2026 },
          SUP,
        )
      ).code,
    ).toBe('APPRAISAL.KIND_NOT_AVAILABLE');
    const t = await tree(2);
    const input = { kind: 'branchAppraisal' as const, orgId: t.committee, year: 2026 };
    expect((await b.err('appraisal', 'open', input, SEC)).code).toBe('AUTH.FORBIDDEN');
    const { id } = await b.ok('appraisal', 'open', input, SUP);
    expect(id).toBe(`branchAppraisal:${t.committee}:2026:yearEnd`);
    expect((await b.err('appraisal', 'open', input, SUP)).code).toBe('CONFLICT');
    const got = await b.ok('appraisal', 'get', { id }, SUP);
    expect(got.steps.map((s) => s.title)).toEqual([
      '集中学习',
      '工作述职',
      '民主测评',
      '组织评定',
      '通报奖惩',
    ]);
    expect(got.step).toBe('study');
    const listed = await b.ok('appraisal', 'list', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect(listed.filter((c) => c.kind === 'branchAppraisal').map((c) => c.id)).toEqual([id]);
    expect(got.grades?.map((g) => g.label)).toEqual(['先进', '一类', '二类', '三类']);
  });

  it('refuses a step out of order: 述职 before 学习, a 测评 before 述职, 评定 before 测评, 测评 done with a box missing [FORT-20] [FORT-17]', async () => {
    const t = await tree(2);
    const { id } = await b.ok(
      'appraisal',
      'open',
      { kind: 'branchAppraisal', orgId: t.committee, year: 2026 },
      SUP,
    );
    const refused = async (action: string, input: object) => {
      const e = await b.err('appraisal', action as never, input as never, SUP);
      expect([e.code, e.details?.ruleId]).toEqual(['APPRAISAL.STEP_ORDER', 'FORT-20']);
    };
    await refused('completeBranchStep', { id, step: 'report' });
    await refused('enterBranchTally', paper(id, t.branches[0], 'masses', { first: 3 }));
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'report' }, SUP);
    await refused('decide', { id, grades: { [t.branches[0]]: 'third', [t.branches[1]]: 'third' } });
    await b.ok(
      'appraisal',
      'enterBranchTally',
      paper(id, t.branches[0], 'assembly', { first: 3 }),
      SUP,
    );
    await b.ok(
      'appraisal',
      'enterBranchTally',
      paper(id, t.branches[0], 'masses', { first: 3 }),
      SUP,
    );
    await b.ok(
      'appraisal',
      'enterBranchTally',
      paper(id, t.branches[1], 'assembly', { first: 3 }),
      SUP,
    );
    // More returned than issued: the count is recorded void, and a new one may be entered.
    const over = { ...paper(id, t.branches[1], 'masses', { first: 3 }), issued: 2 };
    const voided = await b.ok('appraisal', 'enterBranchTally', over, SUP);
    expect([voided.status, voided.void, voided.tally]).toEqual(['void', true, null]);
    const e = await b.err('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
    expect(e.code).toBe('APPRAISAL.STEP_ORDER');
    expect(e.message).toContain('第02村党支部');
    await refused('publish', { id });
  });
});

describe('焦作评组织: the 先进 limit of 15% [FORT-19]', () => {
  it('has no 先进 with 6 branches, and the board says so plainly [FORT-19]', async () => {
    const { id, branches } = await toDecision(6);
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('kind');
    expect(board.quota).toEqual({ limit: 0, used: 0, of: 6, words: LIMIT_6 });
    const over = await b.err(
      'appraisal',
      'decide',
      await gradesFor(id, { [branches[0]]: 'advanced' }),
      SUP,
    );
    expect([over.code, over.details?.ruleId, over.message]).toEqual([
      'APPRAISAL.OVER_QUOTA',
      'FORT-19',
      LIMIT_6,
    ]);
  });

  it.each([
    [7, 1],
    [13, 1],
    [14, 2],
  ])(
    'allows floor(15N/100) 先进 with %i branches (%i), one more is refused [FORT-19] [FORT-21]',
    async (n, limit) => {
      const { id, branches } = await toDecision(n);
      const board = await b.ok('appraisal', 'board', { id }, SUP);
      if (board.kind !== 'branchAppraisal') throw new Error('kind');
      expect(board.quota.limit).toBe(limit);
      expect(board.quota.words).toBe(
        `本级下属党支部共${n}个，先进党支部不超过总数的15%，今年最多评${limit}个。`,
      );
      const pick = (k: number): Record<string, Grade> =>
        Object.fromEntries(branches.slice(0, k).map((x) => [x, 'advanced' as const]));
      const over = await b.err('appraisal', 'decide', await gradesFor(id, pick(limit + 1)), SUP);
      expect([over.code, over.details?.ruleId]).toEqual(['APPRAISAL.OVER_QUOTA', 'FORT-19']);
      // 先进 departs from the advice (no branch has five stars yet): a reason is required [FORT-21].
      const bare = await gradesFor(id, pick(limit));
      const noReason = await b.err('appraisal', 'decide', { ...bare, reasons: {} }, SUP);
      expect([noReason.code, noReason.details?.ruleId]).toEqual([
        'APPRAISAL.REASON_REQUIRED',
        'FORT-21',
      ]);
      const done = await b.ok('appraisal', 'decide', bare, SUP);
      expect(Object.values(done.grades).filter((g) => g === 'advanced')).toHaveLength(limit);
      const after = await b.ok('appraisal', 'board', { id }, SUP);
      if (after.kind !== 'branchAppraisal') throw new Error('kind');
      expect(after.quota.used).toBe(limit);
      expect(after.step).toBe('publish');
      // The board costs the campaign, the policy, one 堡垒指数 read per branch and one 五化 read.
      const trips = await b.roundTrips('appraisal', 'board', { id }, SUP);
      expect(trips.roundTrips).toBeLessThanOrEqual(n + 3);
      // Decided again before publication: the old reasons go with the old grades.
      await b.ok('appraisal', 'decide', await gradesFor(id), SUP);
      const again = await b.ok('appraisal', 'board', { id }, SUP);
      if (again.kind !== 'branchAppraisal') throw new Error('kind');
      expect([again.quota.used, again.branches.filter((r) => r.reason).length]).toEqual([0, 0]);
    },
  );

  it('refuses 先进 for a branch that failed the 五化 spot check, whatever the reason [FORT-24] [ORG-30]', async () => {
    const { id, branches } = await toDecision(7);
    await b.ok(
      'org',
      'setFiveStandardsStatus',
      { orgId: branches[0], year: 2026, status: 'spotFailed', reason: '抽查发现记录不全' },
      SUP,
    );
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('kind');
    const row = board.branches.find((r) => r.orgId === branches[0])!;
    expect(row.five).toEqual({ status: 'spotFailed', label: '抽查不合格', advancedAllowed: false });
    const e = await b.err(
      'appraisal',
      'decide',
      await gradesFor(id, { [branches[0]]: 'advanced' }),
      SUP,
    );
    expect([e.code, e.details?.ruleId]).toEqual(['ORG.SPOT_CHECK_FAILED', 'FORT-24']);
    await b.ok('appraisal', 'decide', await gradesFor(id, { [branches[1]]: 'advanced' }), SUP);
  });
});

describe('焦作评组织: the 测评, the board and the result', () => {
  it('weighs the 群众代表 box as much as the members box, and reads the work results from the 堡垒指数 assessment [FORT-20] [FORT-21] [FORT-19]', async () => {
    const { id, branches } = await toDecision(7, (i) =>
      i === 0 ? [{ first: 10 }, { first: 1, third: 9 }] : [{ first: 10 }, { first: 5 }],
    );
    const assess = { year: 2026, evaluation: 15, fiveStandards: 10 as const, reverse: [] };
    await b.ok('points', 'assessFortress', { ...assess, orgId: branches[1], centralWork: 4 }, SUP);
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('kind');
    const low = board.branches.find((r) => r.orgId === branches[0])!;
    expect(low.rating.members).toMatchObject({ valid: 10, favourable: 10, tally: { first: 10 } });
    expect(low.rating.masses).toMatchObject({ valid: 10, favourable: 1 });
    expect(low.rating.share).toBeCloseTo(0.55, 5); // (10/10 + 1/10) / 2: half each, not 11 of 20
    expect(low.advice.because).toContain('党员群众测评好评率55%，不足60%');
    const worked = board.branches.find((r) => r.orgId === branches[1])!;
    expect([worked.rating.share, worked.work]).toEqual([1, 4]);
    expect(worked.advice.because).toContain('中心工作评分4分，不足6分');
    expect(board.branches.find((r) => r.orgId === branches[2])!.work).toBeNull();
  });

  it('shows the board, which ranks the branches, to the superior only [FORT-23] [PRIV-09]', async () => {
    const { id } = await toDecision(2);
    expect((await b.err('appraisal', 'board', { id }, SEC)).code).toBe('AUTH.FORBIDDEN');
    const { roundTrips, res } = await b.roundTrips('appraisal', 'board', { id }, SUP);
    expect([res.ok, res.ok && res.data.kind]).toEqual([true, 'branchAppraisal']);
    expect(roundTrips).toBeLessThanOrEqual(12);
  });

  it('lets nobody grade their own branch [PRIV-21]', async () => {
    const { id, branches } = await toDecision(2);
    const members = b.emulator.store.get('members')!;
    members.set(SUP, { ...(members.get(SUP) as object), orgId: branches[0] } as never);
    const e = await b.err('appraisal', 'decide', await gradesFor(id), SUP);
    expect([e.code, e.details?.ruleId]).toEqual(['AUTH.FORBIDDEN', 'PRIV-21']);
  });

  it('publishes the year-end result as a 公示 filed upward; each branch committee sees its own grade [FORT-20] [FORT-23]', async () => {
    const { id, branches } = await toDecision(7);
    await b.ok('appraisal', 'decide', await gradesFor(id, { [branches[0]]: 'advanced' }), SUP);
    const pub = await b.ok('appraisal', 'publish', { id }, SUP);
    expect(pub.noticeId).toEqual(expect.any(String));
    const notice = b.docs('notices').find((n) => n._id === pub.noticeId);
    expect(notice.body).toContain('先进：第01村党支部');
    expect(notice.body).not.toMatch(/第\d+名/);
    const doc = b.docs('branchAppraisals').find((d) => d._id === id);
    expect([doc.step, doc.filedWith]).toEqual(['done', 'upperLevel']);
    const r = await b.ok('appraisal', 'result', { id, memberId: branches[0] }, SUP);
    expect([r.grade, r.gradeText, r.commended]).toEqual(['advanced', '先进', true]);
    expect((await b.err('appraisal', 'result', { id, memberId: branches[0] }, SEC)).code).toBe(
      'AUTH.FORBIDDEN',
    );
  });

  it('files the mid-year result with the 基层党委 without a 公示 [FORT-20]', async () => {
    at('2026-06-20T02:00:00Z');
    const { id } = await toDecision(2);
    expect(id.endsWith(':midYear')).toBe(true);
    await b.ok('appraisal', 'decide', await gradesFor(id), SUP);
    expect((await b.ok('appraisal', 'publish', { id }, SUP)).noticeId).toBeNull();
    const doc = b.docs('branchAppraisals').find((d) => d._id === id);
    expect(doc.filedWith).toBe('baseCommittee');
  });

  it('takes the members rating sealed in the app from a 支部党员大会 with sign-in [FORT-20]', async () => {
    setOrg(b, 'demo-committee', { profile: 'jiaozuo' });
    const kit = voteKit(() => b);
    const { id } = await b.ok(
      'appraisal',
      'open',
      { kind: 'branchAppraisal', orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'study' }, SUP);
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'report' }, SUP);
    const voters = ['demo-member-1', 'demo-member-2', 'demo-member-3'];
    const activityId = await kit.meeting(voters);
    const open = await b.ok(
      'appraisal',
      'openBranchBallot',
      { id, branchId: 'demo-branch', activityId },
      SEC,
    );
    expect(open.eligible).toBe(4); // the three and the secretary who holds the meeting
    const listed = await b.ok('appraisal', 'branchBallots', { activityId }, 'demo-member-1');
    expect(listed.map((x) => [x.ballotId, x.subjects[0].id, x.voted])).toEqual([
      [open.ballotId, 'demo-branch', false],
    ]);
    // The meeting page's generic `ballots` lists it too, so one ballot page serves every kind.
    const generic = await b.ok('appraisal', 'ballots', { activityId }, 'demo-member-1');
    expect(generic.map((x) => [x.ballotId, x.subjects[0].id, x.voted])).toEqual([
      [open.ballotId, 'demo-branch', false],
    ]);
    await b.ok(
      'appraisal',
      'castBallot',
      { ballotId: open.ballotId, marks: { 'demo-branch': 'first' } },
      'demo-member-1',
    );
    await b.ok(
      'appraisal',
      'castBallot',
      { ballotId: open.ballotId, marks: { 'demo-branch': 'second' } },
      'demo-member-2',
    );
    expect(
      (
        await b.err(
          'appraisal',
          'castBallot',
          { ballotId: open.ballotId, marks: { 'demo-branch': 'first' } },
          'demo-member-1',
        )
      ).code,
    ).toBe('APPRAISAL.ALREADY_VOTED');
    expect(
      (await b.err('appraisal', 'closeBranchBallot', { ballotId: open.ballotId }, 'demo-member-3'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.ok('appraisal', 'ballots', { activityId }, 'demo-member-1')).map((x) => x.voted),
    ).toEqual([true]);
    // The generic closeBallot routes a 评组织 box to the same close.
    const closed = await b.ok('appraisal', 'closeBallot', { ballotId: open.ballotId }, SEC);
    expect([closed.void, closed.returned, closed.tally]).toEqual([
      false,
      2,
      { 'demo-branch': { advanced: 0, first: 1, second: 1, third: 0 } },
    ]);
    expect(b.docs('ballots').filter((x) => x.boxId === open.ballotId)).toEqual([]);
    const board = await b.ok('appraisal', 'board', { id }, SUP);
    if (board.kind !== 'branchAppraisal') throw new Error('kind');
    const row = board.branches.find((r) => r.orgId === 'demo-branch')!;
    expect(row.rating.members).toMatchObject({ mode: 'app', valid: 2, favourable: 1 });
    expect(board.quota.words).toContain('不足7个');
    // Through to the result: the branch committee sees its own branch's grade, not another's.
    const tally = (branchId: string, box: 'assembly' | 'masses') =>
      b.ok('appraisal', 'enterBranchTally', paper(id, branchId, box, { first: 4 }), SUP);
    await tally('demo-branch', 'masses');
    await tally('demo-branch-2', 'assembly');
    await tally('demo-branch-2', 'masses');
    await b.ok('appraisal', 'completeBranchStep', { id, step: 'ballot' }, SUP);
    await b.ok('appraisal', 'decide', await gradesFor(id), SUP);
    expect((await b.ok('appraisal', 'get', { id }, SEC)).grade).toBeNull(); // not yet published
    await b.ok('appraisal', 'publish', { id }, SUP);
    const mine = await b.ok('appraisal', 'result', { id }, SEC);
    expect(mine.gradeText).toBe(BRANCH_WORDS[(await gradesFor(id)).grades['demo-branch']]);
    expect((await b.ok('appraisal', 'get', { id }, SEC)).grade).toBe(mine.grade);
    const other = await b.err('appraisal', 'result', { id, memberId: 'demo-branch-2' }, SEC);
    expect(other.code).toBe('AUTH.FORBIDDEN');
  });
});
