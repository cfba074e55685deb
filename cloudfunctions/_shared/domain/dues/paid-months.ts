import type { PaymentEntry } from './ledger';

/**
 * What a member has paid for each month of a year in one branch, kept beside the payments by the
 * write that appends one (`dues.pay`), so that a superior's view of a hundred branches reads one
 * small document per member instead of every payment [FEE-24, FORT-02]. Keys are months
 * (`YYYY-MM`), values the sum of the month's payments in fen — what the ledger reads of them.
 */
export type PaidMonths = Record<string, number>;

/** The document of a member's paid months of a year in one org. */
export const duesYearId = (orgId: string, memberId: string, year: number) =>
  `${orgId}:${memberId}:${year}`;

/** The months after one more payment. */
export const withPayment = (paid: PaidMonths, month: string, amountFen: number): PaidMonths => ({
  ...paid,
  [month]: (paid[month] ?? 0) + amountFen,
});

/** The months of these payments (a rebuild, and seeds: the same sums `withPayment` keeps). */
export const paidMonthsOf = (payments: readonly Pick<PaymentEntry, 'month' | 'amountFen'>[]) =>
  payments.reduce<PaidMonths>((p, x) => withPayment(p, x.month, x.amountFen), {});

/** One entry per month paid, for the ledger (`monthCells` sums a month's entries). */
export function paymentEntries(memberId: string, paid: PaidMonths): PaymentEntry[] {
  const out: PaymentEntry[] = [];
  for (const month of Object.keys(paid).sort())
    out.push({ memberId, month, amountFen: paid[month] });
  return out;
}
