import { appraisalContract } from '../../contracts/appraisal';
import { checkBandReason, checkGradeOf } from '../../domain/appraisal/grading';
import {
  ALL_SECRETARY_GRADES,
  type AppraisalGrade,
  type SecretaryGrade,
} from '../../domain/appraisal/model';
import { checkQuota, checkTieReason, hasQuota, QUOTA_GRADE } from '../../domain/appraisal/quota';
import { requireStep } from '../../domain/appraisal/steps';
import type { Failure } from '../../domain/shared/result';
import { committeeReviews } from '../../repos/appraisal-decisions';
import { updateAppraisal, type AppraisalDoc } from '../../repos/appraisals';
import { AppError, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { committeeBoard } from './board-rows';
import { decideBranch, isBranchCampaign } from './branch-hooks';
import { decideDemocratic } from './democratic-decide';
import { isDemocraticId } from '../../repos/appraisal-democratic';
import { advanceStep, loadCampaign, subjectOf } from './support';

const refuse = (f: Failure | null) => {
  if (f) throw AppError.from(f);
};

/** The grades and reasons name the campaign's secretary and no one else. */
function gradeOf(
  doc: AppraisalDoc,
  grades: Record<string, AppraisalGrade | null>,
): SecretaryGrade | null {
  const keys = Object.keys(grades);
  if (keys.length !== 1 || keys[0] !== doc.subjectId)
    throw new AppError('INPUT.INVALID', `这次评议只评定${doc.subjectName}同志一人的等次`, {
      fields: ['grades'],
    });
  const grade = grades[doc.subjectId];
  if (grade !== null && !(ALL_SECRETARY_GRADES as readonly string[]).includes(grade))
    throw new AppError('APPRAISAL.GRADE_NOT_ALLOWED', '这个等次不适用于书记述职评议', {
      ruleId: 'SEC-10',
    });
  return grade as SecretaryGrade | null;
}

/**
 * 评定等次 [SEC-10]: the superior who holds `appraisal.decide` on the branch enters and signs the
 * grade (`decision.by/at`), never in their own case [PRIV-21]; only once the evaluations are done
 * (step `grade`) and, before publication, again (re-deciding; audited with before and after). The
 * plan fixed at opening must exist [SEC-10]. `verification` is the superior's 调查核实 [SEC-11];
 * the advisory weighted score is recorded with the decision. A grade outside the advisory band
 * needs a reason [SEC-20]; under `jiaozuo` a 好 beyond 15% of the committee's secretaries is
 * refused whatever the order of entry, and a 好 for a subject tied at the boundary needs a reason
 * [SEC-18]. A null grade withdraws the decision before publication.
 */
export const decide = action({
  input: appraisalContract.decide.input,
  async run(ctx, input) {
    const kindInput = { id: input.id, grades: input.grades, reasons: input.reasons };
    if (isBranchCampaign(input.id)) return decideBranch(ctx, kindInput);
    if (isDemocraticId(input.id)) return decideDemocratic(ctx, kindInput);
    const doc = await loadCampaign(ctx, input.id);
    const org = await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    if (doc.step !== 'publish' || doc.publishedAt) orThrow(requireStep(doc.step, 'grade'));
    if (!doc.plan?.weights)
      throw new AppError('APPRAISAL.STEP_ORDER', '评价定等方案尚未制定，不能评定等次', {
        ruleId: 'SEC-10',
      });
    const grade = gradeOf(doc, input.grades);
    const extra = Object.keys(input.reasons ?? {}).filter((k) => k !== doc.subjectId);
    if (extra.length)
      throw new AppError('INPUT.INVALID', `理由只能写给${doc.subjectName}同志`, {
        fields: ['reasons'],
      });
    const reason = input.reasons?.[doc.subjectId]?.trim() || null;
    if (grade) refuse(checkGradeOf(doc.profile, grade));
    const verification = input.verification ?? doc.decision?.verification ?? null;
    const quota = hasQuota(doc.profile);
    const board = await committeeBoard(
      doc,
      ctx.now,
      { verification },
      quota ? 'committee' : 'self',
    );
    const row = board.rows[0];
    if (grade && quota) refuse(checkQuota(grade, board.of, board.usedByOthers));
    if (grade) refuse(checkBandReason(grade, row.advisory, reason));
    if (grade && quota) refuse(checkTieReason(grade, doc.subjectId, board.ties, reason));
    const { member } = await ctx.caller();
    const decision = grade
      ? { grade, reason, verification, weighted: row.weighted, by: member._id, at: ctx.now }
      : null;
    await ctx.write(async (tx) => {
      const fresh = await loadCampaign(ctx, doc._id, tx);
      if (fresh.step !== doc.step || fresh.publishedAt)
        throw new AppError('CONFLICT', '这次评议刚刚有了变化，请刷新后再评定');
      if (grade === QUOTA_GRADE && quota) {
        // The quota again inside the transaction: two 好 entered at once cannot both pass.
        const all = await committeeReviews(doc.committeeId, doc.year, tx);
        const others = all.filter((d) => d._id !== doc._id && d.decision?.grade === QUOTA_GRADE);
        refuse(checkQuota(grade, Math.max(board.of, all.length), others.length));
      }
      const patch: Record<string, unknown> = decision
        ? { decision, ...(doc.step === 'grade' ? advanceStep(doc, ctx.now) : {}) }
        : { decision: null, step: 'grade', 'stepsDone.grade': null };
      await updateAppraisal(doc._id, patch, tx);
      const shown = (d: AppraisalDoc['decision']) =>
        d
          ? { grade: d.grade, reason: d.reason, verification: d.verification, weighted: d.weighted }
          : null;
      return {
        audit: {
          org,
          entity: 'appraisals',
          entityId: doc._id,
          before: { decision: shown(fresh.decision) },
          after: { decision: shown(decision) },
          ...(reason ? { reason } : {}),
        },
      };
    });
    return { id: doc._id, grades: { [doc.subjectId]: grade } };
  },
});
