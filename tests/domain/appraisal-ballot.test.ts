import {
  checkMarks,
  checkPaper,
  tallyBallots,
  visibleTally,
  type BallotSpec,
} from '../../cloudfunctions/_shared/domain/ballot/rules';
import {
  checkReviewable,
  checkYear,
  nearestCommittee,
  planOf,
  predecessorsOf,
} from '../../cloudfunctions/_shared/domain/appraisal/campaign';
import {
  checkBoxAllowed,
  nextStep,
  requireStep,
  stepComplete,
} from '../../cloudfunctions/_shared/domain/appraisal/steps';

const G = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];
const spec: BallotSpec = { subjectIds: ['a', 'b', 'c'], grades: G, maxBest: 2 };

describe('marks of one ballot', () => {
  it('accepts listed subjects with allowed grades, up to maxBest of the best', () => {
    expect(checkMarks(spec, 'v', { a: 'excellent', b: 'excellent', c: 'competent' }).ok).toBe(true);
  });
  it('refuses one more of the best grade than the cap [APPRAISAL.OVER_QUOTA]', () => {
    const r = checkMarks(spec, 'v', { a: 'excellent', b: 'excellent', c: 'excellent' });
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.OVER_QUOTA' });
  });
  it('refuses a mark for oneself [SEC-13]', () => {
    const r = checkMarks(spec, 'a', { a: 'competent' });
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.MARKS_INVALID', ruleId: 'SEC-13' });
  });
  it('refuses an empty ballot, an unknown subject and an unknown grade', () => {
    for (const marks of [{}, { z: 'competent' }, { a: 'good' }] as Record<string, string>[])
      expect(checkMarks(spec, 'v', marks)).toMatchObject({
        ok: false,
        code: 'APPRAISAL.MARKS_INVALID',
      });
  });
  it('has no cap when maxBest is null', () => {
    const free = { ...spec, maxBest: null };
    expect(checkMarks(free, 'v', { a: 'excellent', b: 'excellent', c: 'excellent' }).ok).toBe(true);
  });
});

describe('tally and paper counts [SEC-19, SEC-08]', () => {
  it('counts every mark once, with every grade present', () => {
    const r = tallyBallots(spec, 5, [{ a: 'excellent' }, { a: 'excellent', b: 'incompetent' }, {}]);
    expect(r).toMatchObject({ issued: 5, returned: 3, valid: 3 });
    expect(r.tally.a).toEqual({
      excellent: 2,
      competent: 0,
      basicallyCompetent: 0,
      incompetent: 0,
    });
    expect(r.tally.b.incompetent).toBe(1);
    expect(r.tally.c.excellent).toBe(0);
  });
  it('voids a count with more returned than issued, and takes returned = issued [SEC-08]', () => {
    expect(checkPaper(spec, { issued: 10, returned: 11, counts: {} })).toEqual({
      ok: true,
      value: { void: true },
    });
    const r = checkPaper(spec, { issued: 10, returned: 10, counts: { a: { competent: 10 } } });
    expect(r).toMatchObject({ ok: true, value: { void: false, result: { valid: 10 } } });
  });
  it('refuses a subject whose marks add up to more than the ballots returned', () => {
    expect(
      checkPaper(spec, { issued: 10, returned: 9, counts: { a: { excellent: 5, competent: 4 } } })
        .ok,
    ).toBe(true);
    const r = checkPaper(spec, {
      issued: 10,
      returned: 9,
      counts: { a: { excellent: 5, competent: 5 } },
    });
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.TALLY_INVALID' });
  });
  it('refuses unknown subjects and grades, and more of the best than maxBest × returned', () => {
    expect(checkPaper(spec, { issued: 3, returned: 3, counts: { z: { competent: 1 } } }).ok).toBe(
      false,
    );
    expect(checkPaper(spec, { issued: 3, returned: 3, counts: { a: { good: 1 } } }).ok).toBe(false);
    const six = { a: { excellent: 3 }, b: { excellent: 3 } };
    expect(checkPaper(spec, { issued: 3, returned: 3, counts: six }).ok).toBe(true);
    const seven = { ...six, c: { excellent: 1 } };
    expect(checkPaper(spec, { issued: 3, returned: 3, counts: seven })).toMatchObject({
      ok: false,
      code: 'APPRAISAL.OVER_QUOTA',
    });
  });
  it('hides per-subject tallies below the minimum turnout, at the boundary [SEC-19]', () => {
    const tally = { a: { excellent: 4 } };
    expect(visibleTally({ valid: 4, tally }, 5)).toMatchObject({
      tally: null,
      hidden: expect.stringContaining('4张'),
    });
    expect(visibleTally({ valid: 5, tally }, 5)).toEqual({ tally, hidden: null });
  });
});

describe('opening a campaign [SEC-01, SEC-03, SEC-10, SEC-11, SEC-20]', () => {
  const branch = { kind: 'branch' as const, category: 'organ' as const, profile: 'hunan' as const };
  it('reviews branch, 党总支 and village 党委 secretaries below a 基层党委 only [SEC-01]', () => {
    expect(checkReviewable('secretaryReview', branch, 'c').ok).toBe(true);
    expect(
      checkReviewable('secretaryReview', { kind: 'generalBranch', category: 'organ' }, 'c').ok,
    ).toBe(true);
    expect(
      checkReviewable('secretaryReview', { kind: 'baseCommittee', category: 'village' }, 'c').ok,
    ).toBe(true);
    expect(
      checkReviewable('secretaryReview', { kind: 'baseCommittee', category: 'organ' }, 'c').ok,
    ).toBe(false);
    expect(checkReviewable('secretaryReview', branch, null).ok).toBe(false);
    expect(checkReviewable('branchAppraisal', branch, 'c')).toMatchObject({
      code: 'APPRAISAL.KIND_NOT_AVAILABLE',
    });
  });
  it('takes the nearest 基层党委 above', () => {
    const kinds = new Map([
      ['top', 'baseCommittee'],
      ['mid', 'baseCommittee'],
      ['gb', 'generalBranch'],
    ] as const);
    expect(nearestCommittee(['top', 'mid', 'gb'], kinds)).toBe('mid');
    expect(nearestCommittee([], kinds)).toBeNull();
  });
  it('opens for this year and the one just ended [SEC-03]', () => {
    expect(checkYear(2026, 2026).ok).toBe(true);
    expect(checkYear(2025, 2026).ok).toBe(true);
    expect(checkYear(2024, 2026)).toMatchObject({ ok: false, ruleId: 'SEC-03' });
    expect(checkYear(2027, 2026).ok).toBe(false);
  });
  it('fixes 30/30/40, thresholds off, 5 ballots, 3 months, 12-31 by default [SEC-11] [SEC-20]', () => {
    expect(planOf(branch, 2026)).toEqual({
      weights: { daily: 30, evaluations: 30, verification: 40 },
      thresholds: null,
      minBallots: 5,
      rectifyMonths: 3,
      due: '2026-12-31',
    });
    const on = planOf({ ...branch, settings: { sec: { thresholdsOn: true, due: '02-28' } } }, 2026);
    expect(on.thresholds).toEqual({ excellent: 90, competent: 75, basicallyCompetent: 60 });
    expect(on.due).toBe('2027-02-28');
  });
  it('names predecessors of the year, also to report from half a year of service [SEC-01]', () => {
    // 2026 has 365 days: 182.5 is half. 1 Jan – 2 Jul is 183 days; 1 Jan – 1 Jul is 182.
    const change = (memberId: string, date: string, on: boolean) => ({ memberId, date, on });
    const long = predecessorsOf(2026, 'now', [
      change('old', '2026-07-02', false),
      change('now', '2026-07-02', true),
    ]);
    expect(long).toEqual([
      { memberId: 'old', from: '2026-01-01', to: '2026-07-02', alsoReports: true },
    ]);
    const short = predecessorsOf(2026, 'now', [change('old', '2026-07-01', false)]);
    expect(short[0].alsoReports).toBe(false);
    const spell = predecessorsOf(2026, 'now', [
      change('mid', '2026-03-01', true),
      change('mid', '2026-04-01', false),
    ]);
    expect(spell).toEqual([
      { memberId: 'mid', from: '2026-03-01', to: '2026-04-01', alsoReports: false },
    ]);
    expect(
      predecessorsOf(2026, 'now', [
        change('now', '2026-05-01', false),
        change('now', '2026-06-01', true),
      ]),
    ).toEqual([]);
  });
});

describe('the steps [SEC-07, SEC-08, SEC-09, SEC-17]', () => {
  it('runs report → assembly → committee → grade → publish → done, jiaozuo without committee [SEC-17]', () => {
    expect(nextStep('hunan', 'report')).toBe('assembly');
    expect(nextStep('hunan', 'assembly')).toBe('committee');
    expect(nextStep('jiaozuo', 'assembly')).toBe('grade');
    expect(nextStep('hunan', 'publish')).toBe('done');
  });
  it('refuses an action out of order with the rule of the step [SEC-07] [SEC-08]', () => {
    expect(requireStep('report', 'assembly')).toMatchObject({
      ok: false,
      code: 'APPRAISAL.STEP_ORDER',
      ruleId: 'SEC-08',
    });
    expect(requireStep('assembly', 'report')).toMatchObject({ ok: false, ruleId: 'SEC-07' });
    expect(requireStep('committee', 'committee').ok).toBe(true);
  });
  it('needs the 群众代表 box in 农村, 社区 and jiaozuo, the 点评 and the committee box for the committee step [SEC-08] [SEC-09]', () => {
    const o = { category: 'organ' as const, profile: 'hunan' as const, leaderComment: false };
    expect(stepComplete('assembly', { ...o, closed: { assembly: true } })).toBe(true);
    expect(
      stepComplete('assembly', { ...o, category: 'village', closed: { assembly: true } }),
    ).toBe(false);
    expect(
      stepComplete('assembly', {
        ...o,
        category: 'community',
        closed: { assembly: true, masses: true },
      }),
    ).toBe(true);
    expect(stepComplete('assembly', { ...o, profile: 'jiaozuo', closed: { assembly: true } })).toBe(
      false,
    );
    expect(stepComplete('committee', { ...o, closed: { committee: true } })).toBe(false);
    expect(
      stepComplete('committee', { ...o, leaderComment: true, closed: { committee: true } }),
    ).toBe(true);
    expect(checkBoxAllowed('masses', 'organ', 'hunan').ok).toBe(false);
    expect(checkBoxAllowed('committee', 'organ', 'jiaozuo')).toMatchObject({ ruleId: 'SEC-17' });
  });
});
