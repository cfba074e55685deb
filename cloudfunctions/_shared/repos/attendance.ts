import type { AttendanceStatus, LEAVE_CATEGORIES } from '../contracts/activity';
import type { AttendanceTally } from '../domain/activity/tally';
import { _, collection, isDuplicateKey, Tx, updatedCount } from './db';

/** One member's state at one activity; `_id = activityId:memberId`, so it exists once [CHK-11]. */
export interface AttendanceDoc {
  _id: string;
  activityId: string;
  orgId: string;
  memberId: string;
  status: AttendanceStatus;
  at: Date;
  /**
   * `remoteRejected`: the host turned down this member's online participation [CHK-15]; `host`:
   * the host or recorder of the activity, present at their own meeting.
   */
  method:
    | 'qr'
    | 'remote'
    | 'remoteRejected'
    | 'hostMarked'
    | 'leave'
    | 'close'
    | 'inflow'
    | 'otherBatch'
    | 'host';
  geo: 'pass' | 'mismatch' | null;
  note: string | null;
  /** At the 流入地 [CHK-16]: the organisation there, and its proof once it arrived. */
  inflow?: { org: string; proof: string | null };
  /**
   * Files a member gave with a remote join (a screenshot or photo) [CHK-15] or as the 流入地's
   * proof [CHK-16]: fileIDs accepted by the media area; absent on records without any.
   */
  evidence?: string[];
}

/** A leave request; `_id = activityId:memberId`. The reason is seen by the approver only [PRIV-17]. */
export interface LeaveDoc {
  _id: string;
  activityId: string;
  memberId: string;
  reason: string;
  category: (typeof LEAVE_CATEGORIES)[number] | null;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: Date;
  decidedBy: string | null;
}

export const attendanceId = (activityId: string, memberId: string) => `${activityId}:${memberId}`;

const attendance = collection<AttendanceDoc>('attendance');
const leaves = collection<LeaveDoc>('leaveRequests');

export const findAttendance = (activityId: string, memberId: string, tx?: Tx) =>
  attendance.byId(attendanceId(activityId, memberId), tx);

/** Every record of one activity. */
export const attendanceOf = (activityId: string, tx?: Tx) =>
  attendance.all(attendance.ref(tx).where({ activityId }).orderBy('_id', 'asc'));

/** Every record of these activities (a branch's period, for compliance, reports and points). */
export const attendanceOfMany = (activityIds: readonly string[]) =>
  activityIds.length === 0
    ? Promise.resolve([])
    : attendance.all(
        attendance
          .ref()
          .where({ activityId: _.in([...activityIds]) })
          .orderBy('_id', 'asc'),
        200_000,
      );

/**
 * Tallies counted in the database for the records a `$match` selects, in one round trip: records
 * in `attended` states per activity, how many, and the lowest and the highest member id — what
 * `tallyOf` answers for the same records (member ids are plain ASCII, compared alike).
 */
async function talliesWhere(match: object): Promise<Map<string, AttendanceTally>> {
  const res = (await attendance
    .ref()
    .aggregate()
    .match(match)
    .group({
      _id: '$activityId',
      attended: { $sum: 1 },
      lo: { $min: '$memberId' },
      hi: { $max: '$memberId' },
    })
    .limit(200_000)
    .end()) as unknown as { list: (AttendanceTally & { _id: string })[] };
  return new Map(res.list.map(({ _id, ...t }) => [_id, t]));
}

/** The tallies of these activities, one round trip per 1,000; an activity with none is absent. */
export async function countedTallies(
  activityIds: readonly string[],
  attended: readonly AttendanceStatus[],
): Promise<Map<string, AttendanceTally>> {
  const out = new Map<string, AttendanceTally>();
  for (let i = 0; i < activityIds.length; i += 1000) {
    const ids = activityIds.slice(i, i + 1000);
    const page = await talliesWhere({ activityId: _.in(ids), status: _.in([...attended]) });
    for (const [id, t] of page) out.set(id, t);
  }
  return out;
}

/**
 * The same, for every activity of these orgs with records from `since` on, in one round trip
 * whatever their number (the dashboard's reading of activities closed before tallies were kept).
 */
export const countedTalliesOfOrgs = (
  orgIds: readonly string[],
  attended: readonly AttendanceStatus[],
  since: Date,
) => talliesWhere({ orgId: _.in([...orgIds]), status: _.in([...attended]), at: _.gte(since) });

/** One member's records at these activities, by their deterministic ids (one indexed read). */
export const memberAttendanceIn = (activityIds: readonly string[], memberId: string) =>
  attendance.byIds(activityIds.map((a) => attendanceId(a, memberId)));

/**
 * Inserts a record; false when the member already has one for this activity. Inside a
 * transaction, read the record first (`findAttendance` with it): a duplicate key may abort it.
 */
export const insertAttendance = (doc: AttendanceDoc, tx?: Tx) => attendance.insertOnce(doc, tx);

/**
 * CloudBase's server SDK inserts an array in one `database.insertDocument` request
 * (`add({ data: [...] })`); a batch is at most this many documents.
 */
const BATCH = 1000;

/**
 * Inserts many records in one request per batch of 1,000, whatever the size of the branch. When a
 * record already exists (a sign-in that raced the caller's read), the batch is retried one
 * document at a time and that duplicate is a success: never a second row, never a lost one —
 * whether the database stopped at the duplicate or rejected the whole batch. True when a record
 * existed already (the caller's view of the records is then stale).
 */
export async function insertAttendanceRows(
  docs: readonly AttendanceDoc[],
  tx?: Tx,
): Promise<boolean> {
  let raced = false;
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    try {
      await attendance.ref(tx).add({ data: batch as never });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      raced = true;
      for (const doc of batch) await attendance.insertOnce(doc, tx);
    }
  }
  return raced;
}

/**
 * Moves a record from the state it was read in to another: a conditional update, so of two
 * concurrent writers only one moves it; false when the record changed meanwhile.
 */
export async function moveAttendance(
  id: string,
  from: AttendanceStatus,
  patch: Partial<Omit<AttendanceDoc, '_id' | 'activityId' | 'orgId' | 'memberId'>>,
): Promise<boolean> {
  const query = attendance.ref().where({ _id: id, status: from });
  return (await updatedCount(query.update({ data: patch }))) === 1;
}

/** Writes a member's own 流入地 record whole (a member's fact; the host's acceptance is audited) [CHK-16]. */
export async function putInflowRecord(doc: AttendanceDoc): Promise<void> {
  const { _id, ...data } = doc;
  await attendance.ref().doc(_id).set({ data });
}

export async function setAttendanceStatus(
  id: string,
  patch: Partial<Pick<AttendanceDoc, 'status' | 'method'>>,
  tx?: Tx,
): Promise<void> {
  await attendance.ref(tx).doc(id).update({ data: patch });
}

export const findLeave = (activityId: string, memberId: string, tx?: Tx) =>
  leaves.byId(attendanceId(activityId, memberId), tx);

/** Every leave request of one activity (reminders skip approved leave). */
export const leavesOf = (activityId: string) =>
  leaves.all(leaves.ref().where({ activityId }).orderBy('_id', 'asc'));

/** The approved leave requests of these activities, in one query (the scheduler's reminders). */
export const approvedLeavesOf = (activityIds: readonly string[]) =>
  activityIds.length === 0
    ? Promise.resolve([])
    : leaves.all(
        leaves
          .ref()
          .where({ activityId: _.in([...activityIds]), status: 'approved' })
          .orderBy('_id', 'asc'),
        100_000,
      );

/** Asks (or asks again) for leave: one request per member and activity. */
export async function putLeave(doc: LeaveDoc): Promise<void> {
  const { _id, ...data } = doc;
  await leaves.ref().doc(_id).set({ data });
}

export async function decideLeaveRequest(
  id: string,
  status: 'approved' | 'rejected',
  decidedBy: string,
  tx?: Tx,
): Promise<void> {
  await leaves.ref(tx).doc(id).update({ data: { status, decidedBy } });
}

/** The leave requests of these activities still waiting for a decision (the committee's 待办). */
export const pendingLeavesOf = (activityIds: readonly string[]) =>
  activityIds.length === 0
    ? Promise.resolve([])
    : leaves.all(
        leaves
          .ref()
          .where({ activityId: _.in([...activityIds]), status: 'pending' })
          .orderBy('_id', 'asc'),
        10_000,
      );
