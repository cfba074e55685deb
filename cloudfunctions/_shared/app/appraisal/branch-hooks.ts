import type { AppraisalOutput, CampaignOut } from '../../contracts/appraisal';
import type { BranchBoardOut } from '../../contracts/appraisal-branch';
import {
  BRANCH_GRADE_WORDS,
  BRANCH_GRADES,
  validateBranchDecision,
  type BranchGrade,
  type BranchPhase,
} from '../../domain/appraisal/branch-grading';
import { OWN_CASE_REFUSAL } from '../../domain/org/policy';
import { localDate } from '../../domain/shared/time';
import {
  branchAppraisalId,
  branchAppraisalsOfBranch,
  branchAppraisalsUnder,
  findBranchAppraisal,
  insertBranchAppraisal,
  setBranchBoxes,
  updateBranchAppraisal,
  type BranchAppraisalDoc,
  type BranchBox,
  type BranchBoxSummary,
} from '../../repos/appraisal-branch';
import { boxesOfOwner } from '../../repos/ballots';
import { subtree } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { branchBoardOut, branchFactsOf } from './branch-board';
import { publishBranchResult } from './branch-publish';
import {
  advanceBranchStep,
  branchCampaignOut,
  branchStanding,
  committeeOf,
  loadBranchCampaign,
  requireBranchStep,
} from './branch-support';

/**
 * 焦作评组织 behind the generic actions (ids starting `branchAppraisal:`) [FORT-17, FORT-19…FORT-21,
 * FORT-23, FORT-24]: open, get, list, board, decide, publish, result, and the box-closed hook.
 */
export const isBranchCampaign = (id: string): boolean => id.startsWith('branchAppraisal:');

/** Mid-year before August of the year, year-end from then on (and for a past year) [FORT-20]. */
export const phaseAt = (year: number, today: string): BranchPhase =>
  Number(today.slice(0, 4)) === year && Number(today.slice(5, 7)) < 8 ? 'midYear' : 'yearEnd';

/**
 * The 基层党委's superior opens 评组织 for a year [FORT-19, FORT-20]: `jiaozuo` only; the subjects
 * are the committee's branches now, which fix the 先进 limit's N. One campaign per phase.
 */
export async function openBranch(
  ctx: Ctx,
  input: { orgId: string; year: number },
): Promise<AppraisalOutput<'open'>> {
  const org = await ctx.require('appraisal.decide', input.orgId);
  if (org.kind !== 'baseCommittee')
    throw new AppError('INPUT.INVALID', '评组织由基层党委组织，请选择基层党委', {
      ruleId: 'FORT-19',
      fields: ['orgId'],
    });
  if (org.profile !== 'jiaozuo')
    throw new AppError('APPRAISAL.KIND_NOT_AVAILABLE', '评组织是焦作“三评”的做法，本党委没有采用', {
      ruleId: 'FORT-19',
    });
  const today = localDate(ctx.now);
  const thisYear = Number(today.slice(0, 4));
  if (input.year > thisYear || input.year < thisYear - 1)
    throw new AppError('INPUT.INVALID', `只能组织${thisYear}年度或上一年度的评组织`, {
      fields: ['year'],
    });
  const branches = (await subtree(org._id))
    .filter((o) => o.kind === 'branch')
    .map((o) => ({ orgId: o._id, name: o.name, ancestors: o.ancestors }));
  if (!branches.length)
    throw new AppError('INPUT.INVALID', '本党委下面还没有党支部', { ruleId: 'FORT-19' });
  const phase = phaseAt(input.year, today);
  const id = branchAppraisalId(org._id, input.year, phase);
  const { member } = await ctx.caller();
  const doc: BranchAppraisalDoc = {
    _id: id,
    kind: 'branchAppraisal',
    committeeId: org._id,
    committeeName: org.name,
    orgPath: [...org.ancestors, org._id],
    year: input.year,
    phase,
    profile: org.profile,
    branches,
    step: 'study',
    stepsDone: {},
    boxes: {},
    decision: null,
    publishedAt: null,
    noticeId: null,
    filedWith: null,
    openedBy: member._id,
    createdAt: ctx.now,
  };
  await ctx.write(async (tx) => {
    if (await findBranchAppraisal(id, tx))
      throw new AppError(
        'CONFLICT',
        `${org.name}${input.year}年${phase === 'midYear' ? '年中' : '年底'}的评组织已经组织过了`,
        { ruleId: 'FORT-20' },
      );
    await insertBranchAppraisal(doc, tx);
    return { audit: { org, entity: 'branchAppraisals', entityId: id, after: doc } };
  });
  return { id, subjectId: org._id, predecessors: [] };
}

/** The superior, a branch's committee, or a voter of an open box. */
export async function getBranch(ctx: Ctx, id: string): Promise<CampaignOut> {
  const doc = await loadBranchCampaign(id);
  const s = await branchStanding(ctx, doc);
  if (!s.decider && !s.conducts.length && !s.voterIn.some((b) => b.status === 'open'))
    throw new AppError(
      'AUTH.FORBIDDEN',
      '只有基层党委、所属党支部的支部委员会和参加测评的党员可以查看',
    );
  return branchCampaignOut(doc, s);
}

/** The 评组织 campaigns of an org and above (the superior) or rating this branch (its committee). */
export async function listBranch(ctx: Ctx, orgId: string, year: number): Promise<CampaignOut[]> {
  const [under, ofBranch] = await Promise.all([
    branchAppraisalsUnder(orgId, year),
    branchAppraisalsOfBranch(orgId, year),
  ]);
  const seen = new Set<string>();
  const out: CampaignOut[] = [];
  for (const doc of [...under, ...ofBranch]) {
    if (seen.has(doc._id)) continue;
    seen.add(doc._id);
    const s = await branchStanding(ctx, doc);
    if (s.decider || s.conducts.length) out.push(branchCampaignOut(doc, s));
  }
  return out;
}

/** The board: the superior's only, since it ranks the branches [FORT-23, PRIV-09]. */
export async function boardBranch(ctx: Ctx, id: string): Promise<BranchBoardOut> {
  const doc = await loadBranchCampaign(id);
  await ctx.require('appraisal.decide', committeeOf(doc));
  const { facts, fiveLabels } = await branchFactsOf(doc, ctx.now);
  return branchBoardOut(doc, facts, fiveLabels);
}

const isBranchGrade = (g: string): g is BranchGrade =>
  (BRANCH_GRADES as readonly string[]).includes(g);

/**
 * 组织评定 [FORT-19, FORT-21, FORT-24, ORG-30, PRIV-21]: every branch graded at once, 先进 within
 * floor(15N/100), none for a branch that failed the 五化 spot check, a reason for a grade other
 * than the advice or within a tie; audited. Again until published. Nobody grades their own branch.
 */
export async function decideBranch(
  ctx: Ctx,
  input: { id: string; grades: Record<string, string | null>; reasons?: Record<string, string> },
): Promise<AppraisalOutput<'decide'>> {
  const doc = await loadBranchCampaign(input.id);
  const org = await ctx.require('appraisal.decide', committeeOf(doc));
  if (doc.step !== 'publish') requireBranchStep(doc, 'decision');
  for (const g of Object.values(input.grades))
    if (g !== null && !isBranchGrade(g))
      throw new AppError('APPRAISAL.GRADE_NOT_ALLOWED', '评组织的等次是先进、一类、二类、三类', {
        ruleId: 'FORT-19',
      });
  const grades = input.grades as Record<string, BranchGrade | null>;
  const reasons = Object.fromEntries(
    Object.entries(input.reasons ?? {})
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  );
  for (const k of Object.keys(reasons))
    if (!doc.branches.some((b) => b.orgId === k))
      throw new AppError('INPUT.INVALID', '理由写给了不在本次评议中的党支部', {
        fields: ['reasons'],
      });
  const { member } = await ctx.caller();
  const own = doc.branches.find((b) => b.orgId === member.orgId);
  if (own && (doc.decision?.grades[own.orgId] ?? null) !== (grades[own.orgId] ?? null))
    throw new AppError('AUTH.FORBIDDEN', OWN_CASE_REFUSAL, { ruleId: 'PRIV-21' });
  const { facts } = await branchFactsOf(doc, ctx.now);
  const checked = validateBranchDecision({ year: doc.year, branches: facts, grades, reasons });
  if (!checked.ok) throw AppError.from(checked);
  const decision = {
    grades: grades as Record<string, BranchGrade>,
    reasons,
    by: member._id,
    at: ctx.now,
  };
  await ctx.write(async (tx) => {
    const fresh = await loadBranchCampaign(doc._id, tx);
    if (fresh.step !== doc.step || fresh.publishedAt)
      throw new AppError('CONFLICT', '这次评议刚刚有了变化，请刷新后再评定');
    const words = (d: BranchAppraisalDoc['decision']) =>
      d
        ? Object.fromEntries(Object.entries(d.grades).map(([k, g]) => [k, BRANCH_GRADE_WORDS[g]]))
        : null;
    await updateBranchAppraisal(
      doc._id,
      {
        decision,
        ...(doc.step === 'decision' ? advanceBranchStep(doc, member._id, ctx.now) : {}),
      },
      tx,
    );
    return {
      audit: {
        org,
        entity: 'branchAppraisals',
        entityId: doc._id,
        before: { grades: words(fresh.decision), reasons: fresh.decision?.reasons ?? null },
        after: { grades: words(decision), reasons },
      },
    };
  });
  return { id: doc._id, grades: decision.grades };
}

export const publishBranch = (ctx: Ctx, id: string): Promise<AppraisalOutput<'publish'>> =>
  publishBranchResult(ctx, id);

/**
 * A branch's result [FORT-20, FORT-23]: the superior any branch's (`memberId` names the branch);
 * a branch's committee its own branch's, once published, with no rank of the others.
 */
export async function resultBranch(
  ctx: Ctx,
  input: { id: string; memberId?: string },
): Promise<AppraisalOutput<'result'>> {
  const doc = await loadBranchCampaign(input.id);
  const s = await branchStanding(ctx, doc);
  const branchId = input.memberId ?? (s.conducts.length === 1 ? s.conducts[0] : undefined);
  if (!s.decider && !(branchId && s.conducts.includes(branchId)))
    throw new AppError('AUTH.FORBIDDEN', '评组织的结果只有本支部的支部委员会和基层党委可以查看');
  if (!branchId || !doc.branches.some((b) => b.orgId === branchId))
    throw new AppError('NOT_FOUND', '这次评议没有这个党支部的结果');
  const grade =
    doc.decision && (doc.publishedAt || s.decider) ? (doc.decision.grades[branchId] ?? null) : null;
  return {
    grade,
    gradeText: grade ? BRANCH_GRADE_WORDS[grade] : null,
    feedback: grade ? (doc.decision?.reasons?.[branchId] ?? null) : null,
    commended: !!doc.publishedAt && grade === 'advanced',
    consequences: [],
  };
}

/**
 * A box of a 评组织 campaign closed (its own actions, or the generic ones): the campaign's
 * summary of every box is rebuilt from the boxes, so a retry or a second caller changes nothing.
 */
export async function onBranchBoxClosed(ctx: Ctx, campaignId: string): Promise<void> {
  const boxes = await boxesOfOwner(campaignId);
  const summary: Record<string, Partial<Record<BranchBox, BranchBoxSummary>>> = {};
  for (const b of boxes) {
    const branchId = b.subjectIds[0];
    const box = b.box as BranchBox;
    const current = summary[branchId]?.[box];
    if (current && current.status !== 'void' && b.status === 'void') continue;
    summary[branchId] = {
      ...summary[branchId],
      [box]: {
        id: b._id,
        mode: b.mode,
        status: b.status,
        activityId: b.activityId,
        eligible: b.eligible,
        result: b.result ? { ...b.result, tally: b.result.tally[branchId] ?? {} } : null,
      },
    };
  }
  await ctx.write(async (tx) => {
    await setBranchBoxes(campaignId, summary, tx);
    return { audit: null };
  });
}
