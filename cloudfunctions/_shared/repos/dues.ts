import type { DuesCategory } from '../domain/dues/fee';
import { duesYearId, type PaidMonths } from '../domain/dues/paid-months';
import { _, collection, isDuplicateKey, Tx } from './db';
import { joinPerOrg } from './per-org';

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
  /**
   * A hardship reduction or waiver [FEE-11]: the branch's decision and the 上一级党委's approval;
   * `monthlyFen` is the reduced amount (0: waived) until `toMonth`, after which an entry restores
   * the amount confirmed before.
   */
  relief?: { branchDecision: string; approvalId: string; toMonth: string } | null;
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
  /** Handed over (at the theme day by default) or paid online [FEE-26]; absent on older entries: cash. */
  method?: 'cash' | 'online';
  /** The receipt or online transaction number [FEE-26]. */
  receiptNo?: string | null;
  /** The 流入地 branch where a 活动证 holder paid; counted here, so nobody bills them twice [FEE-20]. */
  paidAtOrg?: string | null;
  /** When the organiser recorded it (`paidOn` is when it was paid) [FEE-26]. */
  recordedAt?: Date;
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

/** What the ledger reads of a base and of a payment [FEE-19, FEE-24] (never the income base). */
export type BaseFact = Pick<
  DuesBaseDoc,
  'memberId' | 'year' | 'fromMonth' | 'monthlyFen' | 'revision'
>;
export type PaymentFact = Pick<DuesPaymentDoc, 'memberId' | 'year' | 'month' | 'amountFen'>;

/**
 * Bases and payments of many branches for several years, in two aggregations (one row per
 * branch, per 1,000 branches) whatever the number of branches: the scheduler's arrears [FEE-23].
 */
export async function duesOfOrgs(
  orgIds: readonly string[],
  years: readonly number[],
): Promise<Map<string, { bases: BaseFact[]; payments: PaymentFact[] }>> {
  const inYears = { $match: { year: { $in: [...years] } } };
  const [b, p] = await Promise.all([
    joinPerOrg<BaseFact>(orgIds, 'duesBases', [
      inYears,
      { $project: { _id: 0, memberId: 1, year: 1, fromMonth: 1, monthlyFen: 1, revision: 1 } },
    ]),
    joinPerOrg<PaymentFact>(orgIds, 'duesPayments', [
      inYears,
      { $project: { _id: 0, memberId: 1, year: 1, month: 1, amountFen: 1 } },
    ]),
  ]);
  return new Map(
    [...new Set(orgIds)].map((id) => [id, { bases: b.get(id) ?? [], payments: p.get(id) ?? [] }]),
  );
}

/** Appends a 核定 entry; never replaces one (its `_id` carries its revision) [FEE-19]. */
export const addBase = (doc: DuesBaseDoc, tx?: Tx) => bases.add(doc, tx);

/** Appends a payment. */
export const addPayment = (doc: DuesPaymentDoc, tx?: Tx) => payments.add(doc, tx);

/**
 * What a member paid per month of a year in one branch (`PaidMonths`), kept by the transaction
 * that appends a payment — a summary of `duesPayments`, never a second source: it can be rebuilt
 * from them. `_id` = `${orgId}:${memberId}:${year}`.
 */
export interface DuesYearDoc {
  _id: string;
  orgId: string;
  memberId: string;
  year: number;
  paid: PaidMonths;
}

const duesYears = collection<DuesYearDoc>('duesYears');

export { duesYearId };

export const findDuesYear = (orgId: string, memberId: string, year: number, tx?: Tx) =>
  duesYears.byId(duesYearId(orgId, memberId, year), tx);

/** Writes a member's paid months whole, read before in the same transaction. */
export async function putDuesYear(doc: DuesYearDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await duesYears.ref(tx).doc(_id).set({ data });
}

/**
 * The paid months of these branches' members in a year, one document per member, in one round
 * trip (an aggregate answers up to its `limit`; a query pages by 1,000) — at most 1,000 branches.
 */
export async function duesYearsOf(orgIds: readonly string[], year: number) {
  const res = (await duesYears
    .ref()
    .aggregate()
    .match({ orgId: _.in([...orgIds]), year })
    .project({ _id: 0, orgId: 1, memberId: 1, paid: 1 })
    .limit(200_000)
    .end()) as unknown as { list: Pick<DuesYearDoc, 'orgId' | 'memberId' | 'paid'>[] };
  return res.list;
}

/**
 * Inserts paid-months documents, 1,000 per request; the ids of those that existed already (a
 * payment recorded meanwhile created them), which were not written.
 */
export async function insertDuesYears(docs: readonly DuesYearDoc[]): Promise<string[]> {
  const existed: string[] = [];
  for (let i = 0; i < docs.length; i += 1000) {
    const batch = docs.slice(i, i + 1000);
    try {
      await duesYears.ref().add({ data: batch as never });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      for (const d of batch) if (!(await duesYears.insertOnce(d))) existed.push(d._id);
    }
  }
  return existed;
}

/** Every payment of an org, of every year (rebuilding its paid months). */
export const paymentsOfOrg = (orgId: string) => paymentsWhere({ orgId });

/** The paid-months documents of an org, of every year. */
export const duesYearsOfOrg = (orgId: string) =>
  duesYears.all(duesYears.ref().where({ orgId }).orderBy('_id', 'asc'), 200_000);

/** A member's payments of a year in one org, inside the transaction that rebuilds their months. */
export const memberYearPayments = (orgId: string, memberId: string, year: number, tx: Tx) =>
  payments.all(payments.ref(tx).where({ orgId, memberId, year }).orderBy('_id', 'asc'), 10_000);

/**
 * The year's payments of these orgs grouped per member in the database (orgs whose paid months
 * are not kept yet): one row per member with the months and amounts paid.
 */
export async function paymentsByMember(orgIds: readonly string[], year: number) {
  if (!orgIds.length) return [];
  const res = (await payments
    .ref()
    .aggregate()
    .match({ orgId: _.in([...orgIds]), year })
    .group({
      _id: { orgId: '$orgId', memberId: '$memberId' },
      months: { $push: '$month' },
      fens: { $push: '$amountFen' },
    })
    .limit(200_000)
    .end()) as unknown as {
    list: { _id: { orgId: string; memberId: string }; months: string[]; fens: number[] }[];
  };
  return res.list;
}

/** One member's payments for one month, read inside the transaction that records the next. */
export const monthPayments = (memberId: string, month: string, tx: Tx) =>
  payments.all(payments.ref(tx).where({ memberId, month }).orderBy('_id', 'asc'), 1000);

/**
 * The year's 《党员缴纳党费核算表》 filed with the superior [FEE-17], and its review: the superior
 * reviews it before forwarding it [FEE-18]. `_id` = `${orgId}:${year}`; a sheet filed again
 * (after a return) replaces the file and clears the review.
 */
export interface DuesSheetDoc {
  _id: string;
  orgId: string;
  year: number;
  status: 'filed' | 'reviewed' | 'returned' | 'forwarded';
  fileId: string;
  filedAt: Date;
  filedBy: string;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  forwardedAt: Date | null;
  forwardedBy: string | null;
}

const sheets = collection<DuesSheetDoc>('duesSheets');

export const sheetId = (orgId: string, year: number) => `${orgId}:${year}`;

export const findSheet = (orgId: string, year: number, tx?: Tx) =>
  sheets.byId(sheetId(orgId, year), tx);

/** Writes the sheet's state, read before in the same transaction (`existed`). */
export async function saveSheet(doc: DuesSheetDoc, existed: boolean, tx: Tx): Promise<void> {
  if (!existed) return sheets.add(doc, tx);
  const { _id, ...data } = doc;
  await sheets.ref(tx).doc(_id).set({ data });
}
