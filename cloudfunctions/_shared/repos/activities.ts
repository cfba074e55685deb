import type { ActivityType, PlanItem } from '../contracts/activity';
import type { AttendanceDoc, LeaveDoc } from './attendance';
import { _, collection, updatedCount } from './db';
import type { OrgDoc } from './orgs';

export interface ActivityRecord {
  minutes: string;
  resolutions: string[];
  attachments: string[];
  summary: string | null;
  archived: boolean;
  recordedAt: Date;
  recordedBy: string;
}

export interface ActivityDoc {
  _id: string;
  orgId: string;
  type: ActivityType;
  title: string;
  startAt: Date;
  endAt: Date;
  place: string | null;
  onlineUrl: string | null;
  allowRemote: boolean;
  agenda: string[];
  hostId: string | null;
  recorderId: string | null;
  lecturer: string | null;
  guests: { name: string; kind: string | null }[];
  geofence: { latitude: number; longitude: number; radiusM: number } | null;
  status: 'planned' | 'closed';
  closedAt: Date | null;
  lateRegistration: { reason: string; approved: boolean } | null;
  record: ActivityRecord | null;
  amendments: {
    at: Date;
    by: string;
    reason: string;
    before: ActivityRecord;
    after: ActivityRecord;
  }[];
  createdAt: Date;
  createdBy: string;
}

/** A published year plan [MTG-09]; `_id = orgId:year`. */
export interface PlanDoc {
  _id: string;
  orgId: string;
  year: number;
  items: PlanItem[];
  publishedAt: Date;
}

/** The counts of a vote, never who voted how [VOTE-22, PRIV-13]. */
export interface VoteDoc {
  _id: string;
  activityId: string;
  orgId: string;
  motion: string;
  kind: 'ordinary' | 'development';
  yes: number;
  no: number;
  abstain: number;
  written: number;
  eligible: number;
  presentEligible: number;
  valid: boolean;
  passed: boolean;
  reason?: string;
  ruleIds: string[];
  at: Date;
}

const activities = collection<ActivityDoc>('activities');
const plans = collection<PlanDoc>('activityPlans');
const votes = collection<VoteDoc>('votes');

export const findActivity = (id: string) => activities.byId(id);

/** Creates an activity; false when one with this id exists (a plan published twice). */
export const insertActivity = (doc: ActivityDoc) => activities.insertOnce(doc);

export async function updateActivity(
  id: string,
  patch: Partial<Omit<ActivityDoc, '_id' | 'orgId' | 'status' | 'closedAt'>>,
): Promise<void> {
  await activities.ref().doc(id).update({ data: patch });
}

/** Closes a planned activity; false when it was closed already (closing twice changes nothing). */
export async function closeActivity(id: string, at: Date): Promise<boolean> {
  const query = activities.ref().where({ _id: id, status: 'planned' });
  return (await updatedCount(query.update({ data: { status: 'closed', closedAt: at } }))) === 1;
}

/** A branch's activities starting in [from, to), by start. */
export const listActivities = (orgId: string, from: Date, to: Date) =>
  activities.all(
    activities
      .ref()
      .where({ orgId, startAt: _.gte(from).and(_.lt(to)) })
      .orderBy('startAt', 'asc'),
  );

/** Planned activities of every branch starting in [from, to) (the scheduler's reminders). */
export const activitiesStartingBetween = (from: Date, to: Date) =>
  activities.all(
    activities
      .ref()
      .where({ startAt: _.gte(from).and(_.lt(to)), status: 'planned' })
      .orderBy('startAt', 'asc'),
  );

/** At most this many activities in one list (a branch has a few dozen a year). */
const LIST_MAX = 1000;
const only = (memberId: string, field: string) => ({
  $filter: { input: `$${field}`, as: 'r', cond: { $eq: ['$$r.memberId', memberId] } },
});

/**
 * A branch's activities in [from, to) with one member's own record of each, in one aggregation
 * (the member's list page).
 */
export async function activitiesWithMine(
  orgId: string,
  from: Date,
  to: Date,
  memberId: string,
  type?: ActivityType,
): Promise<{ activity: ActivityDoc; mine: AttendanceDoc | null }[]> {
  const res = (await activities
    .ref()
    .aggregate()
    .match({ orgId, startAt: _.gte(from).and(_.lt(to)), ...(type ? { type } : {}) })
    .sort({ startAt: 1 })
    .limit(LIST_MAX)
    .lookup({ from: 'attendance', localField: '_id', foreignField: 'activityId', as: '_mine' })
    .addFields({ _mine: only(memberId, '_mine') })
    .end()) as { list: (ActivityDoc & { _mine: AttendanceDoc[] })[] };
  return res.list.map(({ _mine, ...activity }) => ({ activity, mine: _mine[0] ?? null }));
}

/**
 * One activity with one member's own attendance record, in one request: the sign-in path, where a
 * repeat tap then needs no write at all.
 */
export async function activityWithMine(
  id: string,
  memberId: string,
): Promise<{ activity: ActivityDoc; mine: AttendanceDoc | null } | null> {
  const res = (await activities
    .ref()
    .aggregate()
    .match({ _id: id })
    .limit(1)
    .lookup({
      from: 'attendance',
      let: { activityId: '$_id' },
      pipeline: [{ $match: { memberId, $expr: { $eq: ['$activityId', '$$activityId'] } } }],
      as: '_mine',
    } as never)
    .end()) as { list: (ActivityDoc & { _mine: AttendanceDoc[] })[] };
  const row = res.list[0];
  if (!row) return null;
  const { _mine, ...activity } = row;
  return { activity, mine: _mine[0] ?? null };
}

/** An activity with the facts around it, read in one aggregation. */
export interface ActivityBundle {
  activity: ActivityDoc;
  /** Its branch (null only when the org has been removed). */
  org: OrgDoc | null;
  /** Every attendance record (when asked for). */
  attendance: AttendanceDoc[];
  /** Leave requests: all of them, or one member's (when asked for). */
  leaves: LeaveDoc[];
}

/**
 * One activity with its branch and, as asked, its attendance and its leave requests (all, or one
 * member's): one database request instead of one per collection.
 */
export async function activityBundle(
  id: string,
  include: { attendance?: boolean; leaves?: 'all' | { memberId: string } } = {},
): Promise<ActivityBundle | null> {
  let q = activities
    .ref()
    .aggregate()
    .match({ _id: id })
    .limit(1)
    .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: '_org' });
  if (include.attendance)
    q = q.lookup({ from: 'attendance', localField: '_id', foreignField: 'activityId', as: '_att' });
  if (include.leaves) {
    q = q.lookup({
      from: 'leaveRequests',
      localField: '_id',
      foreignField: 'activityId',
      as: '_leaves',
    });
    if (include.leaves !== 'all')
      q = q.addFields({ _leaves: only(include.leaves.memberId, '_leaves') });
  }
  type Row = ActivityDoc & { _org: OrgDoc[]; _att?: AttendanceDoc[]; _leaves?: LeaveDoc[] };
  const [row] = ((await q.end()) as { list: Row[] }).list;
  if (!row) return null;
  const { _org, _att, _leaves, ...activity } = row;
  return { activity, org: _org[0] ?? null, attendance: _att ?? [], leaves: _leaves ?? [] };
}

export const findPlan = (orgId: string, year: number) => plans.byId(`${orgId}:${year}`);

/** Publishes (or republishes) the year plan. */
export async function savePlan(doc: PlanDoc): Promise<void> {
  const { _id, ...data } = doc;
  await plans.ref().doc(_id).set({ data });
}

export async function insertVote(doc: Omit<VoteDoc, '_id'>): Promise<string> {
  const res = (await votes.ref().add({ data: doc })) as { _id: string };
  return res._id;
}
