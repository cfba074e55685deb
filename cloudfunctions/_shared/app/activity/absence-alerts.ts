/**
 * Read model of theme-day absences (activity.alerts, the scheduler's early warnings): TD-22's
 * flags and TD-23's warnings over the year the branch counts in [TD-24].
 */
import type { AbsenceAlert, AttendanceStatus } from '../../contracts/activity';
import { absenceFlags, absenceWindow, AbsenceYear } from '../../domain/activity/absence';
import { settingOf } from '../../domain/org/settings';
import { localDate, localInstant } from '../../domain/shared/time';
import type { OrgDoc } from '../../repos/orgs';
import { branchActivities } from './queries';

type BranchFacts = Pick<OrgDoc, '_id' | 'kind' | 'category' | 'profile' | 'settings'>;

/** What the absence rules read of a branch's sessions, roster and attendance. */
export interface AbsenceFacts {
  activities: readonly { _id: string; type: string; status: string }[];
  members: readonly { _id: string; name: string }[];
  byActivity: ReadonlyMap<string, readonly { memberId: string; status: AttendanceStatus }[]>;
}

/** The instants [from, to) whose theme days count for the branch's `year` as of `now` [TD-24]. */
export function absenceRange(org: BranchFacts, year: number, now: Date): [Date, Date] {
  const mode = settingOf(org, 'td.absenceYear') as AbsenceYear;
  const [from, to] = absenceWindow(mode, year, localDate(now));
  return [localInstant(from), localInstant(to)];
}

/** The branch's absence flags and warnings for `year` (or the 12 months up to today) as of `now`. */
export async function absenceAlertsOf(
  org: BranchFacts,
  year: number,
  now: Date,
): Promise<AbsenceAlert[]> {
  return absenceAlertsFrom(org, await branchActivities(org._id, ...absenceRange(org, year, now)));
}

/**
 * The same from facts already read (the scheduler reads them for every branch at once): the
 * activities are those of `absenceRange`, in date order.
 */
export function absenceAlertsFrom(
  org: BranchFacts,
  { activities, members, byActivity }: AbsenceFacts,
): AbsenceAlert[] {
  const sessions = activities.filter((a) => a.type === 'themeDay' && a.status === 'closed');
  const statuses = new Map<string, Map<string, AttendanceStatus>>();
  for (const a of sessions) {
    for (const r of byActivity.get(a._id) ?? []) {
      if (!statuses.has(r.memberId)) statuses.set(r.memberId, new Map());
      statuses.get(r.memberId)!.set(a._id, r.status);
    }
  }
  const names = new Map(members.map((m) => [m._id, m.name]));
  return absenceFlags(
    sessions.map((a) => a._id),
    statuses,
    { excusedBreaksStreak: settingOf(org, 'td.excusedBreaksStreak') },
  ).map((f) => ({ ...f, name: names.get(f.memberId) ?? '' }));
}
