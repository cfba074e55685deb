import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { mayRecordStep, ORG_LIFE_STEPS } from '../../domain/activity/org-life';
import { listOrgLifeSteps, saveOrgLifeStep } from '../../repos/talks';
import { action } from '../../runtime/handler';
import { AppError, orThrow } from '../../runtime/errors';
import { loadAsRunner } from './support';

/**
 * Records one step of a 组织生活会, in order [MTG-30]: topic agreed with the superior → study →
 * 谈心谈话 → the meeting → report to the superior → rectification list with owners and deadlines.
 * A step already recorded may be recorded again (a correction); the audit keeps both.
 */
export const orgLifeStep = action({
  input: activityContract.orgLifeStep.input,
  async run(ctx, input): Promise<ActivityOutput<'orgLifeStep'>> {
    const { activity, org, roster } = await loadAsRunner(ctx, 'activity.manage', input.activityId, {
      include: { roster: true },
    });
    if (activity.type !== 'orgLifeMeeting')
      throw new AppError('INPUT.INVALID', '只有组织生活会才有这些步骤', { fields: ['activityId'] });
    const items = input.items ?? [];
    const members = new Set(roster.map((m) => m._id));
    if (items.some((i) => !members.has(i.ownerId)))
      throw new AppError('INPUT.INVALID', '整改责任人须是本支部的党员', { fields: ['items'] });
    const { member } = await ctx.caller();
    return ctx.write(async (tx) => {
      const before = await listOrgLifeSteps(activity._id, tx);
      const done = before.map((s) => s.step);
      orThrow(
        mayRecordStep({
          step: input.step,
          done,
          now: ctx.now,
          meetingStart: activity.startAt,
          rectificationItems: items.length,
        }),
      );
      const doc = {
        _id: `${activity._id}:${input.step}`,
        activityId: activity._id,
        orgId: activity.orgId,
        step: input.step,
        note: input.note ?? null,
        items,
        recordedBy: member._id,
        at: ctx.now,
      };
      await saveOrgLifeStep(doc, tx);
      const now = ORG_LIFE_STEPS.filter((s) => s === input.step || done.includes(s));
      return {
        audit: {
          org,
          entity: 'orgLifeSteps',
          entityId: doc._id,
          before: before.find((s) => s.step === input.step) ?? null,
          after: doc,
        },
        result: { done: now, next: ORG_LIFE_STEPS.find((s) => !now.includes(s)) ?? null },
      };
    });
  },
});
