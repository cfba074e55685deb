import type { AppraisalOutput } from '../../contracts/appraisal';
import {
  BRANCH_GRADE_WORDS,
  BRANCH_GRADES,
  phaseHandling,
} from '../../domain/appraisal/branch-grading';
import { updateBranchAppraisal } from '../../repos/appraisal-branch';
import { findOrg } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound } from '../../runtime/errors';
import { publishNotice } from '../notice/publish-notice';
import { pendingDisclosures } from '../notice/queries';
import {
  advanceBranchStep,
  committeeOf,
  loadBranchCampaign,
  requireBranchStep,
} from './branch-support';

const RESULT_CATEGORY = '其他';

/**
 * 通报奖惩 [FORT-20, DIS-11]: the mid-year result is filed with the 基层党委 (no notice); the
 * year-end result is 公示 on the 基层党委's 党务公开 (grouped by grade, in the branches' order, no
 * ranking [FORT-23]) and filed with the level above. Safe to retry: a notice of this result
 * published since the decision is reused, never published twice.
 */
export async function publishBranchResult(
  ctx: Ctx,
  id: string,
): Promise<AppraisalOutput<'publish'>> {
  const doc = await loadBranchCampaign(id);
  await ctx.require('appraisal.decide', committeeOf(doc));
  requireBranchStep(doc, 'publish');
  const decision = doc.decision;
  if (!decision || doc.publishedAt)
    throw new AppError('APPRAISAL.STEP_ORDER', '还没有评定等次，评定后才能通报', {
      ruleId: 'FORT-20',
    });
  const org = orNotFound(await findOrg(doc.committeeId), '基层党委');
  const handling = phaseHandling(doc.phase);
  let noticeId: string | null = null;
  if (handling.publish) {
    const title = `${doc.year}年度${doc.committeeName}评组织结果公示`;
    const lines = BRANCH_GRADES.map((g) => {
      const names = doc.branches.filter((b) => decision.grades[b.orgId] === g).map((b) => b.name);
      return names.length ? `${BRANCH_GRADE_WORDS[g]}：${names.join('、')}` : null;
    }).filter((l): l is string => !!l);
    const body = [
      `经党员群众测评、工作述职和基层党委组织评定，${doc.year}年度评组织结果如下：`,
      ...lines,
      '结果同时报上一级党组织审核、备案。',
    ].join('\n');
    const since = await pendingDisclosures(org._id, ctx.now, new Date(decision.at));
    const earlier = since.find((n) => n.category === RESULT_CATEGORY && n.title === title);
    noticeId = earlier
      ? earlier.id
      : (
          await publishNotice(ctx, org, {
            category: RESULT_CATEGORY,
            title,
            body,
            audience: 'branch',
          })
        ).id;
  }
  const { member } = await ctx.caller();
  await ctx.write(async (tx) => {
    const fresh = await loadBranchCampaign(doc._id, tx);
    if (fresh.publishedAt || fresh.step !== 'publish')
      throw new AppError('CONFLICT', '这次评议的结果已经通报');
    await updateBranchAppraisal(
      doc._id,
      {
        publishedAt: ctx.now,
        noticeId,
        filedWith: handling.fileWith,
        ...advanceBranchStep(doc, member._id, ctx.now),
      },
      tx,
    );
    return {
      audit: {
        org,
        entity: 'branchAppraisals',
        entityId: doc._id,
        before: { step: 'publish', publishedAt: null },
        after: { step: 'done', noticeId, filedWith: handling.fileWith, words: handling.words },
      },
    };
  });
  return { id: doc._id, publishedAt: ctx.now.toISOString(), noticeId };
}
