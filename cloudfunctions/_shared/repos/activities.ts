import { randomUUID } from 'crypto';
import type { ActivityType, PlanItem } from '../contracts/activity';
import type { AttendanceDoc, LeaveDoc } from './attendance';
import { _, collection, Tx } from './db';
import type { MemberDoc } from './members';
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

export const findActivity = (id: string, tx?: Tx) => activities.byId(id, tx);

/** Creates an activity (with a fresh id). */
export const insertActivity = (doc: ActivityDoc, tx?: Tx) => activities.add(doc, tx);

/**
 * Creates those of these activities that do not exist yet (a plan published twice), in one read
 * and one insert inside the caller's transaction: a duplicate key there may abort it, so what
 * exists is read first. Answers the ids created.
 */
export async function insertNewActivities(docs: readonly ActivityDoc[], tx: Tx): Promise<string[]> {
  if (!docs.length) return [];
  const ids = docs.map((d) => d._id);
  const query = activities
    .ref(tx)
    .where({ _id: _.in(ids) })
    .orderBy('_id', 'asc');
  const exist = new Set((await activities.all(query)).map((a) => a._id));
  const fresh = docs.filter((d, i) => !exist.has(d._id) && ids.indexOf(d._id) === i);
  if (fresh.length) await activities.ref(tx).add({ data: fresh as never });
  return fresh.map((d) => d._id);
}

export async function updateActivity(
  id: string,
  patch: Partial<Omit<ActivityDoc, '_id' | 'orgId' | 'status' | 'closedAt'>>,
  tx?: Tx,
): Promise<void> {
  await activities.ref(tx).doc(id).update({ data: patch });
}

/**
 * Closes a planned activity inside the caller's transaction; false when it was closed already
 * (closing twice changes nothing). Its state is read through the transaction: a conditional
 * `where().update()` would not join it (the SDK sends it without the transaction).
 */
export async function closeActivity(id: string, at: Date, tx: Tx): Promise<boolean> {
  if ((await activities.byId(id, tx))?.status !== 'planned') return false;
  await activities
    .ref(tx)
    .doc(id)
    .update({ data: { status: 'closed', closedAt: at } });
  return true;
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
  /** The members of its branch, in no particular order (when asked for). */
  roster: MemberDoc[];
}

/**
 * One activity with its branch and, as asked, its attendance and its leave requests (all, or one
 * member's): one database request instead of one per collection.
 */
export async function activityBundle(
  id: string,
  include: { attendance?: boolean; leaves?: 'all' | { memberId: string }; roster?: boolean } = {},
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
  if (include.roster)
    q = q.lookup({ from: 'members', localField: 'orgId', foreignField: 'orgId', as: '_roster' });
  type Row = ActivityDoc & {
    _org: OrgDoc[];
    _att?: AttendanceDoc[];
    _leaves?: LeaveDoc[];
    _roster?: MemberDoc[];
  };
  const [row] = ((await q.end()) as { list: Row[] }).list;
  if (!row) return null;
  const { _org, _att, _leaves, _roster, ...activity } = row;
  return {
    activity,
    org: _org[0] ?? null,
    attendance: _att ?? [],
    leaves: _leaves ?? [],
    roster: _roster ?? [],
  };
}

export const findPlan = (orgId: string, year: number) => plans.byId(`${orgId}:${year}`);

/** Publishes (or republishes) the year plan. */
export async function savePlan(doc: PlanDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await plans.ref(tx).doc(_id).set({ data });
}

/** Stores a vote's counts under a fresh id (inside a transaction too), answering it. */
export async function insertVote(doc: Omit<VoteDoc, '_id'>, tx?: Tx): Promise<string> {
  const _id = randomUUID().replace(/-/g, '');
  await votes.add({ _id, ...doc }, tx);
  return _id;
}
