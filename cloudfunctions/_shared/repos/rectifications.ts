import type { OwnerKind, RectificationSource } from '../domain/appraisal/rectification';
import { _, collection, Tx } from './db';
import { setRectificationDigest } from './orgs';

/**
 * The rectification list (`rectificationLists`): ONE document per branch per year, `_id =
 * orgId:year` [APR-18], holding its items. Every source (民主评议, 组织生活会, 问题清单,
 * 双述双评) adds items here; an item's id is `source:sourceId`, so feeding the same thing twice
 * adds nothing. `open` (items not done) lets the scheduler find the lists with work in one query.
 */
export interface RectificationItemDoc {
  id: string;
  source: RectificationSource;
  /** What it came from (a campaign, an activity, a member) — with `source`, the item's identity. */
  sourceId: string;
  ownerKind: OwnerKind;
  /** The member who owns it; null for the 支部班子 with no one named (the secretary speaks). */
  ownerId: string | null;
  ownerName: string | null;
  problem: string;
  commitment: string;
  deadline: string;
  evidence: string[];
  reports: { on: string; text: string; by: string; at: Date }[];
  doneOn: string | null;
  addedAt: Date;
  addedBy: string | null;
}

export interface RectificationListDoc {
  _id: string;
  orgId: string;
  orgName: string;
  year: number;
  /** The day the list was set up (the first item added), `YYYY-MM-DD`. */
  startedOn: string;
  items: RectificationItemDoc[];
  /** How many items are not done. */
  open: number;
  updatedAt: Date;
}

const lists = collection<RectificationListDoc>('rectificationLists');

export const rectificationListId = (orgId: string, year: number) => `${orgId}:${year}`;

export const findRectificationList = (orgId: string, year: number, tx?: Tx) =>
  lists.byId(rectificationListId(orgId, year), tx);

/** These branches' lists of a year, by org id (one query). */
export async function rectificationListsOf(
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, RectificationListDoc>> {
  const found = await lists.byIds(orgIds.map((o) => rectificationListId(o, year)));
  return new Map(found.map((l) => [l.orgId, l]));
}

/** One branch's lists of these years, by year (one query): this year's and last year's [MTG-31]. */
export async function listsOfYears(
  orgId: string,
  years: readonly number[],
): Promise<Map<number, RectificationListDoc>> {
  const found = await lists.byIds(years.map((y) => rectificationListId(orgId, y)));
  return new Map(found.map((l) => [l.year, l]));
}

/** What the to-do list needs of a year's list: its start and its items not done [APR-18]. */
export interface RectificationDigest {
  startedOn: string;
  items: (Pick<
    RectificationItemDoc,
    'id' | 'source' | 'ownerKind' | 'ownerId' | 'problem' | 'deadline'
  > & { reports: string[] })[];
}

export const digestOf = (doc: RectificationListDoc): RectificationDigest => ({
  startedOn: doc.startedOn,
  items: doc.items
    .filter((i) => i.doneOn === null)
    .map((i) => ({
      id: i.id,
      source: i.source,
      ownerKind: i.ownerKind,
      ownerId: i.ownerId,
      problem: i.problem.slice(0, 40),
      deadline: i.deadline,
      reports: i.reports.map((r) => r.on),
    })),
});

/**
 * Writes a whole list (inside the transaction that read it; creates it the first time), and its
 * digest on the org (`OrgDoc.rectificationDue`): 2 requests.
 */
export async function saveRectificationList(doc: RectificationListDoc, tx: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await lists.ref(tx).doc(_id).set({ data });
  await setRectificationDigest(doc.orgId, doc.year, digestOf(doc), tx);
}

/** Lists of these years with an item not done (the scheduler's reminders), one query. */
export const openRectificationLists = (years: readonly number[]) =>
  lists.all(
    lists
      .ref()
      .where({ year: _.in([...years]), open: _.gt(0) })
      .orderBy('_id', 'asc'),
    2000,
  );
