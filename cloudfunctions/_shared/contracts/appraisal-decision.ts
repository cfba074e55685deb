import { z } from 'zod';
import { DEMOCRATIC_GRADES, type DemocraticGrade } from '../domain/appraisal/democratic-model';
import { HANDLING_OPTIONS, type HandlingOption } from '../domain/appraisal/disposal';
import { calendarDate, id, publicText, text, year } from './common';

/**
 * 民主评议党员's board, decision, handling and results (issue 14, the DECISION part). Spread into
 * `appraisalContract`. The board, the decision, publication, the result and the 登记表 are the
 * generic `board`/`decide`/`publish`/`result`/`form` actions, dispatched by kind; this file adds:
 * - `importResult` [APR-20]: a 流动党员's result from the 流入地, recorded and not graded again;
 * - `recordHandling` [APR-15, APR-16, APR-17]: how an 不合格 正式党员 is handled, with its
 *   resolution records — nothing automatic;
 * - `hints` (the superior's anomaly hints, issue 14 item 9 [APR-05, APR-10]).
 */
/** A resolution record: which minutes or approval document, and its date [APR-16]. */
const resolution = z
  .object({ ref: text(100), on: calendarDate })
  .strict()
  .optional();

export const decisionContract = {
  importResult: {
    input: z
      .object({
        id,
        memberId: id,
        /** Null: the 流入地 gave no grade (a 预备党员, or 参加评议不评定等次). */
        grade: z.enum(DEMOCRATIC_GRADES).nullable(),
        orgName: text(60),
        proof: publicText(300),
      })
      .strict(),
  },
  recordHandling: {
    input: z
      .object({
        id,
        memberId: id,
        option: z.enum(HANDLING_OPTIONS),
        /** 限期改正: 1–12 whole months from the assembly resolution [APR-16]. */
        months: z.number().int().min(1).max(24).optional(),
        assembly: resolution,
        superior: resolution,
        note: publicText(500).optional(),
      })
      .strict(),
  },
  /** A 预备党员's problems found in the appraisal: a flag for the DEV rules only [APR-17]. */
  flagProbationary: { input: z.object({ id, memberId: id, note: publicText(500) }).strict() },
  /** 记入个人档案, the last step [APR-02, APR-11]: refused while a 登记表 is incomplete. */
  archive: { input: z.object({ id }).strict() },
  hints: { input: z.object({ orgId: id, year }).strict() },
  /**
   * The superior weighs a member for a 优秀党员 award: their grade this year, and a warning when
   * the branch did not grade them 优秀 [APR-13]. Never a refusal.
   */
  awardCheck: { input: z.object({ id, memberId: id }).strict() },
} as const;

type In<K extends keyof typeof decisionContract> = z.input<(typeof decisionContract)[K]['input']>;

export type HintOut = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };

export type HandlingOut = {
  option: HandlingOption;
  optionText: string;
  correctBy: string | null;
  assembly: { ref: string; on: string } | null;
  superior: { ref: string; on: string } | null;
  note: string | null;
  by: string;
  at: string;
};

export type DecisionApi = {
  importResult: {
    input: In<'importResult'>;
    output: { id: string; memberId: string; grade: DemocraticGrade | null };
  };
  recordHandling: {
    input: In<'recordHandling'>;
    output: { id: string; memberId: string; handling: HandlingOut };
  };
  flagProbationary: {
    input: In<'flagProbationary'>;
    output: {
      id: string;
      memberId: string;
      route: 'dev';
      options: ('extendProbation' | 'cancelProbation')[];
      message: string;
    };
  };
  archive: { input: In<'archive'>; output: { id: string; archivedAt: string } };
  awardCheck: {
    input: In<'awardCheck'>;
    output: { memberId: string; grade: DemocraticGrade | null; warning: HintOut | null };
  };
  hints: {
    input: In<'hints'>;
    output: {
      orgId: string;
      year: number;
      /** Per branch below the org (or the branch itself); never a ranking [PRIV-09]. */
      branches: {
        orgId: string;
        orgName: string;
        campaignId: string | null;
        of: number;
        excellent: number | null;
        hints: HintOut[];
      }[];
    };
  };
};

export type DemocraticFlagOut = { reason: string; ruleId: string; message: string };

/** The 民主评议 decision board [APR-10]: everything side by side, the advice never applied. */
export type DemocraticBoardOut = {
  kind: 'democraticAppraisal';
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  profile: string;
  grades: { key: DemocraticGrade; label: string }[];
  /** floor(N/3), N = 正式党员 graded here [APR-05]. */
  quota: { limit: number; used: number; left: number; of: number; note: string };
  /** The closed 测评 boxes merged [APR-08]; `hidden` says why no tally is shown. */
  ballot: { valid: number; returned: number; hidden: string | null } | null;
  members: {
    memberId: string;
    name: string;
    status: 'full' | 'probationary';
    /** 预备党员: shown, never graded [APR-06]; imported: the 流入地's result [APR-20]. */
    graded: boolean;
    imported: { grade: DemocraticGrade | null; orgName: string; proof: string } | null;
    selfEvaluation: string | null;
    mutualSummary: string | null;
    tally: Partial<Record<DemocraticGrade, number>> | null;
    majority: DemocraticGrade | null;
    advisory: DemocraticGrade | null;
    advisoryBasis: 'majority' | 'median' | 'imported' | 'none';
    tie: boolean;
    points: { total: number | null; rank: number | null } | null;
    flags: DemocraticFlagOut[];
    grade: DemocraticGrade | null;
    reason: string | null;
    handling: HandlingOut | null;
  }[];
  ties: { memberIds: string[]; votes: number; seats: number }[];
  /** hunan: the MTG-39 problem list's status [APR-19]; null where not read. */
  problemList: { total: number; done: number; open: number; overdue: number } | null;
  problemListNote: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
};

/** One member's 《民主评议党员登记表》 [APR-11]; `gaps` names the blank columns (in words). */
export type DemocraticFormEntry = {
  memberId: string;
  name: string;
  statusText: string;
  /** 个人自评; `selfProxy`: recorded by the committee for the member (代为录入). */
  selfEvaluation: string | null;
  selfProxy: boolean;
  /** 党员互评情况, from the minutes (by the branch). */
  mutualSummary: string | null;
  /** 民主测评情况, from the tally (hidden below the minimum turnout). */
  ballotSummary: string | null;
  /** 党支部认定意见: the grade (none for a 预备党员) and who signed it when. */
  branchOpinion: {
    gradeText: string | null;
    text: string;
    signedBy: string;
    signedAt: string;
  } | null;
  gaps: string[];
};

/** The 登记表 of a branch's 民主评议 (json; `form` with `format: 'xlsx'` renders it) [APR-11]. */
export type DemocraticFormOut = {
  kind: 'democraticAppraisal';
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  year: number;
  members: DemocraticFormEntry[];
  complete: boolean;
  generatedAt: string;
};
