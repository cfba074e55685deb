/**
 * Adding items to a branch's rectification list of a year [APR-18] — the ONE entry point every
 * source uses inside its own transaction: 民主评议's 基本合格 help plans (the DECISION part),
 * 双述双评's SEC-15 rectification (publish), the 组织生活会 problem list (MTG-31) and `hunan`'s
 * 问题清单 (MTG-39). Not an action: callers have checked permission and write the audit.
 */
import type { OwnerKind, RectificationSource } from '../../domain/appraisal/rectification';
import { OWNER_KINDS, RECTIFICATION_SOURCES } from '../../domain/appraisal/rectification';
import { isCalendarDate, localDate } from '../../domain/shared/time';
import type { Tx } from '../../repos/db';
import {
  findRectificationList,
  rectificationListId,
  saveRectificationList,
  type RectificationItemDoc,
  type RectificationListDoc,
} from '../../repos/rectifications';
import { AppError } from '../../runtime/errors';

/** An item as a source hands it over. `ownerId` null: the 支部班子 with nobody named. */
export interface NewListItem {
  source: RectificationSource;
  /** What it came from (campaign id, activity id…): with `source`, it identifies the item. */
  sourceId: string;
  /** The problem to fix (what the owner sees). */
  title: string;
  ownerId: string | null;
  ownerName?: string | null;
  ownerKind: OwnerKind;
  /** The deadline, `YYYY-MM-DD`. */
  due: string;
  /** The measure promised; defaults to the title. */
  commitment?: string;
  /** Who added it (a member id), null for the system. */
  by?: string | null;
}

export const itemIdOf = (source: RectificationSource, sourceId: string) => `${source}:${sourceId}`;

const bad = (message: string) => new AppError('INPUT.INVALID', message, { ruleId: 'APR-18' });

/** Checks an item as handed over: throws INPUT.INVALID (the caller's transaction rolls back). */
function checked(item: NewListItem): void {
  if (!RECTIFICATION_SOURCES.includes(item.source) || !OWNER_KINDS.includes(item.ownerKind))
    throw bad('整改事项的来源或责任人不对');
  if (!item.sourceId || !item.title?.trim()) throw bad('整改事项须写明存在的问题');
  if (item.ownerKind === 'member' && !item.ownerId) throw bad('整改事项须写明责任人');
  if (!isCalendarDate(item.due)) throw bad('整改期限应是一个日期');
}

/**
 * Adds `items` to the list of `org` for `year` inside `tx`, creating the list (started today) the
 * first time [APR-18]. An item whose `source:sourceId` is already listed is left as it is
 * (feeding twice adds nothing; a report or a completion on it is never lost). Reads and writes
 * one document: 2 requests inside the caller's transaction.
 */
export async function addListItems(
  tx: Tx,
  org: { _id: string; name: string },
  year: number,
  items: NewListItem[],
  now: number,
): Promise<void> {
  if (!items.length) return;
  const found = await findRectificationList(org._id, year, tx);
  const { list, added } = mergeItems(found, org, year, items, now);
  if (added.length) await saveRectificationList(list, tx);
}

/**
 * The list with `items` added (those not listed yet; checked first: INPUT.INVALID), or a new list
 * started today. Pure; `added` is empty when nothing changed.
 */
export function mergeItems(
  found: RectificationListDoc | null,
  org: { _id: string; name: string },
  year: number,
  items: readonly NewListItem[],
  now: number,
): { list: RectificationListDoc; added: RectificationItemDoc[] } {
  items.forEach(checked);
  const list: RectificationListDoc = found ?? {
    _id: rectificationListId(org._id, year),
    orgId: org._id,
    orgName: org.name,
    year,
    startedOn: localDate(now),
    items: [],
    open: 0,
    updatedAt: new Date(now),
  };
  const known = new Set(list.items.map((i) => i.id));
  const added: RectificationItemDoc[] = [];
  for (const item of items) {
    const id = itemIdOf(item.source, item.sourceId);
    if (known.has(id)) continue;
    known.add(id);
    added.push({
      id,
      source: item.source,
      sourceId: item.sourceId,
      ownerKind: item.ownerKind,
      ownerId: item.ownerId,
      ownerName: item.ownerName ?? null,
      problem: item.title.trim(),
      commitment: (item.commitment ?? '').trim() || item.title.trim(),
      // A deadline before the list was set up is read as "at once": the list's first day.
      deadline: item.due < list.startedOn ? list.startedOn : item.due,
      evidence: [],
      reports: [],
      doneOn: null,
      addedAt: new Date(now),
      addedBy: item.by ?? null,
    });
  }
  if (!added.length) return { list, added };
  const all = [...list.items, ...added];
  return { list: { ...list, items: all, open: openCount(all), updatedAt: new Date(now) }, added };
}

export const openCount = (items: readonly RectificationItemDoc[]) =>
  items.filter((i) => i.doneOn === null).length;
