import { appraisalContract } from '../../contracts/appraisal';
import { action } from '../../runtime/handler';
import { boardOut, committeeBoard } from './board-rows';
import { boardBranch, isBranchCampaign } from './branch-hooks';
import { boardDemocratic } from './democratic-board';
import { isDemocraticId } from '../../repos/appraisal-democratic';
import { loadCampaign, subjectOf } from './support';

/**
 * The grading board [SEC-10, SEC-11, SEC-18, SEC-20]: the superior who grades (`appraisal.decide`
 * on the branch, never their own case [PRIV-21]) sees both evaluations, the daily assessment, the
 * 调查核实, the advisory weighted score and band, and — since the quota compares them — every
 * secretary review the 基层党委 grades this year, this campaign's row first, with the quota meter
 * and the ties at its boundary. Read only.
 */
export const board = action({
  input: appraisalContract.board.input,
  async run(ctx, input) {
    if (isBranchCampaign(input.id)) return boardBranch(ctx, input.id);
    if (isDemocraticId(input.id)) return boardDemocratic(ctx, input.id);
    const doc = await loadCampaign(ctx, input.id);
    await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    return boardOut(doc, await committeeBoard(doc, ctx.now));
  },
});
