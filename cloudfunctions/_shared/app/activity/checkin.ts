import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, AttendanceStatus } from '../../contracts/activity';
import {
  checkinWindow,
  geoCheck,
  neverDowngrade,
  signInStatus,
} from '../../domain/activity/attendance';
import { isParticipant } from '../../domain/activity/participants';
import { verifyToken } from '../../domain/activity/token';
import { ActivityDoc, activityWithMine, findActivity } from '../../repos/activities';
import {
  attendanceId,
  AttendanceDoc,
  findAttendance,
  insertAttendance,
  moveAttendance,
  setAttendanceStatus,
} from '../../repos/attendance';
import { MemberDoc } from '../../repos/members';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { acceptAttachments, markAttached } from '../media/attach';
import { mediaStates } from '../media/queries';
import { rotatingCode } from './signin-code';
import { loadAsRunner } from './support';
import { keepTally } from './tally';

function assertOpen(activity: ActivityDoc): void {
  if (activity.status === 'closed')
    throw new AppError('CHECKIN.CLOSED', undefined, { ruleId: 'CHK-18' });
}

/**
 * The rotating token for the code shown at the venue [CHK-05, CHK-06], as a raw token and as the
 * mini-program code WeChat's scanner opens. The host and the recorder who open it inside the
 * sign-in window are recorded present (method `host`): never absent at their own meeting.
 */
export const checkinToken = action({
  input: activityContract.checkinToken.input,
  async run(ctx, input): Promise<ActivityOutput<'checkinToken'>> {
    const { activity } = await loadAsRunner(ctx, 'activity.manage', input.activityId);
    assertOpen(activity);
    const { member } = await ctx.caller();
    const runner = member._id === activity.hostId || member._id === activity.recorderId;
    if (runner && signInStatus(ctx.now, activity.startAt, activity.endAt).ok)
      await recordOnce(ctx, activity, member, 'present', { method: 'host', geo: null, note: null });
    return rotatingCode(ctx, activity);
  },
});

function assertParticipant(activity: ActivityDoc, member: MemberDoc): void {
  if (!isParticipant(activity, member)) {
    throw new AppError('CHECKIN.NOT_PARTICIPANT', '您不是本次活动的参加人员，不能签到', {
      ruleId: 'CHK-07',
    });
  }
}

/**
 * Records a state for the caller once: a deterministic _id makes two taps, two devices or fifty
 * concurrent retries one record; a repeat returns the first record, and a later record can only
 * raise the state, never lower it [CHK-11].
 */
async function recordOnce(
  ctx: Ctx,
  activity: ActivityDoc,
  member: MemberDoc,
  status: AttendanceStatus,
  extra: Pick<AttendanceDoc, 'method' | 'geo' | 'note' | 'evidence'>,
  known?: AttendanceDoc | null,
): Promise<{ doc: AttendanceDoc; already: boolean }> {
  const doc: AttendanceDoc = {
    _id: attendanceId(activity._id, member._id),
    activityId: activity._id,
    orgId: activity.orgId,
    memberId: member._id,
    status,
    at: ctx.now,
    ...extra,
  };
  // The record read with the activity saves the insert on a repeat tap; a race falls through.
  if (!known && (await insertAttendance(doc))) return { doc, already: false };
  const existing = known ?? ((await findAttendance(activity._id, member._id)) as AttendanceDoc);
  const next = neverDowngrade(existing.status, status);
  if (next === existing.status) return { doc: existing, already: true };
  return (await moveAttendance(doc._id, existing.status, { status: next, at: ctx.now, ...extra }))
    ? { doc: { ...existing, ...extra, status: next, at: ctx.now }, already: false }
    : recordOnce(ctx, activity, member, status, extra);
}

/**
 * A member signs in by scanning the venue's QR code; identity is the caller's OPENID only
 * [CHK-07]. The hot path: the caller, the activity and the insert — three database requests.
 */
export const checkin = action({
  input: activityContract.checkin.input,
  async run(ctx, input): Promise<ActivityOutput<'checkin'>> {
    const { member } = await ctx.caller();
    const { activity, mine } = await scanned(ctx, input.token, member._id);
    const activityId = activity._id;
    assertOpen(activity);
    assertParticipant(activity, member);
    const status = orThrow(signInStatus(ctx.now, activity.startAt, activity.endAt));
    const geo = geoCheck(activity.geofence, input.location);
    const { doc, already } = await recordOnce(
      ctx,
      activity,
      member,
      status,
      { method: 'qr', geo, note: null },
      mine,
    );
    return {
      activityId,
      status: doc.status === 'late' ? 'late' : 'present',
      at: new Date(doc.at).toISOString(),
      alreadyCheckedIn: already,
      geo: doc.geo ?? null,
    };
  },
});

/**
 * The activity a scanned token names, with the caller's own record: a bad or old token is refused
 * before any read; no org read (the token names the activity) [CHK-05].
 */
async function scanned(ctx: Ctx, token: string, memberId: string) {
  const subject = orThrow(verifyToken(ctx.ports.secret('checkin'), token, +ctx.now));
  const found = await activityWithMine(subject, memberId);
  // a code of an activity since removed reads as no code of ours
  if (!found) throw new AppError('CHECKIN.TOKEN_INVALID', undefined, { ruleId: 'CHK-05' });
  return found;
}

/** What the sign-in page shows after a scan: the activity and the caller's state; signs nobody in. */
export const checkinPreview = action({
  input: activityContract.checkinPreview.input,
  async run(ctx, input): Promise<ActivityOutput<'checkinPreview'>> {
    const { member } = await ctx.caller();
    const { activity, mine } = await scanned(ctx, input.token, member._id);
    assertOpen(activity);
    assertParticipant(activity, member);
    const w = checkinWindow(activity.startAt, activity.endAt);
    return {
      activityId: activity._id,
      title: activity.title,
      type: activity.type,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      place: activity.place,
      myStatus: mine?.status ?? null,
      myAt: mine ? new Date(mine.at).toISOString() : null,
      checkinWindow: {
        opensAt: w.opensAt.toISOString(),
        lateAfter: w.lateAfter.toISOString(),
        closesAt: w.closesAt.toISOString(),
      },
      open: signInStatus(ctx.now, activity.startAt, activity.endAt).ok,
      geofence: !!activity.geofence,
    };
  },
});

/**
 * Remote participation: 流动党员, or anyone where the activity allows it, join inside the
 * sign-in window with a participation note and count as `remote` at once [CHK-15, TD-09]. A
 * screenshot or photo may come with the note (files uploaded for the branch, checked by the media
 * area); the note alone is enough, as before. The first join is the record: a repeat changes
 * nothing, its files included [CHK-11].
 */
export const joinRemote = action({
  input: activityContract.joinRemote.input,
  async run(ctx, input): Promise<ActivityOutput<'joinRemote'>> {
    const { member } = await ctx.caller();
    const activity = orNotFound(await findActivity(input.activityId), '活动');
    assertOpen(activity);
    assertParticipant(activity, member);
    if (!member.mobile && !activity.allowRemote) {
      throw new AppError(
        'CHECKIN.REMOTE_NOT_ALLOWED',
        '本次活动不支持线上参加；流动党员可线上参加',
        { ruleId: 'CHK-15' },
      );
    }
    orThrow(signInStatus(ctx.now, activity.startAt, activity.endAt));
    // A rejection by the host stands: joining again online cannot lift it (on site still can).
    const mine = await findAttendance(activity._id, member._id);
    if (mine?.method === 'remoteRejected')
      throw new AppError(
        'CHECKIN.REMOTE_NOT_ALLOWED',
        '主持人没有确认您本次的线上参加；如有疑问，请与支部联系',
        { ruleId: 'CHK-15' },
      );
    // Files already on the record (a 流入地 proof sent before) stay with it.
    const prior = mine?.evidence ?? [];
    const evidence = [...new Set([...prior, ...(input.evidence ?? [])])];
    const fresh = !mine || neverDowngrade(mine.status, 'remote') !== mine.status;
    if (fresh && evidence.length > prior.length)
      await acceptAttachments(ctx, {
        orgId: activity.orgId,
        purpose: 'remoteEvidence',
        fileIds: evidence,
        previous: prior,
      });
    // The record just read saves recordOnce a second read of it.
    const { doc, already } = await recordOnce(
      ctx,
      activity,
      member,
      'remote',
      { method: 'remote', geo: null, note: input.note, ...(evidence.length ? { evidence } : {}) },
      mine,
    );
    if (!already && doc.evidence?.length)
      await markAttached({ kind: 'attendance', id: doc._id }, doc.evidence, { previous: prior });
    return { activityId: activity._id, status: 'remote', at: new Date(doc.at).toISOString() };
  },
});

/**
 * The host (or a committee member) confirms or rejects a remote participation, with a reason
 * when rejecting; never their own [CHK-15, PRIV-21]. A participation at the 流入地 is confirmed
 * only with that organisation's proof [CHK-16].
 */
export const decideRemote = action({
  input: activityContract.decideRemote.input,
  async run(ctx, input): Promise<ActivityOutput<'decideRemote'>> {
    const { activity, org } = await loadAsRunner(ctx, 'leave.decide', input.activityId, {
      subject: input.memberId,
    });
    const current = await findAttendance(activity._id, input.memberId);
    if (!current || (current.status !== 'remote' && current.status !== 'remotePending')) {
      throw new AppError('NOT_FOUND', '该党员没有待确认的线上参加记录');
    }
    if (!input.accept && !input.reason)
      throw new AppError('INPUT.INVALID', '驳回须说明理由', { fields: ['reason'] });
    // At the 流入地 it counts once that organisation's proof is there [CHK-16].
    if (input.accept && current.method === 'inflow' && !(await hasProof(current)))
      throw new AppError('CHECKIN.PROOF_MISSING', undefined, { ruleId: 'CHK-16' });
    const status: AttendanceStatus = input.accept ? 'remote' : 'absent';
    await ctx.write(async (tx) => {
      await setAttendanceStatus(
        current._id,
        input.accept ? { status } : { status, method: 'remoteRejected' },
        tx,
      );
      await keepTally(activity, { memberId: input.memberId, status }, tx);
      const change = { before: { status: current.status }, after: { status } };
      return {
        audit: {
          org,
          entity: 'attendance',
          entityId: current._id,
          ...change,
          reason: input.reason,
        },
      };
    });
    return { memberId: input.memberId, status };
  },
});

/**
 * The 流入地 organisation's proof is there: its reference as a text, or a proof file the host can
 * see — one not held back by the content check [CHK-16]. Reads the files only without a text.
 */
async function hasProof(current: AttendanceDoc): Promise<boolean> {
  if (current.inflow?.proof) return true;
  const files = current.evidence ?? [];
  if (!files.length) return false;
  const states = await mediaStates(files);
  return files.some((f) => {
    const s = states.get(f);
    return !!s && s.check !== 'risky';
  });
}
