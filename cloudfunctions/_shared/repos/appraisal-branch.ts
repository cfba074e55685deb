import type { BranchGrade, BranchPhase, BranchStep } from '../domain/appraisal/branch-grading';
import type { BallotMode } from '../domain/appraisal/model';
import type { Profile } from '../domain/org/model';
import { _, collection, Tx } from './db';

export type BranchBox = 'assembly' | 'masses';

/** A box as the 评组织 campaign carries it: who may vote, and the tally once closed. */
export interface BranchBoxSummary {
  id: string;
  mode: BallotMode;
  status: 'open' | 'closed' | 'void';
  activityId: string | null;
  eligible: string[];
  result: { issued: number; returned: number; valid: number; tally: Record<string, number> } | null;
}

/**
 * One 焦作评组织 campaign (`branchAppraisals`) [FORT-19, FORT-20]: a 基层党委, a year and a phase
 * (mid-year, filed; year-end, 公示). `_id = branchAppraisal:<committeeId>:<year>:<phase>` makes a
 * second one a CONFLICT inside the transaction. The subjects are the committee's branches, fixed
 * at opening (the 先进 limit's N).
 */
export interface BranchAppraisalDoc {
  _id: string;
  kind: 'branchAppraisal';
  committeeId: string;
  committeeName: string;
  /** The committee's ancestors and the committee: the console lists it under any of them. */
  orgPath: string[];
  year: number;
  phase: BranchPhase;
  profile: Profile;
  branches: { orgId: string; name: string; ancestors: string[] }[];
  step: BranchStep | 'done';
  stepsDone: Partial<Record<BranchStep, { at: Date; by: string; note: string | null }>>;
  /** Per branch, its members' box and its 群众代表 box. */
  boxes: Record<string, Partial<Record<BranchBox, BranchBoxSummary>>>;
  decision: {
    grades: Record<string, BranchGrade>;
    reasons: Record<string, string>;
    by: string;
    at: Date;
  } | null;
  publishedAt: Date | null;
  noticeId: string | null;
  /** Where the result was filed: the 基层党委 (mid-year) or the level above (year-end) [FORT-20]. */
  filedWith: 'baseCommittee' | 'upperLevel' | null;
  openedBy: string;
  createdAt: Date;
}

const campaigns = collection<BranchAppraisalDoc>('branchAppraisals');

export const branchAppraisalId = (committeeId: string, year: number, phase: BranchPhase) =>
  `branchAppraisal:${committeeId}:${year}:${phase}`;

export const findBranchAppraisal = (id: string, tx?: Tx) => campaigns.byId(id, tx);
export const branchAppraisalsByIds = (ids: readonly string[]) => campaigns.byIds(ids);

/** Inserts a campaign; the caller read `_id` inside the same transaction first. */
export const insertBranchAppraisal = (doc: BranchAppraisalDoc, tx: Tx) => campaigns.add(doc, tx);

/** Sets fields of a campaign (dotted paths allowed: `boxes.<branchId>.assembly`). */
export async function updateBranchAppraisal(
  id: string,
  patch: Record<string, unknown>,
  tx: Tx,
): Promise<void> {
  // A whole object replaces the stored one (a decision made again keeps none of the old reasons).
  const data = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [
      k,
      v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v,
    ]),
  );
  await campaigns.ref(tx).doc(id).update({ data });
}

/** Replaces the box summaries of these branches (whole objects, never merged). */
export async function setBranchBoxes(
  id: string,
  boxes: Record<string, Partial<Record<BranchBox, BranchBoxSummary>>>,
  tx: Tx,
): Promise<void> {
  const data = Object.fromEntries(Object.entries(boxes).map(([k, v]) => [`boxes.${k}`, _.set(v)]));
  if (Object.keys(data).length) await campaigns.ref(tx).doc(id).update({ data });
}

/** The campaigns of an org (a committee or one above it) in a year, in one query. */
export const branchAppraisalsUnder = (orgId: string, year: number) =>
  campaigns.all(campaigns.ref().where({ orgPath: orgId, year }).orderBy('_id', 'asc'));

/** The campaigns that rate this branch in a year (its committee's view), in one query. */
export const branchAppraisalsOfBranch = (branchId: string, year: number) =>
  campaigns.all(campaigns.ref().where({ 'branches.orgId': branchId, year }).orderBy('_id', 'asc'));
