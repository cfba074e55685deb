/**
 * The 党费 ledger rules, pure: what is due in a month, what a month's payments make of it, arrears,
 * the flags of a payment, the half-year publication and the branch's completion. No I/O and no
 * clock: the running month (`thisMonth`, 'YYYY-MM' in Beijing) is a parameter.
 */
import { groupBy } from '../shared/group';
import { addMonths } from '../shared/time';

/** paid: in full; under: something but less than due [FEE-24]; unpaid: nothing; notDue: no amount confirmed. */
export type MonthStatus = 'paid' | 'under' | 'unpaid' | 'notDue';

export interface MonthCell {
  month: string;
  dueFen: number;
  paidFen: number;
  status: MonthStatus;
}

export interface LedgerRow {
  memberId: string;
  name: string;
  /** The monthly amount in force at the last month shown; null when none is confirmed. */
  monthlyFen: number | null;
  months: MonthCell[];
  paidFen: number;
  dueFen: number;
}

/**
 * A confirmed amount (核定) and the month it applies from [FEE-16, FEE-19]. Entries are never
 * replaced: a change is a new entry, `revision` counting the member's entries of the year (1, 2,
 * …; absent on entries older than the history, which count as 0).
 */
export interface BaseEntry {
  memberId: string;
  fromMonth: string;
  monthlyFen: number;
  revision?: number;
}

export interface PaymentEntry {
  memberId: string;
  month: string;
  amountFen: number;
}

/** Six consecutive months with nothing paid raise the 自行脱党 procedure alert [FEE-23, APR-14]. */
export const ARREARS_ALERT_MONTHS = 6;

export const ARREARS_ALERT = '连续6个月未交纳党费，请支部了解情况、谈心提醒（不自动处理）';

export const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
export const shiftMonth = (month: string, n: number) => addMonths(`${month}-01`, n).slice(0, 7);

/** The months of a year up to `until` (inclusive). */
export const monthsOf = (year: number, until: string): string[] =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m <= until,
  );

/** The last month of a year shown so far: all of a past year, up to the running month of this one, none of a future one. */
export const shownUntil = (year: number, thisMonth: string): string =>
  String(year) < thisMonth.slice(0, 4)
    ? `${year}-12`
    : String(year) > thisMonth.slice(0, 4)
      ? `${year}-00`
      : thisMonth;

/** Month M is due by the end of M [FEE-24]: the last month already due is the one before the running month. */
export const lastDueMonth = (thisMonth: string): string => shiftMonth(thisMonth, -1);

/** Which of two entries is later in effect: the later month, or of the same month the later revision. */
const later = (a: BaseEntry, b: BaseEntry): boolean =>
  a.fromMonth !== b.fromMonth ? a.fromMonth > b.fromMonth : (a.revision ?? 0) > (b.revision ?? 0);

/**
 * The 核定 entry in force in a month [FEE-16, FEE-19]: the one with the latest effective month not
 * after it; of entries from the same month, the last recorded (a correction). Months before a
 * change keep the amount confirmed for them.
 */
export function baseInForce<B extends BaseEntry>(bases: readonly B[], month: string): B | null {
  let best: B | null = null;
  for (const b of bases) if (b.fromMonth <= month && (!best || later(b, best))) best = b;
  return best;
}

/** The monthly amount due in a month: that of the entry in force [FEE-16, FEE-19]. */
export function dueIn(bases: readonly BaseEntry[], month: string): number | null {
  return baseInForce(bases, month)?.monthlyFen ?? null;
}

/** The next revision of a member's entries of a year [FEE-19]. */
export const nextRevision = (bases: readonly BaseEntry[]): number =>
  bases.reduce((n, b) => Math.max(n, b.revision ?? 0), 0) + 1;

/** What a month's payments make of it [FEE-24]. */
export function monthStatus(dueFen: number | null, paidFen: number): MonthStatus {
  if (dueFen === null) return 'notDue';
  if (paidFen >= dueFen) return 'paid';
  return paidFen > 0 ? 'under' : 'unpaid';
}

/** One member's months, from their bases and payments. */
export function monthCells(
  bases: readonly BaseEntry[],
  payments: readonly PaymentEntry[],
  months: readonly string[],
): MonthCell[] {
  return months.map((month) => {
    const due = dueIn(bases, month);
    const paid = payments.filter((p) => p.month === month).reduce((s, p) => s + p.amountFen, 0);
    return { month, dueFen: due ?? 0, paidFen: paid, status: monthStatus(due, paid) };
  });
}

const byMember = <T extends { memberId: string }>(xs: readonly T[]) =>
  groupBy(xs, (x) => x.memberId);

/** The ledger rows of a year's months for the given members (never anyone's base [DIS-09]). */
export function ledgerRows(
  members: readonly { _id: string; name: string }[],
  bases: readonly BaseEntry[],
  payments: readonly PaymentEntry[],
  months: readonly string[],
): LedgerRow[] {
  const basesOf = byMember(bases);
  const paymentsOf = byMember(payments);
  return members.map((m) => {
    const mine = basesOf.get(m._id) ?? [];
    const cells = monthCells(mine, paymentsOf.get(m._id) ?? [], months);
    const last = months[months.length - 1];
    return {
      memberId: m._id,
      name: m.name,
      monthlyFen: last ? dueIn(mine, last) : null,
      months: cells,
      paidFen: cells.reduce((s, x) => s + x.paidFen, 0),
      dueFen: cells.reduce((s, x) => s + x.dueFen, 0),
    };
  });
}

export interface Arrears {
  /** Months still owed: nothing paid, or less than due. */
  unpaidMonths: string[];
  /** Of those, the months paid in part [FEE-24]. */
  underpaidMonths: string[];
  /** The longest run of months with nothing paid; an underpaid month breaks it [FEE-23, FEE-24]. */
  consecutiveUnpaid: number;
  alert: string | null;
}

/** A member's arrears over consecutive months (months without a confirmed amount are skipped). */
export function arrearsOf(months: readonly MonthCell[]): Arrears {
  let run = 0;
  let longest = 0;
  for (const m of months) {
    if (m.status === 'notDue') continue;
    run = m.status === 'unpaid' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return {
    unpaidMonths: months
      .filter((m) => m.status === 'unpaid' || m.status === 'under')
      .map((m) => m.month),
    underpaidMonths: months.filter((m) => m.status === 'under').map((m) => m.month),
    consecutiveUnpaid: longest,
    alert: longest >= ARREARS_ALERT_MONTHS ? ARREARS_ALERT : null,
  };
}

/**
 * The months an arrears report covers, per year (bases are confirmed per year [FEE-17]): all of
 * the year before and this year up to `asOf`, but never the running month [FEE-24].
 */
export function arrearsWindow(
  asOf: string,
  thisMonth: string,
): { year: number; months: string[] }[] {
  const lastDue = lastDueMonth(thisMonth);
  const until = asOf < lastDue ? asOf : lastDue;
  const year = Number(until.slice(0, 4));
  return [
    { year: year - 1, months: monthsOf(year - 1, `${year - 1}-12`) },
    { year, months: monthsOf(year, until) },
  ];
}

/**
 * The months a half-year publication covers [DIS-08]: those of the half already due — the running
 * month is not [FEE-24].
 */
export function halfYearMonths(period: string, thisMonth: string): string[] {
  const year = Number(period.slice(0, 4));
  const h2 = period.endsWith('H2');
  const halfEnd = `${year}-${h2 ? '12' : '06'}`;
  const lastDue = lastDueMonth(thisMonth);
  return monthsOf(year, halfEnd < lastDue ? halfEnd : lastDue).filter(
    (m) => !h2 || m > `${year}-06`,
  );
}

export interface PublicationLine {
  name: string;
  monthsPaid: number;
  monthsDue: number;
  paidFen: number;
}

/** The publication's lines: each member with an amount confirmed or a payment, months paid and amounts [DIS-09]. */
export function publicationLines(rows: readonly LedgerRow[]): PublicationLine[] {
  return rows
    .filter((r) => r.months.some((m) => m.status !== 'notDue' || m.paidFen > 0))
    .map((r) => ({
      name: r.name,
      monthsPaid: r.months.filter((m) => m.status === 'paid').length,
      monthsDue: r.months.filter((m) => m.status !== 'notDue').length,
      paidFen: r.months.reduce((s, m) => s + m.paidFen, 0),
    }));
}

/**
 * Branch dues completion for the 堡垒指数 [FORT-10]: member-months paid in full over member-months
 * due, up to the last month already due; null when no amount is confirmed for anyone.
 */
export function completion(rows: readonly LedgerRow[]): { paid: number; due: number } | null {
  const months = rows.flatMap((r) => r.months.filter((m) => m.status !== 'notDue'));
  if (!months.length) return null;
  return { paid: months.filter((m) => m.status === 'paid').length, due: months.length };
}

/** The months of a year that count for completion: up to the last month already due [FEE-24]. */
export const completionMonths = (year: number, thisMonth: string): string[] =>
  monthsOf(year, shownUntil(year, lastDueMonth(thisMonth)));

/** 7650 → "76.50" (integer fen, never through floating point). */
export const yuan = (fen: number): string =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
