import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import { updateBranchAppraisal } from '../../repos/appraisal-branch';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import {
  advanceBranchStep,
  committeeOf,
  loadBranchCampaign,
  missingBoxes,
  requireBranchStep,
} from './branch-support';

/** 集中学习, 工作述职 and 民主测评 recorded as done by the superior, in order [FORT-20]. */
export const completeBranchStep = action({
  input: appraisalContract.completeBranchStep.input,
  async run(ctx, input): Promise<AppraisalOutput<'completeBranchStep'>> {
    const doc = await loadBranchCampaign(input.id);
    const org = await ctx.require('appraisal.decide', committeeOf(doc));
    requireBranchStep(doc, input.step);
    if (input.step === 'ballot') {
      const missing = missingBoxes(doc);
      if (missing.length)
        throw new AppError(
          'APPRAISAL.STEP_ORDER',
          `还有党支部没有完成党员和群众代表的测评：${missing.slice(0, 5).join('、')}${missing.length > 5 ? `等${missing.length}个` : ''}`,
          { ruleId: 'FORT-20' },
        );
    }
    const { member } = await ctx.caller();
    const patch = advanceBranchStep(doc, member._id, ctx.now, input.note);
    await ctx.write(async (tx) => {
      const fresh = await loadBranchCampaign(doc._id, tx);
      if (fresh.step !== doc.step) throw new AppError('CONFLICT', '这一步刚刚已经完成了');
      await updateBranchAppraisal(doc._id, patch, tx);
      return {
        audit: {
          org,
          entity: 'branchAppraisals',
          entityId: doc._id,
          before: { step: doc.step },
          after: { step: patch.step, note: input.note ?? null },
        },
      };
    });
    return { id: doc._id, step: patch.step as AppraisalOutput<'completeBranchStep'>['step'] };
  },
});
