import { z } from 'zod';
import { EXCLUSION_GROUNDS } from '../domain/activity/electorate';
import { ORG_LIFE_STEPS, type OrgLifeStep } from '../domain/activity/org-life';
import type { PairCategory } from '../domain/activity/talks';
import { calendarDate, id, orgYear, publicText, RefusalParams } from './common';
import { ERRORS } from './errors';

/*
 * The actions of `activity` about votes, elections, discussions, 谈心谈话 and the 组织生活会
 * workflow (VOTE, MTG-30…35, PRIV-13, PRIV-14), merged into `activityContract`.
 */

export const VOTE_METHODS = ['showOfHands', 'secretBallot'] as const;

/** 谈心谈话 content is never stored: a field carrying it is refused by name [PRIV-14, MTG-34]. */
const notStored = z
  .custom<never>(() => false, {
    message: ERRORS['TALK.CONTENT_NOT_STORED'],
    params: { refusal: 'TALK.CONTENT_NOT_STORED', ruleId: 'PRIV-14' } satisfies RefusalParams,
  })
  .optional();
/** One-to-one, face-to-face, with notice and an outline in advance [MTG-34]. */
const mustBeTrue = z.custom<true>((v) => v === true, {
  message: ERRORS['TALK.INVALID'],
  params: { refusal: 'TALK.INVALID', ruleId: 'MTG-34' } satisfies RefusalParams,
});

export const voteContract = {
  /** An election's tallies per candidate [VOTE-11, VOTE-12, VOTE-14, VOTE-16]. */
  elect: {
    input: z
      .object({
        activityId: id,
        office: publicText(30),
        round: z.number().int().min(1).max(10).optional(),
        seats: z.number().int().min(1).max(15),
        candidates: z
          .array(z.object({ name: publicText(20), votes: z.number().int().min(0) }).strict())
          .min(1)
          .max(40),
        ballotsIssued: z.number().int().min(0),
        ballotsReturned: z.number().int().min(0),
        invalidBallots: z.number().int().min(0).optional(),
        method: z.enum(VOTE_METHODS).optional(),
        proxies: z.number().int().min(0).optional(),
      })
      .strict(),
  },
  /** Leave a member out of E on one of the five grounds, with both approvals [VOTE-03]. */
  excludeVoter: {
    input: z
      .object({
        orgId: id,
        memberId: id,
        ground: z.enum(EXCLUSION_GROUNDS),
        superiorApprovalId: publicText(60).optional(),
        resolutionActivityId: id.optional(),
        until: calendarDate.optional(),
      })
      .strict(),
  },
  /**
   * That a participant spoke (or passed) on an agenda item [VOTE-19, VOTE-20]; without `memberId`,
   * the host's record that the item's discussion took place.
   */
  discuss: {
    input: z
      .object({
        activityId: id,
        item: z.number().int().min(0).max(19),
        memberId: id.optional(),
        passed: z.boolean().optional(),
      })
      .strict(),
  },
  recordTalk: {
    input: z
      .object({
        orgId: id,
        date: calendarDate,
        memberIds: z.tuple([id, id]),
        faceToFace: mustBeTrue,
        noticeGiven: mustBeTrue,
        outlineGiven: mustBeTrue,
        issues: z.array(publicText(200)).max(20).optional(),
        content: notStored,
      })
      .strict(),
  },
  talks: { input: orgYear },
  orgLifeStep: {
    input: z
      .object({
        activityId: id,
        step: z.enum(ORG_LIFE_STEPS),
        note: publicText(500).optional(),
        items: z
          .array(z.object({ problem: publicText(200), ownerId: id, due: calendarDate }).strict())
          .max(50)
          .optional(),
      })
      .strict(),
  },
} as const;

type In<K extends keyof typeof voteContract> = z.input<(typeof voteContract)[K]['input']>;
type Alert = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };

export type TalkView = {
  id: string;
  date: string;
  members: { id: string; name: string }[];
  category: PairCategory;
  /** Only for the two participants and the secretary; null for anyone else [PRIV-14]. */
  issues: string[] | null;
};

export type TalkCoverage = {
  memberId: string;
  name: string;
  counts: Record<PairCategory, number>;
  missing: PairCategory[];
};

export type VoteApi = {
  elect: {
    input: In<'elect'>;
    output: {
      valid: boolean;
      eligible: number;
      present: number;
      elected: string[];
      runoff: { names: string[]; seats: number } | null;
      anotherRound: number;
      reason?: string;
      alerts: Alert[];
      ruleIds: string[];
    };
  };
  excludeVoter: {
    input: In<'excludeVoter'>;
    output: { memberId: string; from: string; until: string | null };
  };
  discuss: {
    input: In<'discuss'>;
    output: { item: number; spoken: number; waiting: number };
  };
  recordTalk: { input: In<'recordTalk'>; output: { id: string; category: PairCategory } };
  talks: {
    input: In<'talks'>;
    output: { talks: TalkView[]; coverage: TalkCoverage[]; alerts: Alert[] };
  };
  orgLifeStep: {
    input: In<'orgLifeStep'>;
    output: { done: OrgLifeStep[]; next: OrgLifeStep | null };
  };
};
