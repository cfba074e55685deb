import { z } from 'zod';
import { DUES_CATEGORIES } from '../domain/dues/fee';
import { calendarDate, id, month, year } from './common';

const fen = z.number().int().min(0).max(1_000_000_000);
const half = z.string().regex(/^\d{4}-H[12]$/, '期间格式应为 YYYY-H1 或 YYYY-H2');

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
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
  },
  ledger: {
    input: z.object({ orgId: id, year, format: z.enum(['json', 'xlsx']).optional() }).strict(),
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
      flags: string[];
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
        }
      | { fileId: string };
  };
  arrears: {
    input: In<'arrears'>;
    output: {
      memberId: string;
      name: string;
      unpaidMonths: string[];
      consecutiveUnpaid: number;
      alert: string | null;
    }[];
  };
  mine: {
    input: In<'mine'>;
    output: {
      monthlyFen: number | null;
      category: string | null;
      months: LedgerRow['months'];
      payments: { month: string; amountFen: number; paidOn: string; proxy: string | null }[];
    };
  };
  publish: { input: In<'publish'>; output: { noticeId: string } };
};
