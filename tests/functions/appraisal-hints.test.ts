import { Backend, startBackend } from '../support/backend';
import { FULL, ID, SUP, seedDemocratic, tallyOf, type Counts } from '../support/democratic-kit';

/**
 * The superior's anomaly hints on 民主评议党员 (`appraisal.hints`, issue 14 item 9): the 优秀 rate
 * near 1/3 and its jump from last year [APR-05], ballots marking everyone 优秀 as far as the
 * tallies tell [APR-05], 轮流坐庄 [APR-10]; per branch, never a ranking [PRIV-09].
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

type Grade = 'excellent' | 'qualified';
const final = (excellent: string[], at = '2026-11-30T02:00:00Z') => ({
  grades: Object.fromEntries(
    FULL.map((id) => [id, (excellent.includes(id) ? 'excellent' : 'qualified') as Grade]),
  ),
  reasons: {},
  final: true,
  by: 'demo-organizer',
  at: new Date(at),
});

/** A past year's campaign of demo-branch, stored beside this year's. */
function pastYear(year: number, excellent: string[], points: Record<string, number>) {
  const doc = {
    ...structuredClone(b.docs('democraticAppraisals').find((d) => d._id === ID)),
    _id: `democraticAppraisal:demo-branch:${year}`,
    year,
    boxes: [],
    decision: final(excellent, `${year}-11-30T02:00:00Z`),
    pointsAtDecision: points,
    step: 'done',
  };
  b.emulator.store.ensure('democraticAppraisals').set(doc._id, doc);
}

const hintsOf = async () =>
  (await b.ok('appraisal', 'hints', { orgId: 'demo-committee', year: 2026 }, SUP)).branches;

describe('rate hints [APR-05]', () => {
  it('says when the 优秀 rate is near 1/3 and when it jumped from last year [APR-05]', async () => {
    // N = 7: 2 优秀 = 29% (not near); with the 流动 imported N = 6: 2 = 33% (near).
    seedDemocratic(b, {
      step: 'feedback',
      tally: tallyOf(8),
      decision: final(['demo-member-1', 'demo-member-2']),
      extra: {
        imported: {
          'demo-mobile': {
            grade: 'qualified',
            orgName: '外地',
            note: '证明',
            by: 'x',
            at: new Date(),
          },
        },
      },
    });
    pastYear(2025, [], {});
    const [branch] = await hintsOf();
    expect(branch).toMatchObject({ orgId: 'demo-branch', of: 6, excellent: 2 });
    const messages = branch.hints.map((h) => `${h.level}:${h.message}`);
    expect(messages).toEqual([
      'info:“优秀”2名，占正式党员的33%，接近1/3的上限',
      'warning:“优秀”比例由去年的0%升到今年的33%，升幅较大',
    ]);
  });

  it('says nothing below 30% and without a jump [APR-05]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: final(['demo-member-1']) });
    pastYear(2025, ['demo-member-2'], {});
    const [branch] = await hintsOf();
    expect(branch.hints).toEqual([]);
  });
});

describe('ballots marking everyone 优秀 [APR-05]', () => {
  it('hints only on the certain lower bound from the tally [APR-05]', async () => {
    // 8 valid ballots, 7 markable: every member got 8 优秀 → all 8 ballots marked everyone 优秀.
    const all: Counts = Object.fromEntries(FULL.map((id) => [id, { excellent: 8 }]));
    seedDemocratic(b, { step: 'decision', tally: all });
    const [branch] = await hintsOf();
    expect(branch.hints.map((h) => h.message)).toEqual([
      '收回的8张测评票中，8张把所有人都评为“优秀”（100%），测评可能流于形式',
    ]);
    // 4 优秀 each: possibly all on the same 4 ballots, possibly spread — no certain count, no hint.
    seedDemocratic(b, {
      step: 'decision',
      tally: Object.fromEntries(FULL.map((id) => [id, { excellent: 4, qualified: 4 }])),
    });
    expect((await hintsOf())[0].hints).toEqual([]);
  });
});

describe('轮流坐庄 [APR-10]', () => {
  it('hints when 优秀 went round different members for 3 years, twice below the median of points [APR-10]', async () => {
    const pts = (low: string) =>
      Object.fromEntries(FULL.map((id) => [id, id === low ? 40 : 80 + FULL.indexOf(id)]));
    seedDemocratic(b, {
      step: 'feedback',
      tally: tallyOf(8),
      decision: final(['demo-member-3']),
      extra: { pointsAtDecision: pts('demo-member-3') },
    });
    pastYear(2025, ['demo-member-2'], pts('demo-member-2'));
    pastYear(2024, ['demo-secretary'], pts('demo-member-4'));
    const [branch] = await hintsOf();
    expect(branch.hints.map((h) => `${h.ruleId}:${h.message}`)).toEqual([
      'APR-10:2024—2026年每年的“优秀”都是不同的人，其中2年有先锋指数积分低于中位数的党员被评为“优秀”，可能存在“轮流坐庄”',
    ]);
    // The same member twice: no rotation.
    pastYear(2024, ['demo-member-3'], pts('demo-member-4'));
    expect((await hintsOf())[0].hints).toEqual([]);
  });
});

describe('who sees the hints [PRIV-09]', () => {
  it('is the superior only, per branch and without any ranking of members [PRIV-09]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: final(['demo-member-1']) });
    for (const who of ['demo-secretary', 'demo-organizer', 'demo-member-1'])
      expect(
        (await b.err('appraisal', 'hints', { orgId: 'demo-committee', year: 2026 }, who)).code,
      ).toBe('AUTH.FORBIDDEN');
    const out = await b.ok('appraisal', 'hints', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect(JSON.stringify(out)).not.toMatch(/demo-member|rank/);
  });

  it('reads in a bounded number of round trips whatever the number of branches', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: final(['demo-member-1']) });
    const { roundTrips, res } = await b.roundTrips(
      'appraisal',
      'hints',
      { orgId: 'demo-committee', year: 2026 },
      SUP,
    );
    expect(res.ok).toBe(true);
    expect(roundTrips).toBeLessThanOrEqual(5);
  });
});

describe('a 优秀党员 award [APR-13]', () => {
  it('warns the superior when the branch did not grade the member 优秀, and never refuses [APR-13]', async () => {
    seedDemocratic(b, { step: 'feedback', tally: tallyOf(8), decision: final(['demo-member-1']) });
    const ok = await b.ok('appraisal', 'awardCheck', { id: ID, memberId: 'demo-member-1' }, SUP);
    expect(ok).toEqual({ memberId: 'demo-member-1', grade: 'excellent', warning: null });
    const warned = await b.ok(
      'appraisal',
      'awardCheck',
      { id: ID, memberId: 'demo-member-2' },
      SUP,
    );
    expect(warned).toMatchObject({
      grade: 'qualified',
      warning: { ruleId: 'APR-13', level: 'warning' },
    });
    expect(warned.warning?.message).toContain('被支部评为“合格”');
    expect(
      (
        await b.err(
          'appraisal',
          'awardCheck',
          { id: ID, memberId: 'demo-member-2' },
          'demo-secretary',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});
