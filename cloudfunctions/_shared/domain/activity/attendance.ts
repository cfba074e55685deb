import type { AttendanceStatus } from '../../contracts/activity';
import { fail, ok, Result } from '../shared/result';

export const OPEN_BEFORE_MS = 20 * 60_000; // CHK-09: the window opens 20 min before the start
export const LATE_AFTER_MS = 10 * 60_000; // CHK-09: later than start + 10 min is `late`

export function checkinWindow(startAt: Date, endAt: Date) {
  return {
    opensAt: new Date(+startAt - OPEN_BEFORE_MS),
    lateAfter: new Date(+startAt + LATE_AFTER_MS),
    closesAt: endAt,
  };
}

/** 14:40 in Beijing time (UTC+8, no daylight saving). */
function clockText(at: Date): string {
  const d = new Date(+at + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The state a sign-in at `now` earns, or the refusal outside the window [CHK-09]. */
export function signInStatus(now: Date, startAt: Date, endAt: Date): Result<'present' | 'late'> {
  const w = checkinWindow(startAt, endAt);
  if (+now < +w.opensAt || +now > +w.closesAt) {
    return fail(
      'CHECKIN.OUTSIDE_WINDOW',
      `现在不在签到时间内：签到时间为 ${clockText(w.opensAt)}–${clockText(w.closesAt)}`,
      'CHK-09',
    );
  }
  return ok(+now > +w.lateAfter ? 'late' : 'present');
}

/** How much a state says the member took part; a later record never lowers it [CHK-11]. */
const RANK: Record<AttendanceStatus, number> = {
  present: 6,
  late: 5,
  remote: 5,
  remotePending: 3,
  excused: 2,
  exempt: 1,
  absent: 0,
};

export function neverDowngrade(
  existing: AttendanceStatus | null,
  incoming: AttendanceStatus,
): AttendanceStatus {
  return existing && RANK[existing] >= RANK[incoming] ? existing : incoming;
}

export interface Participant {
  memberId: string;
  exempt: boolean;
}

/**
 * Closing a session: every expected member with no record becomes `absent`, except members
 * exempt by a recorded decision, who are `exempt` [CHK-02, TD-08]. Recorded states stand.
 */
export function closeStatuses(
  expected: Participant[],
  recorded: Map<string, AttendanceStatus>,
): Map<string, AttendanceStatus> {
  const out = new Map<string, AttendanceStatus>();
  for (const p of expected) {
    const r = recorded.get(p.memberId);
    out.set(p.memberId, r ?? (p.exempt ? 'exempt' : 'absent'));
  }
  return out;
}

export type Counts = Record<AttendanceStatus, number>;

export function countStatuses(statuses: Iterable<AttendanceStatus | null>): Counts {
  const c: Counts = {
    present: 0,
    late: 0,
    remote: 0,
    remotePending: 0,
    excused: 0,
    absent: 0,
    exempt: 0,
  };
  for (const s of statuses) if (s) c[s] += 1;
  return c;
}

/**
 * Attendance rate = attended ÷ (expected − exempt − excused), attended = present + late + remote,
 * as a whole percentage (floor); null when the denominator is zero [CHK-03].
 */
export function attendanceRate(c: Counts, expected: number): number | null {
  const denominator = expected - c.exempt - c.excused;
  if (denominator <= 0) return null;
  return Math.floor(((c.present + c.late + c.remote) * 100) / denominator);
}

/** Great-circle distance in metres. */
export function distanceM(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const r = 6_371_000;
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

/**
 * Optional geofence [CHK-10]: outside the radius (or no location given) is a `mismatch` for the
 * host to review — never a refusal. Only pass/mismatch is kept, not coordinates [PRIV-15].
 */
export function geoCheck(
  fence: { latitude: number; longitude: number; radiusM: number } | null | undefined,
  location: { latitude: number; longitude: number } | undefined,
): 'pass' | 'mismatch' | null {
  if (!fence) return null;
  if (!location) return 'mismatch';
  return distanceM(fence, location) <= fence.radiusM ? 'pass' : 'mismatch';
}
