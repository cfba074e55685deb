import { Backend, snapshot, startBackend } from '../support/backend';
import {
  absentFrom,
  FULL,
  ID,
  ORG,
  SEC,
  SUP,
  seedDemocratic,
  stored,
  tallyOf,
} from '../support/democratic-kit';

/**
 * The 民主评议 decision board and 组织评定 (`appraisal.board` / `appraisal.decide` for kind
 * `democraticAppraisal`) [APR-05, APR-06, APR-09, APR-10, APR-20, PRIV-21]: the board puts
 * everything side by side and advises; the committee decides; tallies never become grades.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

type G = 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified';
const all = (g: G, over: Record<string, G | null> = {}, ids = FULL) =>
  Object.fromEntries(ids.map((id) => [id, id in over ? over[id] : g])) as Record<string, G | null>;
const board = () => b.ok('appraisal', 'board', { id: ID }, ORG);
const row = async (id: string) => {
  const out = await board();
  if (out.kind !== 'democraticAppraisal') throw new Error('not a 民主评议 board');
  return { out, m: out.members.find((x) => x.memberId === id)! };
};
/** As the superior by default: the secretary and the organizer are graded here too [PRIV-21]. */
const decide = (grades: Record<string, G | null>, reasons?: Record<string, string>, who = SUP) =>
  b.invoke('appraisal', { action: 'decide', data: { id: ID, grades, reasons } }, who) as Promise<{
    ok: boolean;
    error?: { code: string; details?: { ruleId?: string } };
  }>;

describe('the board [APR-10]', () => {
  it('shows per member the 自评, the 互评, the tally, the 先锋指数 and the advice side by side, and the quota floor(N/3) [APR-10] [APR-05]', async () => {
    seedDemocratic(b, { tally: tallyOf(8, { 'demo-member-1': { excellent: 6, qualified: 2 } }) });
    const { out, m } = await row('demo-member-1');
    expect(out.quota).toMatchObject({ limit: 2, used: 0, of: 7 });
    expect(m).toMatchObject({
      name: '陈明',
      selfEvaluation: '陈明的个人自评',
      mutualSummary: '陈明的互评情况',
      tally: { excellent: 6, qualified: 2 },
      majority: 'excellent',
      advisory: 'excellent',
      advisoryBasis: 'majority',
      grade: null,
    });
    expect(m.points).toEqual(expect.objectContaining({ total: expect.any(Number) }));
  });

  it('shows the 预备党员 without a grade [APR-06]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const { m } = await row('demo-probationary');
    expect(m).toMatchObject({ status: 'probationary', graded: false, tally: null, advisory: null });
  });

  it('hides the tallies below the minimum turnout and advises nothing then', async () => {
    seedDemocratic(b, { valid: 4, tally: tallyOf(4) });
    const { out, m } = await row('demo-member-1');
    expect(out.ballot?.hidden).toContain('少于5张');
    expect(m).toMatchObject({ tally: null, majority: null, advisory: null });
  });

  it('shows an imported 流入地 result as imported, outside the quota N [APR-20]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    await b.ok(
      'appraisal',
      'importResult',
      {
        id: ID,
        memberId: 'demo-mobile',
        grade: 'excellent',
        orgName: '深圳某社区党委',
        proof: '证明',
      },
      ORG,
    );
    const { out, m } = await row('demo-mobile');
    expect(m).toMatchObject({ graded: false, advisoryBasis: 'imported', advisory: 'excellent' });
    expect(m.imported).toMatchObject({ orgName: '深圳某社区党委' });
    expect(out.quota).toMatchObject({ of: 6, limit: 2 });
  });

  it('shows the flags: TD-22 absences and the APR-14 自行脱党 candidate [APR-10] [APR-14]', async () => {
    absentFrom(b, 'demo-member-2', [
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    seedDemocratic(b, { tally: tallyOf(8) });
    const { m } = await row('demo-member-2');
    // The bottom of the 先锋指数 with that recorded problem is PTS-24's flag too.
    expect(m.flags.map((f) => f.ruleId)).toEqual(['TD-22', 'APR-14', 'PTS-24']);
    expect(m.flags[1].message).toContain('2026-05至2026-10连续6个月不参加党的组织生活');
  });

  it('shows the tie at the quota boundary [APR-05]', async () => {
    seedDemocratic(b, {
      tally: tallyOf(8, {
        'demo-member-1': { excellent: 6, qualified: 2 },
        'demo-member-2': { excellent: 5, qualified: 3 },
        'demo-member-3': { excellent: 5, qualified: 3 },
      }),
    });
    const { out } = await row('demo-member-2');
    expect(out.ties).toEqual([
      { memberIds: ['demo-member-2', 'demo-member-3'], votes: 5, seats: 1 },
    ]);
  });

  it('is for the committee and the superior: a member is refused', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const e = await b.err('appraisal', 'board', { id: ID }, 'demo-member-1');
    expect(e.code).toBe('AUTH.FORBIDDEN');
    await b.ok('appraisal', 'board', { id: ID }, SUP);
  });
});

describe('decide [APR-05] [APR-06] [APR-09] [APR-10]', () => {
  it('never turns the tally into grades by itself: nothing is graded until the committee decides [APR-10]', async () => {
    seedDemocratic(b, { tally: tallyOf(8, { 'demo-member-1': { excellent: 8 } }) });
    await board();
    expect(stored(b).decision).toBeNull();
  });

  it('refuses more 优秀 than floor(N/3) of the 正式党员, changing nothing [APR-05]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const before = snapshot(b);
    const three = all('qualified', {
      'demo-member-1': 'excellent',
      'demo-member-2': 'excellent',
      'demo-member-3': 'excellent',
    });
    const r = await decide(three, {
      'demo-member-1': '表现突出',
      'demo-member-2': '表现突出',
      'demo-member-3': '表现突出',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPRAISAL.OVER_QUOTA' } });
    expect(snapshot(b)).toBe(before);
  });

  it('quota boundary: N = 5 allows 1 优秀, N = 6 allows 2 [APR-05]', async () => {
    const five = FULL.slice(0, 5);
    seedDemocratic(b, { full: five, tally: tallyOf(8, {}, five) });
    const reasons = { 'demo-member-1': '表现突出', 'demo-member-2': '表现突出' };
    const two5 = all(
      'qualified',
      { 'demo-member-1': 'excellent', 'demo-member-2': 'excellent' },
      five,
    );
    expect((await decide(two5, reasons)).error?.code).toBe('APPRAISAL.OVER_QUOTA');
    const six = FULL.slice(0, 6);
    seedDemocratic(b, { full: six, tally: tallyOf(8, {}, six) });
    const two6 = all(
      'qualified',
      { 'demo-member-1': 'excellent', 'demo-member-2': 'excellent' },
      six,
    );
    expect((await decide(two6, reasons)).ok).toBe(true);
  });

  it('gives a 预备党员 no grade [APR-06]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const r = await decide({ ...all('qualified'), 'demo-probationary': 'qualified' });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPRAISAL.PROBATIONARY' } });
  });

  it('saves a partial decision, and completes the step only when every 正式党员 is graded [APR-09]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const first = await decide({ 'demo-member-1': 'qualified' });
    expect(first.error ?? null).toBeNull();
    expect(stored(b)).toMatchObject({ step: 'decision', decision: { final: false } });
    expect((await b.err('appraisal', 'publish', { id: ID }, SEC)).code).toBe(
      'APPRAISAL.STEP_ORDER',
    );
    const rest = await decide(all('qualified', {}, FULL.slice(1)));
    expect(rest.error ?? null).toBeNull();
    expect(stored(b)).toMatchObject({ step: 'feedback', decision: { final: true } });
    const audit = b.docs('auditLogs').filter((a) => a.entityId === ID);
    expect(audit.length).toBe(2);
  });

  it('needs a reason for a grade off the clear majority [APR-10]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const r = await decide(all('qualified', { 'demo-member-4': 'basicallyQualified' }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'APPRAISAL.REASON_REQUIRED', details: { ruleId: 'APR-10' } },
    });
    const ok = await decide(all('qualified', { 'demo-member-4': 'basicallyQualified' }), {
      'demo-member-4': '多次无故缺席组织生活，经谈话仍未改进',
    });
    expect(ok.ok).toBe(true);
  });

  it('needs every flag decided: graded 不合格 or a reason [APR-10] [TD-22]', async () => {
    absentFrom(b, 'demo-member-2', ['2026-08', '2026-09', '2026-10']);
    seedDemocratic(b, { tally: tallyOf(8) });
    const r = await decide(all('qualified'));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'APPRAISAL.FLAG_UNDECIDED', details: { ruleId: 'TD-22' } },
    });
    const ok = await decide(all('qualified'), {
      'demo-member-2': '三次缺席均因住院治疗，已补交病假证明',
    });
    expect(ok.ok).toBe(true);
  });

  it('breaks a tie at the quota boundary only with a written reason [APR-05]', async () => {
    seedDemocratic(b, {
      tally: tallyOf(8, {
        'demo-member-1': { excellent: 6, qualified: 2 },
        'demo-member-2': { excellent: 4, qualified: 4 },
        'demo-member-3': { excellent: 4, qualified: 4 },
      }),
    });
    const grades = all('qualified', { 'demo-member-1': 'excellent', 'demo-member-2': 'excellent' });
    const r = await decide(grades, { 'demo-member-1': '得票最多' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'APPRAISAL.REASON_REQUIRED', details: { ruleId: 'APR-05' } },
    });
    const ok = await decide(grades, {
      'demo-member-2': '全年先锋指数更高，带头完成中心工作',
      'demo-member-3': '票数相同，先锋指数较低',
    });
    expect(ok.ok).toBe(true);
  });

  it('is refused before the 测评 is over [APR-02]', async () => {
    seedDemocratic(b, { step: 'ballot', tally: tallyOf(8) });
    expect((await decide(all('qualified'))).error?.code).toBe('APPRAISAL.STEP_ORDER');
  });

  it('nobody decides their own grade: the others do [PRIV-21]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const own = await decide({ 'demo-organizer': 'qualified' }, undefined, ORG);
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } },
    });
    const mine = all('qualified', { 'demo-organizer': null });
    expect((await decide(mine, undefined, ORG)).ok).toBe(true);
    expect((await decide({ 'demo-organizer': 'qualified' }, undefined, SEC)).ok).toBe(true);
    expect(stored(b)).toMatchObject({ step: 'feedback' });
  });

  it('is for the committee: an ordinary member is refused', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    expect((await decide(all('qualified'), undefined, 'demo-member-1')).error?.code).toBe(
      'AUTH.FORBIDDEN',
    );
  });
});

describe('hunan: the 问题清单 beside the decision [APR-19]', () => {
  it('shows the rectification list’s year-end status on the board [APR-19]', async () => {
    seedDemocratic(b, { tally: tallyOf(8) });
    const none = await board();
    if (none.kind !== 'democraticAppraisal') throw new Error('not a 民主评议 board');
    expect(none).toMatchObject({
      problemList: null,
      problemListNote: '本年度还没有建立问题清单（整改清单）',
    });
    // Publishing puts a 基本合格 help plan on this year's list: the board then counts it.
    seedDemocratic(b, {
      step: 'feedback',
      tally: tallyOf(8),
      decision: {
        grades: Object.fromEntries(
          FULL.map((id) => [id, id === 'demo-member-3' ? 'basicallyQualified' : 'qualified']),
        ) as Record<string, 'qualified' | 'basicallyQualified'>,
        reasons: { 'demo-member-3': '多次无故缺席组织生活' },
        final: true,
        by: SUP,
        at: new Date('2026-11-30T02:00:00Z'),
      },
    });
    await b.ok('appraisal', 'publish', { id: ID }, SUP);
    const after = await board();
    if (after.kind !== 'democraticAppraisal') throw new Error('not a 民主评议 board');
    expect(after.problemList).toEqual({ total: 1, done: 0, open: 1, overdue: 0 });
  });
});
