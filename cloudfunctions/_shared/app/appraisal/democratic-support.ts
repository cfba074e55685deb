import type { BallotOut, CampaignOut, StepOut } from '../../contracts/appraisal';
import type { DemocraticCampaignOut } from '../../contracts/appraisal-democratic';
import { quotaOf, type Participant } from '../../domain/appraisal/democratic';
import {
  currentDemocraticStep,
  DEMOCRATIC_GRADE_WORDS,
  DEMOCRATIC_STEP_WORDS,
  DEMOCRATIC_STEPS,
  democraticStepAllowed,
  democraticTiming,
  type DemocraticStep,
} from '../../domain/appraisal/democratic-model';
import {
  findDemocratic,
  type DemocraticAppraisalDoc,
  type DemocraticBoxSummary,
  type StepRecord,
} from '../../repos/appraisal-democratic';
import { votedIn } from '../../repos/ballots';
import type { Tx } from '../../repos/db';
import { findOrg, type OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';

/**
 * What the 民主评议 use cases share (the DECISION work builds on it too): loading a campaign, the
 * caller's standing and `can`, the step machine of APR-02, and the participants as the domain
 * sees them.
 */

export async function loadDemocratic(id: string, tx?: Tx): Promise<DemocraticAppraisalDoc> {
  return orNotFound(await findDemocratic(id, tx), '这次民主评议');
}

export async function democraticOrg(doc: Pick<DemocraticAppraisalDoc, 'orgId'>): Promise<OrgDoc> {
  return orNotFound(await findOrg(doc.orgId), '组织');
}

/** The participants as the domain reads them, with imported 流入地 results [APR-20]. */
export const participantsOf = (doc: DemocraticAppraisalDoc): Participant[] =>
  doc.participants.map((p) => ({
    memberId: p.memberId,
    status: p.status,
    imported: doc.imported?.[p.memberId]
      ? { grade: doc.imported[p.memberId].grade, orgName: doc.imported[p.memberId].orgName }
      : null,
  }));

/** Who must write a 自评 / have a 互评 summary: every participant not appraised elsewhere [APR-20]. */
export const requiredHere = (doc: DemocraticAppraisalDoc): string[] =>
  doc.participants.filter((p) => !doc.imported?.[p.memberId]).map((p) => p.memberId);

export const stepsDoneOf = (doc: Pick<DemocraticAppraisalDoc, 'stepsDone'>): DemocraticStep[] =>
  DEMOCRATIC_STEPS.filter((s) => !!doc.stepsDone?.[s]);

/**
 * The patch completing `step` (refused out of order [APR-02]) and moving to the next one: a write
 * of the caller's transaction, `updateDemocratic(id, completeStepPatch(doc, step, record), tx)`.
 */
export function completeStepPatch(
  doc: Pick<DemocraticAppraisalDoc, 'stepsDone'>,
  step: DemocraticStep,
  record: StepRecord,
): Record<string, unknown> {
  const done = stepsDoneOf(doc);
  orThrow(democraticStepAllowed(step, done));
  return { [`stepsDone.${step}`]: record, step: currentDemocraticStep([...done, step]) };
}

/** Refuses an action of `step` while the campaign is at another step [APR-02]. */
export function requireDemocraticStep(doc: DemocraticAppraisalDoc, step: DemocraticStep): void {
  if (doc.step === step) return;
  orThrow(democraticStepAllowed(step, stepsDoneOf(doc)));
}

/** The boxes the 测评 needs: one per 党小组, or one for the branch [APR-08]. */
export const neededBoxes = (doc: DemocraticAppraisalDoc): (string | null)[] =>
  doc.groups.length ? doc.groups.map((g) => g.key) : [null];

/** The live (non-void) box of a group (or of the branch: null). */
export const liveBox = (doc: DemocraticAppraisalDoc, group: string | null) =>
  doc.boxes.find((b) => b.group === group && b.status !== 'void') ?? null;

/** Whether every needed box is closed: the 民主测评 step is then complete. */
export const ballotComplete = (boxes: readonly DemocraticBoxSummary[], needed: (string | null)[]) =>
  needed.every((g) => boxes.some((b) => b.group === g && b.status === 'closed'));

/** The caller's standing in a campaign, from the one policy (no extra reads). */
export async function democraticStanding(ctx: Ctx, doc: DemocraticAppraisalDoc, org: OrgDoc) {
  const { member } = await ctx.caller();
  const decider = await ctx.may('appraisal.decideMembers', org);
  const participant = doc.participants.some((p) => p.memberId === member._id);
  const voterIn = doc.boxes.filter((b) => b.mode === 'app' && b.eligible.includes(member._id));
  return { me: member._id, decider, participant, voterIn };
}
export type DemocraticStanding = Awaited<ReturnType<typeof democraticStanding>>;

/** `get`'s gate: the branch's participants, its committee and the superior. */
export async function requireDemocraticReader(ctx: Ctx, doc: DemocraticAppraisalDoc, org: OrgDoc) {
  const s = await democraticStanding(ctx, doc, org);
  if (s.participant || s.decider || s.voterIn.length) return s;
  throw new AppError(
    'AUTH.FORBIDDEN',
    '只有参加这次民主评议的党员、支部委员会和上级党组织可以查看',
  );
}

const AFTER_BALLOT: DemocraticStep[] = ['decision', 'feedback', 'report', 'archive'];

/** The actions the caller may take now: the policy × the step [APR-02]. */
export function democraticCan(
  doc: DemocraticAppraisalDoc,
  s: DemocraticStanding,
  voted: ReadonlySet<string>,
): string[] {
  const can = new Set<string>();
  const step = doc.step;
  if (s.participant || s.decider) can.add('entries');
  if (step === 'selfEvaluation' && (s.participant || s.decider)) can.add('selfEvaluate');
  if (s.decider) {
    if (step === 'study' || step === 'selfEvaluation' || step === 'mutualEvaluation')
      can.add('completeStep');
    if (step === 'mutualEvaluation') can.add('recordMutual');
    if (
      step !== 'done' &&
      !AFTER_BALLOT.includes(step) &&
      !doc.boxes.some((b) => b.status !== 'void')
    )
      can.add('setGroups');
    if (step === 'ballot') {
      if (neededBoxes(doc).some((g) => !liveBox(doc, g))) can.add('openBallot');
      for (const b of doc.boxes.filter((x) => x.status === 'open')) {
        can.add('closeBallot');
        if (b.mode === 'paper') can.add('enterTally');
      }
    }
    const after = step === 'done' || AFTER_BALLOT.includes(step);
    if (after) ['board', 'form'].forEach((x) => can.add(x));
    // Until the results are fed back the grades may be decided again [APR-10, APR-12].
    if (!doc.publishedAt && (step === 'decision' || step === 'feedback')) can.add('decide');
    if (!doc.publishedAt && step === 'feedback' && doc.decision?.final) can.add('publish');
    if (!doc.publishedAt && step !== 'done') can.add('importResult');
    if (doc.decision?.final) ['recordHandling', 'flagProbationary'].forEach((x) => can.add(x));
    if (step === 'archive') can.add('archive');
  }
  if (s.voterIn.some((b) => b.status === 'open' && !voted.has(b.id))) can.add('castBallot');
  if (doc.publishedAt && (s.participant || s.decider)) can.add('result');
  return [...can];
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function democraticStepsOut(doc: DemocraticAppraisalDoc): StepOut[] {
  return DEMOCRATIC_STEPS.map((key) => {
    const at = iso(doc.stepsDone?.[key]?.at);
    return {
      key,
      title: DEMOCRATIC_STEP_WORDS[key],
      done: !!at,
      ...(at ? { at } : {}),
    };
  });
}

function ballotsOf(doc: DemocraticAppraisalDoc, me: string, voted: ReadonlySet<string>) {
  return doc.boxes.map((b): BallotOut => ({
    ballotId: b.id,
    box: 'assembly',
    mode: b.mode,
    status: b.status,
    activityId: b.activityId,
    eligible: b.mode === 'app' ? b.eligible.length : (b.issued ?? 0),
    canVote: b.mode === 'app' && b.status === 'open' && b.eligible.includes(me) && !voted.has(b.id),
    voted: voted.has(b.id),
  }));
}

function democraticPart(doc: DemocraticAppraisalDoc, s: DemocraticStanding): DemocraticCampaignOut {
  const groupOf = new Map(doc.groups.flatMap((g) => g.memberIds.map((m) => [m, g.key] as const)));
  const groupName = new Map(doc.groups.map((g) => [g.key, g.name]));
  const selfDone = new Set(doc.selfDone ?? []);
  const mutualDone = new Set(doc.mutualDone ?? []);
  // A member sees only whether their own entries are in; the committee sees everyone's progress.
  const seen = (id: string) => s.decider || id === s.me;
  const me = doc.participants.find((p) => p.memberId === s.me);
  return {
    grades: doc.plan.grades.map((key) => ({ key, label: DEMOCRATIC_GRADE_WORDS[key] })),
    quota: quotaOf(participantsOf(doc)),
    probationaryBallot: doc.plan.probationaryBallot,
    participants: doc.participants.map((p) => ({
      memberId: p.memberId,
      name: p.name,
      status: p.status,
      mobile: p.mobile,
      imported: !!doc.imported?.[p.memberId],
      selfDone: seen(p.memberId) && selfDone.has(p.memberId),
      mutualDone: seen(p.memberId) && mutualDone.has(p.memberId),
      group: groupOf.get(p.memberId) ?? null,
    })),
    groups: doc.groups.map((g) => ({ key: g.key, name: g.name, memberIds: [...g.memberIds] })),
    boxes: doc.boxes.map((b) => ({
      ballotId: b.id,
      group: b.group,
      groupName: b.group ? (groupName.get(b.group) ?? null) : null,
      mode: b.mode,
      status: b.status,
      subjects: b.subjectIds.length,
      maxBest: b.maxBest,
    })),
    mine: me
      ? {
          selfDone: selfDone.has(me.memberId),
          mutualDone: mutualDone.has(me.memberId),
          status: me.status,
        }
      : null,
    stepNotes: DEMOCRATIC_STEPS.flatMap((step) => {
      const r = doc.stepsDone?.[step];
      return r && (r.note || r.activityId)
        ? [{ step, note: r.note ?? null, activityId: r.activityId ?? null }]
        : [];
    }),
    timing: democraticTiming(doc.profile, doc.plan.month).words,
  };
}

/** CampaignOut of a 民主评议 campaign for a caller whose standing is known. */
export function democraticOutOf(
  doc: DemocraticAppraisalDoc,
  s: DemocraticStanding,
  voted: ReadonlySet<string>,
  alerts: CampaignOut['alerts'] = [],
): CampaignOut {
  return {
    id: doc._id,
    kind: 'democraticAppraisal',
    orgId: doc.orgId,
    orgName: doc.orgName,
    year: doc.year,
    step: doc.step,
    steps: democraticStepsOut(doc),
    can: democraticCan(doc, s, voted),
    // The 述职报告 belongs to 双述双评; a 民主评议 has none (the field is required by the contract).
    reportStatus: 'draft',
    ballots: ballotsOf(doc, s.me, voted),
    grade: null,
    publishedAt: iso(doc.publishedAt) ?? null,
    predecessors: [],
    alerts,
    democratic: democraticPart(doc, s),
  };
}

/** Which of the campaigns' boxes the caller voted in: one query, only when they may vote in one. */
export async function votedDemocratic(
  docs: readonly DemocraticAppraisalDoc[],
  me: string,
): Promise<Set<string>> {
  const ids = docs.flatMap((d) =>
    d.boxes.filter((b) => b.mode === 'app' && b.eligible.includes(me)).map((b) => b.id),
  );
  return ids.length ? votedIn(ids, me) : new Set();
}
