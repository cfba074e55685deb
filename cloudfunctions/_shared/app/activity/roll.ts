import { activityContract } from '../../contracts/activity';
import type { AttendanceRow, AttendanceStatus } from '../../contracts/activity';
import { closeStatuses, countStatuses, neverDowngrade } from '../../domain/activity/attendance';
import {
  attendanceId,
  AttendanceDoc,
  attendanceOf,
  findAttendance,
  findLeave,
  leavesOf,
  setAttendanceStatus,
} from '../../repos/activities';
import { db, insertOnce, updatedCount } from '../../repos/db';
import { findMember } from '../../repos/members';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { AppError, forbidden, notFound } from '../../runtime/errors';
import {
  canManage,
  expectedMembers,
  isParticipant,
  loadActivity,
  requireManage,
  requireViewer,
} from './access';

const LEAVE_CUTOFF_MS = 20 * 60_000; // CHK-04: leave is asked for at least 20 minutes before the start

/** Writes a state chosen by the host (leave decisions, corrections, closing), creating the record if needed. */
async function putStatus(
  ctx: Ctx,
  activityId: string,
  orgId: string,
  memberId: string,
  status: AttendanceStatus,
  method: AttendanceDoc['method'],
) {
  const id = attendanceId(activityId, memberId);
  const fresh: AttendanceDoc = {
    _id: id,
    activityId,
    orgId,
    memberId,
    status,
    at: ctx.now,
    method,
    geo: null,
    note: null,
  };
  if (!(await insertOnce('attendance', fresh as never)))
    await setAttendanceStatus(id, { status, method });
}

/** A member asks for leave before the cut-off [CHK-04]; the reason is seen only by the approver [PRIV-17]. */
export const requestLeave = action({
  input: activityContract.requestLeave.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const { activity } = await loadActivity(input.activityId);
    if (!isParticipant(activity, member))
      throw new AppError('CHECKIN.NOT_PARTICIPANT', '您不是本次活动的参加人员');
    if (+ctx.now > +activity.startAt - LEAVE_CUTOFF_MS || activity.status === 'closed') {
      throw new AppError('LEAVE.TOO_LATE', '活动开始前20分钟后不能再请假，请联系主持人', {
        ruleId: 'CHK-04',
      });
    }
    const present = await findAttendance(activity._id, member._id);
    if (present && present.status !== 'excused')
      throw new AppError('CONFLICT', '您已签到，无需请假');
    await db
      .collection('leaveRequests')
      .doc(attendanceId(activity._id, member._id))
      .set({
        data: {
          activityId: activity._id,
          memberId: member._id,
          reason: input.reason,
          category: input.category ?? null,
          status: 'pending',
          requestedAt: ctx.now,
          decidedBy: null,
        },
      });
    return { activityId: activity._id, status: 'pending' as const };
  },
});

/** The host or secretary decides; approval after closing turns `absent` into `excused`. */
export const decideLeave = action({
  input: activityContract.decideLeave.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const leave = await findLeave(activity._id, input.memberId);
    if (!leave) throw notFound('请假申请');
    const { member: actor } = await ctx.caller();
    const status = input.approve ? 'approved' : 'rejected';
    await db
      .collection('leaveRequests')
      .doc(leave._id)
      .update({ data: { status, decidedBy: actor._id } });
    let attendance = (await findAttendance(activity._id, input.memberId))?.status ?? null;
    if (input.approve) {
      const next = neverDowngrade(attendance, 'excused');
      if (next !== attendance)
        await putStatus(ctx, activity._id, activity.orgId, input.memberId, next, 'leave');
      attendance = next;
    }
    await ctx.audit({
      orgId: activity.orgId,
      entity: 'leaveRequests',
      entityId: leave._id,
      before: { status: leave.status },
      after: { status, attendance },
    });
    return { memberId: input.memberId, status: attendance };
  },
});

/** A manual correction by the host, recorder or committee, with a reason, audited [CHK-13]. */
export const setAttendance = action({
  input: activityContract.setAttendance.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const { member: actor } = await ctx.caller();
    if (actor._id === input.memberId) throw forbidden('不能更正本人的考勤');
    const target = await findMember(input.memberId);
    if (!target || !isParticipant(activity, target))
      throw new AppError('CHECKIN.NOT_PARTICIPANT', '该党员不是本次活动的参加人员');
    if (input.status === 'exempt' && !target.exempt) {
      throw new AppError('ATTENDANCE.EXEMPT_NEEDS_DECISION', '免参加须先由支部作出决定并登记', {
        ruleId: 'TD-08',
      });
    }
    const before = (await findAttendance(activity._id, input.memberId))?.status ?? null;
    await putStatus(ctx, activity._id, activity.orgId, input.memberId, input.status, 'hostMarked');
    await ctx.audit({
      orgId: activity.orgId,
      entity: 'attendance',
      entityId: attendanceId(activity._id, input.memberId),
      before: { status: before },
      after: { status: input.status, closed: activity.status === 'closed' },
      reason: input.reason,
    });
    return { memberId: input.memberId, status: input.status };
  },
});

/**
 * Closes the session: sign-ins stop, and everyone expected without a record becomes `absent`
 * (or `exempt` by a recorded decision) [CHK-02, CHK-18, TD-08]. Closing twice changes nothing.
 */
export const close = action({
  input: activityContract.close.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const first = await updatedCount(
      db
        .collection('activities')
        .where({ _id: activity._id, status: 'planned' })
        .update({ data: { status: 'closed', closedAt: ctx.now } }),
    );
    const expected = await expectedMembers(activity);
    const recorded = new Map((await attendanceOf(activity._id)).map((a) => [a.memberId, a.status]));
    const final = closeStatuses(
      expected.map((m) => ({ memberId: m._id, exempt: m.exempt })),
      recorded,
    );
    if (first === 1) {
      for (const [memberId, status] of final) {
        if (recorded.has(memberId)) continue;
        const doc: AttendanceDoc = {
          _id: attendanceId(activity._id, memberId),
          activityId: activity._id,
          orgId: activity.orgId,
          memberId,
          status,
          at: ctx.now,
          method: 'close',
          geo: null,
          note: null,
        };
        await insertOnce('attendance', doc as never); // a sign-in that raced the close keeps its record
      }
      await ctx.audit({
        orgId: activity.orgId,
        entity: 'activities',
        entityId: activity._id,
        before: { status: 'planned' },
        after: { status: 'closed' },
      });
    }
    const c = countStatuses(
      (await attendanceOf(activity._id)).filter((a) => final.has(a.memberId)).map((a) => a.status),
    );
    return {
      present: c.present,
      late: c.late,
      remote: c.remote + c.remotePending,
      excused: c.excused,
      absent: c.absent,
      exempt: c.exempt,
    };
  },
});

/** Who came: every expected member with their state; leave reasons only for managers [PRIV-17]. */
export const attendance = action({
  input: activityContract.attendance.input,
  access: 'member',
  async run(ctx, input): Promise<AttendanceRow[]> {
    const { activity, org } = await loadActivity(input.activityId);
    await requireViewer(ctx, activity, org);
    const manager = await canManage(ctx, activity, org);
    const [expected, records, leaves] = await Promise.all([
      expectedMembers(activity),
      attendanceOf(activity._id),
      leavesOf(activity._id),
    ]);
    const byMember = new Map(records.map((r) => [r.memberId, r]));
    const leaveBy = new Map(leaves.map((l) => [l.memberId, l]));
    return expected.map((m) => {
      const r = byMember.get(m._id);
      const l = leaveBy.get(m._id);
      return {
        memberId: m._id,
        name: m.name,
        status: r?.status ?? null,
        at: r ? new Date(r.at).toISOString() : null,
        method: r?.method ?? null,
        geo: manager ? (r?.geo ?? null) : null,
        note: manager ? (r?.note ?? null) : null,
        leave: l
          ? { status: l.status, category: l.category, reason: manager ? l.reason : null }
          : null,
      };
    });
  },
});
