import type { ActivityType, PlanItem, RecordItem } from '../contracts/activity';
import type { AttendanceTally } from '../domain/activity/tally';
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
  /** When it was first archived (the MTG-19 filing window); absent on records archived before. */
  archivedAt?: Date | null;
  /** Agenda items with resolution, tally, decision type, owner [MTG-11, MTG-12, MTG-25, MTG-26]. */
  items?: RecordItem[];
  /** The theme-day template items done [TD-17, TD-20]. */
  itemsDone?: string[];
  /** Members who had paid the month's dues in full when a theme day was recorded [TD-20]. */
  duesCollected?: number;
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
  /** Who the 授课人 is, for the 党委书记 lecture count [MTG-07]; absent on older activities. */
  lecturerKind?: string | null;
  /** The host standing in for the 书记, with the reason [MTG-15]. */
  delegation?: { reason: string; by: string; at: Date } | null;
  /** The 党小组 holding it, for a group's theme day or 党小组会 [TD-11, MTG-03]; absent: the branch. */
  groupId?: string | null;
  /** The committee member the 党小组会 topic was agreed with [MTG-14]. */
  topicAgreedBy?: string | null;
  /** Agenda topics the superior liaison is told of at scheduling time [MTG-24]. */
  liaisonTopics?: string[];
  /** When important resolutions were reported to the superior [MTG-11, MTG-23]. */
  reportedAt?: Date | null;
  guests: { name: string; kind: string | null }[];
  geofence: { latitude: number; longitude: number; radiusM: number } | null;
  status: 'planned' | 'closed';
  closedAt: Date | null;
  lateRegistration: { reason: string; approved: boolean } | null;
  /** Each move of the date, with its reason; the first `from` is the scheduled day [TD-04]. */
  reschedules?: { from: Date; to: Date; reason: string; at: Date; by: string }[];
  /** When the guests' names were deleted after the retention period, and how many there were [PRIV-19]. */
  guestsPurged?: { at: Date; count: number };
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
  /** The short code a scene sign-in token names the activity by [CHK-05]; set lazily on older ones. */
  checkinCode?: string;
  /**
   * Once closed, what its records come to, written by the close and by every later change of a
   * record in the same transaction (`domain/activity/tally.ts`); absent before the close and on
   * activities closed before tallies were kept (readers then count the records).
   */
  tally?: AttendanceTally;
}

/** A published year plan [MTG-09]; `_id = orgId:year`. */
export interface PlanDoc {
  _id: string;
  orgId: string;
  year: number;
  items: PlanItem[];
  publishedAt: Date;
  /** When it was first published, i.e. filed with the superior (备案) [TD-06]. */
  filedAt?: Date;
}

const activities = collection<ActivityDoc>('activities');
const plans = collection<PlanDoc>('activityPlans');

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
export async function closeActivity(
  id: string,
  at: Date,
  tally: AttendanceTally,
  tx: Tx,
): Promise<boolean> {
  if ((await activities.byId(id, tx))?.status !== 'planned') return false;
  await activities
    .ref(tx)
    .doc(id)
    .update({ data: { status: 'closed', closedAt: at, tally } });
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

/** Activities that ended before `before` and still list guests (the PRIV-19 retention run). */
export const activitiesWithGuestsEndedBefore = (before: Date) =>
  activities.all(
    activities
      .ref()
      .where({ endAt: _.lt(before), 'guests.0': _.exists(true) })
      .orderBy('endAt', 'asc'),
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
  id: string | { activityId: string } | { checkinCode: string },
  memberId: string,
): Promise<{ activity: ActivityDoc; mine: AttendanceDoc | null } | null> {
  const match =
    typeof id === 'string'
      ? { _id: id }
      : 'activityId' in id
        ? { _id: id.activityId }
        : { checkinCode: id.checkinCode };
  const res = (await activities
    .ref()
    .aggregate()
    .match(match)
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

export const findPlan = (orgId: string, year: number, tx?: Tx) =>
  plans.byId(`${orgId}:${year}`, tx);

/** Publishes (or republishes) the year plan. */
export async function savePlan(doc: PlanDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await plans.ref(tx).doc(_id).set({ data });
}
