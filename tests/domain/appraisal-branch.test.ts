import {
  advancedLimit,
  advancedLimitWords,
  BRANCH_GRADE_WORDS,
  BRANCH_GRADES,
  BRANCH_STEP_WORDS,
  BRANCH_STEPS,
  branchAdvice,
  branchAdvices,
  BranchFacts,
  phaseHandling,
  ratingShare,
  validateBranchDecision,
} from '../../cloudfunctions/_shared/domain/appraisal/branch-grading';

const branch = (orgId: string, over: Partial<BranchFacts> = {}): BranchFacts => ({
  orgId,
  fortressTotal: 80,
  stars: 3,
  reverse: false,
  fiveStatus: 'met',
  members: { valid: 20, favourable: 16 },
  masses: { valid: 10, favourable: 8 },
  centralWork: 8,
  ...over,
});
const many = (n: number, over: Partial<BranchFacts> = {}) =>
  Array.from({ length: n }, (_, i) => branch(`b${String(i + 1).padStart(2, '0')}`, over));

describe('评组织 vocabulary and steps [FORT-19, FORT-20]', () => {
  it('grades 先进/一类/二类/三类 [FORT-19]', () => {
    expect(BRANCH_GRADES.map((g) => BRANCH_GRADE_WORDS[g])).toEqual([
      '先进',
      '一类',
      '二类',
      '三类',
    ]);
  });
  it('runs 集中学习 → 工作述职 → 民主测评 → 组织评定 → 通报奖惩 [FORT-20]', () => {
    expect(BRANCH_STEPS.map((s) => BRANCH_STEP_WORDS[s])).toEqual([
      '集中学习',
      '工作述职',
      '民主测评',
      '组织评定',
      '通报奖惩',
    ]);
  });
  it('files the mid-year result with the 基层党委 and publishes the year-end one [FORT-20]', () => {
    expect(phaseHandling('midYear')).toMatchObject({ publish: false, fileWith: 'baseCommittee' });
    expect(phaseHandling('yearEnd')).toMatchObject({ publish: true, fileWith: 'upperLevel' });
  });
});

describe('先进 ≤ 15% [FORT-19]', () => {
  it('is floor(15N/100): N < 7 → 0, 7 → 1, 13 → 1, 14 → 2, 20 → 3 [FORT-19]', () => {
    expect([0, 1, 6, 7, 13, 14, 19, 20, 100].map(advancedLimit)).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 15,
    ]);
  });
  it('says plainly that fewer than 7 branches means no 先进 [FORT-19]', () => {
    expect(advancedLimitWords(6)).toBe(
      '本级下属党支部共6个，不足7个。先进党支部不超过总数的15%，所以今年不能评先进党支部。',
    );
    expect(advancedLimitWords(14)).toContain('今年最多评2个');
  });
});

describe('advisory grade [FORT-21, FORT-24]', () => {
  it('maps stars: 5★ → 先进, 4★/3★ → 一类, 2★/1★ → 二类, none or a reverse item → 三类 [FORT-21]', () => {
    const g = (stars: number, reverse = false) =>
      branchAdvice(branch('b', { stars, reverse }), 2026).grade;
    expect([5, 4, 3, 2, 1, 0].map((s) => g(s))).toEqual([
      'advanced',
      'first',
      'first',
      'second',
      'second',
      'third',
    ]);
    expect(g(5, true)).toBe('third');
  });
  it('the members and 群众代表 count half each; a low rating or poor work lowers the advice [FORT-21]', () => {
    expect(
      ratingShare({ members: { valid: 40, favourable: 40 }, masses: { valid: 5, favourable: 1 } }),
    ).toBeCloseTo(0.6);
    expect(ratingShare({ members: { valid: 10, favourable: 5 }, masses: null })).toBe(0.5);
    expect(ratingShare({ members: null, masses: { valid: 0, favourable: 0 } })).toBeNull();
    const low = branch('b', {
      stars: 5,
      members: { valid: 10, favourable: 5 },
      masses: { valid: 10, favourable: 6 },
    });
    expect(branchAdvice(low, 2026).grade).toBe('first');
    expect(branchAdvice({ ...low, centralWork: 5 }, 2026).grade).toBe('second');
    expect(
      branchAdvice(
        branch('b', { stars: 1, centralWork: 0, members: { valid: 1, favourable: 0 } }),
        2026,
      ).grade,
    ).toBe('third');
    // Exactly 60% and exactly 6 points do not lower it.
    const edge = branch('b', {
      stars: 5,
      members: { valid: 10, favourable: 6 },
      masses: null,
      centralWork: 6,
    });
    expect(branchAdvice(edge, 2026).grade).toBe('advanced');
  });
  it('a branch that failed the 五化 spot check is never advised 先进 [FORT-24, ORG-30]', () => {
    const a = branchAdvice(branch('b', { stars: 5, fiveStatus: 'spotFailed' }), 2026);
    expect(a.grade).toBe('first');
    expect(a.because.join()).toContain('五化抽查不合格');
  });
  it('keeps 先进 advice within the limit by 堡垒指数, and shows a tie at the limit [FORT-19]', () => {
    const bs = many(14, { stars: 3 });
    bs[0] = { ...bs[0], stars: 5, fortressTotal: 97 };
    bs[1] = { ...bs[1], stars: 5, fortressTotal: 96 };
    bs[2] = { ...bs[2], stars: 5, fortressTotal: 96 };
    const a = branchAdvices(bs, 2026);
    expect(a.slice(0, 3).map((x) => [x.grade, x.tie])).toEqual([
      ['advanced', false],
      ['first', true],
      ['first', true],
    ]);
    // Equal totals are broken by the 测评 share, not by the order of entry.
    bs[2] = { ...bs[2], members: { valid: 20, favourable: 20 } };
    const b = branchAdvices([...bs].reverse(), 2026);
    const by = Object.fromEntries(b.map((x) => [x.orgId, x.grade]));
    expect([by.b01, by.b02, by.b03]).toEqual(['advanced', 'first', 'advanced']);
  });
  it('advises no 先进 at all under 7 branches [FORT-19]', () => {
    const a = branchAdvices(many(6, { stars: 5 }), 2026);
    expect(a.every((x) => x.grade === 'first' && !x.tie)).toBe(true);
  });
});

describe('the 基层党委 decides [FORT-19, FORT-21, FORT-24]', () => {
  const bs = many(7);
  bs[0] = { ...bs[0], stars: 5 };
  const grades = Object.fromEntries(bs.map((b) => [b.orgId, 'first' as const]));
  it('accepts the advice', () => {
    expect(
      validateBranchDecision({ year: 2026, branches: bs, grades: { ...grades, b01: 'advanced' } }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
  });
  it('refuses a second 先进 among 7 branches, and any 先进 among 6 [FORT-19]', () => {
    const two = { ...grades, b01: 'advanced' as const, b02: 'advanced' as const };
    expect(
      validateBranchDecision({
        year: 2026,
        branches: bs,
        grades: two,
        reasons: { b02: '群众公认' },
      }),
    ).toMatchObject({
      ok: false,
      code: 'APPRAISAL.OVER_QUOTA',
      ruleId: 'FORT-19',
    });
    const six = bs.slice(0, 6);
    const r = validateBranchDecision({
      year: 2026,
      branches: six,
      grades: Object.fromEntries(
        six.map((b) => [b.orgId, b.orgId === 'b01' ? 'advanced' : 'first']),
      ),
    });
    expect(r).toMatchObject({ ok: false, code: 'APPRAISAL.OVER_QUOTA' });
    expect(!r.ok && r.message).toContain('不足7个');
  });
  it('refuses 先进 for a branch that failed the 五化 spot check, even with a reason [FORT-24]', () => {
    const failed = bs.map((b) =>
      b.orgId === 'b01' ? { ...b, fiveStatus: 'spotFailed' as const } : b,
    );
    expect(
      validateBranchDecision({
        year: 2026,
        branches: failed,
        grades: { ...grades, b01: 'advanced' },
        reasons: { b01: '工作突出' },
      }),
    ).toMatchObject({ ok: false, code: 'ORG.SPOT_CHECK_FAILED', ruleId: 'FORT-24' });
  });
  it('refuses to finish with a branch ungraded [FORT-19]', () => {
    const { b07: _b07, ...rest } = grades;
    void _b07;
    expect(
      validateBranchDecision({ year: 2026, branches: bs, grades: { ...rest, b01: 'advanced' } }),
    ).toMatchObject({
      code: 'APPRAISAL.GRADE_MISSING',
    });
  });
  it('a grade other than the advice needs a written reason [FORT-21]', () => {
    const off = { ...grades, b01: 'advanced' as const, b03: 'third' as const };
    expect(validateBranchDecision({ year: 2026, branches: bs, grades: off })).toMatchObject({
      code: 'APPRAISAL.REASON_REQUIRED',
      details: { orgId: 'b03' },
    });
    expect(
      validateBranchDecision({
        year: 2026,
        branches: bs,
        grades: off,
        reasons: { b03: '发生严重违纪' },
      }).ok,
    ).toBe(true);
  });
});
