import { z } from 'zod';
import {
  ALL_GRADES,
  ALL_REPORT_SECTIONS,
  APPRAISAL_KINDS,
  BALLOT_BOXES,
  BALLOT_MODES,
  TASK_KINDS,
  type AppraisalGrade,
  type BallotBox,
  type ReportStatus,
  type TaskKind,
} from '../domain/appraisal/model';
import type { ExportFileOutput } from './export';
import { id, publicText, text, year } from './common';
import { branchContract, type BranchApi, type BranchBoardOut } from './appraisal-branch';
import { democraticContract, type DemocraticApi } from './appraisal-democratic';
import {
  decisionContract,
  type DecisionApi,
  type DemocraticBoardOut,
  type DemocraticFormOut,
} from './appraisal-decision';
import { rectificationContract, type RectificationApi } from './appraisal-rectification';

const count = z.number().int().min(0).max(100000);
const grade = z.enum(ALL_GRADES);
/** Tallies per subject per grade: `{ [subjectId]: { [grade]: n } }`. */
const counts = z.record(id, z.partialRecord(grade, count));

/**
 * The `appraisal` function (api.md "appraisal"). This issue builds kind `secretaryReview`
 * (双述双评 and 焦作评书记, SEC-01…SEC-20); `democraticAppraisal` and `branchAppraisal` reuse
 * the campaign, the sealed ballot and the board next.
 */
export const appraisalContract = {
  /** The 基层党委 opens the review of a branch's secretary [SEC-01, SEC-02, SEC-03]. */
  open: { input: z.object({ kind: z.enum(APPRAISAL_KINDS), orgId: id, year }).strict() },
  get: { input: z.object({ id }).strict() },
  /** Campaigns of an org and the orgs below it in a year (the superior's console). */
  list: { input: z.object({ orgId: id, year }).strict() },
  /** The 述职报告 with its pre-filled, read-only facts [SEC-04, SEC-05, SEC-06]. */
  report: { input: z.object({ id }).strict() },
  saveReport: {
    input: z
      .object({ id, sections: z.partialRecord(z.enum(ALL_REPORT_SECTIONS), publicText(5000)) })
      .strict(),
  },
  submitReport: { input: z.object({ id }).strict() },
  /** The superior approves the report, or returns it with a comment [SEC-07]. */
  approveReport: {
    input: z.object({ id, approve: z.boolean(), comment: publicText(500).optional() }).strict(),
  },
  openBallot: {
    input: z
      .object({
        id,
        box: z.enum(BALLOT_BOXES),
        activityId: id.optional(),
        mode: z.enum(BALLOT_MODES),
        /** 民主评议 by 党小组 [APR-08]: the group's key (from `setGroups`). */
        group: id.optional(),
      })
      .strict(),
  },
  castBallot: { input: z.object({ ballotId: id, marks: z.record(id, grade) }).strict() },
  enterTally: {
    input: z.object({ ballotId: id, issued: count, returned: count, counts }).strict(),
  },
  closeBallot: { input: z.object({ ballotId: id }).strict() },
  /** The ballots open to the caller now (the ballot page, opened from the meeting). */
  ballots: { input: z.object({ activityId: id.optional() }).strict() },
  /** The leader's 点评 at the 基层党委's 述职评议会 [SEC-09]. */
  recordComment: { input: z.object({ id, comment: publicText(2000) }).strict() },
  board: { input: z.object({ id }).strict() },
  decide: {
    input: z
      .object({
        id,
        grades: z.record(id, grade.nullable()),
        reasons: z.record(id, publicText(500)).optional(),
        /** The 调查核实 score (0–100) the superior found [SEC-11]. */
        verification: z.number().min(0).max(100).optional(),
      })
      .strict(),
  },
  publish: { input: z.object({ id }).strict() },
  result: { input: z.object({ id, memberId: id.optional() }).strict() },
  /** A follow-up done: the 提醒谈话 held, the rectification reported, the 组织处理 decided. */
  completeTask: { input: z.object({ id, task: z.enum(TASK_KINDS), note: text(500) }).strict() },
  form: {
    input: z
      .object({ id, memberId: id.optional(), format: z.enum(['json', 'xlsx']).default('json') })
      .strict(),
  },
  ...democraticContract,
  ...decisionContract,
  ...rectificationContract,
  ...branchContract,
} as const;

type In<K extends keyof typeof appraisalContract> = z.input<(typeof appraisalContract)[K]['input']>;

export * from './appraisal-outputs';
import type {
  CampaignOut,
  ReportOut,
  ClosedBallotOut,
  BoardOut,
  ResultOut,
  AppraisalFormOut,
} from './appraisal-outputs';

type CoreApi = {
  open: {
    input: In<'open'>;
    output: { id: string; subjectId: string; predecessors: CampaignOut['predecessors'] };
  };
  get: { input: In<'get'>; output: CampaignOut };
  list: { input: In<'list'>; output: CampaignOut[] };
  report: { input: In<'report'>; output: ReportOut };
  saveReport: { input: In<'saveReport'>; output: ReportOut };
  submitReport: { input: In<'submitReport'>; output: { id: string; status: ReportStatus } };
  approveReport: { input: In<'approveReport'>; output: { id: string; status: ReportStatus } };
  openBallot: { input: In<'openBallot'>; output: { ballotId: string; eligible: number } };
  castBallot: { input: In<'castBallot'>; output: { accepted: true } };
  enterTally: { input: In<'enterTally'>; output: ClosedBallotOut };
  closeBallot: { input: In<'closeBallot'>; output: ClosedBallotOut };
  ballots: {
    input: In<'ballots'>;
    output: {
      ballotId: string;
      campaignId: string;
      box: BallotBox;
      title: string;
      subjects: { id: string; name: string }[];
      grades: { key: AppraisalGrade; label: string }[];
      /** At most this many of the best grade (null: no cap). */
      maxBest: number | null;
      /**
       * The caller already voted in this open ballot (their own fact only, never a count): listed
       * so the ballot page can say 您已投过票 on a second visit. Absent is read as false.
       */
      voted?: boolean;
    }[];
  };
  recordComment: { input: In<'recordComment'>; output: { id: string } };
  board: { input: In<'board'>; output: BoardOut | DemocraticBoardOut | BranchBoardOut };
  decide: {
    input: In<'decide'>;
    output: { id: string; grades: Record<string, AppraisalGrade | null> };
  };
  publish: {
    input: In<'publish'>;
    output: { id: string; publishedAt: string; noticeId: string | null };
  };
  result: { input: In<'result'>; output: ResultOut };
  completeTask: { input: In<'completeTask'>; output: { id: string; task: TaskKind; done: true } };
  form: {
    input: In<'form'>;
    output: ExportFileOutput | AppraisalFormOut | DemocraticFormOut;
  };
};

export type AppraisalApi = CoreApi & DemocraticApi & DecisionApi & RectificationApi & BranchApi;

export type AppraisalOutput<K extends keyof AppraisalApi> = AppraisalApi[K]['output'];
