import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import {
  GRADE_WORDS,
  secretaryGrades,
  type BallotBox,
  type SecretaryGrade,
} from '../../domain/appraisal/model';
import { boxStep, checkBoxAllowed, requireStep } from '../../domain/appraisal/steps';
import {
  appraisalsByIds,
  updateAppraisal,
  type AppraisalDoc,
  type BallotBoxDoc,
  type BoxSummary,
} from '../../repos/appraisals';
import { findBox, openBoxesFor, votedIn } from '../../repos/ballots';
import type { Tx } from '../../repos/db';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { activityAttendees } from '../activity/queries';
import { castIntoBox, closeBoxOnce, enterPaperCount, openBox } from '../ballot/sealed';
import { advanceStep, closedOut, loadCampaign, minBallotsOf, stepDone, subjectOf } from './support';
import { branchAppraisalsByIds } from '../../repos/appraisal-branch';
import { democraticByIds, isDemocraticId } from '../../repos/appraisal-democratic';
import { branchBallotItem, closeBranchBox } from './branch-ballots';
import { isBranchCampaign } from './branch-hooks';
import {
  closeDemocraticBallot,
  democraticBallotItem,
  enterDemocraticTally,
  openDemocraticBallot,
} from './democratic-ballots';

const BOX_WORDS: Record<BallotBox, string> = {
  assembly: '支部党员大会测评',
  committee: '基层党委述职评议会测评',
  masses: '群众代表测评',
};

/** Who runs a box: the branch (党员大会, 群众代表) or the superior (述职评议会) [SEC-08, SEC-09]. */
const requireRunner = (ctx: Ctx, doc: AppraisalDoc, box: BallotBox) =>
  ctx.require(box === 'committee' ? 'appraisal.decide' : 'appraisal.conduct', doc.orgId, {
    subject: subjectOf(doc),
  });

/** The in-app voters of an assembly box: members signed in to that 支部党员大会 [SEC-08]. */
async function assemblyVoters(doc: AppraisalDoc, activityId: string): Promise<string[]> {
  const found = await activityAttendees(activityId);
  if (!found || found.activity.orgId !== doc.orgId || found.activity.type !== 'branchAssembly')
    throw new AppError('APPRAISAL.NEEDS_MEETING', '请选择本支部召开的支部党员大会', {
      ruleId: 'SEC-08',
    });
  return found.present;
}

/**
 * Opens a box of the campaign's current step. The 党员大会 box in the app needs the meeting;
 * the 群众代表 (no binding) and the 述职评议会 (attendees are not members of the 党委 org, so they
 * cannot sign in there) are paper only.
 */
export const openBallot = action({
  input: appraisalContract.openBallot.input,
  async run(ctx, input): Promise<AppraisalOutput<'openBallot'>> {
    if (isDemocraticId(input.id)) return openDemocraticBallot(ctx, input);
    const doc = await loadCampaign(ctx, input.id);
    const org = await requireRunner(ctx, doc, input.box);
    orThrow(checkBoxAllowed(input.box, org.category, doc.profile));
    orThrow(requireStep(doc.step, boxStep(input.box)));
    const current = doc.boxes?.[input.box];
    if (current && current.status !== 'void')
      throw new AppError('CONFLICT', `${BOX_WORDS[input.box]}已经开始，不能重复开始`);
    if (input.mode === 'app' && input.box !== 'assembly')
      throw new AppError('APPRAISAL.PAPER_ONLY', undefined, {
        ruleId: input.box === 'masses' ? 'SEC-08' : 'SEC-09',
      });
    if (input.mode === 'app' && !input.activityId)
      throw new AppError('APPRAISAL.NEEDS_MEETING', undefined, { ruleId: 'SEC-08' });
    const eligible =
      input.box === 'assembly' && input.activityId
        ? await assemblyVoters(doc, input.activityId)
        : [];
    const { member } = await ctx.caller();
    const box = await ctx.write(async (tx) => {
      const now = await loadCampaign(ctx, doc._id, tx);
      const again = now.boxes?.[input.box];
      if (again && again.status !== 'void')
        throw new AppError('CONFLICT', `${BOX_WORDS[input.box]}已经开始，不能重复开始`);
      const opened = await openBox(
        {
          ownerId: doc._id,
          box: input.box,
          mode: input.mode,
          orgId: doc.orgId,
          activityId: input.activityId ?? null,
          subjectIds: [doc.subjectId],
          grades: secretaryGrades(doc.profile),
          maxBest: null,
          eligible: input.mode === 'app' ? eligible : [],
          openedBy: member._id,
          now: ctx.now,
        },
        tx,
      );
      await updateAppraisal(doc._id, summaryPatch(opened), tx);
      return {
        audit: {
          org,
          entity: 'ballotBoxes',
          entityId: opened._id,
          after: {
            box: opened.box,
            mode: opened.mode,
            activityId: opened.activityId,
            eligible: opened.eligible,
          },
        },
        result: opened,
      };
    });
    return { ballotId: box._id, eligible: box.eligible.length };
  },
});

const summaryPatch = (box: BallotBoxDoc, issued: number | null = null) => {
  const summary: BoxSummary = {
    id: box._id,
    mode: box.mode,
    status: box.status,
    activityId: box.activityId,
    eligible: box.eligible,
    issued,
  };
  return { [`boxes.${box.box}`]: summary, [`boxIds.${box.box}`]: box._id };
};

/**
 * One member's ballot [SEC-13, SEC-19]: one transaction, no audit entry and no log line (either
 * would tie the voter to a moment), the marks in a blank ballot picked at random.
 */
export const castBallot = action({
  input: appraisalContract.castBallot.input,
  async run(ctx, input): Promise<AppraisalOutput<'castBallot'>> {
    const { member } = await ctx.caller();
    try {
      await ctx.write(async (tx) => {
        await castIntoBox(input.ballotId, member._id, input.marks, tx);
        return { audit: null };
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      // The edge would log the error object, and a database error may quote the marks it was
      // writing: only its kind is logged here.
      console.error('[appraisal.castBallot] failed:', (e as Error)?.name ?? 'unknown');
      throw new AppError('INTERNAL');
    }
    return { accepted: true };
  },
});

/** The box, its campaign and its org, with the caller allowed to run it. */
async function runnable(ctx: Ctx, box: BallotBoxDoc) {
  const doc = await loadCampaign(ctx, box.ownerId);
  const org = await requireRunner(ctx, doc, box.box);
  return { box, doc, org };
}

/** After a box closed: the campaign's summary, and the next step when this one is complete. */
async function afterClose(
  ctx: Ctx,
  stale: AppraisalDoc,
  org: OrgDoc,
  box: BallotBoxDoc,
  status: 'closed' | 'void',
  issued: number | null,
  tx: Tx,
) {
  const doc = await loadCampaign(ctx, stale._id, tx); // the other box may have closed meanwhile
  const patch: Record<string, unknown> = summaryPatch({ ...box, status }, issued);
  if (status === 'closed' && stepDone(doc, org, { closed: box.box }))
    Object.assign(patch, advanceStep(doc, ctx.now));
  await updateAppraisal(doc._id, patch, tx);
}

/** A paper count [SEC-08]: returned > issued voids the ballot; otherwise it closes the box. */
export const enterTally = action({
  input: appraisalContract.enterTally.input,
  async run(ctx, input): Promise<AppraisalOutput<'enterTally'>> {
    const found = orNotFound(await findBox(input.ballotId), '这次测评');
    if (isDemocraticId(found.ownerId)) return enterDemocraticTally(ctx, found, input);
    const { box, doc, org } = await runnable(ctx, found);
    if (box.status !== 'open') throw new AppError('APPRAISAL.BALLOT_CLOSED');
    orThrow(requireStep(doc.step, boxStep(box.box)));
    const entered = await ctx.write(async (tx) => {
      const { status, result } = await enterPaperCount(box, input, ctx.now, tx);
      await afterClose(ctx, doc, org, box, status, input.issued, tx);
      return {
        audit: { org, entity: 'ballotBoxes', entityId: box._id, after: { status, result } },
        result: { status, result },
      };
    });
    return closedOut(entered, minBallotsOf(doc));
  },
});

/** Closes an in-app box: the first and only count; the ballots are deleted, the tally kept [SEC-19]. */
export const closeBallot = action({
  input: appraisalContract.closeBallot.input,
  async run(ctx, input): Promise<AppraisalOutput<'closeBallot'>> {
    const found = orNotFound(await findBox(input.ballotId), '这次测评');
    if (isDemocraticId(found.ownerId)) return closeDemocraticBallot(ctx, found);
    if (isBranchCampaign(found.ownerId)) return closeBranchBox(ctx, found);
    const { box, doc, org } = await runnable(ctx, found);
    const closed = await closeBoxOnce(ctx, box, org, (_r, tx) =>
      afterClose(ctx, doc, org, box, 'closed', null, tx),
    );
    return closedOut(closed, minBallotsOf(doc));
  },
});

/**
 * The ballots open to the caller now (the ballot page, from the meeting): one they already voted
 * in is listed with `voted: true` — their own fact, never a count — so any phone can say 您已投过票.
 * Round trips: the open boxes, then their voted flags and campaigns in parallel (one query each).
 */
export const ballots = action({
  input: appraisalContract.ballots.input,
  async run(ctx, input): Promise<AppraisalOutput<'ballots'>> {
    const { member } = await ctx.caller();
    const open = (await openBoxesFor(member._id)).filter(
      (b) => b.mode === 'app' && (!input.activityId || b.activityId === input.activityId),
    );
    if (!open.length) return [];
    const owners = [...new Set(open.map((b) => b.ownerId))];
    const democratic = owners.filter(isDemocraticId);
    const branch = owners.filter(isBranchCampaign);
    const [voted, docs, dems, branches] = await Promise.all([
      votedIn(
        open.map((b) => b._id),
        member._id,
      ),
      appraisalsByIds(owners.filter((o) => !isDemocraticId(o) && !isBranchCampaign(o))),
      democraticByIds(democratic),
      branch.length ? branchAppraisalsByIds(branch) : [],
    ]);
    const byId = new Map(docs.map((d) => [d._id, d]));
    const demById = new Map(dems.map((d) => [d._id, d]));
    const branchById = new Map(branches.map((d) => [d._id, d]));
    return open.flatMap((b) => {
      const dem = demById.get(b.ownerId);
      if (dem) return [democraticBallotItem(b, dem, voted, member._id)];
      const ba = branchById.get(b.ownerId);
      const item = ba ? branchBallotItem(b, ba, voted) : null;
      if (ba) return item ? [item] : [];
      const doc = byId.get(b.ownerId);
      if (!doc) return [];
      return [
        {
          ballotId: b._id,
          campaignId: doc._id,
          box: b.box,
          title: `${doc.orgName}书记${doc.subjectName}同志${doc.year}年度述职 · ${BOX_WORDS[b.box]}`,
          subjects: [{ id: doc.subjectId, name: doc.subjectName }],
          grades: (b.grades as SecretaryGrade[]).map((key) => ({ key, label: GRADE_WORDS[key] })),
          maxBest: b.maxBest,
          voted: voted.has(b._id),
        },
      ];
    });
  },
});
