import type { ComplianceItem, RecordHistory, RecordVersion } from '../../contracts/activity';
import {
  compliance,
  CountFacts,
  heldPeriodsOf,
  Frequency,
  GroupFacts,
  groupsOfRoster,
  NotCounted,
  notCountedReasons,
  requirements,
} from '../../domain/activity/compliance';
import { settingOf } from '../../domain/org/settings';
import {
  attended,
  expectedOf,
  hasCommittee,
  runsActivity,
} from '../../domain/activity/participants';
import { groupBy } from '../../domain/shared/group';
import { localDate, localInstant } from '../../domain/shared/time';
import { coverage, type Coverage } from '../../domain/activity/talks';
import { listTalks, orgLifeRectificationSteps, type TalkDoc } from '../../repos/talks';
import { ActivityDoc, ActivityRecord, findActivity, listActivities } from '../../repos/activities';
import { AttendanceDoc, attendanceOf, attendanceOfMany } from '../../repos/attendance';
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
  const byActivity = groupBy(records, (r) => r.activityId);
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
  /** `groupId`: held by one 党小组 [TD-11]. */
  activities: readonly (CountedActivity &
    Pick<ActivityDoc, '_id' | 'startAt'> & { groupId?: string | null })[];
  members: readonly Pick<MemberDoc, '_id' | 'orgId' | 'roles' | 'groupId'>[];
  byActivity: ReadonlyMap<string, readonly Pick<AttendanceDoc, 'memberId' | 'status'>[]>;
  /** The branch's 党小组 with their members; absent: read from the members' `groupId` [MTG-03]. */
  groups?: readonly GroupFacts[];
}

const partyGroupsOf = (data: ComplianceFacts, orgId?: string) =>
  (data.groups ?? groupsOfRoster(data.members, orgId)).filter((g) => g.memberIds.length > 0);

/**
 * Whether a held activity counts towards the branch's obligations: finalised, with a theme,
 * minutes and an attendee besides the host; a late registration once approved [MTG-27, MTG-18, TD-30].
 */
export function isCounted(
  a: CountedActivity,
  records: readonly Pick<AttendanceDoc, 'memberId' | 'status'>[],
): boolean {
  return notCountedReasons(countFacts(a, records)).length === 0;
}

function countFacts(
  a: CountedActivity,
  records: readonly Pick<AttendanceDoc, 'memberId' | 'status'>[],
): CountFacts {
  return {
    type: a.type,
    status: a.status,
    title: a.title,
    agenda: a.agenda,
    minutes: a.record?.minutes ?? null,
    attendedBesidesHost: records.filter((r) => attended(r.status) && r.memberId !== a.hostId)
      .length,
    lateRegistration: a.lateRegistration,
  };
}

/**
 * The activities held (begun before today) that do not count, each with its reasons in Chinese,
 * so the secretary sees what to fix [MTG-27, MTG-18, TD-30].
 */
export function notCountedOf(data: ComplianceFacts, today: string): NotCounted[] {
  const grouped = partyGroupsOf(data).length > 0;
  return data.activities.flatMap((a) => {
    const date = localDate(a.startAt);
    if (date >= today && a.status !== 'closed') return [];
    const facts = countFacts(a, data.byActivity.get(a._id) ?? []);
    const ungroupedMeeting = grouped && !a.groupId; // [MTG-03]
    const reasons = notCountedReasons({ ...facts, ungroupedMeeting });
    return reasons.length
      ? [{ activityId: a._id, type: a.type, title: a.title, date, reasons }]
      : [];
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
  return compliancePeriodsOf(org, data, year, asOf).map((item) => {
    const { heldPeriods, ...rest } = item;
    void heldPeriods; // the compliance page answers counts and missing periods only
    return rest;
  });
}

/** The same, each requirement with the periods held (by every 党小组 where it is owed per group). */
export function compliancePeriodsOf(
  org: OrgDoc,
  data: ComplianceFacts,
  year: number,
  asOf: { now: Date },
): (ComplianceItem & { heldPeriods: string[] })[] {
  const partyGroups = partyGroupsOf(data, org._id);
  const groups =
    partyGroups.length > 0 ||
    data.members.some((m) => m.roles.some((r) => r.orgId === org._id && r.role === 'groupLeader'));
  const reqs = requirements(org.profile, org.category, hasCommittee(data.members, org._id), {
    lecture: settingOf(org, 'mtg.lecture') as Frequency,
    group: groups ? (settingOf(org, 'mtg.group') as Frequency) : null,
    julyFirst: settingOf(org, 'mtg.julyFirstLecture'),
  });
  const held = data.activities.map((a) => ({
    type: a.type,
    date: localDate(a.startAt),
    counts: isCounted(a, data.byActivity.get(a._id) ?? []),
    groupId: a.groupId ?? null,
  }));
  const today = localDate(asOf.now);
  return compliance(reqs, held, year, today, notCountedOf(data, today), partyGroups).map(
    (item, i) => ({ ...item, heldPeriods: [...heldPeriodsOf(reqs[i], held, year, partyGroups)] }),
  );
}

/** Who is expected at an activity, from the branch's roster [TD-07] (reminders, closing). */
export async function expectedMembers(
  activity: Pick<ActivityDoc, 'orgId' | 'type'>,
): Promise<MemberDoc[]> {
  return expectedOf(activity, await listOrgMembers(activity.orgId));
}

/**
 * Who 应到 at an activity: one rule for the host page, the activity page and the report
 * [TD-07, CHK-02]. Once closed, those the close recorded (closing writes a row for everyone
 * expected then, so a later roster change does not rewrite the past); before, the expected of
 * today's roster.
 */
export function expectedIdsOf(
  activity: Pick<ActivityDoc, 'orgId' | 'type' | 'status'>,
  roster: readonly MemberDoc[],
  records: readonly Pick<AttendanceDoc, 'memberId'>[],
): Set<string> {
  if (activity.status === 'closed') return new Set(records.map((r) => r.memberId));
  return new Set(expectedOf(activity, roster).map((m) => m._id));
}

/**
 * The 纪实 as it was archived and each correction appended after it, oldest first, with who,
 * when and why [MTG-20]: the activity page shows it, the half-year report and its xlsx keep both
 * (never only the latest text). Null before anything was recorded; `amendments` is empty until
 * an archived record is corrected. `nameOf` turns a member id into a name (null when unknown).
 */
export function recordHistoryOf(
  a: Pick<ActivityDoc, 'record' | 'amendments'>,
  nameOf: (memberId: string) => string | null,
): RecordHistory | null {
  if (!a.record) return null;
  const version = (
    r: ActivityRecord,
    at: Date,
    by: string,
    reason: string | null,
  ): RecordVersion => ({
    minutes: r.minutes,
    resolutions: r.resolutions,
    summary: r.summary,
    at: new Date(at).toISOString(),
    by: nameOf(by),
    reason,
  });
  const first = a.amendments[0]?.before ?? a.record;
  return {
    original: version(first, first.recordedAt, first.recordedBy, null),
    amendments: a.amendments.map((m) => version(m.after, m.at, m.by, m.reason)),
  };
}

/** A branch's 谈心谈话 of a year (one query), for `talkCoverageOf` [MTG-32]. */
export const branchTalks = (orgId: string, year: number): Promise<TalkDoc[]> =>
  listTalks(orgId, year);

/**
 * Each member's coverage per pair category of a year's talks, against `talk.perPairCategory`
 * [MTG-32]: what `activity.talks` shows the committee, for the 双述双评 report [SEC-06].
 */
export const talkCoverageOf = (
  org: OrgDoc,
  roster: readonly Pick<MemberDoc, '_id' | 'roles'>[],
  talks: readonly TalkDoc[],
): Coverage[] => coverage(roster, org._id, talks, settingOf(org, 'talk.perPairCategory'));

/**
 * An activity and who took part in it (present, late or online, any sign-in method): the voters
 * of a sealed ballot held at a meeting (双述双评 [SEC-08]). Null when there is no such activity.
 */
export async function activityAttendees(activityId: string): Promise<{
  activity: Pick<ActivityDoc, '_id' | 'orgId' | 'type' | 'status' | 'startAt'>;
  present: string[];
} | null> {
  const [activity, rows] = await Promise.all([findActivity(activityId), attendanceOf(activityId)]);
  if (!activity) return null;
  return { activity, present: rows.filter((r) => attended(r.status)).map((r) => r.memberId) };
}

/** One item of a 组织生活会 整改清单 as recorded (MTG-30/31), for the rectification list. */
export interface OrgLifeProblem {
  /** `activityId:index`: stable while the step's items are not reordered. */
  key: string;
  activityId: string;
  problem: string;
  ownerId: string;
  due: string;
}

/**
 * The 整改清单 items of a branch's 组织生活会 recorded in a (Beijing) year, one query [MTG-31]:
 * the rectification list shows them without retyping (PRIV-11).
 */
export async function orgLifeProblems(orgId: string, year: number): Promise<OrgLifeProblem[]> {
  const steps = await orgLifeRectificationSteps(orgId, ...yearRange(year));
  return steps.flatMap((s) =>
    s.items.map((i, n) => ({ key: `${s.activityId}:${n}`, activityId: s.activityId, ...i })),
  );
}

/** An activity's org and whether the member runs it (host, recorder): who may see its printed codes. */
export async function activityRunner(
  activityId: string,
  memberId: string,
): Promise<{ orgId: string; runs: boolean } | null> {
  const activity = await findActivity(activityId);
  return activity ? { orgId: activity.orgId, runs: runsActivity(activity, memberId) } : null;
}

/** Elections held at meetings, for the 换届 workflow [ORG-20] (see queries-elections.ts). */
export { electionHeldAt, electionsHeldSince } from './queries-elections';
