import { z } from 'zod';
import type { DemocraticGrade, DemocraticStep } from '../domain/appraisal/democratic-model';
import type { MemberStatus } from '../domain/org/model';
import { id, publicText } from './common';

/** Steps of APR-02 that the committee completes by hand (no ballot or entry produces them). */
export const HAND_STEPS = ['study', 'selfEvaluation', 'mutualEvaluation'] as const;

/**
 * 民主评议党员 (kind `democraticAppraisal`), the member-facing steps of APR-02: the 学习 evidenced
 * by hand, the self-evaluation [APR-02, APR-06], the committee's record of the 党员互评 from the
 * minutes, and the 党小组 for the 测评 [APR-08]. Spread into `appraisalContract`.
 */
export const democraticContract = {
  selfEvaluate: {
    input: z.object({ id, text: publicText(3000), memberId: id.optional() }).strict(),
  },
  recordMutual: { input: z.object({ id, memberId: id, summary: publicText(3000) }).strict() },
  /**
   * The committee completes a step no action produces [APR-02]: 学习 (with the activity held or
   * what was studied), or 个人自评 / 党员互评 when someone cannot take part (the note says why).
   */
  completeStep: {
    input: z
      .object({
        id,
        step: z.enum(HAND_STEPS),
        activityId: id.optional(),
        note: publicText(500).optional(),
      })
      .strict(),
  },
  /** The committee divides the participants into 党小组 for the 测评 [APR-08]; [] = one ballot. */
  setGroups: {
    input: z
      .object({
        id,
        groups: z
          .array(
            z.object({ name: publicText(30), memberIds: z.array(id).min(1).max(500) }).strict(),
          )
          .max(30),
      })
      .strict(),
  },
  /** The 个人自评 and 互评 summaries: a member their own; the committee everyone's (or one). */
  entries: { input: z.object({ id, memberId: id.optional() }).strict() },
} as const;

type In<K extends keyof typeof democraticContract> = z.input<
  (typeof democraticContract)[K]['input']
>;

/** One participant's entries as read back. */
export type DemocraticEntryOut = {
  memberId: string;
  name: string;
  status: MemberStatus;
  /** `proxy`: recorded for the member by the committee (代为录入), with who did it. */
  self: { text: string; at: string; proxy: boolean; byName: string | null } | null;
  mutual: { summary: string; at: string } | null;
};

/**
 * What `get` adds for a 民主评议 campaign (`CampaignOut.democratic`): who takes part, how far the
 * self- and mutual evaluations are, the 党小组 and boxes, the caller's own entry state.
 */
export type DemocraticCampaignOut = {
  grades: { key: DemocraticGrade; label: string }[];
  /** floor(N/3), N = the 正式党员 graded here [APR-05]. */
  quota: number;
  probationaryBallot: boolean;
  participants: {
    memberId: string;
    name: string;
    status: MemberStatus;
    mobile: boolean;
    /** A 流入地 result is imported for them: not graded again here [APR-20]. */
    imported: boolean;
    selfDone: boolean;
    mutualDone: boolean;
    group: string | null;
  }[];
  groups: { key: string; name: string; memberIds: string[] }[];
  boxes: {
    ballotId: string;
    group: string | null;
    groupName: string | null;
    mode: 'app' | 'paper';
    status: 'open' | 'closed' | 'void';
    subjects: number;
    maxBest: number;
  }[];
  /** The caller's own part (a participant): whether their 自评 is in (the text: `entries`). */
  mine: { selfDone: boolean; mutualDone: boolean; status: MemberStatus } | null;
  /** How the steps done by hand were evidenced. */
  stepNotes: { step: DemocraticStep; note: string | null; activityId: string | null }[];
  /** When 民主评议 is held under this profile [APR-01]. */
  timing: string;
};

export type DemocraticApi = {
  selfEvaluate: { input: In<'selfEvaluate'>; output: { id: string; memberId: string } };
  recordMutual: { input: In<'recordMutual'>; output: { id: string; memberId: string } };
  completeStep: {
    input: In<'completeStep'>;
    output: { id: string; step: DemocraticStep | 'done' };
  };
  setGroups: {
    input: In<'setGroups'>;
    output: { id: string; groups: DemocraticCampaignOut['groups'] };
  };
  entries: { input: In<'entries'>; output: DemocraticEntryOut[] };
};
