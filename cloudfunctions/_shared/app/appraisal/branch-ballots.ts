import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import type { BranchBallotItem, BranchClosedOut } from '../../contracts/appraisal-branch';
import { BRANCH_GRADES } from '../../domain/appraisal/branch-grading';
import {
  setBranchBoxes,
  type BranchAppraisalDoc,
  type BranchBox,
  type BranchBoxSummary,
} from '../../repos/appraisal-branch';
import type { BallotBoxDoc } from '../../repos/appraisals';
import { findBox, openBoxesFor, votedIn } from '../../repos/ballots';
import { branchAppraisalsByIds } from '../../repos/appraisal-branch';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { activityAttendees } from '../activity/queries';
import { closeBoxOnce, enterPaperCount, openBox } from '../ballot/sealed';
import {
  BRANCH_BOX_WORDS,
  branchOrgOf,
  committeeOf,
  gradeOptions,
  loadBranchCampaign,
  requireBranchStep,
} from './branch-support';

/**
 * 评组织's 民主测评 [FORT-20] with the sealed ballot piece: per branch, its members rate it (in the
 * app from a 支部党员大会 with sign-in, or on paper) and its 群众代表 rate it on paper. The scale is
 * the grades themselves (先进, 一类, 二类, 三类); 先进 and 一类 count as favourable. The box is run by
 * the branch's committee or the superior; only tallies are stored [SEC-19].
 */

/** The branch of the campaign, and the caller allowed to run its boxes. */
async function branchRun(ctx: Ctx, doc: BranchAppraisalDoc, branchId: string) {
  const branch = doc.branches.find((b) => b.orgId === branchId);
  if (!branch) throw new AppError('NOT_FOUND', '这个党支部不在本次评议中');
  const superior = await ctx.may('appraisal.decide', committeeOf(doc));
  const org = superior
    ? await ctx.require('appraisal.decide', committeeOf(doc))
    : await ctx.require('appraisal.conduct', branchOrgOf(branch));
  return { branch, org };
}

function checkBoxFree(doc: BranchAppraisalDoc, branchId: string, box: BranchBox, name: string) {
  const current = doc.boxes?.[branchId]?.[box];
  if (current && current.status !== 'void')
    throw new AppError('CONFLICT', `${name}的${BRANCH_BOX_WORDS[box]}已经进行过了`, {
      ruleId: 'FORT-20',
    });
}

const summaryOf = (b: BallotBoxDoc, branchId: string): BranchBoxSummary => ({
  id: b._id,
  mode: b.mode,
  status: b.status,
  activityId: b.activityId,
  eligible: b.eligible,
  result: b.result ? { ...b.result, tally: { ...(b.result.tally[branchId] ?? {}) } } : null,
});

/** The members' in-app box of a branch: its voters are the members signed in to the meeting. */
export const openBranchBallot = action({
  input: appraisalContract.openBranchBallot.input,
  async run(ctx, input): Promise<AppraisalOutput<'openBranchBallot'>> {
    const doc = await loadBranchCampaign(input.id);
    const { branch, org } = await branchRun(ctx, doc, input.branchId);
    requireBranchStep(doc, 'ballot');
    checkBoxFree(doc, branch.orgId, 'assembly', branch.name);
    const found = await activityAttendees(input.activityId);
    if (!found || found.activity.orgId !== branch.orgId || found.activity.type !== 'branchAssembly')
      throw new AppError('APPRAISAL.NEEDS_MEETING', `请选择${branch.name}召开的支部党员大会`, {
        ruleId: 'FORT-20',
      });
    const { member } = await ctx.caller();
    const opened = await ctx.write(async (tx) => {
      checkBoxFree(await loadBranchCampaign(doc._id, tx), branch.orgId, 'assembly', branch.name);
      const box = await openBox(
        {
          ownerId: doc._id,
          box: 'assembly',
          mode: 'app',
          orgId: branch.orgId,
          activityId: input.activityId,
          subjectIds: [branch.orgId],
          grades: BRANCH_GRADES,
          maxBest: null,
          eligible: found.present,
          openedBy: member._id,
          now: ctx.now,
        },
        tx,
      );
      await setBranchBoxes(
        doc._id,
        {
          [branch.orgId]: { ...doc.boxes?.[branch.orgId], assembly: summaryOf(box, branch.orgId) },
        },
        tx,
      );
      return {
        audit: {
          org,
          entity: 'ballotBoxes',
          entityId: box._id,
          after: { branchId: branch.orgId, box: 'assembly', mode: 'app', eligible: box.eligible },
        },
        result: box,
      };
    });
    return { ballotId: opened._id, eligible: opened.eligible.length };
  },
});

const closedOut = (b: Pick<BallotBoxDoc, 'status' | 'result'>): BranchClosedOut => ({
  status: b.status === 'void' ? 'void' : 'closed',
  issued: b.result?.issued ?? 0,
  returned: b.result?.returned ?? 0,
  valid: b.result?.valid ?? 0,
  void: b.status === 'void',
  tally: b.status === 'closed' && b.result ? b.result.tally : null,
  hidden: null,
});

/**
 * Closes a branch's in-app box: the one count, then the ballots are deleted [SEC-19]. Exported for
 * the generic `closeBallot`, which may route a `branchAppraisal:` box here.
 */
export async function closeBranchBox(ctx: Ctx, box: BallotBoxDoc): Promise<BranchClosedOut> {
  const doc = await loadBranchCampaign(box.ownerId);
  const branchId = box.subjectIds[0];
  const { org } = await branchRun(ctx, doc, branchId);
  const closed = await closeBoxOnce(ctx, box, org, async (r, tx) => {
    const fresh = await loadBranchCampaign(doc._id, tx);
    const done = { ...box, status: 'closed' as const, result: r, closedAt: ctx.now };
    const boxes = { ...fresh.boxes?.[branchId], [box.box]: summaryOf(done, branchId) };
    await setBranchBoxes(doc._id, { [branchId]: boxes }, tx);
  });
  return closedOut(closed);
}

export const closeBranchBallot = action({
  input: appraisalContract.closeBranchBallot.input,
  run: async (ctx, input): Promise<AppraisalOutput<'closeBranchBallot'>> =>
    closeBranchBox(ctx, orNotFound(await findBox(input.ballotId), '这次测评')),
});

/**
 * A paper 测评 of a branch, entered after the count (the box is opened and counted at once):
 * returned > issued voids it (a new count may be entered); a count that does not add up is refused.
 */
export const enterBranchTally = action({
  input: appraisalContract.enterBranchTally.input,
  async run(ctx, input): Promise<AppraisalOutput<'enterBranchTally'>> {
    const doc = await loadBranchCampaign(input.id);
    const { branch, org } = await branchRun(ctx, doc, input.branchId);
    requireBranchStep(doc, 'ballot');
    checkBoxFree(doc, branch.orgId, input.box, branch.name);
    const { member } = await ctx.caller();
    const out = await ctx.write(async (tx) => {
      const fresh = await loadBranchCampaign(doc._id, tx);
      checkBoxFree(fresh, branch.orgId, input.box, branch.name);
      const box = await openBox(
        {
          ownerId: doc._id,
          box: input.box,
          mode: 'paper',
          orgId: branch.orgId,
          activityId: null,
          subjectIds: [branch.orgId],
          grades: BRANCH_GRADES,
          maxBest: null,
          eligible: [],
          openedBy: member._id,
          now: ctx.now,
        },
        tx,
      );
      const count = {
        issued: input.issued,
        returned: input.returned,
        counts: { [branch.orgId]: input.counts },
      };
      const { status, result } = await enterPaperCount(box, count, ctx.now, tx);
      const closed = { ...box, status, result, closedAt: ctx.now };
      await setBranchBoxes(
        doc._id,
        {
          [branch.orgId]: {
            ...fresh.boxes?.[branch.orgId],
            [input.box]: summaryOf(closed, branch.orgId),
          },
        },
        tx,
      );
      return {
        audit: {
          org,
          entity: 'ballotBoxes',
          entityId: box._id,
          after: { branchId: branch.orgId, box: input.box, status, result },
        },
        result: closedOut({ status, result }),
      };
    });
    return out;
  },
});

/** One open 评组织 box as the ballot page lists it (for the generic `ballots` too). */
export function branchBallotItem(
  b: BallotBoxDoc,
  doc: BranchAppraisalDoc,
  voted: ReadonlySet<string>,
): BranchBallotItem | null {
  const branch = doc.branches.find((x) => x.orgId === b.subjectIds[0]);
  if (!branch) return null;
  return {
    ballotId: b._id,
    campaignId: doc._id,
    box: b.box as BranchBox,
    title: `${doc.year}年度评组织 · ${branch.name} · ${BRANCH_BOX_WORDS[b.box as BranchBox]}`,
    subjects: [{ id: branch.orgId, name: branch.name }],
    grades: gradeOptions(),
    maxBest: null,
    voted: voted.has(b._id),
  };
}

/** The 评组织 boxes open to the caller (their own fact `voted`, never a count). */
export const branchBallots = action({
  input: appraisalContract.branchBallots.input,
  async run(ctx, input): Promise<AppraisalOutput<'branchBallots'>> {
    const { member } = await ctx.caller();
    const open = (await openBoxesFor(member._id)).filter(
      (b) =>
        b.mode === 'app' &&
        b.ownerId.startsWith('branchAppraisal:') &&
        (!input.activityId || b.activityId === input.activityId),
    );
    if (!open.length) return [];
    const [voted, docs] = await Promise.all([
      votedIn(
        open.map((b) => b._id),
        member._id,
      ),
      branchAppraisalsByIds([...new Set(open.map((b) => b.ownerId))]),
    ]);
    const byId = new Map(docs.map((d) => [d._id, d]));
    return open.flatMap((b) => {
      const doc = byId.get(b.ownerId);
      const item = doc ? branchBallotItem(b, doc, voted) : null;
      return item ? [item] : [];
    });
  },
});
