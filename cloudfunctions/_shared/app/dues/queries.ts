/**
 * What other areas read of the 党费 records (read models): the branch's completion for the
 * 堡垒指数 and members' arrears (民主评议, alerts). No actions here.
 */
import {
  Arrears,
  arrearsOf,
  arrearsWindow,
  completion,
  completionMonths,
  LedgerRow,
  ledgerRows,
  MonthCell,
  monthsOf,
} from '../../domain/dues/ledger';
import { localMonth } from '../../domain/shared/time';
import { duesOfOrgs, type BaseFact, type PaymentFact } from '../../repos/dues';
import type { MemberDoc } from '../../repos/members';
import { branchRows } from './load';

/**
 * Branch dues completion for the 堡垒指数 [FORT-10]: member-months paid in full over member-months
 * due, up to the last month already due; null when no amount is confirmed for anyone.
 */
export async function duesCompletion(
  orgId: string,
  year: number,
  now: Date,
): Promise<{ paid: number; due: number } | null> {
  const [rows] = await branchRows(orgId, [
    { year, months: completionMonths(year, localMonth(now)) },
  ]);
  return completion(rows);
}

/**
 * `duesCompletion` over records already loaded (the roster, the year's bases and payments), for a
 * reader that loads the branch year once (the 双述双评 report [SEC-06]) [FORT-10, FEE-24].
 */
export const duesCompletionOf = (
  roster: readonly Pick<MemberDoc, '_id' | 'name'>[],
  bases: readonly BaseFact[],
  payments: readonly PaymentFact[],
  year: number,
  now: Date,
): { paid: number; due: number } | null =>
  completion(
    ledgerRows(
      roster,
      bases.filter((b) => b.year === year),
      payments.filter((p) => p.year === year),
      completionMonths(year, localMonth(now)),
    ),
  );

export type MemberArrears = Arrears & { memberId: string; name: string };

/**
 * Members with months still owed as of `asOf` (never the running month [FEE-24]), over that year
 * and the one before; six months in a row with nothing paid raise the alert [FEE-23].
 */
export async function memberArrears(
  orgId: string,
  asOf: string,
  now: Date,
): Promise<MemberArrears[]> {
  const spans = arrearsWindow(asOf, localMonth(now));
  const [lastYear, thisYear] = await branchRows(orgId, spans);
  return owing(lastYear, thisYear);
}

/** The members of two years' rows (same roster, same order) with months still owed. */
const owing = (lastYear: readonly LedgerRow[], thisYear: readonly LedgerRow[]): MemberArrears[] =>
  thisYear
    .map((row, i) => ({
      memberId: row.memberId,
      name: row.name,
      ...arrearsOf([...lastYear[i].months, ...row.months]),
    }))
    .filter((r) => r.unpaidMonths.length > 0);

/**
 * `memberArrears` of many branches at once, for the rosters given (the scheduler's, read once for
 * every branch): two aggregations whatever the number of branches [FEE-23, FEE-24].
 */
export async function memberArrearsOfBranches(
  rosters: ReadonlyMap<string, readonly Pick<MemberDoc, '_id' | 'name'>[]>,
  asOf: string,
  now: Date,
): Promise<Map<string, MemberArrears[]>> {
  const spans = arrearsWindow(asOf, localMonth(now));
  const dues = await duesOfOrgs(
    [...rosters.keys()],
    spans.map((s) => s.year),
  );
  const out = new Map<string, MemberArrears[]>();
  for (const [orgId, roster] of rosters) {
    const { bases, payments } = dues.get(orgId) ?? { bases: [], payments: [] };
    const [lastYear, thisYear] = spans.map((s) =>
      ledgerRows(
        roster,
        bases.filter((b) => b.year === s.year),
        payments.filter((p) => p.year === s.year),
        s.months,
      ),
    );
    out.set(orgId, owing(lastYear, thisYear));
  }
  return out;
}

/** One member's line of a month's collection. */
export interface CollectionLine {
  memberId: string;
  name: string;
  dueFen: number;
  paidFen: number;
  status: 'paid' | 'under' | 'unpaid' | 'notDue';
}

/**
 * A month's dues collection (集中交纳), opened by that month's theme day [TD-18, FEE-26]: how many
 * members have an amount confirmed for the month, how many have paid it in full (an approved
 * waiver counts as paid [FEE-11]), in part or not yet, and what was collected. `lines` is the full
 * list, for those who keep the ledger (`dues.read`); show members the counts only. The running
 * month is open, not owed [FEE-24]: `unpaid` here means "not yet paid", never arrears.
 */
export interface DuesCollection {
  month: string;
  due: number;
  paid: number;
  under: number;
  unpaid: number;
  collectedFen: number;
  lines: CollectionLine[];
}

/** The dues collection of a branch's month [TD-18]: three queries, whatever the branch's size. */
export async function duesCollectionOf(orgId: string, month: string): Promise<DuesCollection> {
  const [rows] = await branchRows(orgId, [{ year: Number(month.slice(0, 4)), months: [month] }]);
  const lines: CollectionLine[] = rows.map((r) => ({
    memberId: r.memberId,
    name: r.name,
    dueFen: r.months[0].dueFen,
    paidFen: r.months[0].paidFen,
    status: r.months[0].status,
  }));
  const count = (s: CollectionLine['status']) => lines.filter((l) => l.status === s).length;
  return {
    month,
    due: lines.filter((l) => l.status !== 'notDue').length,
    paid: count('paid'),
    under: count('under'),
    unpaid: count('unpaid'),
    collectedFen: lines.reduce((s, l) => s + l.paidFen, 0),
    lines,
  };
}

/**
 * The last month paid in full, before the first month still owed (or the last month paid, when
 * nothing is owed); null when nothing was ever paid in full [FEE-29].
 */
export function paidThroughOf(months: readonly MonthCell[]): string | null {
  let through: string | null = null;
  for (const c of months) {
    if (c.status === 'notDue') continue;
    if (c.status !== 'paid') return through;
    through = c.month;
  }
  return through;
}

/**
 * The "paid through" month a member carries on their transfer record [FEE-29], over last year and
 * this year (advance payments of this year included).
 */
export async function memberPaidThrough(
  member: { _id: string; name: string; orgId: string },
  now: Date,
): Promise<string | null> {
  const year = Number(localMonth(now).slice(0, 4));
  const spans = [year - 1, year].map((y) => ({ year: y, months: monthsOf(y, `${y}-12`) }));
  const [last, current] = await branchRows(member.orgId, spans, [member]);
  return paidThroughOf([...last[0].months, ...current[0].months]);
}
