import type { ComplianceItem } from '../../contracts/activity';
import {
  activityCounts,
  compliance,
  Frequency,
  requirements,
} from '../../domain/activity/compliance';
import { settingOf } from '../../domain/org/settings';
import { attended, expectedOf, hasCommittee } from '../../domain/activity/participants';
import { localDate, localInstant } from '../../domain/shared/time';
import { ActivityDoc, listActivities } from '../../repos/activities';
import { AttendanceDoc, attendanceOfMany } from '../../repos/attendance';
import { listOrgMembers, MemberDoc } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';

/**
 * The read model of 组织生活: what other areas (积分 and 堡垒指数, reminders, the coming 双述双评
 * report) read of a branch's organisational life. Action modules of app/activity export actions only.
 */

/** A branch's activities of a period, its roster, and the attendance of each activity. */
export interface BranchActivities {
  activities: ActivityDoc[];
  members: MemberDoc[];
  byActivity: Map<string, AttendanceDoc[]>;
}

/** The local (Beijing) calendar year as an instant range [from, to). */
export const yearRange = (year: number) =>
  [localInstant(`${year}-01-01`), localInstant(`${year + 1}-01-01`)] as const;

/** The half year `YYYY-H1|H2` as an instant range [from, to). */
export function halfRange(half: string): readonly [Date, Date] {
  const year = Number(half.slice(0, 4));
  return half.endsWith('H2')
    ? [localInstant(`${year}-07-01`), localInstant(`${year + 1}-01-01`)]
    : [localInstant(`${year}-01-01`), localInstant(`${year}-07-01`)];
}

/** A branch's activities starting in [from, to) with their attendance, in three reads. */
export async function branchActivities(
  orgId: string,
  from: Date,
  to: Date,
): Promise<BranchActivities> {
  const [activities, members] = await Promise.all([
    listActivities(orgId, from, to),
    listOrgMembers(orgId),
  ]);
  const records = await attendanceOfMany(activities.map((a) => a._id));
  const byActivity = new Map<string, AttendanceDoc[]>();
  for (const r of records) {
    const list = byActivity.get(r.activityId);
    if (list) list.push(r);
    else byActivity.set(r.activityId, [r]);
  }
  return { activities, members, byActivity };
}

/** The same for a calendar year (堡垒指数, compliance, alerts). */
export const branchYearActivities = (orgId: string, year: number) =>
  branchActivities(orgId, ...yearRange(year));

/** What counting an activity reads of it (the scheduler reads no more of its record). */
export type CountedActivity = Pick<
  ActivityDoc,
  'type' | 'status' | 'title' | 'agenda' | 'hostId' | 'lateRegistration'
> & { record?: { minutes: string } | null };

/** What compliance reads of a branch's period: `BranchActivities`, or the same facts read for many. */
export interface ComplianceFacts {
  activities: readonly (CountedActivity & Pick<ActivityDoc, '_id' | 'startAt'>)[];
  members: readonly Pick<MemberDoc, '_id' | 'orgId' | 'roles'>[];
  byActivity: ReadonlyMap<string, readonly Pick<AttendanceDoc, 'memberId' | 'status'>[]>;
}

/**
 * Whether a held activity counts towards the branch's obligations: finalised, with a theme,
 * minutes and an attendee besides the host; a late registration once approved [MTG-27, MTG-18, TD-30].
 */
export function isCounted(
  a: CountedActivity,
  records: readonly Pick<AttendanceDoc, 'memberId' | 'status'>[],
): boolean {
  return activityCounts({
    type: a.type,
    status: a.status,
    title: a.title,
    agenda: a.agenda,
    minutes: a.record?.minutes ?? null,
    attendedBesidesHost: records.filter((r) => attended(r.status) && r.memberId !== a.hostId)
      .length,
    lateRegistration: a.lateRegistration,
  });
}

/**
 * Required against held per type and period of a year, with the missing periods, as of `asOf.now`
 * (the running period is never missing yet) [TD-01, MTG-08].
 */
export function complianceOf(
  org: OrgDoc,
  data: ComplianceFacts,
  year: number,
  asOf: { now: Date },
): ComplianceItem[] {
  const groups = data.members.some((m) =>
    m.roles.some((r) => r.orgId === org._id && r.role === 'groupLeader'),
  );
  const reqs = requirements(org.profile, org.category, hasCommittee(data.members, org._id), {
    lecture: settingOf(org, 'mtg.lecture') as Frequency,
    group: groups ? (settingOf(org, 'mtg.group') as Frequency) : null,
    julyFirst: settingOf(org, 'mtg.julyFirstLecture'),
  });
  const held = data.activities.map((a) => ({
    type: a.type,
    date: localDate(a.startAt),
    counts: isCounted(a, data.byActivity.get(a._id) ?? []),
  }));
  return compliance(reqs, held, year, localDate(asOf.now));
}

/** Who is expected at an activity, from the branch's roster [TD-07] (reminders, closing). */
export async function expectedMembers(
  activity: Pick<ActivityDoc, 'orgId' | 'type'>,
): Promise<MemberDoc[]> {
  return expectedOf(activity, await listOrgMembers(activity.orgId));
}
