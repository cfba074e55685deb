import {
  allExcellentBallots,
  allExcellentHint,
  rateHints,
  rotationHint,
  RotationYear,
} from '../../cloudfunctions/_shared/domain/appraisal/anomalies';

describe('优秀 rate hints [APR-05]', () => {
  it('says nothing below 30%, hints from 30% to 1/3, alerts above 1/3 [APR-05]', () => {
    expect(rateHints({ fullMembers: 30, excellent: 8 }, null)).toEqual([]); // 26.7%
    expect(rateHints({ fullMembers: 30, excellent: 9 }, null)).toEqual([
      expect.objectContaining({ ruleId: 'APR-05', level: 'info' }),
    ]); // 30%
    expect(rateHints({ fullMembers: 30, excellent: 10 }, null)[0].level).toBe('info'); // exactly 1/3
    const over = rateHints({ fullMembers: 33, excellent: 27 }, null);
    expect(over[0]).toMatchObject({ level: 'alert' });
    expect(over[0].message).toContain('超过了1/3');
    expect(rateHints({ fullMembers: 0, excellent: 0 }, null)).toEqual([]);
  });
  it('hints a jump of 15 points and 2 members from last year, not less [APR-05]', () => {
    const jump = rateHints({ fullMembers: 20, excellent: 5 }, { fullMembers: 20, excellent: 2 });
    expect(jump.map((a) => a.level)).toEqual(['warning']); // 10% → 25%
    expect(rateHints({ fullMembers: 20, excellent: 4 }, { fullMembers: 20, excellent: 2 })).toEqual(
      [],
    ); // +10 points
    // A small branch: 0 → 1 of 3 is +33 points but one member: no jump hint (the rate hint stays).
    expect(
      rateHints({ fullMembers: 3, excellent: 1 }, { fullMembers: 3, excellent: 0 }).map(
        (a) => a.level,
      ),
    ).toEqual(['info']);
  });
});

describe('ballots that mark everyone 优秀 [APR-05, APR-21]', () => {
  const markable = ['a', 'b', 'c'];
  it('uses the number counted at close when there is one [APR-21]', () => {
    expect(allExcellentBallots(markable, 10, {}, 3)).toEqual({
      atLeast: 3,
      atMost: 3,
      exact: true,
    });
  });
  it('otherwise gives honest bounds from the tally alone [APR-21]', () => {
    // 10 valid; 优秀 marks 9, 8, 7 → E = 24 > 10 × 2: at least 4 ballots marked all three; at most 7.
    const t = { a: { excellent: 9 }, b: { excellent: 8 }, c: { excellent: 7 } };
    expect(allExcellentBallots(markable, 10, t, null)).toEqual({
      atLeast: 4,
      atMost: 7,
      exact: false,
    });
    expect(allExcellentBallots(markable, 10, { a: { excellent: 9 } }, null)).toEqual({
      atLeast: 0,
      atMost: 0,
      exact: true,
    });
    expect(allExcellentBallots([], 10, {}, null).atLeast).toBe(0);
  });
  it('hints from 20% of the returned ballots, on the certain lower bound only [APR-05]', () => {
    expect(allExcellentHint(20, { atLeast: 4, exact: true })?.message).toContain(
      '4张把所有人都评为“优秀”',
    );
    expect(allExcellentHint(20, { atLeast: 4, exact: false })?.message).toContain('至少4张');
    expect(allExcellentHint(20, { atLeast: 3, exact: true })).toBeNull();
    expect(allExcellentHint(0, { atLeast: 0, exact: true })).toBeNull();
  });
});

describe('轮流坐庄 [APR-10]', () => {
  const pts = (o: Record<string, number>) => o;
  const points = pts({ a: 95, b: 90, c: 85, d: 70, e: 65, f: 60 });
  const y = (year: number, excellent: string[], p = points): RotationYear => ({
    year,
    excellent,
    points: p,
  });
  it('hints when 优秀 goes to different members each year and twice to someone below the median [APR-10]', () => {
    const h = rotationHint([y(2024, ['a', 'd']), y(2025, ['b', 'e']), y(2026, ['c', 'f'])]);
    expect(h).toMatchObject({ ruleId: 'APR-10', level: 'warning' });
    expect(h?.message).toContain('2024—2026年');
  });
  it('no hint when someone is 优秀 twice, when the 优秀 follow the points, or with fewer than 3 years [APR-10]', () => {
    expect(
      rotationHint([y(2024, ['a', 'd']), y(2025, ['a', 'e']), y(2026, ['c', 'f'])]),
    ).toBeNull();
    expect(rotationHint([y(2024, ['a']), y(2025, ['b']), y(2026, ['c'])])).toBeNull();
    expect(rotationHint([y(2025, ['b', 'e']), y(2026, ['c', 'f'])])).toBeNull();
    // Only one year with a 优秀 below the median.
    expect(rotationHint([y(2024, ['a', 'd']), y(2025, ['b']), y(2026, ['c'])])).toBeNull();
  });
  it('needs consecutive years with points; a gap ends the window [APR-10]', () => {
    expect(
      rotationHint([y(2022, ['a', 'd']), y(2025, ['b', 'e']), y(2026, ['c', 'f'])]),
    ).toBeNull();
    expect(
      rotationHint([y(2024, ['a', 'd']), y(2025, ['b', 'e'], {}), y(2026, ['c', 'f'])]),
    ).toBeNull();
    // The order given does not matter.
    expect(
      rotationHint([y(2026, ['c', 'f']), y(2024, ['a', 'd']), y(2025, ['b', 'e'])]),
    ).not.toBeNull();
  });
});
