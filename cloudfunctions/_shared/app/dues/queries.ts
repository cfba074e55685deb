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
} from '../../domain/dues/ledger';
import { localMonth } from '../../domain/shared/time';
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
  return thisYear
    .map((row, i) => ({
      memberId: row.memberId,
      name: row.name,
      ...arrearsOf([...lastYear[i].months, ...row.months]),
    }))
    .filter((r) => r.unpaidMonths.length > 0);
}
