import { z } from 'zod';
import type { PioneerIndex } from '../domain/points/pioneer';
import { CATEGORIES, INDEX_GROUPS } from '../domain/points/catalogue';
import type { Alert } from '../domain/shared/result';
import type { StandingRow } from '../domain/points/standing';
import { calendarDate, id, month, orgYear, publicText, year, fileRef } from './common';

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z][\w-]{0,31}$/);
const item = z
  .object({
    code,
    category: z.enum(CATEGORIES),
    subItem: code.optional(),
    group: z.enum(INDEX_GROUPS).optional(),
    name: publicText(40),
    kind: z.enum(['add', 'deduct', 'veto']),
    points: z.number().int().min(0).max(20),
    capPerYear: z.number().int().min(1).max(20).optional(),
    source: z.enum(['auto', 'declared', 'assessed']),
  })
  .strict();

export const pointsContract = {
  standard: { input: orgYear },
  setStandard: {
    input: orgYear.extend({
      items: z.array(item).min(1).max(60),
      effectiveFrom: calendarDate.optional(),
    }),
  },
  declare: {
    input: z
      .object({
        itemCode: code,
        month,
        note: publicText(500),
        /** Photos or documents the scorer verifies against [PTS-15] (media.prepareUpload first). */
        evidence: z.array(fileRef).max(9).optional(),
      })
      .strict(),
  },
  review: {
    input: z
      .object({ entryId: id, approve: z.boolean(), reason: publicText(200).optional() })
      .strict(),
  },
  reviewQueue: { input: z.object({ orgId: id }).strict() },
  award: {
    input: z.object({ memberId: id, itemCode: code, month, note: publicText(500) }).strict(),
  },
  publishQuarter: { input: z.object({ orgId: id, quarter }).strict() },
  appeal: {
    input: z
      .object({ entryId: z.string().trim().min(1).max(200), reason: publicText(500) })
      .strict(),
  },
  resolveAppeal: {
    input: z
      .object({
        appealId: id,
        accept: z.boolean(),
        points: z.number().int().min(-20).max(20).optional(),
        reply: publicText(500),
      })
      .strict(),
  },
  appeals: { input: z.object({ orgId: id }).strict() },
  index: { input: z.object({ year, memberId: id.optional() }).strict() },
  ranking: { input: orgYear },
  setRankingVisibility: { input: z.object({ orgId: id, membersSeeRanking: z.boolean() }).strict() },
  publishYear: { input: orgYear },
  scores: { input: orgYear },
  fortress: { input: orgYear },
  assessFortress: {
    input: orgYear.extend({
      evaluation: z.number().int().min(0).max(20),
      fiveStandards: z.union([z.literal(0), z.literal(10)]),
      centralWork: z.number().int().min(0).max(10),
      reverse: z
        .array(
          z.enum([
            'overTerm',
            'noOrgLife3Months',
            'duesMisuse',
            'forgedRecords',
            'weakBranch',
            'committeeDiscipline',
          ]),
        )
        .max(6),
    }),
  },
} as const;

type In<K extends keyof typeof pointsContract> = z.input<(typeof pointsContract)[K]['input']>;

/** 我的先锋指数: the domain's index of the member's year, with what the page shows around it. */
export type PioneerIndexOut = Omit<PioneerIndex, 'byGroup'> & {
  /** Only for 咸宁 branches [PTS-09]. */
  byGroup?: PioneerIndex['byGroup'];
  memberId: string;
  name: string;
  year: number;
  trend: { month: string; total: number | null }[];
  rank?: number;
  appealOpenUntil: string | null;
  /** Quarters whose appeal window is open now ('YYYY-Qn'); base items belong to any of them. */
  appealQuarters: string[];
};

export type PointsApi = {
  standard: {
    input: In<'standard'>;
    output: {
      orgId: string;
      year: number;
      items: z.output<typeof item>[];
      version: number;
      effectiveFrom: string | null;
      isDefault: boolean;
      /** The version that scores today's events (the one before `version` until it takes effect). */
      inForceVersion: number;
      /** Every version of the year, the default first; each scores events from its date [PTS-13]. */
      versions: { version: number; effectiveFrom: string; isDefault: boolean }[];
      /** The 四个合格 and their sub-items for the branch's sector [PTS-05 … PTS-08]. */
      catalogue: { category: string; name: string; subItems: { code: string; name: string }[] }[];
      /** The 咸宁 先锋指数 groups an item may carry [PTS-09]. */
      groups: { code: string; name: string }[];
      /** The year's standard not published by its due date [PTS-10]. */
      alerts: Alert[];
      /** The months a member may declare for now ('YYYY-MM', this month first) [PTS-14]. */
      declarableMonths: string[];
      /** The latest quarter that may be published now ('YYYY-Qn') [PTS-18]. */
      publishableQuarter: string;
    };
  };
  setStandard: {
    input: In<'setStandard'>;
    output: { version: number; effectiveFrom: string };
  };
  declare: { input: In<'declare'>; output: { entryId: string } };
  review: { input: In<'review'>; output: { entryId: string; status: 'approved' | 'rejected' } };
  reviewQueue: {
    input: In<'reviewQueue'>;
    output: {
      entryId: string;
      memberId: string;
      name: string;
      itemCode: string;
      itemName: string;
      month: string;
      note: string;
      /** The declaration's evidence files (fileIDs; media.view shows them) [PTS-15]. */
      evidence: string[];
      declaredAt: string;
      own: boolean;
    }[];
  };
  /** A confirmed 弄虚作假 answers the PTS-26 alert: reported to the superior. */
  award: { input: In<'award'>; output: { entryId: string; alerts: Alert[] } };
  publishQuarter: { input: In<'publishQuarter'>; output: { quarter: string; appealUntil: string } };
  appeal: { input: In<'appeal'>; output: { appealId: string } };
  resolveAppeal: {
    input: In<'resolveAppeal'>;
    output: { appealId: string; status: 'accepted' | 'rejected'; entryId: string | null };
  };
  appeals: {
    input: In<'appeals'>;
    output: {
      appealId: string;
      memberId: string;
      name: string;
      entryId: string;
      /** What the appeal is about, in words. */
      entryLabel: string;
      reason: string;
      status: 'open' | 'accepted' | 'rejected';
      reply: string | null;
      /** For an accepted appeal: the points it gave back or granted (signed); null otherwise. */
      points: number | null;
      at: string;
    }[];
  };
  index: { input: In<'index'>; output: PioneerIndexOut };
  ranking: { input: In<'ranking'>; output: StandingRow[] };
  setRankingVisibility: {
    input: In<'setRankingVisibility'>;
    output: { membersSeeRanking: boolean };
  };
  publishYear: {
    input: In<'publishYear'>;
    output: { orgId: string; year: number; publishedAt: string };
  };
  scores: {
    input: In<'scores'>;
    output: {
      publishedAt: string | null;
      rows: { memberId: string; name: string; total: number | null; exempt: boolean }[];
    };
  };
  fortress: {
    input: In<'fortress'>;
    output: {
      orgId: string;
      orgName: string;
      year: number;
      total: number;
      common: number;
      personal: number;
      items: {
        code: string;
        name: string;
        points: number;
        max: number;
        ruleId: string;
        /** The 咸宁 group of the item [FORT-01]. */
        group: string;
      }[];
      /** 个性 40 by the branch's sector, null until the superior assessed it [FORT-02, FORT-14]. */
      personalItems: { code: string; name: string; points: number | null; max: number }[];
      /** The 咸宁 堡垒指数 groups, only for 咸宁 branches [FORT-01]. */
      groups?: { code: string; name: string; points: number; max: number }[];
      stars: number;
      grade: string | null;
      /** A reverse item makes the branch 后进 whatever its score [FORT-02, FORT-15]. */
      backward: boolean;
      /** Advisory 评组织 grade from the stars; the superior decides; null where turned off [FORT-21]. */
      advice: { grade: string; candidate: boolean; ruleId: string } | null;
      assessed: boolean;
      reverse: string[];
      /** Confirmed 弄虚作假 of the year, reported to the superior [PTS-26]. */
      integrityReports: {
        entryId: string;
        memberId: string;
        name: string;
        month: string;
        at: string;
      }[];
      alerts: Alert[];
    };
  };
  assessFortress: { input: In<'assessFortress'>; output: { orgId: string; year: number } };
};

/** What an action of `points` answers. */
export type PointsOutput<K extends keyof PointsApi> = PointsApi[K]['output'];
