import type { BallotOut, CampaignOut } from '../../contracts/appraisal';
import {
  BRANCH_GRADE_WORDS,
  BRANCH_GRADES,
  BRANCH_STEP_WORDS,
  BRANCH_STEPS,
  type BranchStep,
} from '../../domain/appraisal/branch-grading';
import {
  branchAppraisalsUnder,
  findBranchAppraisal,
  type BranchAppraisalDoc,
  type BranchBox,
  type BranchBoxSummary,
} from '../../repos/appraisal-branch';
import type { Tx } from '../../repos/db';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound } from '../../runtime/errors';

/**
 * 焦作评组织's shared pieces: loading a campaign, the caller's standing (the superior decides;
 * each branch's committee runs its own boxes and sees its own result), the step machine of
 * FORT-20 and the campaign as `get` and `list` answer it.
 */

export const BRANCH_BOX_WORDS: Record<BranchBox, string> = {
  assembly: '党员测评',
  masses: '群众代表测评',
};

export const gradeOptions = () =>
  BRANCH_GRADES.map((key) => ({ key, label: BRANCH_GRADE_WORDS[key] }));

export async function loadBranchCampaign(id: string, tx?: Tx): Promise<BranchAppraisalDoc> {
  return orNotFound(await findBranchAppraisal(id, tx), '这次评议');
}

/** The policy reads an org's id and ancestors only; the campaign carries both. */
export const committeeOf = (doc: BranchAppraisalDoc): OrgDoc =>
  ({
    _id: doc.committeeId,
    kind: 'baseCommittee',
    name: doc.committeeName,
    ancestors: doc.orgPath.slice(0, -1),
    profile: doc.profile,
  }) as unknown as OrgDoc;

export const branchOrgOf = (b: BranchAppraisalDoc['branches'][number]): OrgDoc =>
  ({ _id: b.orgId, kind: 'branch', name: b.name, ancestors: b.ancestors }) as unknown as OrgDoc;

/** The caller's standing: the superior (decides), the branches whose committee they sit on. */
export async function branchStanding(ctx: Ctx, doc: BranchAppraisalDoc) {
  const { member } = await ctx.caller();
  const [decider, ...runs] = await Promise.all([
    ctx.may('appraisal.decide', committeeOf(doc)),
    ...doc.branches.map((b) => ctx.may('appraisal.conduct', branchOrgOf(b))),
  ]);
  const conducts = doc.branches.filter((_, i) => runs[i]).map((b) => b.orgId);
  const voterIn = Object.values(doc.boxes ?? {})
    .flatMap((boxes) => Object.values(boxes))
    .filter(
      (b): b is BranchBoxSummary => !!b && b.mode === 'app' && b.eligible.includes(member._id),
    );
  return { me: member._id, memberOrgId: member.orgId, decider, conducts, voterIn };
}
export type BranchStanding = Awaited<ReturnType<typeof branchStanding>>;

export function requireBranchStep(doc: BranchAppraisalDoc, expected: BranchStep): void {
  if (doc.step === expected) return;
  throw new AppError(
    'APPRAISAL.STEP_ORDER',
    doc.step === 'done'
      ? '这次评议已经完成'
      : `现在是“${BRANCH_STEP_WORDS[doc.step]}”阶段，还不能进行“${BRANCH_STEP_WORDS[expected]}”`,
    { ruleId: 'FORT-20' },
  );
}

/** The patch that records the current step done and moves to the next one. */
export function advanceBranchStep(doc: BranchAppraisalDoc, by: string, now: Date, note?: string) {
  if (doc.step === 'done') return {};
  const next = BRANCH_STEPS[BRANCH_STEPS.indexOf(doc.step) + 1] ?? 'done';
  return { step: next, [`stepsDone.${doc.step}`]: { at: now, by, note: note ?? null } };
}

/** Every branch has its members' and its 群众代表's box counted [FORT-20]. */
export const missingBoxes = (doc: BranchAppraisalDoc): string[] =>
  doc.branches
    .filter((b) =>
      (['assembly', 'masses'] as const).some((k) => doc.boxes?.[b.orgId]?.[k]?.status !== 'closed'),
    )
    .map((b) => b.name);

function canOf(doc: BranchAppraisalDoc, s: BranchStanding): string[] {
  const can = new Set<string>();
  const runs = s.decider || s.conducts.length > 0;
  if (s.decider && (doc.step === 'study' || doc.step === 'report' || doc.step === 'ballot'))
    can.add('completeBranchStep');
  if (runs && doc.step === 'ballot')
    ['openBranchBallot', 'enterBranchTally', 'closeBranchBallot'].forEach((a) => can.add(a));
  if (s.voterIn.some((b) => b.status === 'open')) can.add('castBallot');
  if (s.decider) can.add('board');
  if (s.decider && (doc.step === 'decision' || doc.step === 'publish')) can.add('decide');
  if (s.decider && doc.step === 'publish') can.add('publish');
  if ((s.decider || s.conducts.length) && doc.publishedAt) can.add('result');
  return [...can];
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** The campaign as `get` and `list` answer it; a branch's committee sees its own boxes only. */
export function branchCampaignOut(doc: BranchAppraisalDoc, s: BranchStanding): CampaignOut {
  const visible = s.decider ? doc.branches.map((b) => b.orgId) : s.conducts;
  const ballots: BallotOut[] = [];
  for (const orgId of visible)
    for (const [box, b] of Object.entries(doc.boxes?.[orgId] ?? {}))
      if (b)
        ballots.push({
          ballotId: b.id,
          box: box as BranchBox,
          mode: b.mode,
          status: b.status,
          activityId: b.activityId,
          eligible: b.mode === 'app' ? b.eligible.length : (b.result?.issued ?? 0),
          canVote: b.status === 'open' && b.mode === 'app' && b.eligible.includes(s.me),
          voted: false,
        });
  const own = !s.decider && s.conducts.length === 1 ? s.conducts[0] : null;
  const grade = own && doc.publishedAt ? (doc.decision?.grades[own] ?? null) : null;
  return {
    id: doc._id,
    kind: 'branchAppraisal',
    orgId: doc.committeeId,
    orgName: doc.committeeName,
    year: doc.year,
    step: doc.step,
    steps: BRANCH_STEPS.map((key) => {
      const at = iso(doc.stepsDone?.[key]?.at);
      return { key, title: BRANCH_STEP_WORDS[key], done: !!at, ...(at ? { at } : {}) };
    }),
    can: canOf(doc, s),
    reportStatus: doc.stepsDone?.report ? 'approved' : 'draft',
    grades: gradeOptions(),
    ballots,
    grade,
    publishedAt: iso(doc.publishedAt) ?? null,
    predecessors: [],
  };
}

/**
 * When the year-end 评组织 of a 基层党委 was published (null: not yet): `jiaozuo` holds 民主评议党员
 * right after 评组织 and 评书记 [APR-01], so its timing hint reads this. One query.
 */
export async function branchAppraisalPublishedAt(
  committeeId: string,
  year: number,
): Promise<Date | null> {
  const docs = await branchAppraisalsUnder(committeeId, year);
  const end = docs.find((d) => d.committeeId === committeeId && d.phase === 'yearEnd');
  return end?.publishedAt ? new Date(end.publishedAt) : null;
}
