import { localDate, localInstant } from '../shared/time';

/**
 * The filing window of a record [MTG-19]: the 纪实 is finalised (archived) within N days after the
 * activity, by default 3 (`mtg.finaliseWithinDays`). Day N is counted in local (Beijing) calendar
 * days from the day the activity ends, and the whole of that day is still on time: an activity
 * ending on Friday 4 December has until the end of Monday 7 December with N = 3.
 *
 * Pure: the caller passes `now`. FORT-13 ("records finalised on time") reads `finalisedOnTime`.
 */
export interface FilingFacts {
  endAt: Date;
  record: { archived: boolean; archivedAt?: Date | null } | null;
}

const DAY = 86400_000;

/** The instant the filing window closes (exclusive): local midnight after day `days`. */
export function filingDeadline(activity: Pick<FilingFacts, 'endAt'>, days: number): Date {
  const endDay = localInstant(localDate(activity.endAt));
  return new Date(+endDay + (days + 1) * DAY);
}

/**
 * Whether the record was finalised on time: true / false once archived; false when not archived
 * and the window has closed; null when not archived yet and still within the window. A record
 * archived before this field existed (no `archivedAt`) counts as on time.
 */
export function finalisedOnTime(activity: FilingFacts, days: number, now: Date): boolean | null {
  const deadline = filingDeadline(activity, days);
  if (activity.record?.archived) {
    const at = activity.record.archivedAt;
    return !at || +new Date(at) < +deadline;
  }
  return +now < +deadline ? null : false;
}

/** Not finalised and past the window: what the record list and the alerts mark as overdue. */
export const filingOverdue = (activity: FilingFacts, days: number, now: Date): boolean =>
  !activity.record?.archived && +now >= +filingDeadline(activity, days);
