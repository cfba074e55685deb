import { movedAwayFrom } from '../../domain/org/moves';
import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, AttendanceStatus } from '../../contracts/activity';
import { closeStatuses, countStatuses, neverDowngrade } from '../../domain/activity/attendance';
import { expectedOf, isParticipant } from '../../domain/activity/participants';
import { tallyOf } from '../../domain/activity/tally';
import { closeActivity, findActivity } from '../../repos/activities';
import { setTally } from '../../repos/activity-tallies';
import {
  attendanceId,
  AttendanceDoc,
  attendanceOf,
  decideLeaveRequest,
  findAttendance,
  findLeave,
  insertAttendance,
  insertAttendanceRows,
  putLeave,
  setAttendanceStatus,
} from '../../repos/attendance';
import type { Tx } from '../../repos/db';
import { findMember, listOrgMembers } from '../../repos/members';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { AppError, orNotFound } from '../../runtime/errors';
import { batchesOf, batchStatus, settleEarlierBatches } from './batches';
import { loadActivity, loadAsRunner, mayRun } from './support';
import { keepTally } from './tally';

const LEAVE_CUTOFF_MS = 20 * 60_000; // CHK-04: leave is asked for at least 20 minutes before the start

/** Until when a member may still ask for leave [CHK-04]. */
export const leaveUntil = (startAt: Date) => new Date(+startAt - LEAVE_CUTOFF_MS);

const row = (
  ctx: Ctx,
  activity: { _id: string; orgId: string },
  memberId: string,
  status: AttendanceStatus,
  method: AttendanceDoc['method'],
): AttendanceDoc => ({
  _id: attendanceId(activity._id, memberId),
  activityId: activity._id,
  orgId: activity.orgId,
  memberId,
  status,
  at: ctx.now,
  method,
  geo: null,
  note: null,
});

/**
 * Writes a state chosen by the host (leave decisions, corrections) in their transaction, creating
 * the record when `current` (read in it) is none.
 */
async function putStatus(
  ctx: Ctx,
  activity: { _id: string; orgId: string; status: 'planned' | 'closed' },
  memberId: string,
  status: AttendanceStatus,
  method: AttendanceDoc['method'],
  current: AttendanceDoc | null,
  tx: Tx,
): Promise<void> {
  const fresh = row(ctx, activity, memberId, status, method);
  if (current) await setAttendanceStatus(fresh._id, { status, method }, tx);
  else await insertAttendance(fresh, tx);
  await keepTally(activity, { memberId, status }, tx);
}

/** A member asks for leave before the cut-off [CHK-04]; the reason is seen only by the approver [PRIV-17]. */
export const requestLeave = action({
  input: activityContract.requestLeave.input,
  async run(ctx, input): Promise<ActivityOutput<'requestLeave'>> {
    const { member } = await ctx.caller();
    const activity = orNotFound(await findActivity(input.activityId), '活动');
    if (!isParticipant(activity, member))
      throw new AppError('CHECKIN.NOT_PARTICIPANT', '您不是本次活动的参加人员');
    if (+ctx.now > +leaveUntil(activity.startAt) || activity.status === 'closed') {
      throw new AppError('LEAVE.TOO_LATE', '活动开始前20分钟后不能再请假，请联系主持人', {
        ruleId: 'CHK-04',
      });
    }
    const [present, earlier] = await Promise.all([
      findAttendance(activity._id, member._id),
      findLeave(activity._id, member._id),
    ]);
    if (present && present.status !== 'excused')
      throw new AppError('CONFLICT', '您已签到，无需请假');
    // An approved leave stays approved: asking again must not put it back to waiting.
    if (earlier?.status === 'approved') throw new AppError('CONFLICT', '您的请假已经批准了');
    await putLeave({
      _id: attendanceId(activity._id, member._id),
      activityId: activity._id,
      memberId: member._id,
      reason: input.reason,
      category: input.category ?? null,
      status: 'pending',
      requestedAt: ctx.now,
      decidedBy: null,
    });
    return { activityId: activity._id, status: 'pending' };
  },
});

/**
 * The host or a committee member decides; approval after closing turns `absent` into `excused`.
 * Nobody decides their own leave: it passes to another committee member or the superior [PRIV-21].
 */
export const decideLeave = action({
  input: activityContract.decideLeave.input,
  async run(ctx, input): Promise<ActivityOutput<'decideLeave'>> {
    const { activity, org } = await loadAsRunner(ctx, 'leave.decide', input.activityId, {
      subject: input.memberId,
    });
    const leave = orNotFound(await findLeave(activity._id, input.memberId), '请假申请');
    const { member: actor } = await ctx.caller();
    const status = input.approve ? 'approved' : 'rejected';
    const attendance = await ctx.write(async (tx) => {
      // Decided once: a second decision (or two at once) is refused; corrections go through
      // setAttendance, with a reason.
      if ((await findLeave(activity._id, input.memberId, tx))?.status !== 'pending')
        throw new AppError('CONFLICT', '这份请假申请已经处理过了');
      await decideLeaveRequest(leave._id, status, actor._id, tx);
      const current = await findAttendance(activity._id, input.memberId, tx);
      let state = current?.status ?? null;
      if (input.approve) {
        const next = neverDowngrade(state, 'excused');
        if (next !== state)
          await putStatus(ctx, activity, input.memberId, next, 'leave', current, tx);
        state = next;
      }
      const change = { before: { status: leave.status }, after: { status, attendance: state } };
      return {
        audit: { org, entity: 'leaveRequests', entityId: leave._id, ...change },
        result: state,
      };
    });
    return { memberId: input.memberId, status: attendance };
  },
});

/** A manual correction by the host, recorder or committee, with a reason, audited; never one's own [CHK-13, PRIV-21]. */
export const setAttendance = action({
  input: activityContract.setAttendance.input,
  async run(ctx, input): Promise<ActivityOutput<'setAttendance'>> {
    const { activity, org } = await loadAsRunner(ctx, 'attendance.correct', input.activityId, {
      subject: input.memberId,
    });
    const target = await findMember(input.memberId);
    if (target && movedAwayFrom(target, activity.orgId))
      throw new AppError(
        'MEMBER.TRANSFERRED',
        '这位党员已调到其他支部，原支部的记录只能查看，不能再修改',
        {
          ruleId: 'PRIV-20',
        },
      );
    if (!target || !isParticipant(activity, target))
      throw new AppError('CHECKIN.NOT_PARTICIPANT', '该党员不是本次活动的参加人员');
    if (input.status === 'exempt' && !target.exempt) {
      throw new AppError('ATTENDANCE.EXEMPT_NEEDS_DECISION', '免参加须先由支部作出决定并登记', {
        ruleId: 'TD-08',
      });
    }
    await ctx.write(async (tx) => {
      const current = await findAttendance(activity._id, input.memberId, tx);
      await putStatus(ctx, activity, input.memberId, input.status, 'hostMarked', current, tx);
      return {
        audit: {
          org,
          entity: 'attendance',
          entityId: attendanceId(activity._id, input.memberId),
          before: { status: current?.status ?? null },
          after: { status: input.status, closed: activity.status === 'closed' },
          reason: input.reason,
        },
      };
    });
    return { memberId: input.memberId, status: input.status };
  },
});

/**
 * Closes the session: sign-ins stop, and everyone expected without a record becomes `absent`
 * (or `exempt` by a recorded decision) [CHK-02, CHK-18, TD-08]; with batches, not a member who took
 * part in another batch of the month [TD-12]; the host and the recorder are present (method
 * `host`). Closing twice changes nothing.
 * The activity comes with its records and its branch's roster in one read; the close, the absent
 * rows (one batch) and its entry are one transaction [PRIV-06]: the database requests do not grow
 * with the branch (8 for a first close, 2 for a repeat).
 */
export const close = action({
  input: activityContract.close.input,
  async run(ctx, input): Promise<ActivityOutput<'close'>> {
    const loaded = await loadAsRunner(ctx, 'activity.manage', input.activityId, {
      include: { attendance: true, roster: true },
    });
    const { activity, org } = loaded;
    const batches = activity.status === 'closed' ? null : await batchesOf(activity, org);
    const expected = expectedOf(activity, loaded.roster).map((m) => ({
      memberId: m._id,
      exempt: m.exempt,
    }));
    // The host and the recorder held the meeting: present, never absent at it.
    const runners = new Set([activity.hostId, activity.recorderId].filter(Boolean));
    const byMember = (rows: readonly AttendanceDoc[]) =>
      new Map(rows.map((a) => [a.memberId, a.status]));
    const final =
      activity.status === 'closed'
        ? closeStatuses(expected, byMember(loaded.attendance))
        : await ctx.write(async (tx) => {
            const recorded = byMember(loaded.attendance);
            const proposed = closeStatuses(expected, recorded);
            const missing = [...proposed]
              .filter(([memberId]) => !recorded.has(memberId))
              .map(([memberId, status]) => ({
                memberId,
                ...(runners.has(memberId)
                  ? { status: 'present' as const, method: 'host' as const }
                  : batchStatus(batches, memberId, status)),
              }));
            for (const m of missing) proposed.set(m.memberId, m.status); // other batch [TD-12]
            const rows = missing.map((m) => row(ctx, activity, m.memberId, m.status, m.method));
            // the tally rides on the close: the records read and the rows it adds [MTG-27]
            const tally = tallyOf([...loaded.attendance, ...rows]);
            if (!(await closeActivity(activity._id, ctx.now, tally, tx))) {
              // closed a moment ago by another host: every record is in
              const stored = await attendanceOf(activity._id, tx);
              return { audit: null, result: closeStatuses(expected, byMember(stored)) };
            }
            const raced = await insertAttendanceRows(rows, tx);
            // a sign-in between the read and the close keeps its record: count what is stored
            let result = proposed;
            if (raced) {
              const stored = await attendanceOf(activity._id, tx);
              result = closeStatuses(expected, byMember(stored));
              // with the rows added here, whether or not the query shows this transaction's own
              const ids = new Set(stored.map((r) => r._id));
              const all = [...stored, ...rows.filter((r) => !ids.has(r._id))];
              await setTally(activity._id, tallyOf(all), tx);
            }
            const change = { before: { status: 'planned' }, after: { status: 'closed' } };
            const settled = await settleEarlierBatches(batches, result, org, tx);
            return {
              audit: [{ org, entity: 'activities', entityId: activity._id, ...change }, ...settled],
              result,
            };
          });
    const { remotePending, ...c } = countStatuses(final.values());
    return { ...c, remote: c.remote + remotePending }; // remote includes joins not yet confirmed
  },
});

/**
 * Who came: every expected member with their state; leave reasons, notes and the evidence of a
 * remote join or a 流入地 proof only for approvers [PRIV-17, CHK-15, CHK-16].
 */
export const attendance = action({
  input: activityContract.attendance.input,
  async run(ctx, input): Promise<ActivityOutput<'attendance'>> {
    const loaded = await loadActivity(input.activityId, { attendance: true, leaves: 'all' });
    const { activity, org } = loaded;
    await ctx.require('org.read', org);
    const [roster, approver] = await Promise.all([
      listOrgMembers(activity.orgId),
      mayRun(ctx, 'leave.decide', activity, org),
    ]);
    const byMember = new Map(loaded.attendance.map((r) => [r.memberId, r]));
    const leaveBy = new Map(loaded.leaves.map((l) => [l.memberId, l]));
    return expectedOf(activity, roster).map((m) => {
      const r = byMember.get(m._id);
      const l = leaveBy.get(m._id);
      return {
        memberId: m._id,
        name: m.name,
        status: r?.status ?? null,
        at: r ? new Date(r.at).toISOString() : null,
        method: r?.method ?? null,
        geo: approver ? (r?.geo ?? null) : null,
        note: approver ? (r?.note ?? null) : null,
        // like the note: for the host who decides on it [CHK-15, CHK-16]
        evidence: approver ? (r?.evidence ?? []) : [],
        exempt: m.exempt,
        leave: l
          ? { status: l.status, category: l.category, reason: approver ? l.reason : null }
          : null,
      };
    });
  },
});
