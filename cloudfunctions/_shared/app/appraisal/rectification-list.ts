/**
 * The rectification list as the domain and the pages see it [APR-18, APR-19, MTG-31, MTG-39]:
 * the stored list with the 组织生活会 整改清单 folded in (read from the activity area, never
 * retyped — PRIV-11), converted for the pure rules, and the caller's view of it.
 */
import type {
  RectificationItemOut,
  RectificationListOut,
} from '../../contracts/appraisal-rectification';
import {
  carriedOver,
  problemListAlerts,
  reportsDue,
  SOURCE_WORDS,
  yearEndStatus,
  type RectificationList,
} from '../../domain/appraisal/rectification';
import { isCalendarDate, localDate } from '../../domain/shared/time';
import type { OrgDoc } from '../../repos/orgs';
import type { RectificationListDoc } from '../../repos/rectifications';
import { orgLifeProblems, type OrgLifeProblem } from '../activity/queries';
import { mergeItems, type NewListItem } from './rectification-items';

/** The 组织生活会 items of a branch's year as list items (source 组织生活会) [MTG-31, PRIV-11]. */
export const orgLifeItems = (problems: readonly OrgLifeProblem[]): NewListItem[] =>
  problems
    .filter((p) => p.problem?.trim() && p.ownerId && isCalendarDate(p.due))
    .map((p) => ({
      source: 'orgLifeMeeting',
      sourceId: p.key,
      title: p.problem,
      ownerId: p.ownerId,
      ownerKind: 'member',
      due: p.due,
    }));

/** The 组织生活会 items of the year, read once per call (outside any transaction). */
export async function orgLifeOf(orgId: string, year: number): Promise<NewListItem[]> {
  return orgLifeItems(await orgLifeProblems(orgId, year));
}

/** The stored list with the 组织生活会 items not yet on it; null when there is nothing at all. */
export function withOrgLife(
  found: RectificationListDoc | null,
  org: Pick<OrgDoc, '_id' | 'name'>,
  year: number,
  orgLife: readonly NewListItem[],
  now: number,
): RectificationListDoc | null {
  if (!found && !orgLife.length) return null;
  return mergeItems(found, org, year, orgLife, now).list;
}

/** The list for the pure rules (an item of the 班子 with nobody named is owned by "the 班子"). */
export const toDomain = (doc: RectificationListDoc): RectificationList => ({
  orgId: doc.orgId,
  year: doc.year,
  startedOn: doc.startedOn,
  items: doc.items.map((i) => ({
    id: i.id,
    source: i.source,
    ownerKind: i.ownerKind,
    ownerId: i.ownerId ?? i.ownerKind,
    problem: i.problem,
    commitment: i.commitment,
    deadline: i.deadline,
    evidence: i.evidence,
    reports: i.reports.map((r) => ({ on: r.on, text: r.text })),
    doneOn: i.doneOn,
  })),
});

export interface Viewer {
  memberId: string;
  /** The committee or the superior: the whole list, adding and recording reports. */
  manages: boolean;
  /** May see the whole list (the committee, the superior). */
  oversees: boolean;
}

/** The caller's view of a list: a member sees the 班子's items and their own. */
export function listView(
  org: Pick<OrgDoc, '_id' | 'name' | 'profile'>,
  year: number,
  doc: RectificationListDoc | null,
  lastYear: RectificationListDoc | null,
  names: ReadonlyMap<string, string>,
  viewer: Viewer,
  now: number,
): RectificationListOut {
  const today = localDate(now);
  const list = doc ? toDomain(doc) : null;
  const due = list ? reportsDue(list, today) : [];
  const status = list ? yearEndStatus(list, today) : { total: 0, done: 0, open: 0, overdue: 0 };
  const alerts = [
    ...problemListAlerts(org.profile, list, year, today),
    ...(list ? carriedOver(list, lastYear ? toDomain(lastYear) : null) : []),
  ];
  const shown = (doc?.items ?? []).filter(
    (i) => viewer.oversees || i.ownerKind !== 'member' || i.ownerId === viewer.memberId,
  );
  const items = shown.map((i): RectificationItemOut => ({
    id: i.id,
    source: i.source,
    sourceWord: SOURCE_WORDS[i.source],
    ownerKind: i.ownerKind,
    ownerId: i.ownerId,
    ownerName: (i.ownerId && names.get(i.ownerId)) || i.ownerName,
    problem: i.problem,
    commitment: i.commitment,
    deadline: i.deadline,
    evidence: i.evidence,
    reports: i.reports.map((r) => ({ on: r.on, text: r.text })),
    doneOn: i.doneOn,
    overdue: i.doneOn === null && today > i.deadline,
    windows: due
      .filter((d) => d.itemId === i.id)
      .map((d) => ({ from: d.from, dueOn: d.dueOn, status: d.status })),
    mayReport: i.doneOn === null && (viewer.manages || i.ownerId === viewer.memberId),
    mayClose: i.doneOn === null && viewer.manages && i.ownerId !== viewer.memberId,
  }));
  return {
    orgId: org._id,
    orgName: org.name,
    year,
    startedOn: doc?.startedOn ?? null,
    items,
    status,
    alerts,
    mayManage: viewer.manages,
    partial: !viewer.oversees,
  };
}
