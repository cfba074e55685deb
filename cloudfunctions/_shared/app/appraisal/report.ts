import { appraisalContract, type AppraisalOutput, type ReportOut } from '../../contracts/appraisal';
import { reportSections, SECTION_TITLES, type ReportSection } from '../../domain/appraisal/model';
import { requireStep } from '../../domain/appraisal/steps';
import { updateAppraisal, type AppraisalDoc } from '../../repos/appraisals';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, forbidden, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { branchBuildingFacts } from './facts';
import { advanceStep, campaignOrg, loadCampaign, standing, subjectOf } from './support';

/**
 * The 述职报告 [SEC-04…SEC-07]: the secretary writes each section's text (加强支部建设's text is
 * the comment beside its facts); the facts come only from the records [SEC-06] and are frozen
 * into the campaign when the superior approves it, so the filed report never changes.
 */

const editable = (doc: AppraisalDoc) =>
  doc.step === 'report' && (doc.report.status === 'draft' || doc.report.status === 'returned');

async function reportOut(
  ctx: Ctx,
  doc: AppraisalDoc,
  org: OrgDoc,
  mine: boolean,
): Promise<ReportOut> {
  const keys = reportSections(org.category);
  const facts = doc.report.facts ?? (await branchBuildingFacts(org, doc.year, +ctx.now));
  return {
    id: doc._id,
    subjectId: doc.subjectId,
    subjectName: doc.subjectName,
    orgName: doc.orgName,
    year: doc.year,
    status: doc.report.status,
    comment: doc.report.comment,
    editable: mine && editable(doc),
    sections: keys.map((key) => ({
      key,
      title: SECTION_TITLES[key],
      text: doc.report.sections[key] ?? '',
      ...(key === 'branchBuilding' ? { facts } : {}),
    })),
  };
}

/** The subject's own report: only they write it (caller === subject). */
async function loadOwn(ctx: Ctx, id: string) {
  const doc = await loadCampaign(ctx, id);
  const { member } = await ctx.caller();
  if (member._id !== doc.subjectId) throw forbidden('述职报告由被评议的书记本人填写和提交');
  orThrow(requireStep(doc.step, 'report'));
  if (!editable(doc))
    throw new AppError('APPRAISAL.REPORT_LOCKED', undefined, { ruleId: 'SEC-07' });
  return { doc, org: await campaignOrg(doc) };
}

/** The report with its pre-filled facts: the subject, the superior, the branch committee. */
export const report = action({
  input: appraisalContract.report.input,
  async run(ctx, input): Promise<AppraisalOutput<'report'>> {
    const doc = await loadCampaign(ctx, input.id);
    const org = await campaignOrg(doc);
    const s = await standing(ctx, doc, org);
    if (!s.mine && !s.decider && !s.conductor)
      throw forbidden('述职报告只有书记本人、支部委员会和上级党组织可以查看');
    return reportOut(ctx, doc, org, s.mine);
  },
});

/** Saves the draft's texts [SEC-04, SEC-05]; numbers typed here are just text [SEC-06]. */
export const saveReport = action({
  input: appraisalContract.saveReport.input,
  async run(ctx, input): Promise<AppraisalOutput<'saveReport'>> {
    const { doc, org } = await loadOwn(ctx, input.id);
    const allowed = reportSections(org.category);
    const unknown = Object.keys(input.sections).filter(
      (k) => !allowed.includes(k as ReportSection),
    );
    if (unknown.length)
      throw new AppError(
        'INPUT.INVALID',
        `本支部的述职报告没有这一部分：${unknown.map((k) => SECTION_TITLES[k as ReportSection]).join('、')}`,
        { ruleId: 'SEC-05', fields: ['sections'] },
      );
    const sections = { ...doc.report.sections, ...input.sections };
    await ctx.write(async (tx) => {
      await updateAppraisal(doc._id, { 'report.sections': sections }, tx);
      return {
        audit: {
          org,
          entity: 'appraisals.report',
          entityId: doc._id,
          before: doc.report.sections,
          after: sections,
        },
      };
    });
    return reportOut(ctx, { ...doc, report: { ...doc.report, sections } }, org, true);
  },
});

/** Submits the report to the 基层党委 [SEC-07]: every section the secretary writes is filled. */
export const submitReport = action({
  input: appraisalContract.submitReport.input,
  async run(ctx, input): Promise<AppraisalOutput<'submitReport'>> {
    const { doc, org } = await loadOwn(ctx, input.id);
    const empty = reportSections(org.category).filter(
      (k) => k !== 'branchBuilding' && !doc.report.sections[k]?.trim(),
    );
    if (empty.length)
      throw new AppError(
        'INPUT.INVALID',
        `还有这些部分没有填写：${empty.map((k) => SECTION_TITLES[k]).join('、')}`,
        { ruleId: 'SEC-04' },
      );
    await ctx.write(async (tx) => {
      await updateAppraisal(
        doc._id,
        { 'report.status': 'submitted', 'report.submittedAt': ctx.now },
        tx,
      );
      return {
        audit: {
          org,
          entity: 'appraisals.report',
          entityId: doc._id,
          before: { status: doc.report.status },
          after: { status: 'submitted' },
        },
      };
    });
    return { id: doc._id, status: 'submitted' };
  },
});

/**
 * The superior approves the report (the step moves on to the 党员大会, the facts are frozen) or
 * returns it with a comment [SEC-07].
 */
export const approveReport = action({
  input: appraisalContract.approveReport.input,
  async run(ctx, input): Promise<AppraisalOutput<'approveReport'>> {
    const doc = await loadCampaign(ctx, input.id);
    const org = await ctx.require('appraisal.decide', doc.orgId, { subject: subjectOf(doc) });
    orThrow(requireStep(doc.step, 'report'));
    if (doc.report.status !== 'submitted')
      throw new AppError('APPRAISAL.STEP_ORDER', '述职报告还没有提交，提交后才能审核', {
        ruleId: 'SEC-07',
      });
    const comment = input.comment?.trim() || null;
    if (!input.approve && !comment)
      throw new AppError('APPRAISAL.COMMENT_REQUIRED', undefined, { ruleId: 'SEC-07' });
    const { member } = await ctx.caller();
    const status = input.approve ? 'approved' : 'returned';
    const facts = input.approve ? await branchBuildingFacts(org, doc.year, +ctx.now) : null;
    const patch: Record<string, unknown> = {
      'report.status': status,
      'report.comment': comment,
      'report.decidedAt': ctx.now,
      'report.decidedBy': member._id,
      ...(input.approve ? { 'report.facts': facts, ...advanceStep(doc, ctx.now) } : {}),
    };
    await ctx.write(async (tx) => {
      await updateAppraisal(doc._id, patch, tx);
      return {
        audit: {
          org,
          entity: 'appraisals.report',
          entityId: doc._id,
          before: { status: doc.report.status, step: doc.step },
          after: { status, comment, step: input.approve ? patch.step : doc.step },
        },
      };
    });
    return { id: doc._id, status };
  },
});
