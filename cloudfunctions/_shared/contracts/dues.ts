import { z } from 'zod';
import { DUES_CATEGORIES } from '../domain/dues/fee';
import { calendarDate, id, month, orgYear, publicText, year } from './common';

const fen = z.number().int().min(0).max(1_000_000_000);
const half = z.string().regex(/^\d{4}-H[12]$/);

export const duesContract = {
  calculate: { input: z.object({ category: z.enum(DUES_CATEGORIES), baseFen: fen }).strict() },
  setBase: {
    input: z
      .object({
        memberId: id,
        year,
        category: z.enum(DUES_CATEGORIES),
        baseFen: fen,
        fromMonth: month.optional(),
      })
      .strict(),
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
      })
      .strict(),
  },
  ledger: {
    input: orgYear.extend({ format: z.enum(['json', 'xlsx']).optional() }),
  },
  arrears: { input: z.object({ orgId: id, asOf: month }).strict() },
  mine: { input: z.object({ year }).strict() },
  publish: { input: z.object({ orgId: id, period: half }).strict() },
} as const;

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
    output: { monthlyFen: number; rate: number | null; exact: string };
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
      | { fileId: string };
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
      payments: { month: string; amountFen: number; paidOn: string; proxy: string | null }[];
    };
  };
  publish: { input: In<'publish'>; output: { noticeId: string } };
};
