import { z } from 'zod';
import { FIVE_STATUSES, FiveStatus, ProgressRow, ROOM_ITEMS } from '../domain/org/five-standards';
import { MOBILE_PATTERN } from '../domain/shared/privacy';
import { calendarDate, id, publicText, text } from './common';

/** Text a branch may also clear (an empty string), checked for personal data when not empty. */
const clearable = (max: number) => z.union([z.literal(''), publicText(max)]);
const year = z.number().int().min(2000).max(2100);
const fiveStatus = z.enum(Object.keys(FIVE_STATUSES) as [FiveStatus, ...FiveStatus[]]);
const roomItems = z
  .object(
    Object.fromEntries(Object.keys(ROOM_ITEMS).map((k) => [k, z.boolean().optional()])) as Record<
      keyof typeof ROOM_ITEMS,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .strict();

/** Committee facts, transfers and 五化 of `org` [ORG-03, ORG-14, ORG-25…31, PRIV-20, FEE-29]. */
export const orgStructureContract = {
  updateOrg: {
    input: z
      .object({
        orgId: id,
        units: z.number().int().min(1).max(99).optional(),
        liaisonId: id.nullable().optional(),
      })
      .strict()
      .refine((v) => v.units !== undefined || v.liaisonId !== undefined, {
        message: '至少修改一项',
      }),
  },
  shiftTerm: {
    input: z.object({ orgId: id, electionDate: calendarDate, reason: publicText(200) }).strict(),
  },
  setDuty: {
    input: z.object({ memberId: id, orgId: id, duty: publicText(200) }).strict(),
  },
  transferOut: {
    input: z.object({ memberId: id, toOrgName: text(60), reason: publicText(200) }).strict(),
  },
  acceptTransfer: { input: z.object({ memberId: id }).strict() },
  transferredMembers: { input: z.object({ orgId: id }).strict() },
  fiveStandards: { input: z.object({ orgId: id, year }).strict() },
  saveFiveStandards: {
    input: z
      .object({
        orgId: id,
        year,
        declare: z.literal(true).optional(),
        progress: z
          .array(
            z
              .object({
                month: z.number().int().min(1).max(12),
                target: clearable(300).optional(),
                gap: clearable(300).optional(),
                owner: clearable(60).optional(),
                done: clearable(300).optional(),
              })
              .strict(),
          )
          .max(12)
          .optional(),
        model: z
          .object({
            contact: z.string().trim().regex(MOBILE_PATTERN).optional(),
            basics: clearable(1000).optional(),
            highlights: clearable(1000).optional(),
            superiorOpinion: clearable(300).optional(),
            higherOpinion: clearable(300).optional(),
            submit: z.literal(true).optional(),
          })
          .strict()
          .optional(),
        room: z
          .object({
            items: roomItems.optional(),
            managerId: id.nullable().optional(),
            oath: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  },
  setFiveStandardsStatus: {
    input: z.object({ orgId: id, year, status: fiveStatus, reason: publicText(200) }).strict(),
  },
} as const;

type Alert = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };

export type TransferRow = {
  id: string;
  name: string;
  status: 'full' | 'probationary';
  toOrgName: string;
  reason: string;
  on: string;
  /** 党费交至 (YYYY-MM) [FEE-29]. */
  paidThrough: string | null;
  acceptedOn: string | null;
  /** Masked while kept; null once the transfer was accepted [PRIV-03, PRIV-20]. */
  phone: string | null;
};

export type FiveStandardsView = {
  orgId: string;
  year: number;
  status: FiveStatus;
  statusLabel: string;
  dimensions: readonly string[];
  /** 申报表 + 创建进度表 due [ORG-27]. */
  due: string;
  declaredOn: string | null;
  progress: ProgressRow[];
  /** 示范点 申报表 [ORG-29]: counts and the 书记 come from the records [PRIV-11]. */
  model: {
    due: string;
    members: number;
    committee: number;
    secretaryName: string | null;
    /** Masked [PRIV-03]. */
    contact: string | null;
    basics: string;
    highlights: string;
    superiorOpinion: string;
    higherOpinion: string;
    submittedOn: string | null;
  };
  room: {
    items: Record<keyof typeof ROOM_ITEMS, boolean>;
    managerId: string | null;
    managerName: string | null;
    oath: boolean;
    oathRequired: boolean;
  };
  alerts: Alert[];
};

type In<K extends keyof typeof orgStructureContract> = z.input<
  (typeof orgStructureContract)[K]['input']
>;

export type OrgStructureApi = {
  /** A superior records a 联合党支部's units [ORG-03] or names the branch's liaison [ORG-25]. */
  updateOrg: { input: In<'updateOrg'>; output: { orgId: string } };
  /** The superior approves a postponed or early 换届, by at most one year [ORG-21]. */
  shiftTerm: {
    input: In<'shiftTerm'>;
    output: { orgId: string; termEnd: string; electionDate: string };
  };
  /** The secretary writes a 支委's 分工 [ORG-14]. */
  setDuty: { input: In<'setDuty'>; output: { memberId: string } };
  /** The committee transfers a member out [PRIV-20, FEE-29]. */
  transferOut: {
    input: In<'transferOut'>;
    output: { memberId: string; paidThrough: string | null };
  };
  /** The receiving branch accepted: contact fields are cleared [PRIV-20]. */
  acceptTransfer: { input: In<'acceptTransfer'>; output: { memberId: string } };
  transferredMembers: { input: In<'transferredMembers'>; output: TransferRow[] };
  fiveStandards: { input: In<'fiveStandards'>; output: FiveStandardsView };
  saveFiveStandards: { input: In<'saveFiveStandards'>; output: FiveStandardsView };
  setFiveStandardsStatus: {
    input: In<'setFiveStandardsStatus'>;
    output: { orgId: string; year: number; status: FiveStatus };
  };
};
