import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import {
  DISCUSSION_HELD,
  mayState,
  statementsOn,
  type Statement,
} from '../../domain/activity/discussion';
import { attended, holderOf, isParticipant } from '../../domain/activity/participants';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { findActivity } from '../../repos/activities';
import { findMember } from '../../repos/members';
import { listDiscussion, saveExclusion, saveStatement } from '../../repos/votes';
import { action } from '../../runtime/handler';
import { AppError, notFound, orThrow } from '../../runtime/errors';
import { loadAsRunner } from './support';

/**
 * Records that a participant present spoke, or passed, on an agenda item — the content stays in
 * the minutes. The secretary states last when the branch keeps that order [VOTE-19]; a vote on the
 * item needs its discussion first [VOTE-20]. Without `memberId` the host records that the item's
 * discussion took place, naming no speaker (`DISCUSSION_HELD`, audited like any statement); when
 * the item already has a statement or that record, nothing more is written.
 */
export const discuss = action({
  input: activityContract.discuss.input,
  async run(ctx, input): Promise<ActivityOutput<'discuss'>> {
    const { activity, attendance, roster, org } = await loadAsRunner(
      ctx,
      'activity.manage',
      input.activityId,
      { include: { attendance: true, roster: true } },
    );
    if (input.item >= Math.max(activity.agenda.length, 1))
      throw new AppError('INPUT.INVALID', '没有这项议程，请重新选择', { fields: ['item'] });
    const status = new Map(attendance.map((r) => [r.memberId, r.status]));
    const present = roster
      .filter((m) => isParticipant(activity, m) && attended(status.get(m._id)))
      .map((m) => m._id);
    const speakerId = input.memberId ?? null;
    if (speakerId === null && input.passed)
      throw new AppError('INPUT.INVALID', '请选择表示不发言的党员', { fields: ['memberId'] });
    if (speakerId !== null && !present.includes(speakerId))
      throw new AppError('INPUT.INVALID', '这位同志没有到会，不能记录发言', {
        fields: ['memberId'],
      });
    const secretaryId = holderOf(roster, activity.orgId, 'secretary')?._id ?? null;
    return ctx.write(async (tx) => {
      const statements = await listDiscussion(activity._id, tx);
      orThrow(
        mayState({
          item: input.item,
          speakerId,
          secretaryId,
          present,
          statements,
          secretaryLast: settingOf(org, 'vote.secretaryLast'),
        }),
      );
      const tally = (all: readonly Statement[]) => {
        const spoken = new Set(statementsOn(input.item, all).map((s) => s.memberId));
        return {
          item: input.item,
          spoken: spoken.size,
          waiting: present.filter((id) => !spoken.has(id)).length,
        };
      };
      if (speakerId === null && statements.some((s) => s.item === input.item))
        return { audit: null, result: tally(statements) }; // already recorded as discussed
      const memberId = speakerId ?? DISCUSSION_HELD;
      const doc = {
        _id: `${activity._id}:${input.item}:${memberId}`,
        activityId: activity._id,
        orgId: activity.orgId,
        item: input.item,
        memberId,
        passed: !!input.passed,
        at: ctx.now,
      };
      await saveStatement(doc, tx);
      return {
        audit: { org, entity: 'discussions', entityId: doc._id, after: doc },
        result: tally([...statements, doc]),
      };
    });
  },
});

/**
 * Leaves a 正式党员 out of E (应到会有表决权人数) on one of the five grounds [VOTE-03]: only with the
 * superior's consent (its approval number) and the resolution of a 支部党员大会 already held. In
 * force from today until `until` (or until recorded again); elections always apply it, other
 * votes as `vote.exclusionsForVotes` says [VOTE-04].
 */
export const excludeVoter = action({
  input: activityContract.excludeVoter.input,
  async run(ctx, input): Promise<ActivityOutput<'excludeVoter'>> {
    const org = await ctx.require('activity.manage', input.orgId);
    const member = await findMember(input.memberId);
    if (!member || member.orgId !== org._id) throw notFound('党员');
    const unapproved = (message: string, field: string) =>
      new AppError('VOTE.EXCLUSION_UNAPPROVED', message, { ruleId: 'VOTE-03', fields: [field] });
    if (!input.superiorApprovalId)
      throw unapproved('请填写上级党组织同意的批复文号', 'superiorApprovalId');
    if (!input.resolutionActivityId)
      throw unapproved('请选择作出决议的支部党员大会', 'resolutionActivityId');
    const assembly = await findActivity(input.resolutionActivityId);
    if (
      !assembly ||
      assembly.orgId !== org._id ||
      assembly.type !== 'branchAssembly' ||
      assembly.startAt.getTime() > ctx.now.getTime()
    )
      throw unapproved('决议须是本支部已召开的党员大会作出的', 'resolutionActivityId');
    const from = localDate(ctx.now);
    if (input.until && input.until < from)
      throw new AppError('INPUT.INVALID', '截止日期不能早于今天', { fields: ['until'] });
    const { member: caller } = await ctx.caller();
    const doc = {
      _id: `${org._id}:${member._id}`,
      orgId: org._id,
      memberId: member._id,
      ground: input.ground,
      superiorApprovalId: input.superiorApprovalId,
      resolutionActivityId: assembly._id,
      from,
      until: input.until ?? null,
      recordedBy: caller._id,
      at: ctx.now,
    };
    await ctx.write(async (tx) => {
      await saveExclusion(doc, tx);
      return { audit: { org, entity: 'voterExclusions', entityId: doc._id, after: doc } };
    });
    return { memberId: member._id, from, until: doc.until };
  },
});
