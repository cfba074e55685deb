import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { attended, onSite, sitsOnCommittee } from '../../domain/activity/participants';
import { decideVote } from '../../domain/activity/vote';
import { ActivityRecord, insertVote, updateActivity } from '../../repos/activities';
import { listOrgMembers } from '../../repos/members';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import { loadAsRunner } from './support';

/**
 * The 纪实 record: minutes, resolutions, attachments (cloud file IDs) [MTG-10]. Once archived it
 * is read-only: a correction needs a reason and is appended as an amendment with the text before
 * and after; the original is kept [MTG-20].
 */
export const record = action({
  input: activityContract.record.input,
  async run(ctx, input): Promise<ActivityOutput<'record'>> {
    const { activity, org } = await loadAsRunner(ctx, 'activity.manage', input.activityId);
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
    let amendments = activity.amendments;
    if (prev?.archived) {
      if (!input.reason)
        throw new AppError(
          'RECORD.ARCHIVED',
          '纪实已归档，修改须说明理由，修改将作为更正附后保存',
          { ruleId: 'MTG-20', fields: ['reason'] },
        );
      amendments = [
        ...amendments,
        { at: ctx.now, by: member._id, reason: input.reason, before: prev, after: next },
      ];
    }
    const amended = amendments !== activity.amendments;
    await ctx.write(async (tx) => {
      await updateActivity(
        activity._id,
        amended ? { record: next, amendments } : { record: next },
        tx,
      );
      return {
        audit: {
          org,
          entity: 'activities.record',
          entityId: activity._id,
          before: prev,
          after: next,
          ...(amended ? { reason: input.reason } : {}),
        },
      };
    });
    return { activityId: activity._id, archived: next.archived, amendments: amendments.length };
  },
});

/**
 * A vote on a motion, judged by the quorum rules over the right denominator (VOTE-*). Only the
 * counts are stored, never who voted how [VOTE-22, PRIV-13].
 */
export const vote = action({
  input: activityContract.vote.input,
  async run(ctx, input): Promise<ActivityOutput<'vote'>> {
    const { activity, attendance, org } = await loadAsRunner(
      ctx,
      'activity.manage',
      input.activityId,
      {
        include: { attendance: true },
      },
    );
    const members = await listOrgMembers(activity.orgId);
    const status = new Map(attendance.map((r) => [r.memberId, r.status]));
    const eligible = members.filter((m) => m.status === 'full'); // 预备党员 have no vote [VOTE-01]
    const came = (id: string) => attended(status.get(id));
    const committee = members.filter((m) => sitsOnCommittee(m, activity.orgId));
    const outcome = orThrow(
      decideVote({
        meeting: activity.type === 'committeeMeeting' ? 'committee' : 'assembly',
        kind: input.kind ?? 'ordinary',
        eligible: eligible.length,
        presentEligible: eligible.filter((m) => came(m._id)).length,
        presentOnSite: eligible.filter((m) => onSite(status.get(m._id))).length,
        committeeSize: committee.length,
        committeePresent: committee.filter((m) => came(m._id)).length,
        yes: input.yes,
        no: input.no,
        abstain: input.abstain,
        written: input.written ?? 0,
      }),
    );
    const presentEligible = eligible.filter((m) => came(m._id)).length;
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
    await ctx.write(async (tx) => {
      const voteId = await insertVote(doc, tx);
      return { audit: { org, entity: 'votes', entityId: voteId, after: doc } };
    });
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
