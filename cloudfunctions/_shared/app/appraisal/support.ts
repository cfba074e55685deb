import type {
  BallotOut,
  CampaignOut,
  ClosedBallotOut,
  StepOut,
  Tally,
} from '../../contracts/appraisal';
import {
  GRADE_WORDS,
  secretaryGrades,
  secretarySteps,
  STEP_WORDS,
  type BallotBox,
} from '../../domain/appraisal/model';
import { nextStep, stepComplete, type Step } from '../../domain/appraisal/steps';
import { visibleTally } from '../../domain/ballot/rules';
import { AppraisalDoc, BallotBoxDoc, findAppraisal } from '../../repos/appraisals';
import { boxesByIds, votedIn } from '../../repos/ballots';
import type { Tx } from '../../repos/db';
import { findOrg, type OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound } from '../../runtime/errors';

/**
 * What the appraisal use cases share (and the GRADING, FACTS, FORM and PAGES work builds on):
 * loading a campaign, its output with the caller's `can`, the step machine, and closed tallies.
 */

export const DEFAULT_MIN_BALLOTS = 5;

/** The campaign, or NOT_FOUND. */
export async function loadCampaign(_ctx: Ctx | null, id: string, tx?: Tx): Promise<AppraisalDoc> {
  return orNotFound(await findAppraisal(id, tx), '这次评议');
}

/** The org the subject led (the policy's target for every action of the campaign). */
export async function campaignOrg(doc: Pick<AppraisalDoc, 'orgId'>): Promise<OrgDoc> {
  return orNotFound(await findOrg(doc.orgId), '组织');
}

/**
 * The subject for the policy: the secretary under review, with the grant that makes their case
 * pass to the deputy, a commissioner or the superior [PRIV-21, SEC-13].
 */
export const subjectOf = (doc: Pick<AppraisalDoc, 'subjectId' | 'orgId'>) => ({
  id: doc.subjectId,
  roles: [{ orgId: doc.orgId, role: 'secretary' as const }],
});

/** The caller's standing in a campaign, from the one policy (no extra reads). */
export async function standing(ctx: Ctx, doc: AppraisalDoc, org: OrgDoc) {
  const { member } = await ctx.caller();
  const subject = subjectOf(doc);
  const [decider, conductor] = await Promise.all([
    ctx.may('appraisal.decide', org, { subject }),
    ctx.may('appraisal.conduct', org, { subject }),
  ]);
  const voterIn = Object.values(doc.boxes ?? {}).filter(
    (b) => b && b.mode === 'app' && b.eligible.includes(member._id),
  );
  return { me: member._id, mine: member._id === doc.subjectId, decider, conductor, voterIn };
}

/** `get`'s gate: the subject, the branch committee, the superior, and the box's voters. */
export async function requireParticipant(ctx: Ctx, doc: AppraisalDoc, org: OrgDoc) {
  const s = await standing(ctx, doc, org);
  if (s.mine || s.decider || s.conductor || s.voterIn.some((b) => b?.status === 'open')) return s;
  throw new AppError(
    'AUTH.FORBIDDEN',
    '只有被评议的书记本人、支部委员会、上级党组织和参加测评的党员可以查看这次评议',
  );
}

type Standing = Awaited<ReturnType<typeof standing>>;

/**
 * Whether the caller may record a follow-up done [SEC-15, SEC-16]: the rectification is reported
 * by the secretary who owns it; the 提醒谈话 and 组织处理 are the superior's, never in their own
 * case [PRIV-21]. The rule `completeTask` enforces; `get.can` and `result` offer from it.
 */
export const mayComplete = (
  t: Pick<AppraisalDoc['tasks'][number], 'kind' | 'ownerId' | 'done'>,
  s: Pick<Standing, 'me' | 'decider'>,
): boolean => !t.done && (t.kind === 'rectification' ? t.ownerId === s.me : s.decider);

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** Who runs a box: the branch (assembly, masses) or the superior (committee) [SEC-08, SEC-09]. */
export const runsBox = (s: Pick<Standing, 'decider' | 'conductor'>, box: BallotBox) =>
  box === 'committee' ? s.decider : s.conductor;

/** The actions the caller may take now: the policy × the step. */
export function canOf(doc: AppraisalDoc, s: Standing, voted: ReadonlySet<string>): string[] {
  const can = new Set<string>();
  const status = doc.report.status;
  if (s.mine || s.decider || s.conductor) can.add('report');
  if (s.mine && doc.step === 'report' && (status === 'draft' || status === 'returned'))
    ['saveReport', 'submitReport'].forEach((a) => can.add(a));
  if (s.decider && doc.step === 'report' && status === 'submitted') can.add('approveReport');
  const stepBoxes: BallotBox[] =
    doc.step === 'assembly'
      ? ['assembly', 'masses']
      : doc.step === 'committee'
        ? ['committee']
        : [];
  for (const box of stepBoxes) {
    if (!runsBox(s, box)) continue;
    const b = doc.boxes?.[box];
    if (!b || b.status === 'void') can.add('openBallot');
    else if (b.status === 'open') {
      can.add('closeBallot');
      if (b.mode === 'paper') can.add('enterTally');
    }
  }
  if (doc.step === 'committee' && s.decider) can.add('recordComment');
  if (s.voterIn.some((b) => b?.status === 'open' && !voted.has(b.id))) can.add('castBallot');
  if (s.decider && (doc.step === 'grade' || doc.step === 'publish' || doc.step === 'done'))
    can.add('board');
  // Until the result is published the grade may be decided again [SEC-14].
  if (s.decider && (doc.step === 'grade' || doc.step === 'publish')) can.add('decide');
  if (s.decider && doc.step === 'publish') can.add('publish');
  if ((s.mine || s.decider) && doc.publishedAt) can.add('result');
  if (s.decider || s.conductor) can.add('form');
  if ((doc.tasks ?? []).some((t) => mayComplete(t, s))) can.add('completeTask');
  return [...can];
}

export function stepsOut(doc: AppraisalDoc): StepOut[] {
  return secretarySteps(doc.profile).map((key) => {
    const at = iso(doc.stepsDone?.[key]);
    return { key, title: STEP_WORDS[key], done: !!at, ...(at ? { at } : {}) };
  });
}

export function ballotsOut(doc: AppraisalDoc, me: string, voted: ReadonlySet<string>): BallotOut[] {
  const out: BallotOut[] = [];
  for (const [box, b] of Object.entries(doc.boxes ?? {}) as [
    BallotBox,
    NonNullable<AppraisalDoc['boxes'][BallotBox]>,
  ][]) {
    const mayVote = b.mode === 'app' && b.eligible.includes(me);
    out.push({
      ballotId: b.id,
      box,
      mode: b.mode,
      status: b.status,
      activityId: b.activityId,
      eligible: b.mode === 'app' ? b.eligible.length : (b.issued ?? 0),
      canVote: mayVote && b.status === 'open' && !voted.has(b.id),
      voted: voted.has(b.id),
    });
  }
  return out;
}

/** Which of the campaigns' boxes the caller voted in: one query, only when they may vote in one. */
export async function votedBoxes(docs: readonly AppraisalDoc[], me: string): Promise<Set<string>> {
  const ids = docs.flatMap((d) =>
    Object.values(d.boxes ?? {})
      .filter((b) => b && b.mode === 'app' && b.eligible.includes(me))
      .map((b) => b!.id),
  );
  return ids.length ? votedIn(ids, me) : new Set();
}

/** CampaignOut for a caller whose standing is known. */
export function campaignOutOf(
  doc: AppraisalDoc,
  s: Standing,
  voted: ReadonlySet<string>,
): CampaignOut {
  return {
    id: doc._id,
    kind: doc.kind,
    orgId: doc.orgId,
    orgName: doc.orgName,
    year: doc.year,
    subjectId: doc.subjectId,
    subjectName: doc.subjectName,
    step: doc.step,
    steps: stepsOut(doc),
    can: canOf(doc, s, voted),
    grades: secretaryGrades(doc.profile).map((key) => ({ key, label: GRADE_WORDS[key] })),
    reportStatus: doc.report.status,
    ballots: ballotsOut(doc, s.me, voted),
    grade: doc.decision?.grade ?? null,
    publishedAt: iso(doc.publishedAt) ?? null,
    predecessors: (doc.predecessors ?? []).map((p) => ({ ...p })),
  };
}

/** CampaignOut of one campaign for the caller (the org loaded or given). */
export async function campaignOut(ctx: Ctx, doc: AppraisalDoc, org?: OrgDoc): Promise<CampaignOut> {
  const s = await standing(ctx, doc, org ?? (await campaignOrg(doc)));
  return campaignOutOf(doc, s, await votedBoxes([doc], s.me));
}

/** A closed box's result as shown, honouring the minimum turnout [SEC-19]. */
export function closedOut(
  box: Pick<BallotBoxDoc, 'status' | 'result'>,
  minBallots: number,
): ClosedBallotOut {
  const r = box.result ?? { issued: 0, returned: 0, valid: 0, tally: {} };
  if (box.status === 'void')
    return {
      issued: r.issued,
      returned: r.returned,
      valid: 0,
      void: true,
      tally: null,
      hidden: '收回的票数多于发出的票数，这次测评作废，请重新组织',
    };
  const v = visibleTally(r, minBallots);
  return {
    issued: r.issued,
    returned: r.returned,
    valid: r.valid,
    void: false,
    tally: v.tally as Tally | null,
    hidden: v.hidden,
  };
}

export const minBallotsOf = (doc: Pick<AppraisalDoc, 'plan'>) =>
  doc.plan.minBallots ?? DEFAULT_MIN_BALLOTS;

/**
 * The closed boxes of a campaign for the grading board: per box the valid count and the tally
 * (null below the minimum turnout, with the reason). Open and void boxes are absent. One query.
 */
export async function closedTallies(
  doc: AppraisalDoc,
): Promise<Partial<Record<BallotBox, ClosedBallotOut>>> {
  const ids = Object.values(doc.boxes ?? {})
    .filter((b) => b?.status === 'closed')
    .map((b) => b!.id);
  const out: Partial<Record<BallotBox, ClosedBallotOut>> = {};
  for (const box of await boxesByIds(ids)) out[box.box] = closedOut(box, minBallotsOf(doc));
  return out;
}

/**
 * The patch that moves a campaign from its step to the next, stamping the step done (a write
 * of the caller's transaction: `updateAppraisal(id, advanceStep(doc, now), tx)`).
 */
export function advanceStep(doc: Pick<AppraisalDoc, 'profile' | 'step'>, now: Date) {
  const next: Step = nextStep(doc.profile, doc.step);
  return { step: next, [`stepsDone.${doc.step}`]: now } as Record<string, unknown>;
}

/** Whether the campaign's current step is complete after a box closed or a comment was recorded. */
export function stepDone(
  doc: AppraisalDoc,
  org: Pick<OrgDoc, 'category'>,
  change: { closed?: BallotBox; comment?: boolean } = {},
): boolean {
  const closed = Object.fromEntries(
    Object.entries(doc.boxes ?? {}).map(([k, b]) => [k, b?.status === 'closed']),
  ) as Partial<Record<BallotBox, boolean>>;
  if (change.closed) closed[change.closed] = true;
  return stepComplete(doc.step, {
    category: org.category,
    profile: doc.profile,
    closed,
    leaderComment: !!doc.leaderComment || !!change.comment,
  });
}
