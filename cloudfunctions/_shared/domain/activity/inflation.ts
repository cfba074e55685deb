import type { AttendanceStatus } from '../../contracts/activity';
import { attended } from './participants';

/** What the inflation check reads of one attendance record. */
export interface MarkedRow {
  status: AttendanceStatus;
  method: string;
}

/**
 * A session is flagged when the entries the host marked or corrected are more than
 * `pct` percent of those who took part [CHK-14] ("超过": the bound itself is not flagged).
 */
export function sessionInflation(
  rows: readonly MarkedRow[],
  pct: number,
): { attended: number; handEntered: number; pct: number; flagged: boolean } {
  const took = rows.filter((r) => attended(r.status));
  const hand = took.filter((r) => r.method === 'hostMarked').length;
  const share = took.length ? Math.floor((hand * 100) / took.length) : 0;
  return {
    attended: took.length,
    handEntered: hand,
    pct: share,
    flagged: hand * 100 > pct * took.length,
  };
}

/**
 * Administrators who corrected more than `pct` percent of a branch's attendance records of a
 * quarter [CHK-14].
 */
export function correctorInflation(
  corrections: readonly string[],
  records: number,
  pct: number,
): { memberId: string; corrections: number; pct: number }[] {
  const by = new Map<string, number>();
  for (const m of corrections) by.set(m, (by.get(m) ?? 0) + 1);
  return [...by]
    .filter(([, n]) => records > 0 && n * 100 > pct * records)
    .map(([memberId, n]) => ({ memberId, corrections: n, pct: Math.floor((n * 100) / records) }))
    .sort((a, b) => b.corrections - a.corrections || a.memberId.localeCompare(b.memberId));
}
