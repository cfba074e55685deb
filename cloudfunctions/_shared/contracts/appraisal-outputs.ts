/**
 * The output types of the core `appraisal` actions (api.md "appraisal"), apart from the inputs in
 * appraisal.ts, which re-exports them.
 */
import type {
  AppraisalGrade,
  AppraisalKind,
  AppraisalStep,
  BallotBox,
  BallotMode,
  ReportSection,
  ReportStatus,
  SecretaryGrade,
  TaskKind,
} from '../domain/appraisal/model';
import type { DemocraticCampaignOut } from './appraisal-democratic';

/** Grade tallies: `{ [subjectId]: { [grade]: n } }`. */
export type Tally = Record<string, Partial<Record<AppraisalGrade, number>>>;

/** Where a number of the report comes from: a page of the mini-program and its query. */
export type FactLink = { page: string; query: Record<string, string> };

/**
 * One pre-filled fact of 加强支部建设 [SEC-06]: derived from the records, read-only. `value`
 * null means the product does not record it (shown as 未记录, never invented).
 */
export type ReportFact = {
  key: string;
  label: string;
  value: string | null;
  held?: number;
  required?: number;
  link: FactLink | null;
  ruleId?: string;
};

export type StepOut = { key: AppraisalStep; title: string; done: boolean; at?: string };

export type BallotOut = {
  ballotId: string;
  box: BallotBox;
  mode: BallotMode;
  status: 'open' | 'closed' | 'void';
  activityId: string | null;
  /** How many may vote (in the app) or were issued (paper). Never a running count of votes. */
  eligible: number;
  /** Whether the caller may still vote in it; whether the caller already did (their own only). */
  canVote: boolean;
  voted: boolean;
};

export type CampaignOut = {
  id: string;
  kind: AppraisalKind;
  orgId: string;
  orgName: string;
  year: number;
  subjectId?: string;
  subjectName?: string;
  step: AppraisalStep | 'done';
  steps: StepOut[];
  /** Actions the caller may take now, from the one policy and the step. */
  can: string[];
  /**
   * The campaign's grades for its profile, best first (双述双评; the pages build the paper-tally
   * form from it, so the branch committee entering a 党员大会's tally needs no board). Absent: the
   * kind has none to offer here.
   */
  grades?: { key: AppraisalGrade; label: string }[];
  reportStatus: ReportStatus;
  ballots: BallotOut[];
  grade: AppraisalGrade | null;
  publishedAt: string | null;
  /** Other people who held the office during the year [SEC-01]: who must report is said here. */
  predecessors: {
    memberId: string;
    name: string;
    from: string;
    to: string;
    /** Served at least half of the year: also to report on their period [SEC-01]. */
    alsoReports?: boolean;
  }[];
  /** Soft reminders about the campaign (e.g. held off its profile's time [APR-01]). */
  alerts?: { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string }[];
  /** 民主评议党员 only: participants, entries' progress, 党小组 and boxes. */
  democratic?: DemocraticCampaignOut;
};

export type ReportOut = {
  id: string;
  subjectId: string;
  subjectName: string;
  orgName: string;
  year: number;
  status: ReportStatus;
  /** The superior's comment when returned (or approved with one). */
  comment: string | null;
  editable: boolean;
  sections: { key: ReportSection; title: string; text: string; facts?: ReportFact[] }[];
};

export type ClosedBallotOut = {
  issued: number;
  returned: number;
  valid: number;
  void: boolean;
  /** Per-subject tallies; null below the minimum turnout, with the reason in `hidden`. */
  tally: Tally | null;
  hidden: string | null;
};

export type BoardOut = {
  kind: 'secretaryReview';
  id: string;
  grades: SecretaryGrade[];
  subjects: {
    subjectId: string;
    name: string;
    orgName: string;
    /** Both evaluations [SEC-08, SEC-09]: per box, the tally and its mean on the SEC-12 scale. */
    evaluations: {
      box: BallotBox;
      valid: number;
      tally: Tally[string] | null;
      mean: number | null;
      /** Why the tally is not shown (below the minimum turnout, not closed, void); null when shown. */
      hidden: string | null;
    }[];
    /** The daily assessment [SEC-10]: the 堡垒指数 and compliance, from the records. */
    daily: {
      fortress: number | null;
      stars: number | null;
      compliance: number | null;
      score: number | null;
    };
    verification: number | null;
    /** The advisory weighted score [SEC-11]; null while a component is missing (which one is in `missing`). */
    weighted: number | null;
    missing: string[];
    /** The advisory band from the optional thresholds [SEC-20]; null when they are off. */
    advisory: SecretaryGrade | null;
    leaderComment: string | null;
    grade: SecretaryGrade | null;
    flags: { ruleId: string; message: string }[];
  }[];
  /** The quota meter [SEC-18]: null where the profile has none. */
  quota: {
    grade: SecretaryGrade;
    limit: number;
    used: number;
    left: number;
    of: number;
    note: string;
  } | null;
  /** Subjects tied at the quota boundary: granting the grade to one of them needs a reason. */
  ties: { subjectIds: string[]; score: number }[];
  weights: { daily: number; evaluations: number; verification: number };
  thresholds: { excellent: number; competent: number; basicallyCompetent: number } | null;
};

export type TaskOut = {
  kind: TaskKind;
  title: string;
  ownerId: string;
  due: string | null;
  done: boolean;
  note: string | null;
  ruleId: string;
};

export type ResultOut = {
  grade: AppraisalGrade | null;
  gradeText: string | null;
  feedback: string | null;
  commended: boolean;
  /** Each follow-up, and whether the caller may record it done now (the rule `completeTask` enforces). */
  consequences: (TaskOut & { canComplete: boolean })[];
};

/**
 * The 双述双评 record for filing (`form`, json) [issue 13 item 10]: the campaign, the report with
 * its facts, each box's result (tallies hidden below the minimum turnout [SEC-19]), the leader's
 * 点评, the grade with who signed it and when, the reason and the consequences. `grade` is null
 * until decided, and for the branch committee until published (`gradeHidden` says why).
 */
export type AppraisalFormOut = {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  committeeName: string;
  subjectId: string;
  subjectName: string;
  year: number;
  profile: string;
  profileName: string;
  predecessors: CampaignOut['predecessors'];
  steps: StepOut[];
  report: {
    status: ReportStatus;
    statusText: string;
    submittedAt: string | null;
    decidedAt: string | null;
    comment: string | null;
    sections: ReportOut['sections'];
  };
  evaluations: ({
    box: BallotBox;
    title: string;
    mode: BallotMode;
    status: 'open' | 'closed' | 'void';
    /** This subject's marks per grade; null below the minimum turnout, or while open. */
    counts: Partial<Record<SecretaryGrade, number>> | null;
  } & Omit<ClosedBallotOut, 'tally'>)[];
  leaderComment: { text: string; by: string; at: string } | null;
  grade: {
    grade: SecretaryGrade;
    gradeText: string;
    reason: string | null;
    verification: number | null;
    weighted: number | null;
    by: string;
    at: string;
  } | null;
  gradeHidden: string | null;
  publishedAt: string | null;
  commended: boolean;
  consequences: (TaskOut & { ownerName: string })[];
  generatedAt: string;
};
