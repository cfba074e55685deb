import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { inflowWindowRefusal } from '../../domain/activity/inflow';
import { attended, isParticipant } from '../../domain/activity/participants';
import { findActivity } from '../../repos/activities';
import { attendanceId, findAttendance, putInflowRecord } from '../../repos/attendance';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { acceptAttachments, markAttached } from '../media/attach';

/**
 * A 流动党员 took part in the theme day of the 流入地 [TD-09, CHK-16]: recorded as
 * `remotePending` (counted as absent) with the organisation there, from the sign-in window to 7
 * days after the end (CHK-15) — also after the close, since resolving it is the exception to the
 * lock (CHK-18). The proof from the 流入地 organisation — its reference as a text, or photos or
 * documents of it (`proofFiles`, uploaded for the branch; a later call's files are added to the
 * earlier ones, so a 补交 never loses what was sent before, which the page does not show again)
 * — may come with it or follow; the host accepts it (`decideRemote`) and only then
 * it counts as `remote`. Never lowers a state already recorded [CHK-11].
 */
export const attendInflow = action({
  input: activityContract.attendInflow.input,
  async run(ctx, input): Promise<ActivityOutput<'attendInflow'>> {
    const { member } = await ctx.caller();
    const activity = orNotFound(await findActivity(input.activityId), '活动');
    if (!isParticipant(activity, member))
      throw new AppError('CHECKIN.NOT_PARTICIPANT', undefined, { ruleId: 'CHK-07' });
    if (!member.mobile)
      throw new AppError('CHECKIN.REMOTE_NOT_ALLOWED', '只有流动党员可以登记在流入地参加', {
        ruleId: 'CHK-16',
      });
    orThrow(inflowWindowRefusal(ctx.now, activity.startAt, activity.endAt));
    const mine = await findAttendance(activity._id, member._id);
    if (mine?.method === 'remoteRejected')
      throw new AppError(
        'CHECKIN.REMOTE_NOT_ALLOWED',
        '主持人没有确认您本次的参加；如有疑问，请与支部联系',
        { ruleId: 'CHK-15' },
      );
    if (mine && (attended(mine.status) || mine.status === 'excused' || mine.status === 'exempt'))
      return {
        activityId: activity._id,
        status: mine.status,
        proofReceived:
          !!mine.inflow?.proof || (mine.method === 'inflow' && !!mine.evidence?.length),
      };
    const proof = input.proof ?? mine?.inflow?.proof ?? null;
    const previous = mine?.method === 'inflow' ? (mine.evidence ?? []) : [];
    const files = [...new Set([...previous, ...(input.proofFiles ?? [])])];
    if (files.length || previous.length)
      await acceptAttachments(ctx, {
        orgId: activity.orgId,
        purpose: 'inflowProof',
        fileIds: files,
        previous,
      });
    const proofWords = proof
      ? `；证明：${proof}`
      : files.length
        ? '；证明材料已上传'
        : '；证明待补交';
    const doc = {
      _id: attendanceId(activity._id, member._id),
      activityId: activity._id,
      orgId: activity.orgId,
      memberId: member._id,
      status: 'remotePending' as const,
      at: ctx.now,
      method: 'inflow' as const,
      geo: null,
      note: `在流入地（${input.inflowOrg}）参加${proofWords}`,
      inflow: { org: input.inflowOrg, proof },
      ...(files.length ? { evidence: [...files] } : {}),
    };
    // from a state that did not take part to remotePending (nor does it): a closed activity's
    // tally stands; the host's confirmation (`decideRemote`) keeps it
    await putInflowRecord(doc);
    if (files.length || previous.length)
      await markAttached({ kind: 'attendance', id: doc._id }, files, { previous });
    return {
      activityId: activity._id,
      status: 'remotePending',
      proofReceived: !!proof || files.length > 0,
    };
  },
});
