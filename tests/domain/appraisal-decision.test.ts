import { Participant, TallyResult } from '../../cloudfunctions/_shared/domain/appraisal/democratic';
import {
  decisionProblems,
  registrationGaps,
  DecisionInput,
  selfLapseCandidate,
  validateDecision,
  MonthFacts,
} from '../../cloudfunctions/_shared/domain/appraisal/democratic-decision';

const full = (n: number, prefix = 'm'): Participant[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `${prefix}${i + 1}`, status: 'full' }));
const prob = (id: string): Participant => ({ memberId: id, status: 'probationary' });
const tally = (valid: number, t: TallyResult['tally']): TallyResult => ({ valid, tally: t });

describe('组织评定 [APR-05, APR-06, APR-09, APR-10, APR-20]', () => {
  const ps = [...full(6), prob('p1')];
  const base: DecisionInput = {
    profile: 'default',
    participants: ps,
    grades: {
      m1: 'excellent',
      m2: 'excellent',
      m3: 'qualified',
      m4: 'qualified',
      m5: 'qualified',
      m6: 'qualified',
      p1: null,
    },
    tally: null,
    flags: [],
  };
  const codes = (d: DecisionInput, final = true) =>
    decisionProblems(d, final).map((p) => [p.code, p.ruleId]);
  it('accepts a complete decision within the quota', () => {
    expect(validateDecision(base, true)).toEqual({ ok: true, value: undefined });
  });
  it('refuses more 优秀 than floor(N/3) [APR-05]', () => {
    expect(codes({ ...base, grades: { ...base.grades, m3: 'excellent' } })).toEqual([
      ['APPRAISAL.OVER_QUOTA', 'APR-05'],
    ]);
  });
  it('refuses any 优秀 when N = 2: no "at least 1" [APR-05]', () => {
    const r = validateDecision(
      { ...base, participants: full(2), grades: { m1: 'excellent', m2: 'qualified' } },
      true,
    );
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.OVER_QUOTA' });
  });
  it('refuses a grade for a 预备党员 [APR-06]', () => {
    expect(codes({ ...base, grades: { ...base.grades, p1: 'qualified' } })).toEqual([
      ['APPRAISAL.PROBATIONARY', 'APR-06'],
    ]);
  });
  it('refuses to close while a 正式党员 has no grade; a partial save is fine [APR-09]', () => {
    const d = { ...base, grades: { ...base.grades, m6: null } };
    expect(codes(d)).toEqual([['APPRAISAL.GRADE_MISSING', 'APR-09']]);
    expect(codes(d, false)).toEqual([]);
  });
  it('refuses 基本合格 under a three-grade profile [APR-04]', () => {
    const d = {
      ...base,
      profile: 'xianning' as const,
      grades: { ...base.grades, m6: 'basicallyQualified' as const },
    };
    expect(codes(d)).toEqual([['APPRAISAL.GRADE_NOT_ALLOWED', 'APR-04']]);
  });
  it('refuses to grade again a member appraised at the 流入地 [APR-20]', () => {
    const f1: Participant = {
      memberId: 'f1',
      status: 'full',
      imported: { grade: 'qualified', orgName: '深圳某支部' },
    };
    const d = { ...base, participants: [...ps, f1] };
    expect(codes(d)).toEqual([]);
    expect(codes({ ...d, grades: { ...d.grades, f1: 'qualified' } })).toEqual([
      ['APPRAISAL.IMPORTED', 'APR-20'],
    ]);
  });
  it('needs a decision on every unqualified-candidate flag: 不合格, or dismissed with a reason [APR-10, TD-22, APR-14, PTS-24]', () => {
    const flags = [
      { memberId: 'm4', reason: 'themeDayAbsence' as const },
      { memberId: 'm5', reason: 'selfLapse' as const },
      { memberId: 'm6', reason: 'pointsBottom' as const },
    ];
    expect(codes({ ...base, flags })).toEqual([
      ['APPRAISAL.FLAG_UNDECIDED', 'TD-22'],
      ['APPRAISAL.FLAG_UNDECIDED', 'APR-14'],
      ['APPRAISAL.FLAG_UNDECIDED', 'PTS-24'],
    ]);
    const decided = {
      ...base,
      flags,
      grades: { ...base.grades, m4: 'unqualified' as const },
      reasons: { m5: '已核实，因病住院', m6: '  ' },
    };
    expect(codes(decided)).toEqual([['APPRAISAL.FLAG_UNDECIDED', 'PTS-24']]);
  });
  it('needs a reason for a grade off the tally’s clear majority, not otherwise [APR-10]', () => {
    const t = tally(9, {
      m1: { excellent: 7 },
      m2: { excellent: 6 },
      m3: { qualified: 5, excellent: 4 },
      m4: { qualified: 4, basicallyQualified: 4 },
    });
    const d = { ...base, tally: t, grades: { ...base.grades, m4: 'basicallyQualified' as const } };
    expect(codes(d)).toEqual([]); // m4 has no clear majority (4 of 9)
    const off = { ...d, grades: { ...d.grades, m3: 'basicallyQualified' as const } };
    expect(codes(off)).toEqual([['APPRAISAL.REASON_REQUIRED', 'APR-10']]);
    expect(codes({ ...off, reasons: { m3: '平时表现有明显差距' } })).toEqual([]);
  });
  it('a split tie at the quota boundary needs a written reason for each of the tied members [APR-05]', () => {
    const t = tally(9, {
      m1: { excellent: 7, qualified: 2 },
      m2: { excellent: 4 },
      m3: { excellent: 4 },
    });
    const d = {
      ...base,
      tally: t,
      grades: { ...base.grades, m2: 'excellent' as const, m3: 'qualified' as const },
    };
    const p = decisionProblems(d, true);
    expect(p.map((x) => [x.code, x.memberId])).toEqual([
      ['APPRAISAL.REASON_REQUIRED', 'm2'],
      ['APPRAISAL.REASON_REQUIRED', 'm3'],
    ]);
    // Entry order never decides: the same grades given in another order give the same problems.
    const reordered = { ...d, grades: Object.fromEntries(Object.entries(d.grades).reverse()) };
    expect(decisionProblems(reordered, true)).toEqual(p);
    expect(codes({ ...d, reasons: { m2: '带头完成防汛任务', m3: '名额所限' } })).toEqual([]);
    // Nobody of the tie chosen: nothing is being broken, no reason needed.
    expect(codes({ ...d, grades: { ...d.grades, m2: 'qualified' } })).toEqual([]);
  });
});

describe('passing over more 优秀 votes, and the 登记表 [APR-10, APR-11]', () => {
  const ps = full(6);
  const grades = {
    m1: 'qualified',
    m2: 'qualified',
    m3: 'qualified',
    m4: 'qualified',
    m5: 'qualified',
    m6: 'qualified',
  } as const;
  const t = tally(9, { m1: { excellent: 4 }, m2: { excellent: 3 }, m3: { excellent: 2 } });
  const d: DecisionInput = { profile: 'default', participants: ps, grades, tally: t, flags: [] };
  it('an 优秀 given past a member with more 优秀 votes needs a reason; in vote order it does not [APR-10]', () => {
    const past = { ...d, grades: { ...grades, m3: 'excellent' as const } };
    expect(decisionProblems(past, true).map((p) => [p.code, p.memberId])).toEqual([
      ['APPRAISAL.REASON_REQUIRED', 'm3'],
    ]);
    expect(decisionProblems({ ...past, reasons: { m3: '抗洪抢险表现突出' } }, true)).toEqual([]);
    expect(
      decisionProblems({ ...d, grades: { ...grades, m1: 'excellent', m2: 'excellent' } }, true),
    ).toEqual([]);
  });
  it('the 登记表 is complete only with all four columns; 预备党员 signed without a grade [APR-11, APR-06]', () => {
    const e = {
      status: 'full' as const,
      selfEvaluation: '自评',
      mutualSummary: '互评',
      ballotSummary: '合格9票',
      grade: 'qualified' as const,
      signed: true,
    };
    expect(registrationGaps(e)).toEqual([]);
    expect(registrationGaps({ ...e, selfEvaluation: ' ', grade: null })).toEqual([
      'selfEvaluation',
      'branchOpinion',
    ]);
    expect(registrationGaps({ ...e, signed: false })).toEqual(['branchOpinion']);
    expect(registrationGaps({ ...e, status: 'probationary', grade: null })).toEqual([]);
    expect(registrationGaps({ ...e, mutualSummary: null, ballotSummary: '' })).toEqual([
      'mutualSummary',
      'ballotSummary',
    ]);
  });
});

describe('自行脱党 candidate [APR-14, FEE-23]', () => {
  const months = (from: string, n: number, f: Partial<MonthFacts>): MonthFacts[] =>
    Array.from({ length: n }, (_, i) => {
      const [y, m] = from.split('-').map(Number);
      const t = y * 12 + m - 1 + i;
      const month = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
      return { month, orgLife: true, duesPaid: true, work: true, ...f };
    });
  it('flags 6 consecutive months without dues across the year end, with the months [APR-14, FEE-23]', () => {
    const c = selfLapseCandidate('m1', months('2026-08', 6, { duesPaid: false }));
    expect(c?.runs).toEqual([
      { kind: 'dues', months: ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'] },
    ]);
    expect(c?.message).toContain('2026-08至2027-01连续6个月不交纳党费');
  });
  it('5 months is not enough; a month of organisational life breaks the run [APR-14]', () => {
    expect(selfLapseCandidate('m1', months('2026-01', 5, { orgLife: false }))).toBeNull();
    const broken = months('2026-01', 7, { orgLife: false });
    broken[3] = { ...broken[3], orgLife: true };
    expect(selfLapseCandidate('m1', broken)).toBeNull();
  });
  it('a missing month, an excused month, or a month with no assigned work breaks the run [APR-14]', () => {
    const gap = months('2026-01', 7, { work: false }).filter((f) => f.month !== '2026-04');
    expect(selfLapseCandidate('m1', gap)).toBeNull();
    const excused = months('2026-01', 7, { orgLife: false });
    excused[2] = { ...excused[2], excused: true };
    expect(selfLapseCandidate('m1', excused)).toBeNull();
    const none = months('2026-01', 7, { work: false });
    none[3] = { ...none[3], work: null };
    expect(selfLapseCandidate('m1', none)).toBeNull();
    expect(selfLapseCandidate('m1', months('2026-01', 6, { work: false }))?.runs[0].kind).toBe(
      'work',
    );
  });
  it('does not depend on the order the months are given in [APR-14]', () => {
    const r = months('2026-03', 6, { orgLife: false }).reverse();
    expect(selfLapseCandidate('m1', r)?.runs[0].months[0]).toBe('2026-03');
  });
});
