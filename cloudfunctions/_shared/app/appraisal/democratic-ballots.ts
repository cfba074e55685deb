import type { AppraisalOutput, ClosedBallotOut } from '../../contracts/appraisal';
import { excellentQuota, gradedHere, mayVote } from '../../domain/appraisal/democratic';
import {
  DEMOCRATIC_GRADE_WORDS,
  type DemocraticGrade,
} from '../../domain/appraisal/democratic-model';
import type { PaperCount } from '../../domain/ballot/rules';
import { localDate } from '../../domain/shared/time';
import {
  updateDemocratic,
  type DemocraticAppraisalDoc,
  type DemocraticBoxSummary,
} from '../../repos/appraisal-democratic';
import type { BallotBoxDoc } from '../../repos/appraisals';
import type { Tx } from '../../repos/db';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { activityAttendees } from '../activity/queries';
import { closeBoxOnce, enterPaperCount, openBox } from '../ballot/sealed';
import {
  ballotComplete,
  completeStepPatch,
  liveBox,
  loadDemocratic,
  neededBoxes,
  participantsOf,
  requireDemocraticStep,
} from './democratic-support';
import { closedOut } from './support';

/**
 * The 民主测评 of 民主评议党员 on the sealed ballot piece (app/ballot/sealed.ts) [APR-05…APR-08,
 * APR-21]: subjects are the 正式党员 graded here (never a 预备党员, never one whose 流入地 result
 * is imported); voters are the members signed in to the meeting, 预备党员 only when
 * `apr.probationaryBallot`; each ballot gives at most floor(n/3) 优秀; by 党小组, one box per
 * group, each marking its own members. Nobody marks themself (the sealed piece's rule).
 */

/** Meetings a 测评 may be held at: the 党员大会, the 组织生活会, a 主题党日 (xianning) [APR-01]. */
const BRANCH_MEETINGS = new Set([
  'branchAssembly',
  'orgLifeMeeting',
  'democraticAppraisal',
  'themeDay',
]);

/** The in-app voters of a box: members of it signed in to the meeting, who may vote [APR-07]. */
async function meetingVoters(
  doc: DemocraticAppraisalDoc,
  activityId: string,
  members: string[],
  group: boolean,
) {
  const found = await activityAttendees(activityId);
  const types = group ? new Set([...BRANCH_MEETINGS, 'groupMeeting']) : BRANCH_MEETINGS;
  if (!found || found.activity.orgId !== doc.orgId || !types.has(found.activity.type))
    throw new AppError(
      'APPRAISAL.NEEDS_MEETING',
      group
        ? '请选择本支部召开的党小组会、支部党员大会或组织生活会'
        : '请选择本支部召开的支部党员大会、组织生活会或主题党日',
      { ruleId: 'APR-02' },
    );
  const status = new Map(doc.participants.map((p) => [p.memberId, p.status]));
  const voters = found.present.filter(
    (m) => members.includes(m) && mayVote(status.get(m)!, doc.plan.probationaryBallot),
  );
  return { voters, heldOn: localDate(found.activity.startAt), type: found.activity.type as string };
}

/**
 * Opens the 测评 box of the branch (or of a 党小组) at the 民主测评 step [APR-02, APR-08]: called by
 * the generic `openBallot` for a 民主评议 campaign.
 */
export async function openDemocraticBallot(
  ctx: Ctx,
  input: { id: string; box: string; activityId?: string; mode: 'app' | 'paper'; group?: string },
): Promise<AppraisalOutput<'openBallot'>> {
  const doc = await loadDemocratic(input.id);
  const org = await ctx.require('appraisal.decideMembers', doc.orgId);
  if (input.box !== 'assembly')
    throw new AppError(
      'APPRAISAL.PAPER_ONLY',
      '民主评议党员的测评由党员填写，在支部党员大会或党小组会上进行',
      {
        ruleId: 'APR-02',
      },
    );
  requireDemocraticStep(doc, 'ballot');
  const group = input.group ?? null;
  const g = group ? doc.groups.find((x) => x.key === group) : null;
  if (doc.groups.length ? !g : group)
    throw new AppError(
      'APPRAISAL.GROUPS_INVALID',
      doc.groups.length ? '这次民主测评按党小组进行，请选择党小组' : '这次民主测评不分党小组',
      { ruleId: 'APR-08' },
    );
  if (liveBox(doc, group))
    throw new AppError('CONFLICT', `${g ? g.name + '的' : ''}民主测评已经开始，不能重复开始`);
  if (input.mode === 'app' && !input.activityId)
    throw new AppError('APPRAISAL.NEEDS_MEETING', '在小程序里投票，请先选择召开测评的会议', {
      ruleId: 'APR-02',
    });
  const members = g ? g.memberIds : doc.participants.map((p) => p.memberId);
  const subjectIds = gradedHere(participantsOf(doc))
    .map((p) => p.memberId)
    .filter((m) => members.includes(m));
  const maxBest = excellentQuota(subjectIds.length);
  const meeting = input.activityId
    ? await meetingVoters(doc, input.activityId, members, !!g)
    : { voters: [], heldOn: null, type: null };
  const { member } = await ctx.caller();
  const opened = await ctx.write(async (tx) => {
    const now = await loadDemocratic(doc._id, tx);
    requireDemocraticStep(now, 'ballot');
    if (liveBox(now, group)) throw new AppError('CONFLICT', '民主测评已经开始，不能重复开始');
    const box = await openBox(
      {
        ownerId: now._id,
        box: 'assembly',
        mode: input.mode,
        orgId: now.orgId,
        activityId: input.activityId ?? null,
        subjectIds,
        grades: now.plan.grades,
        maxBest,
        eligible: input.mode === 'app' ? meeting.voters : [],
        subjectsVote: true,
        openedBy: member._id,
        now: ctx.now,
      },
      tx,
    );
    const summary: DemocraticBoxSummary = {
      id: box._id,
      group,
      mode: box.mode,
      status: 'open',
      activityId: box.activityId,
      subjectIds,
      members,
      eligible: box.eligible,
      maxBest,
      issued: null,
      heldOn: meeting.heldOn,
      activityType: meeting.type,
    };
    await updateDemocratic(now._id, { boxes: [...now.boxes, summary] }, tx);
    return {
      audit: {
        org,
        entity: 'ballotBoxes',
        entityId: box._id,
        after: {
          group,
          mode: box.mode,
          activityId: box.activityId,
          eligible: box.eligible,
          maxBest,
        },
      },
      result: box,
    };
  });
  return { ballotId: opened._id, eligible: opened.eligible.length };
}

/** After a box closed (or was voided): the campaign's summary, and the step when all are closed. */
async function afterClose(
  ctx: Ctx,
  id: string,
  boxId: string,
  status: 'closed' | 'void',
  issued: number | null,
  tx: Tx,
) {
  const doc = await loadDemocratic(id, tx);
  const boxes = doc.boxes.map((b) => (b.id === boxId ? { ...b, status, issued } : b));
  const patch: Record<string, unknown> = { boxes };
  if (doc.step === 'ballot' && ballotComplete(boxes, neededBoxes(doc))) {
    const { member } = await ctx.caller();
    Object.assign(
      patch,
      completeStepPatch(doc, 'ballot', {
        at: ctx.now,
        by: member._id,
        activityId: null,
        note: null,
      }),
    );
  }
  await updateDemocratic(id, patch, tx);
}

/** The campaign of a box and the caller allowed to run it (the committee, the superior). */
async function runnable(ctx: Ctx, box: BallotBoxDoc) {
  const doc = await loadDemocratic(box.ownerId);
  const org = await ctx.require('appraisal.decideMembers', doc.orgId);
  return { doc, org };
}

/** Closes an in-app 测评 box: the first and only count; ballots deleted, the tally kept [APR-21]. */
export async function closeDemocraticBallot(ctx: Ctx, box: BallotBoxDoc): Promise<ClosedBallotOut> {
  const { doc, org } = await runnable(ctx, box);
  const closed = await closeBoxOnce(
    ctx,
    box,
    org,
    (_r, tx) => afterClose(ctx, doc._id, box._id, 'closed', null, tx),
    () => requireDemocraticStep(doc, 'ballot'),
  );
  return closedOut(closed, doc.plan.minBallots);
}

/** A paper count of a 测评 box: returned > issued voids it; otherwise it closes the box. */
export async function enterDemocraticTally(
  ctx: Ctx,
  box: BallotBoxDoc,
  count: PaperCount,
): Promise<ClosedBallotOut> {
  const { doc, org } = await runnable(ctx, box);
  if (box.status !== 'open') throw new AppError('APPRAISAL.BALLOT_CLOSED');
  requireDemocraticStep(doc, 'ballot');
  const entered = await ctx.write(async (tx) => {
    const { status, result } = await enterPaperCount(box, count, ctx.now, tx);
    await afterClose(ctx, doc._id, box._id, status, count.issued, tx);
    return {
      audit: { org, entity: 'ballotBoxes', entityId: box._id, after: { status, result } },
      result: { status, result },
    };
  });
  return closedOut(entered, doc.plan.minBallots);
}

type BallotItem = AppraisalOutput<'ballots'>[number];

/**
 * An open 测评 box of a 民主评议 campaign as the ballot page lists it: every 正式党员 on it by
 * name except the voter (nobody marks themself), the profile's grades [APR-04] and the 优秀 cap
 * [APR-05]. Pure: the generic `ballots` loads the campaigns (`democraticByIds`) in its one round.
 */
export function democraticBallotItem(
  b: BallotBoxDoc,
  doc: DemocraticAppraisalDoc,
  voted: ReadonlySet<string>,
  me: string,
): BallotItem {
  const names = new Map(doc.participants.map((p) => [p.memberId, p.name]));
  const summary = doc.boxes.find((x) => x.id === b._id);
  const group = summary?.group ? doc.groups.find((g) => g.key === summary.group) : null;
  return {
    ballotId: b._id,
    campaignId: doc._id,
    box: b.box,
    title: `${doc.orgName}${doc.year}年度民主评议党员 · 民主测评${group ? `（${group.name}）` : ''}`,
    subjects: b.subjectIds
      .filter((id) => id !== me)
      .map((id) => ({ id, name: names.get(id) ?? '' })),
    grades: (b.grades as DemocraticGrade[]).map((key) => ({
      key,
      label: DEMOCRATIC_GRADE_WORDS[key],
    })),
    maxBest: b.maxBest,
    voted: voted.has(b._id),
  };
}
