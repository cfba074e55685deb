import { z } from 'zod';
import {
  BRANCH_GRADES,
  type BranchGrade,
  type BranchPhase,
  type BranchStep,
} from '../domain/appraisal/branch-grading';
import type { FiveStatus } from '../domain/org/five-standards';
import { id, publicText } from './common';

/**
 * 焦作评组织 (kind `branchAppraisal`) [FORT-17, FORT-19…FORT-21, FORT-23, FORT-24]: the 基层党委
 * rates its branches once at mid-year (filed) and once at year-end (公示). The generic `open`,
 * `get`, `list`, `board`, `decide`, `publish` and `result` take a `branchAppraisal:` id; these are
 * the steps only this kind has. Spread into `appraisalContract`.
 */
const count = z.number().int().min(0).max(100000);
/** The two boxes of a branch's 民主测评: its members, and the 群众代表 (服务对象) [FORT-20]. */
const BRANCH_BOX = z.enum(['assembly', 'masses']);

export const branchContract = {
  /** 集中学习, 工作述职 and, once every box is closed, 民主测评 recorded as done, in order [FORT-20]. */
  completeBranchStep: {
    input: z
      .object({ id, step: z.enum(['study', 'report', 'ballot']), note: publicText(500).optional() })
      .strict(),
  },
  /** The members' in-app box of one branch, from a 支部党员大会 with sign-in [FORT-20]. */
  openBranchBallot: { input: z.object({ id, branchId: id, activityId: id }).strict() },
  /** Closes a branch's in-app box: the first and only count, the ballots deleted [SEC-19]. */
  closeBranchBallot: { input: z.object({ ballotId: id }).strict() },
  /** A paper 测评 of one branch (its members, or the 群众代表), entered after the count. */
  enterBranchTally: {
    input: z
      .object({
        id,
        branchId: id,
        box: BRANCH_BOX,
        issued: count,
        returned: count,
        counts: z.partialRecord(z.enum(BRANCH_GRADES), count),
      })
      .strict(),
  },
  /** The 评组织 boxes open to the caller now (the ballot page, from the meeting). */
  branchBallots: { input: z.object({ activityId: id.optional() }).strict() },
} as const;

type In<K extends keyof typeof branchContract> = z.input<(typeof branchContract)[K]['input']>;

/** One box's 测评 of a branch: valid ballots, the favourable (先进 or 一类) and the tally. */
export type BranchRatingOut = {
  mode: 'app' | 'paper';
  status: 'open' | 'closed' | 'void';
  issued: number;
  returned: number;
  valid: number;
  favourable: number;
  tally: Partial<Record<BranchGrade, number>> | null;
};

/** The 评组织 board [FORT-19, FORT-21, FORT-23, FORT-24, ORG-30]: the superior's only. */
export type BranchBoardOut = {
  kind: 'branchAppraisal';
  id: string;
  year: number;
  phase: BranchPhase;
  phaseWords: string;
  step: BranchStep | 'done';
  grades: { key: BranchGrade; label: string }[];
  branches: {
    orgId: string;
    name: string;
    /** Rank by 堡垒指数 total, then 测评 share: shown to the superior only [FORT-23, PRIV-09]. */
    rank: number;
    rating: {
      members: BranchRatingOut | null;
      masses: BranchRatingOut | null;
      /** Favourable share, each box half [FORT-20]; null before any box is counted. */
      share: number | null;
    };
    /** 中心工作 (工作实绩) of the 堡垒指数 assessment, 0–10 [FORT-14]; null when not assessed. */
    work: number | null;
    fortress: { total: number | null; stars: number; reverse: boolean };
    five: { status: FiveStatus; label: string; advancedAllowed: boolean };
    advice: { grade: BranchGrade; label: string; because: string[]; tie: boolean };
    grade: BranchGrade | null;
    reason: string | null;
  }[];
  /** The 先进 limit [FORT-19]: floor(15N/100), none under 7 branches, said plainly. */
  quota: { limit: number; used: number; of: number; words: string };
  /** Groups tied at the limit: any grade given within one needs a written reason. */
  ties: string[][];
  decidedAt: string | null;
  publishedAt: string | null;
};

export type BranchBallotItem = {
  ballotId: string;
  campaignId: string;
  box: 'assembly' | 'masses';
  title: string;
  subjects: { id: string; name: string }[];
  grades: { key: BranchGrade; label: string }[];
  maxBest: number | null;
  voted: boolean;
};

/** As the generic `closeBallot` answers: the tally of the one branch the box rates. */
export type BranchClosedOut = {
  status: 'closed' | 'void';
  issued: number;
  returned: number;
  valid: number;
  void: boolean;
  tally: Record<string, Partial<Record<BranchGrade, number>>> | null;
  hidden: string | null;
};

export type BranchApi = {
  completeBranchStep: {
    input: In<'completeBranchStep'>;
    output: { id: string; step: BranchStep | 'done' };
  };
  openBranchBallot: {
    input: In<'openBranchBallot'>;
    output: { ballotId: string; eligible: number };
  };
  closeBranchBallot: { input: In<'closeBranchBallot'>; output: BranchClosedOut };
  enterBranchTally: { input: In<'enterBranchTally'>; output: BranchClosedOut };
  branchBallots: { input: In<'branchBallots'>; output: BranchBallotItem[] };
};
