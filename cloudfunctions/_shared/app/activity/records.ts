import { activityContract } from '../../contracts/activity';
import { decideVote } from '../../domain/activity/vote';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import { ActivityRecord, attendanceOf, updateActivity } from '../../repos/activities';
import { db } from '../../repos/db';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import { loadActivity, requireManage } from './access';

/**
 * The 纪实 record: minutes, resolutions, attachments (cloud file IDs) [MTG-10]. Once archived it
 * is read-only: a correction needs a reason and is appended as an amendment with the text before
 * and after; the original is kept [MTG-20].
 */
export const record = action({
  input: activityContract.record.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const { member } = await ctx.caller();
    const prev = activity.record;
    const next: ActivityRecord = {
      minutes: input.minutes,
      resolutions: input.resolutions ?? prev?.resolutions ?? [],
      attachments: input.attachments ?? prev?.attachments ?? [],
      summary: input.summary ?? prev?.summary ?? null,
      archived: prev?.archived || !!input.archive,
      recordedAt: ctx.now,
      recordedBy: member._id,
    };
    if (prev?.archived) {
      if (!input.reason)
        throw new AppError(
          'RECORD.ARCHIVED',
          '纪实已归档，修改须说明理由，修改将作为更正附后保存',
          { ruleId: 'MTG-20', fields: ['reason'] },
        );
      const amendments = [
        ...activity.amendments,
        { at: ctx.now, by: member._id, reason: input.reason, before: prev, after: next },
      ];
      await updateActivity(activity._id, { record: next, amendments });
      await ctx.audit({
        orgId: activity.orgId,
        entity: 'activities.record',
        entityId: activity._id,
        before: prev,
        after: next,
        reason: input.reason,
      });
      return { activityId: activity._id, archived: true, amendments: amendments.length };
    }
    await updateActivity(activity._id, { record: next });
    await ctx.audit({
      orgId: activity.orgId,
      entity: 'activities.record',
      entityId: activity._id,
      before: prev,
      after: next,
    });
    return {
      activityId: activity._id,
      archived: next.archived,
      amendments: activity.amendments.length,
    };
  },
});

/**
 * A vote on a motion, judged by the quorum rules over the right denominator (VOTE-*). Only the
 * counts are stored, never who voted how [VOTE-22, PRIV-13].
 */
export const vote = action({
  input: activityContract.vote.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const [members, records] = await Promise.all([
      listOrgMembers(activity.orgId),
      attendanceOf(activity._id),
    ]);
    const status = new Map(records.map((r) => [r.memberId, r.status]));
    const eligible = members.filter((m) => m.status === 'full'); // 预备党员 have no vote [VOTE-01]
    const attended = (id: string) => ['present', 'late', 'remote'].includes(status.get(id) ?? '');
    const onSite = (id: string) => ['present', 'late'].includes(status.get(id) ?? '');
    const committee = members.filter((m) =>
      m.roles.some((r) => r.orgId === activity.orgId && COMMITTEE_ROLES.includes(r.role)),
    );
    const outcome = orThrow(
      decideVote({
        meeting: activity.type === 'committeeMeeting' ? 'committee' : 'assembly',
        kind: input.kind ?? 'ordinary',
        eligible: eligible.length,
        presentEligible: eligible.filter((m) => attended(m._id)).length,
        presentOnSite: eligible.filter((m) => onSite(m._id)).length,
        committeeSize: committee.length,
        committeePresent: committee.filter((m) => attended(m._id)).length,
        yes: input.yes,
        no: input.no,
        abstain: input.abstain,
        written: input.written ?? 0,
      }),
    );
    const presentEligible = eligible.filter((m) => attended(m._id)).length;
    const doc = {
      activityId: activity._id,
      orgId: activity.orgId,
      motion: input.motion,
      kind: input.kind ?? 'ordinary',
      yes: input.yes,
      no: input.no,
      abstain: input.abstain,
      written: input.written ?? 0,
      eligible: eligible.length,
      presentEligible,
      ...outcome,
      at: ctx.now,
    };
    const { _id } = (await db.collection('votes').add({ data: doc })) as { _id: string };
    await ctx.audit({ orgId: activity.orgId, entity: 'votes', entityId: _id, after: doc });
    return {
      valid: outcome.valid,
      passed: outcome.passed,
      eligible: eligible.length,
      presentEligible,
      ruleIds: outcome.ruleIds,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
    };
  },
});
