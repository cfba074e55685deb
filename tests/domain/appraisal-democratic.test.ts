import {
  currentDemocraticStep,
  DEMOCRATIC_STEP_WORDS,
  DEMOCRATIC_STEPS,
  democraticGrades,
  democraticFiled,
  democraticStepAllowed,
  democraticTiming,
  timingAlerts,
} from '../../cloudfunctions/_shared/domain/appraisal/democratic-model';
import {
  advisoryGrades,
  awardWarning,
  ballotForm,
  boundaryTie,
  candidateFlags,
  checkMarks,
  clearMajority,
  excellentQuota,
  mayVote,
  mergeTallies,
  Participant,
  quotaOf,
  TallyResult,
} from '../../cloudfunctions/_shared/domain/appraisal/democratic';

const full = (n: number, prefix = 'm'): Participant[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `${prefix}${i + 1}`, status: 'full' }));
const prob = (id: string): Participant => ({ memberId: id, status: 'probationary' });

describe('grades and steps [APR-01…APR-04]', () => {
  it('has four grades by default and in hunan [APR-03]', () => {
    expect(democraticGrades('default')).toEqual([
      'excellent',
      'qualified',
      'basicallyQualified',
      'unqualified',
    ]);
    expect(democraticGrades('hunan')).toHaveLength(4);
  });
  it('drops 基本合格 in jiaozuo and xianning [APR-04]', () => {
    for (const p of ['jiaozuo', 'xianning'] as const)
      expect(democraticGrades(p)).toEqual(['excellent', 'qualified', 'unqualified']);
  });
  it('runs 学习 → 个人自评 → 党员互评 → 民主测评 → 组织评定 → 反馈 → 报告 → 归档 and skips none [APR-02]', () => {
    expect(DEMOCRATIC_STEPS.map((s) => DEMOCRATIC_STEP_WORDS[s])).toEqual([
      '学习',
      '个人自评',
      '党员互评',
      '民主测评',
      '组织评定',
      '向党员反馈结果',
      '报告基层党委',
      '记入个人档案',
    ]);
    expect(currentDemocraticStep([])).toBe('study');
    expect(democraticStepAllowed('study', []).ok).toBe(true);
    const skip = democraticStepAllowed('ballot', ['study', 'selfEvaluation']);
    expect(skip).toMatchObject({ ok: false, code: 'APPRAISAL.STEP_ORDER', ruleId: 'APR-02' });
    expect(!skip.ok && skip.message).toContain('党员互评');
    expect(democraticStepAllowed('study', ['study']).ok).toBe(false);
    expect(currentDemocraticStep([...DEMOCRATIC_STEPS])).toBe('done');
  });
  it('says when each profile holds it [APR-01]', () => {
    expect(democraticTiming('default')).toMatchObject({ month: 12, anchor: 'month' });
    expect(democraticTiming('default', 11).words).toBe('每年11月开展');
    expect(democraticTiming('xianning', 11)).toMatchObject({ month: 12, anchor: 'themeDay' });
    expect(democraticTiming('hunan').anchor).toBe('orgLifeMeeting');
    expect(democraticTiming('jiaozuo')).toMatchObject({
      anchor: 'afterBranchAndSecretary',
      after: ['branchAppraisal', 'secretaryReview'],
    });
  });
  it('warns, never refuses, when held off its time [APR-01]', () => {
    const f = { year: 2026, heldOn: '2026-12-10' };
    expect(timingAlerts('default', f)).toEqual([]);
    expect(timingAlerts('default', { ...f, heldOn: '2026-11-30' })[0].ruleId).toBe('APR-01');
    expect(timingAlerts('default', { ...f, heldOn: '2027-01-05' })).toHaveLength(1);
    expect(timingAlerts('xianning', { ...f, onThemeDay: false })).toHaveLength(1);
    expect(timingAlerts('xianning', { ...f, onThemeDay: true })).toEqual([]);
    expect(timingAlerts('hunan', { ...f, withOrgLifeMeeting: false })).toHaveLength(1);
    const jz = timingAlerts('jiaozuo', {
      ...f,
      heldOn: '2026-11-20',
      branchAppraisalDone: true,
      secretaryReviewDone: false,
    });
    expect(jz.map((a) => a.message)).toEqual([expect.stringContaining('评书记')]);
    expect(
      timingAlerts('jiaozuo', { ...f, branchAppraisalDone: true, secretaryReviewDone: true }),
    ).toEqual([]);
  });
});

describe('优秀 quota [APR-05]', () => {
  it('is floor(N/3) with no "at least 1": N = 0,1,2 → 0; 3 → 1; 5 → 1; 6 → 2; 33 → 11 [APR-05]', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 8, 9, 33].map(excellentQuota)).toEqual([
      0, 0, 0, 1, 1, 1, 2, 2, 3, 11,
    ]);
    expect(excellentQuota(-1)).toBe(0);
  });
  it('counts 正式党员 only, not 预备党员 nor imported 流入地 results [APR-05, APR-20]', () => {
    const ps = [...full(5), prob('p1'), prob('p2')];
    expect(quotaOf(ps)).toBe(1);
    expect(quotaOf([...ps, { memberId: 'm6', status: 'full' }])).toBe(2);
    const flowing = {
      memberId: 'f1',
      status: 'full' as const,
      imported: { grade: null, orgName: '某地' },
    };
    expect(quotaOf([...full(5), flowing])).toBe(1);
  });
});

describe('the 测评 ballot [APR-05, APR-06, APR-07]', () => {
  const ps = [...full(6), prob('p1')];
  const form = ballotForm('default', ps);
  it('marks 正式党员 only, with at most floor(N/3) 优秀 [APR-05, APR-06]', () => {
    expect(form.markable).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(form.maxExcellent).toBe(2);
    expect(checkMarks(form, { m1: 'excellent', m2: 'excellent', m3: 'qualified' }).ok).toBe(true);
    expect(checkMarks(form, { m1: 'excellent', m2: 'excellent', m3: 'excellent' })).toMatchObject({
      ok: false,
      code: 'APPRAISAL.OVER_QUOTA',
      ruleId: 'APR-05',
    });
  });
  it('refuses a mark for a 预备党员 [APR-06]', () => {
    expect(checkMarks(form, { p1: 'qualified' })).toMatchObject({
      code: 'APPRAISAL.NOT_MARKABLE',
      ruleId: 'APR-06',
    });
  });
  it('refuses 基本合格 on a three-grade ballot [APR-04]', () => {
    const f3 = ballotForm('jiaozuo', ps);
    expect(checkMarks(f3, { m1: 'basicallyQualified' })).toMatchObject({ ruleId: 'APR-04' });
    expect(checkMarks(form, { m1: 'basicallyQualified' }).ok).toBe(true);
  });
  it('allows no 优秀 at all when N < 3, in plain words [APR-05]', () => {
    const small = ballotForm('default', full(2));
    const r = checkMarks(small, { m1: 'excellent' });
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.OVER_QUOTA' });
    expect(!r.ok && r.message).toContain('不足3名');
  });
  it('lets a 预备党员 vote only when apr.probationaryBallot is on [APR-07]', () => {
    expect(mayVote('full', false)).toBe(true);
    expect(mayVote('probationary', true)).toBe(true);
    expect(mayVote('probationary', false)).toBe(false);
  });
});

const tally = (valid: number, t: TallyResult['tally']): TallyResult => ({ valid, tally: t });

describe('tally, advisory grade and boundary ties [APR-10, APR-05]', () => {
  it('a clear majority is more than half of the valid ballots; exactly half is none [APR-10]', () => {
    const t = tally(10, {
      a: { excellent: 6 },
      b: { excellent: 5, qualified: 5 },
      c: { qualified: 5 },
    });
    expect(clearMajority(t, 'a')).toBe('excellent');
    expect(clearMajority(t, 'b')).toBeNull();
    // Unmarked ballots count against: 5 of 10 valid is not a majority even with no other mark.
    expect(clearMajority(t, 'c')).toBeNull();
  });
  it('advises the majority, else the median; 预备 null; never more 优秀 than the quota [APR-10, APR-06]', () => {
    const ps = [...full(6), prob('p1')];
    const t = tally(9, {
      m1: { excellent: 8, qualified: 1 },
      m2: { excellent: 7, qualified: 2 },
      m3: { excellent: 5, qualified: 4 },
      m4: { excellent: 4, qualified: 3, basicallyQualified: 2 },
      m5: { qualified: 3, basicallyQualified: 3, unqualified: 3 },
    });
    const a = Object.fromEntries(advisoryGrades('default', t, ps).map((x) => [x.memberId, x]));
    expect(a.m1).toMatchObject({ grade: 'excellent', basis: 'majority', tie: false });
    expect(a.m2.grade).toBe('excellent');
    expect(a.m3).toMatchObject({ grade: 'qualified' }); // over the quota of 2
    expect(a.m4).toMatchObject({ grade: 'qualified', basis: 'median' });
    expect(a.m5).toMatchObject({ grade: 'basicallyQualified', basis: 'median' });
    expect(a.m6).toMatchObject({ grade: null, basis: 'none' });
    expect(a.p1).toMatchObject({ grade: null });
  });
  it('detects equal 优秀 votes straddling the quota, whatever the entry order [APR-05]', () => {
    const t = tally(9, { m1: { excellent: 7 }, m2: { excellent: 6 }, m3: { excellent: 6 } });
    const ps = full(6);
    const tie = boundaryTie(t, ps);
    expect(tie).toEqual({ votes: 6, memberIds: ['m2', 'm3'], seats: 1 });
    expect(boundaryTie(t, [...ps].reverse())).toEqual(tie);
    const adv = advisoryGrades('default', t, ps).filter((x) => x.tie);
    expect(adv.map((x) => [x.memberId, x.grade])).toEqual([
      ['m2', 'qualified'],
      ['m3', 'qualified'],
    ]);
  });
  it('no tie when the tied group fits, or at 0 votes, or with no quota [APR-05]', () => {
    expect(
      boundaryTie(tally(9, { m1: { excellent: 6 }, m2: { excellent: 6 } }), full(6)),
    ).toBeNull();
    expect(boundaryTie(tally(9, { m1: { excellent: 6 } }), full(6))).toBeNull();
    expect(
      boundaryTie(tally(9, { m1: { excellent: 2 }, m2: { excellent: 2 } }), full(2)),
    ).toBeNull();
  });
  it('an imported 流入地 result is shown as it is, not advised again [APR-20]', () => {
    const ps: Participant[] = [
      ...full(3),
      { memberId: 'f1', status: 'full', imported: { grade: 'excellent', orgName: '深圳某支部' } },
    ];
    const a = advisoryGrades('default', tally(3, { m1: { excellent: 3 } }), ps);
    expect(a.find((x) => x.memberId === 'f1')).toMatchObject({
      grade: 'excellent',
      basis: 'imported',
    });
  });
  it('warns when a superior awards 优秀党员 to a member the branch did not grade 优秀 [APR-13]', () => {
    expect(awardWarning('excellent')).toBeNull();
    expect(awardWarning('qualified')).toMatchObject({ ruleId: 'APR-13', level: 'warning' });
    expect(awardWarning(null)?.ruleId).toBe('APR-13');
  });
  it('a large branch voting by 党小组 merges the groups’ tallies; each member’s majority is over their own group [APR-08]', () => {
    const g1 = {
      members: ['m1', 'm2', 'm3'],
      result: tally(3, { m1: { excellent: 2, qualified: 1 }, m2: { qualified: 3 } }),
    };
    const g2 = {
      members: ['m4', 'm5', 'm6'],
      result: tally(4, { m4: { excellent: 3 }, m1: { qualified: 1 } }),
    };
    const t = mergeTallies([g1, g2]);
    expect(t.valid).toBe(7);
    expect(t.tally.m1).toEqual({ excellent: 2, qualified: 2 });
    expect(t.validBy).toEqual({ m1: 3, m2: 3, m3: 3, m4: 4, m5: 4, m6: 4 });
    expect(clearMajority(t, 'm2')).toBe('qualified'); // 3 of 3 in its group, not 3 of 7
    expect(clearMajority(t, 'm4')).toBe('excellent');
    expect(ballotForm('default', full(3)).maxExcellent).toBe(1);
  });
  it('collects the board’s flags from TD-22, APR-14 and PTS-24, once each, in member order [APR-10, TD-22, APR-14, PTS-24]', () => {
    const flags = candidateFlags({
      absences: [
        { memberId: 'm2', ruleId: 'TD-22' },
        { memberId: 'm2', ruleId: 'TD-22' },
        { memberId: 'm3', ruleId: 'TD-23' },
      ],
      lapses: [{ memberId: 'm1' }],
      ranks: [
        { memberId: 'm2', needsTalk: true },
        { memberId: 'm4', needsTalk: false },
      ],
    });
    expect(flags).toEqual([
      { memberId: 'm1', reason: 'selfLapse' },
      { memberId: 'm2', reason: 'themeDayAbsence' },
      { memberId: 'm2', reason: 'pointsBottom' },
    ]);
  });
  it('earns the FORT-09 民主评议 points only once completed and filed [FORT-09, APR-02]', () => {
    expect(democraticFiled(DEMOCRATIC_STEPS.slice(0, 7))).toBe(false);
    expect(democraticFiled([...DEMOCRATIC_STEPS])).toBe(true);
  });
});
