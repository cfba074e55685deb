/**
 * Read model of what a branch's committee still has to do about its organisational life (首页的
 * 待办, `org.todo`): records to file within the filing window or already overdue [MTG-19], leave
 * and online requests waiting for a decision, missing periods of the year [TD-01, MTG-08], members
 * flagged or warned for theme-day absences [TD-22, TD-23] and days without any record [FORT-22].
 * Four database requests: the activities and the roster, their attendance, the pending leave
 * requests, the branch's last record.
 */
import type { AbsenceAlert } from '../../contracts/activity';
import { filingOverdue } from '../../domain/activity/filing';
import type { Inactivity } from '../../domain/activity/inactivity';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { pendingLeavesOf } from '../../repos/attendance';
import type { OrgDoc } from '../../repos/orgs';
import { absenceAlertsFrom, absenceRange } from './absence-alerts';
import { branchInactivity } from './inactivity';
import { branchActivities, complianceOf, yearRange } from './queries';

/** One activity a to-do points at. */
export interface TodoActivity {
  id: string;
  title: string;
  date: string;
}

export interface ActivityTodoFacts {
  /** Ended, not archived, still within the filing window [MTG-19]. */
  toFile: TodoActivity[];
  /** Ended, not archived, past the window [MTG-19]. */
  overdue: TodoActivity[];
  /** Leave requests waiting for a decision, with the activity they belong to. */
  leave: TodoActivity[];
  /** Online participations waiting for the host's confirmation [CHK-15]. */
  remote: TodoActivity[];
  /** Missing periods of the year so far, per type [TD-01, MTG-08]. */
  missing: { type: string; ruleId: string; periods: string[] }[];
  /** TD-22 flags and TD-23 warnings. */
  absences: AbsenceAlert[];
  inactivity: Inactivity | null;
}

const ref = (a: { _id: string; title: string; startAt: Date }): TodoActivity => ({
  id: a._id,
  title: a.title,
  date: localDate(a.startAt),
});

/** The facts above for one branch as of `now`. */
export async function activityTodoFacts(org: OrgDoc, now: Date): Promise<ActivityTodoFacts> {
  const year = Number(localDate(now).slice(0, 4));
  const [yearFrom, yearTo] = yearRange(year);
  const [absFrom, absTo] = absenceRange(org, year, now);
  const from = new Date(Math.min(+yearFrom, +absFrom));
  const to = new Date(Math.max(+yearTo, +absTo));
  const [data, inactivity] = await Promise.all([
    branchActivities(org._id, from, to),
    branchInactivity(org, now),
  ]);
  const open = data.activities.filter((a) => a.status !== 'closed' || +new Date(a.endAt) > +now);
  const pending = await pendingLeavesOf(open.map((a) => a._id));
  const byId = new Map(data.activities.map((a) => [a._id, a]));
  const days = settingOf(org, 'mtg.finaliseWithinDays');
  const ended = data.activities.filter((a) => +new Date(a.endAt) < +now && !a.record?.archived);
  const inYear = data.activities.filter((a) => +a.startAt >= +yearFrom && +a.startAt < +yearTo);
  const remote = open.filter((a) =>
    (data.byActivity.get(a._id) ?? []).some((r) => r.status === 'remotePending'),
  );
  const absence = data.activities.filter((a) => +a.startAt >= +absFrom && +a.startAt < +absTo);
  return {
    toFile: ended.filter((a) => !filingOverdue(a, days, now)).map(ref),
    overdue: ended.filter((a) => filingOverdue(a, days, now)).map(ref),
    leave: pending.flatMap((l) => {
      const a = byId.get(l.activityId);
      return a ? [ref(a)] : [];
    }),
    remote: remote.flatMap((a) =>
      (data.byActivity.get(a._id) ?? [])
        .filter((r) => r.status === 'remotePending')
        .map(() => ref(a)),
    ),
    missing: complianceOf(org, { ...data, activities: inYear }, year, { now })
      .filter((i) => i.missing.length > 0)
      .map((i) => ({ type: i.type, ruleId: i.ruleId, periods: i.missing })),
    absences: absenceAlertsFrom(org, { ...data, activities: absence }),
    inactivity,
  };
}
