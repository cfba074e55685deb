import {
  drawQuarter,
  drawSample,
  quarterSize,
  requiredPerYear,
  spotNote,
} from '../../cloudfunctions/_shared/domain/org/spot-check';
import { advancedGradeAllowed } from '../../cloudfunctions/_shared/domain/org/five-standards';
import { defaultSetting, checkSetting } from '../../cloudfunctions/_shared/domain/org/settings';

/** Spot checks as pure rules: the required shares, the quarter's size, the seeded draw [MTG-37]. */
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `b${String(i + 1).padStart(3, '0')}`);

describe('the year’s requirement [MTG-37]', () => {
  it.each([
    ['baseCommittee', 14, 14],
    ['county', 30, 3], // 0.1 × 30 is 3.0000000000000004 in floating point: never 4
    ['county', 31, 4],
    ['county', 5, 1],
    ['city', 100, 2],
    ['city', 101, 3],
    ['city', 50, 1],
    ['city', 1, 1],
    ['county', 0, 0],
  ] as const)('%s with %i branches checks at least %i a year [MTG-37]', (level, n, k) => {
    expect(requiredPerYear(level, n)).toBe(k);
  });

  it('is a superior setting whose default is the 基层党委 rule [MTG-37]', () => {
    const org = { kind: 'baseCommittee', category: 'organ', profile: 'default' } as const;
    expect(defaultSetting(org, 'org.spotCheckLevel')).toBe('baseCommittee');
    expect(checkSetting('org.spotCheckLevel', 'county')).toBeNull();
    expect(checkSetting('org.spotCheckLevel', 'province')).toMatch(/^请从/);
  });
});

describe('the quarter’s sample size [MTG-37]', () => {
  /** Draws every quarter as the use case does, and answers the sizes and the branches covered. */
  function year(level: 'baseCommittee' | 'county' | 'city', n: number) {
    const all = ids(n);
    const drawn = new Set<string>();
    const sizes: number[] = [];
    for (let q = 1; q <= 4; q++) {
      const k = quarterSize({ level, quarter: q, branches: n, checked: drawn.size });
      const unchecked = all.filter((i) => !drawn.has(i));
      const checked = all.filter((i) => drawn.has(i));
      const sample = drawQuarter(`seed-${q}`, unchecked, checked, k);
      expect(sample).toHaveLength(k);
      sample.forEach((i) => drawn.add(i));
      sizes.push(k);
    }
    return { sizes, covered: drawn.size };
  }

  it('makes a 基层党委 check ≥ 1 each quarter and every branch by Q4 [MTG-37]', () => {
    expect(year('baseCommittee', 14)).toEqual({ sizes: [4, 4, 3, 3], covered: 14 });
    expect(year('baseCommittee', 2)).toEqual({ sizes: [1, 1, 1, 1], covered: 2 });
    expect(year('baseCommittee', 1)).toEqual({ sizes: [1, 1, 1, 1], covered: 1 });
    // Starting late: Q4 takes every branch still unchecked.
    expect(quarterSize({ level: 'baseCommittee', quarter: 4, branches: 14, checked: 3 })).toBe(11);
  });

  it('spreads a 县’s 10% and a 市’s 2% over the year, met by Q4 [MTG-37]', () => {
    expect(year('county', 100)).toEqual({ sizes: [3, 3, 2, 2], covered: 10 });
    // A 市 checks each quarter too; the year's 2% is met early and the rest are extra.
    const city = year('city', 100);
    expect(city.sizes).toEqual([1, 1, 1, 1]);
    expect(city.covered).toBeGreaterThanOrEqual(requiredPerYear('city', 100));
    expect(quarterSize({ level: 'county', quarter: 4, branches: 100, checked: 4 })).toBe(6);
    expect(quarterSize({ level: 'county', quarter: 1, branches: 0, checked: 0 })).toBe(0);
  });
});

describe('the seeded draw [MTG-37]', () => {
  const pool = ids(40);

  it('is a pure function of the seed and the sorted ids: the same seed draws the same sample [MTG-37]', () => {
    const a = drawSample('5f1c9e', pool, 5);
    expect(drawSample('5f1c9e', [...pool].reverse(), 5)).toEqual(a);
    expect(drawSample('5f1c9e', pool, 5)).toEqual(a);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    a.forEach((i) => expect(pool).toContain(i));
    expect([...a].sort()).toEqual(a);
  });

  it('gives different samples for different seeds, each branch drawn about equally often [MTG-37]', () => {
    const samples = new Set(
      Array.from({ length: 20 }, (_, i) => drawSample(`s${i}`, pool, 5).join()),
    );
    expect(samples.size).toBe(20);
    const hits = new Map<string, number>();
    for (let i = 0; i < 4000; i++)
      for (const id of drawSample(`seed${i}`, ids(10), 1)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // 400 expected each; a biased draw (e.g. always the first) would be far off.
    for (const id of ids(10)) expect(Math.abs((hits.get(id) ?? 0) - 400)).toBeLessThan(100);
  });

  it('draws all when k is at least the pool, none when k is 0 [MTG-37]', () => {
    expect(drawSample('x', ids(3), 10)).toEqual(ids(3));
    expect(drawSample('x', ids(3), 0)).toEqual([]);
  });

  it('draws first from the branches not yet checked, the rest from the others [MTG-37]', () => {
    const unchecked = ['b001', 'b007'];
    const checked = ids(10).filter((i) => !unchecked.includes(i));
    expect(drawQuarter('q', unchecked, checked, 1).every((i) => unchecked.includes(i))).toBe(true);
    const four = drawQuarter('q', unchecked, checked, 4);
    expect(four).toHaveLength(4);
    expect(four).toEqual(expect.arrayContaining(unchecked));
    expect(four).toEqual([...new Set([...unchecked, ...drawSample('q', checked, 2)])].sort());
  });
});

describe('the page’s words and the 五化 mark [MTG-37] [ORG-30] [FORT-24]', () => {
  it('says what is required and what is done, in plain words [MTG-37]', () => {
    const base = { level: 'county' as const, year: 2026, branches: 30, required: 3, failed: 0 };
    expect(spotNote({ ...base, checked: 1, pending: 1, unchecked: 28 })).toBe(
      '县级党委每年至少抽查所属党支部的10%。本年度应抽查3个，已抽查1个，已抽到、待登记结果的1个；还需抽查1个。',
    );
    expect(spotNote({ ...base, checked: 3, pending: 0, unchecked: 27, failed: 1 })).toBe(
      '县级党委每年至少抽查所属党支部的10%。本年度应抽查3个，已抽查3个，其中检查不合格的1个；本年度的抽查要求已经达到。',
    );
    const note = spotNote({
      level: 'baseCommittee',
      year: 2026,
      branches: 14,
      required: 14,
      checked: 0,
      pending: 4,
      unchecked: 10,
      failed: 0,
    });
    expect(note).toContain('一年内14个党支部都要抽查到');
    expect(note).not.toMatch(/[A-Za-z]/);
  });

  it('a 五化 status 抽查不合格 refuses 先进 that year [ORG-30] [FORT-24]', () => {
    expect(advancedGradeAllowed('spotFailed', 2026).ok).toBe(false);
    expect(advancedGradeAllowed('met', 2026).ok).toBe(true);
  });
});
