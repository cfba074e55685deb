import type {
  AppraisalKind,
  BallotBox,
  BallotMode,
  ReportSection,
  ReportStatus,
  SecretaryGrade,
  SecretaryStep,
  TaskKind,
} from '../domain/appraisal/model';
import type { Profile } from '../domain/org/model';
import type { ReportFact } from '../contracts/appraisal';
import { _, collection, Tx } from './db';

/**
 * One appraisal campaign (`appraisals`): per (kind, subject, year) [SEC-02]. A secretary review is
 * keyed by the person (`subjectId`, a member id) with the org they led (`orgId`), so the history
 * follows the person across branches [SEC-16]. `_id = kind:subjectId:year` makes the second one a
 * CONFLICT inside the transaction.
 */
export interface AppraisalDoc {
  _id: string;
  kind: AppraisalKind;
  year: number;
  /** The org the subject led (secretaryReview) or the branch appraised. */
  orgId: string;
  /** The 基层党委 that opened it and grades it. */
  committeeId: string;
  subjectId: string;
  profile: Profile;
  /** The org and its ancestors: `list` finds the campaigns of an org and below in one query. */
  orgPath: string[];
  /** Names when opened (the filed record keeps them; the console reads no other collection). */
  orgName: string;
  subjectName: string;
  /** Others who held the office during the year [SEC-01]; `alsoReports`: served ≥ half of it. */
  predecessors: {
    memberId: string;
    name: string;
    from: string;
    to: string;
    alsoReports: boolean;
  }[];
  /** The boxes opened, summarised for get/list (the box docs stay the truth; no vote count). */
  boxes: Partial<Record<BallotBox, BoxSummary>>;
  step: SecretaryStep | 'done';
  /** When each step was completed. */
  stepsDone: Partial<Record<SecretaryStep, Date>>;
  report: {
    status: ReportStatus;
    sections: Partial<Record<ReportSection, string>>;
    comment: string | null;
    submittedAt: Date | null;
    decidedAt: Date | null;
    decidedBy: string | null;
    /** The 加强支部建设 facts frozen at approval, so the filed report never changes [SEC-06]. */
    facts?: ReportFact[] | null;
  };
  /** The ballot boxes opened for it (ids into `ballotBoxes`). */
  boxIds: Partial<Record<BallotBox, string>>;
  /** The leader's 点评 at the 述职评议会 [SEC-09]. */
  leaderComment: { text: string; by: string; at: Date } | null;
  /** The evaluation plan fixed at opening [SEC-10, SEC-11, SEC-20]. */
  plan: {
    weights: { daily: number; evaluations: number; verification: number };
    thresholds: { excellent: number; competent: number; basicallyCompetent: number } | null;
    /** Below this many valid ballots per-subject tallies are hidden [SEC-19]. */
    minBallots?: number;
    /** The rectification period after 基本称职 [SEC-15]. */
    rectifyMonths?: number;
    /** The day it is to be finished by, `YYYY-MM-DD` [SEC-03]. */
    due?: string;
  };
  decision: {
    grade: SecretaryGrade;
    reason: string | null;
    verification: number | null;
    /** The advisory weighted score when decided, kept for the record. */
    weighted: number | null;
    by: string;
    at: Date;
  } | null;
  publishedAt: Date | null;
  noticeId: string | null;
  /** Follow-ups the result created [SEC-15, SEC-16]: stay on to-do lists until done. */
  tasks: {
    kind: TaskKind;
    ownerId: string;
    due: string | null;
    done: boolean;
    note: string | null;
    doneBy: string | null;
    doneAt: Date | null;
  }[];
  openedBy: string;
  createdAt: Date;
}

/**
 * A ballot box (`ballotBoxes`): who may vote, and — once closed, never before — the tally. The
 * sealed ballot piece: who voted is in `ballotVoters`, what was voted in `ballots`, and nothing
 * (identity, time, order) links the two.
 */
export interface BallotBoxDoc {
  _id: string;
  /** What it belongs to: an appraisal campaign id (民主评议 and 评组织 reuse it). */
  ownerId: string;
  box: BallotBox;
  mode: BallotMode;
  orgId: string;
  activityId: string | null;
  subjectIds: string[];
  /** The grades a mark may take, best first; at most `maxBest` of the first [APR-08 / SEC quota]. */
  grades: string[];
  maxBest: number | null;
  /** In-app voters (members signed in to the activity, minus the subjects) [SEC-08, SEC-13]. */
  eligible: string[];
  /** 民主评议: the subjects are voters too, each never marking themself [APR-06]. */
  subjectsVote?: boolean;
  status: 'open' | 'closed' | 'void';
  openedBy: string;
  openedAt: Date;
  /** Set at close (app) or on entry (paper); absent while open. */
  result: {
    issued: number;
    returned: number;
    valid: number;
    tally: Record<string, Record<string, number>>;
  } | null;
  closedAt: Date | null;
}

/** Who voted (`ballotVoters`): `_id = boxId:memberId`, no time, nothing of the choice. */
export interface BallotVoterDoc {
  _id: string;
  boxId: string;
  memberId: string;
}

/**
 * What was voted (`ballots`): a random `_id`, the box and the marks; no identity, no time. The
 * slots are created blank (`marks: null`) when the box opens, and a vote fills a random blank one,
 * so neither `_id` nor storage order follows the order of voting.
 */
export interface BallotDoc {
  _id: string;
  boxId: string;
  marks: Record<string, string> | null;
}

/** A box as the campaign doc carries it for get/list: who may vote, never how many did. */
export interface BoxSummary {
  id: string;
  mode: BallotMode;
  status: 'open' | 'closed' | 'void';
  activityId: string | null;
  eligible: string[];
  /** Paper: ballots issued (known at entry). */
  issued: number | null;
}

const appraisals = collection<AppraisalDoc>('appraisals');

/** `kind:subjectId:year` — one campaign per subject per year [SEC-02]. */
export const appraisalId = (kind: AppraisalKind, subjectId: string, year: number) =>
  `${kind}:${subjectId}:${year}`;

export const findAppraisal = (id: string, tx?: Tx) => appraisals.byId(id, tx);

/** Inserts a campaign; the caller read `_id` inside the same transaction first. */
export const insertAppraisal = (doc: AppraisalDoc, tx: Tx) => appraisals.add(doc, tx);

/** Sets fields of a campaign (dotted paths allowed: `report.status`, `boxes.assembly`). */
export async function updateAppraisal(
  id: string,
  patch: Record<string, unknown>,
  tx: Tx,
): Promise<void> {
  await appraisals.ref(tx).doc(id).update({ data: patch });
}

/** Campaigns of an org and every org below it in a year, in one query. */
export const appraisalsUnder = (orgId: string, year: number, kind?: AppraisalKind) =>
  appraisals.all(
    appraisals
      .ref()
      .where({ orgPath: orgId, year, ...(kind ? { kind } : {}) })
      .orderBy('_id', 'asc'),
  );

/** Campaigns a 基层党委 grades in a year (the quota's N and the board). */
export const appraisalsOfCommittee = (committeeId: string, year: number, kind: AppraisalKind) =>
  appraisals.all(appraisals.ref().where({ committeeId, year, kind }).orderBy('_id', 'asc'));

/** A person's campaigns of a kind in these years (SEC-16 follows the person across branches). */
export const appraisalsOfSubject = (
  subjectId: string,
  kind: AppraisalKind,
  years: readonly number[],
) =>
  appraisals.all(
    appraisals
      .ref()
      .where({ subjectId, kind, year: _.in([...years]) })
      .orderBy('year', 'asc'),
  );

/** Campaigns by id (those that exist). */
export const appraisalsByIds = (ids: readonly string[]) => appraisals.byIds(ids);
