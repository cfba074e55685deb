import { z } from 'zod';
import { PAY_ITEM_KINDS } from '../domain/dues/base';
import { DUES_CATEGORIES } from '../domain/dues/fee';
import { PAYMENT_METHODS } from '../domain/dues/payment';
import { calendarDate, id, isoInstant, month, orgYear, publicText, text, year } from './common';

const fen = z.number().int().min(0).max(1_000_000_000);
const half = z.string().regex(/^\d{4}-H[12]$/);

/** A month's pay by item, for the salaried base [FEE-02, FEE-03, FEE-04]: never stored. */
const wages = z
  .object({
    items: z
      .array(z.object({ kind: z.enum(PAY_ITEM_KINDS), amountFen: fen }).strict())
      .min(1)
      .max(30),
    incomeTaxFen: fen,
    ownContributionsFen: fen.optional(),
  })
  .strict();
const oneBase = (v: { baseFen?: number; wages?: unknown }) =>
  (v.baseFen === undefined) !== (v.wages === undefined);
const ONE_BASE = { message: '请填写计算基数，或逐项填写工资收入（二者选一）', path: ['baseFen'] };

export const duesContract = {
  calculate: {
    input: z
      .object({
        category: z.enum(DUES_CATEGORIES),
        baseFen: fen.optional(),
        wages: wages.optional(),
      })
      .strict()
      .refine(oneBase, ONE_BASE),
  },
  setBase: {
    input: z
      .object({
        memberId: id,
        year,
        category: z.enum(DUES_CATEGORIES),
        baseFen: fen.optional(),
        wages: wages.optional(),
        fromMonth: month.optional(),
      })
      .strict()
      .refine(oneBase, ONE_BASE),
  },
  pay: {
    input: z
      .object({
        memberId: id,
        month,
        amountFen: fen.min(1),
        proxyMemberId: id.optional(),
        proxyName: z.string().trim().min(1).max(20).optional(),
        paidOn: calendarDate.optional(),
        note: publicText(200).optional(),
        method: z.enum(PAYMENT_METHODS).optional(),
        receiptNo: text(40).optional(),
        paidAt: isoInstant.optional(),
        paidAtOrg: text(40).optional(),
      })
      .strict(),
  },
  ledger: {
    input: orgYear.extend({ format: z.enum(['json', 'xlsx']).optional() }),
  },
  arrears: { input: z.object({ orgId: id, asOf: month }).strict() },
  mine: { input: z.object({ year }).strict() },
  publish: { input: z.object({ orgId: id, period: half }).strict() },
  relieve: {
    input: z
      .object({
        memberId: id,
        year,
        fromMonth: month,
        toMonth: month.optional(),
        monthlyFen: fen,
        branchDecision: text(100).optional(),
        approvalId: text(40).optional(),
      })
      .strict(),
  },
  collection: { input: z.object({ orgId: id, month }).strict() },
  assessment: { input: orgYear },
  fileSheet: { input: orgYear },
  reviewSheet: {
    input: orgYear.extend({ approve: z.boolean(), note: text(200).optional() }).strict(),
  },
  forwardSheet: { input: orgYear },
} as const;

type SheetState = {
  orgId: string;
  year: number;
  status: 'filed' | 'reviewed' | 'returned' | 'forwarded';
  fileId: string;
};
type RuleAlert = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };

type In<K extends keyof typeof duesContract> = z.input<(typeof duesContract)[K]['input']>;

export type LedgerRow = {
  memberId: string;
  name: string;
  monthlyFen: number | null;
  months: {
    month: string;
    dueFen: number;
    paidFen: number;
    status: 'paid' | 'under' | 'unpaid' | 'notDue';
  }[];
  paidFen: number;
  dueFen: number;
};

export type DuesApi = {
  calculate: {
    input: In<'calculate'>;
    /** baseFen: the base worked out from `wages` [FEE-02], only when they were given. */
    output: { monthlyFen: number; rate: number | null; exact: string; baseFen?: number };
  };
  setBase: {
    input: In<'setBase'>;
    output: { memberId: string; monthlyFen: number; fromMonth: string };
  };
  pay: {
    input: In<'pay'>;
    output: {
      paymentId: string;
      month: string;
      amountFen: number;
      dueFen: number;
      extraFen: number;
      /** makeUpOver6Months [FEE-25], remitToCentre [FEE-13]. */
      flags: ('makeUpOver6Months' | 'remitToCentre')[];
    };
  };
  ledger: {
    input: In<'ledger'>;
    output:
      | {
          orgId: string;
          year: number;
          rows: LedgerRow[];
          totals: { dueFen: number; paidFen: number };
          /** The months of this ledger for which a payment recorded now needs a note [FEE-25]. */
          needsNote: string[];
        }
      | { fileId: string; fileName: string };
  };
  arrears: {
    input: In<'arrears'>;
    output: {
      memberId: string;
      name: string;
      /** Months still owed: nothing paid, or less than due [FEE-24]. */
      unpaidMonths: string[];
      /** Of those, the months paid in part (they break a run of unpaid months) [FEE-24]. */
      underpaidMonths: string[];
      /** The longest run of months with nothing paid [FEE-23]. */
      consecutiveUnpaid: number;
      /** Six in a row: look into it, never an automatic step [FEE-23, APR-14]. */
      alert: string | null;
    }[];
  };
  mine: {
    input: In<'mine'>;
    output: {
      monthlyFen: number | null;
      category: (typeof DUES_CATEGORIES)[number] | null;
      months: LedgerRow['months'];
      payments: {
        month: string;
        amountFen: number;
        paidOn: string;
        proxy: string | null;
        /** cash (at the theme day, by default) or online, with its receipt [FEE-26]. */
        method: 'cash' | 'online';
        receiptNo: string | null;
        /** The 流入地 branch where it was paid [FEE-20]. */
        paidAtOrg: string | null;
      }[];
      /** Months due and not paid in full: never the running month, nor a later one [FEE-24]. */
      owedMonths: string[];
    };
  };
  publish: { input: In<'publish'>; output: { noticeId: string } };
  relieve: {
    input: In<'relieve'>;
    output: {
      memberId: string;
      fromMonth: string;
      toMonth: string;
      monthlyFen: number;
      /** The amount due again after the reduction, when it ends within the year. */
      resumesFen: number | null;
    };
  };
  /**
   * A month's collection [TD-18]: counts for every member; `lines` (who paid) only for those who
   * keep or read the ledger (organisers, 书记, 副书记, the superior).
   */
  collection: {
    input: In<'collection'>;
    output: {
      month: string;
      due: number;
      paid: number;
      under: number;
      unpaid: number;
      collectedFen: number;
      lines:
        | {
            memberId: string;
            name: string;
            dueFen: number;
            paidFen: number;
            status: 'paid' | 'under' | 'unpaid' | 'notDue';
          }[]
        | null;
    };
  };
  assessment: {
    input: In<'assessment'>;
    output: {
      year: number;
      dueBy: string;
      members: { memberId: string; name: string; monthlyFen: number | null }[];
      missing: { memberId: string; name: string }[];
      alerts: RuleAlert[];
      sheet: {
        status: SheetState['status'];
        fileId: string;
        filedAt: string;
        reviewedAt: string | null;
        reviewNote: string | null;
        forwardedAt: string | null;
      } | null;
    };
  };
  fileSheet: { input: In<'fileSheet'>; output: SheetState };
  reviewSheet: { input: In<'reviewSheet'>; output: SheetState };
  forwardSheet: { input: In<'forwardSheet'>; output: SheetState };
};
