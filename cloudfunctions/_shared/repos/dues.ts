import type { DuesCategory } from '../domain/dues/fee';
import { _, collection, Tx } from './db';

/**
 * A confirmed amount (核定) for a member's year, from a month on [FEE-16, FEE-19]: the history of
 * a member's base, never overwritten — a change is a new entry. `_id` =
 * `${memberId}:${year}:r${revision}` (entries from before the history: `${memberId}:${fromMonth}`,
 * without a revision).
 */
export interface DuesBaseDoc {
  _id: string;
  orgId: string;
  memberId: string;
  year: number;
  fromMonth: string;
  /** 1, 2, … within the member's year; of two entries from the same month the later is in force. */
  revision: number;
  category: DuesCategory;
  /** The income base: never leaves the backend [DIS-09]. */
  baseFen: number;
  monthlyFen: number;
  setAt: Date;
}

/** One payment, appended and never edited [FEE-28]; the payer is kept when someone else paid [FEE-21]. */
export interface DuesPaymentDoc {
  _id: string;
  orgId: string;
  memberId: string;
  month: string;
  year: number;
  amountFen: number;
  dueFen: number;
  proxy: { memberId: string | null; name: string } | null;
  paidOn: Date;
  recordedBy: string;
  note: string | null;
}

const bases = collection<DuesBaseDoc>('duesBases');
const payments = collection<DuesPaymentDoc>('duesPayments');

/** Who: the whole branch, or one member. */
export type DuesScope = { orgId: string } | { memberId: string };

/** Every base, every payment, matching a filter (by `_id`, so paging is stable). */
const basesWhere = (where: object) =>
  bases.all(bases.ref().where(where).orderBy('_id', 'asc'), 100_000);
const paymentsWhere = (where: object) =>
  payments.all(payments.ref().where(where).orderBy('_id', 'asc'), 200_000);

/** The bases of a year, of a branch or of one member (inside a transaction when given one). */
export const basesOf = (scope: DuesScope, year: number, tx?: Tx) =>
  bases.all(
    bases
      .ref(tx)
      .where({ ...scope, year })
      .orderBy('_id', 'asc'),
    100_000,
  );

export const baseId = (memberId: string, year: number, revision: number) =>
  `${memberId}:${year}:r${revision}`;

/** The payments for the months of a year, of a branch or of one member. */
export const paymentsOf = (scope: DuesScope, year: number) => paymentsWhere({ ...scope, year });

/** Bases and payments of a branch for several years, in two queries. */
export async function duesOfYears(orgId: string, years: readonly number[]) {
  const where = { orgId, year: years.length === 1 ? years[0] : _.in([...years]) };
  const [b, p] = await Promise.all([basesWhere(where), paymentsWhere(where)]);
  return { bases: b, payments: p };
}

/** Appends a 核定 entry; never replaces one (its `_id` carries its revision) [FEE-19]. */
export const addBase = (doc: DuesBaseDoc, tx?: Tx) => bases.add(doc, tx);

/** Appends a payment. */
export const addPayment = (doc: DuesPaymentDoc, tx?: Tx) => payments.add(doc, tx);

/** One member's payments for one month, read inside the transaction that records the next. */
export const monthPayments = (memberId: string, month: string, tx: Tx) =>
  payments.all(payments.ref(tx).where({ memberId, month }).orderBy('_id', 'asc'), 1000);
