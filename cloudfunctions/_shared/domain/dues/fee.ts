import { fail, ok, Result } from '../shared/result';

export const DUES_CATEGORIES = [
  'salaried',
  'annualSalary',
  'nonMonthly',
  'retired',
  'farmer',
  'student',
  'unemployed',
  'relief',
  'lowIncome',
] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number]; // FEE-01

export interface Fee {
  monthlyFen: number;
  /** Rate in basis points (0.5% = 50); null for the fixed amounts of FEE-10. */
  rate: number | null;
  /** The exact fee in yuan, never rounded (e.g. "30.0001"). */
  exact: string;
}

/** Salaried and annual-salary bands on the whole base (全额累进, not summed) [FEE-05, FEE-06]. */
export function salariedRate(baseFen: number): number {
  if (baseFen <= 300_000) return 50;
  if (baseFen <= 500_000) return 100;
  if (baseFen <= 1_000_000) return 150;
  return 200;
}

/** Retired members: ≤ 5000 yuan 0.5%, above 1% [FEE-09]. */
export const retiredRate = (baseFen: number) => (baseFen <= 500_000 ? 50 : 100);

/** numerator / denominator fen as a yuan string (to 1/10000 fen; thirds are cut there). */
function yuan(numerator: number, denominator: number): string {
  // fen × 10000 / denominator gives ten-thousandths of a fen exactly for our denominators
  const scaled = (BigInt(numerator) * 10000n) / BigInt(denominator); // in 1/10000 fen
  const s = scaled.toString().padStart(7, '0');
  const whole = s.slice(0, -6);
  const frac = s.slice(-6).replace(/0+$/, '');
  return frac ? `${whole || '0'}.${frac}` : whole || '0';
}

/**
 * The monthly dues [FEE-05 … FEE-12]: integer arithmetic in fen and basis points; the amount is
 * rounded UP to the fen so it is never below the exact value, which is kept [FEE-12].
 */
export function calculateFee(category: DuesCategory, baseFen: number): Result<Fee> {
  if (!Number.isInteger(baseFen) || baseFen < 0)
    return fail('INPUT.INVALID', '计算基数须为以分为单位的非负整数');
  const banded = (rate: number, denominator = 10_000): Fee => {
    const numerator = baseFen * rate;
    return {
      monthlyFen: Math.ceil(numerator / denominator),
      rate,
      exact: yuan(numerator, denominator),
    };
  };
  switch (category) {
    case 'salaried':
    case 'annualSalary':
      return ok(banded(salariedRate(baseFen)));
    case 'nonMonthly':
      // base = previous quarter's net ÷ 3; the band compares the quarter with 3 × threshold [FEE-08]
      return ok(banded(salariedRate(baseFen / 3), 30_000));
    case 'retired':
      return ok(banded(retiredRate(baseFen)));
    case 'farmer':
      // the branch sets 0.20–1.00 yuan per member; the "base" is that amount [FEE-10]
      if (baseFen < 20 || baseFen > 100)
        return fail('DUES.OUT_OF_RANGE', '农民党员每月交纳0.2元至1元', 'FEE-10');
      return ok({ monthlyFen: baseFen, rate: null, exact: yuan(baseFen, 1) });
    case 'student':
    case 'unemployed':
    case 'relief':
    case 'lowIncome':
      return ok({ monthlyFen: 20, rate: null, exact: '0.2' });
  }
}

/**
 * The first month a confirmed amount applies from: the requested month, but for a 预备党员 never
 * before the month of the 支部大会 that accepted them (their `joinedAt`) [FEE-15].
 */
export function firstDuesMonth(
  requested: string,
  member: { status: 'full' | 'probationary'; joinedAt: string },
): string {
  const accepted = member.joinedAt.slice(0, 7);
  return member.status === 'probationary' && accepted > requested ? accepted : requested;
}
