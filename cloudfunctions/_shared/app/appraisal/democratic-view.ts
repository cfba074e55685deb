/**
 * What the 民主评议 decision, results and 登记表 share (the DECISION part of issue 14): loading a
 * campaign with the DECISION fields it carries, the participants as the pure rules see them
 * [APR-05, APR-06, APR-20], the tally of the closed 测评 boxes merged over 党小组 [APR-08] (hidden
 * below the minimum turnout), and the step patch of APR-02.
 */
import type { DemocraticGrade, DemocraticStep } from '../../domain/appraisal/democratic-model';
import { mergeTallies, type TallyResult } from '../../domain/appraisal/democratic';
import type { HandlingOption } from '../../domain/appraisal/disposal';
import { visibleTally } from '../../domain/ballot/rules';
import {
  findDemocratic,
  type DemocraticAppraisalDoc,
  type DemocraticParticipant,
} from '../../repos/appraisal-democratic';
import type { BallotBoxDoc } from '../../repos/appraisals';
import { boxesByIds } from '../../repos/ballots';
import type { Tx } from '../../repos/db';
import type { Ctx } from '../../runtime/context';
import { AppError, orNotFound } from '../../runtime/errors';
import { completeStepPatch } from './democratic-support';

export { participantsOf, stepsDoneOf, democraticOrg } from './democratic-support';

/** An 不合格 正式党员's handling as recorded (`recordHandling`) [APR-15, APR-16]. */
export interface HandlingDoc {
  option: HandlingOption;
  months: number | null;
  correctBy: string | null;
  assembly: { ref: string; on: string } | null;
  superior: { ref: string; on: string } | null;
  note: string | null;
  by: string;
  at: Date;
}

/** A 预备党员's problem routed to the DEV rules as a flag only [APR-17]. */
export interface DevFlagDoc {
  note: string;
  by: string;
  at: Date;
}

/**
 * The fields the DECISION part adds to a campaign document (set by dotted paths through
 * `updateDemocratic`): handlings by member, DEV flags, the 基本合格 help plans put on the branch's
 * rectification list, and the tellers' count of all-优秀 paper ballots (a bare number).
 */
export interface DecisionFields {
  handling?: Record<string, HandlingDoc>;
  devFlags?: Record<string, DevFlagDoc>;
  helpPlans?: string[];
  reportedAt?: Date | null;
  archivedAt?: Date | null;
  /** The 先锋指数 totals when the decision was saved (the 轮流坐庄 hint) [APR-10]. */
  pointsAtDecision?: Record<string, number>;
}

export type DemocraticDoc = DemocraticAppraisalDoc & DecisionFields;

export async function loadDemocratic(id: string, tx?: Tx): Promise<DemocraticDoc> {
  return orNotFound((await findDemocratic(id, tx)) as DemocraticDoc | null, '这次评议');
}

export const participantOf = (doc: DemocraticDoc, memberId: string): DemocraticParticipant =>
  orNotFound(
    doc.participants.find((p) => p.memberId === memberId),
    '这次评议中的这位党员',
  );

/** The policy's subject for one member's case: nobody decides their own [PRIV-21]. */
export const memberSubject = (memberId: string) => ({ id: memberId });

export interface DemocraticTally {
  /** Merged over the shown boxes; null when no box is closed. */
  result: TallyResult | null;
  returned: number;
  /** Members whose box is hidden below the minimum turnout (no tally, no advice). */
  hiddenFor: Set<string>;
  hidden: string | null;
}

/**
 * The closed 测评 boxes merged [APR-08]: a void box counts for nothing, an open one is not read;
 * below the minimum turnout a box's tallies stay hidden [SEC-19 / APR-21] and advise nothing.
 * One round trip (the box documents by id).
 */
export async function democraticTally(doc: DemocraticDoc): Promise<DemocraticTally> {
  const ids = closedBoxIds(doc);
  const docs = ids.length ? await boxesByIds(ids) : [];
  return tallyFrom(doc, new Map(docs.map((b) => [b._id, b])));
}

/** The ids of a campaign's closed boxes (to read several campaigns' boxes in one query). */
export const closedBoxIds = (doc: DemocraticDoc): string[] =>
  (doc.boxes ?? []).filter((b) => b.status === 'closed').map((b) => b.id);

/** The tally from box documents already read (no reads). */
export function tallyFrom(
  doc: DemocraticDoc,
  docs: ReadonlyMap<string, Pick<BallotBoxDoc, 'result'>>,
): DemocraticTally {
  const closed = (doc.boxes ?? []).filter((b) => b.status === 'closed');
  const empty = { result: null, returned: 0, hiddenFor: new Set<string>(), hidden: null };
  if (!closed.length) return empty;
  const parts: { members: string[]; result: TallyResult }[] = [];
  const hiddenFor = new Set<string>();
  let hidden: string | null = null;
  let returned = 0;
  // The latest closed box of each group (or of the whole branch) counts.
  const latest = new Map<string, (typeof closed)[number]>();
  for (const b of closed) latest.set(b.group ?? '', b);
  for (const b of latest.values()) {
    const r = docs.get(b.id)?.result;
    if (!r) continue;
    returned += r.returned;
    const v = visibleTally(r, doc.plan.minBallots);
    if (!v.tally) {
      hidden = v.hidden;
      b.members.forEach((m) => hiddenFor.add(m));
      continue;
    }
    parts.push({ members: b.members, result: { valid: r.valid, tally: v.tally } });
  }
  if (!parts.length) return { result: null, returned, hiddenFor, hidden };
  const result = parts.length === 1 ? parts[0].result : mergeTallies(parts);
  return { result, returned, hiddenFor, hidden };
}

/** Completes `step` now by `by` [APR-02] (STEP_ORDER when it is not the current step). */
export const stepPatch = (doc: DemocraticDoc, step: DemocraticStep, by: string, now: Date) =>
  completeStepPatch(doc, step, { at: now, by, activityId: null, note: null });

/** The grade decided for a member, null when none (or a 预备党员). */
export const gradeOf = (doc: DemocraticDoc, memberId: string): DemocraticGrade | null =>
  doc.decision?.grades?.[memberId] ?? null;

/** Refuses once the results are out: the decision and the imports are then fixed [APR-12]. */
export function requireUnpublished(doc: DemocraticDoc): void {
  if (doc.publishedAt)
    throw new AppError('APPRAISAL.STEP_ORDER', '评议结果已经反馈给党员，不能再修改评定', {
      ruleId: 'APR-12',
    });
}

export async function requireCommittee(ctx: Ctx, doc: DemocraticDoc) {
  return ctx.require('appraisal.decideMembers', doc.orgId);
}
