import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import { requireStep } from '../../domain/appraisal/steps';
import { updateAppraisal } from '../../repos/appraisals';
import { orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { advanceStep, loadCampaign, stepDone, subjectOf } from './support';

/**
 * The leader's 点评 at the 基层党委's 述职评议会 [SEC-09]: with the committee box closed it
 * completes the step (either may come first).
 */
export const recordComment = action({
  input: appraisalContract.recordComment.input,
  async run(ctx, input): Promise<AppraisalOutput<'recordComment'>> {
    const doc = await loadCampaign(ctx, input.id);
    const org = await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    orThrow(requireStep(doc.step, 'committee'));
    const { member } = await ctx.caller();
    const leaderComment = { text: input.comment, by: member._id, at: ctx.now };
    await ctx.write(async (tx) => {
      const patch: Record<string, unknown> = { leaderComment };
      if (stepDone(doc, org, { comment: true })) Object.assign(patch, advanceStep(doc, ctx.now));
      await updateAppraisal(doc._id, patch, tx);
      return {
        audit: {
          org,
          entity: 'appraisals.leaderComment',
          entityId: doc._id,
          before: doc.leaderComment,
          after: leaderComment,
        },
      };
    });
    return { id: doc._id };
  },
});
