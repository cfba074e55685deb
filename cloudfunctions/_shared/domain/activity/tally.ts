import type { AttendanceStatus } from '../../contracts/activity';
import { attended } from './participants';

/**
 * What a closed activity's records come to, kept on the activity so that a superior's view of a
 * hundred branches never reads their 100,000 attendance rows [FORT-02, MTG-27]: how many took
 * part, and the lowest and the highest member id among them. With one record per member and
 * activity (CHK-11) the two ids answer "an attendee besides the host" whoever the host is, even
 * after the host is changed: if only the host took part, both are the host.
 */
export interface AttendanceTally {
  attended: number;
  lo: string | null;
  hi: string | null;
}

/** The tally of an activity's records (every record, expected or not). */
export function tallyOf(
  rows: readonly { memberId: string; status: AttendanceStatus }[],
): AttendanceTally {
  let n = 0;
  let lo: string | null = null;
  let hi: string | null = null;
  for (const r of rows) {
    if (!attended(r.status)) continue;
    n += 1;
    if (lo === null || r.memberId < lo) lo = r.memberId;
    if (hi === null || r.memberId > hi) hi = r.memberId;
  }
  return { attended: n, lo, hi };
}

/**
 * Records standing for a tally, for the judgements that read records (`isCounted`): the lowest
 * and the highest attendee, present. Not an attendance count.
 */
export function tallyRecords(
  t: AttendanceTally | null | undefined,
): { memberId: string; status: AttendanceStatus }[] {
  if (!t || t.attended === 0 || t.lo === null || t.hi === null) return [];
  const ids = t.lo === t.hi ? [t.lo] : [t.lo, t.hi];
  return ids.map((memberId) => ({ memberId, status: 'present' as const }));
}
