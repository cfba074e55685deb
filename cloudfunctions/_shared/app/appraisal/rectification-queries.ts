/**
 * What other areas read of the rectification list (read model) [APR-18, APR-19, MTG-39]: its
 * year-end status for the 民主评议 board, and the reports due and items overdue for the to-do list
 * (read from the digest on the org document: no query of its own). No actions here.
 */
import {
  reportsDue,
  yearEndStatus,
  type RectificationList,
} from '../../domain/appraisal/rectification';
import type { RoleGrant } from '../../domain/org/model';
import { localDate } from '../../domain/shared/time';
import type { OrgDoc } from '../../repos/orgs';
import {
  findRectificationList,
  listsOfYears,
  type RectificationDigest,
} from '../../repos/rectifications';
import { toDomain } from './rectification-list';

export const RECTIFICATION_PAGE = '/subpackages/appraisal/rectification/index';

const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

export type YearEndStatus = ReturnType<typeof yearEndStatus>;

/** The year-end status of a branch's list (null: no list), an input to 民主评议 [APR-19]. */
export async function rectificationStatus(
  orgId: string,
  year: number,
  now: Date,
): Promise<YearEndStatus | null> {
  const doc = await findRectificationList(orgId, year);
  return doc ? yearEndStatus(toDomain(doc), localDate(now)) : null;
}

/** This year's and last year's lists of a branch, by year (one query). */
export const branchRectificationLists = (orgId: string, year: number) =>
  listsOfYears(orgId, [year, year - 1]);

/** The digest as a list for the pure rules (only open items; report texts are not kept). */
export const digestList = (orgId: string, year: number, d: RectificationDigest) =>
  ({
    orgId,
    year,
    startedOn: d.startedOn,
    items: d.items.map((i) => ({
      ...i,
      ownerId: i.ownerId ?? i.ownerKind,
      commitment: i.problem,
      evidence: [],
      reports: i.reports.map((on) => ({ on, text: '' })),
      doneOn: null,
    })),
  }) satisfies RectificationList;

export interface RectificationToDo {
  listId: string;
  itemId: string;
  ownerId: string | null;
  title: string;
  page: string;
  level: 'warning' | 'alert';
  ruleId: 'APR-18';
}

/** Is this member the one who reports for an item (its owner; the 班子's: the secretary)? */
export function reportsFor(
  item: { ownerKind: string; ownerId: string | null },
  member: { _id: string; roles: readonly RoleGrant[] },
  orgId: string,
): boolean {
  if (item.ownerId) return item.ownerId === member._id;
  return member.roles.some((r) => r.orgId === orgId && r.role === 'secretary');
}

/**
 * The reports due or overdue and the items past their deadline that `member` is to act on, from
 * the digests of this year's and last year's lists on `org` [APR-18]. No query.
 */
export function rectificationToDos(
  org: Pick<OrgDoc, '_id' | 'rectificationDue'>,
  member: { _id: string; roles: readonly RoleGrant[] },
  now: Date,
): RectificationToDo[] {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const out: RectificationToDo[] = [];
  for (const y of [year - 1, year]) {
    const digest = org.rectificationDue?.[String(y)];
    if (!digest) continue;
    const list = digestList(org._id, y, digest);
    const due = reportsDue(list, today).filter((d) => d.status !== 'reported');
    const page = `${RECTIFICATION_PAGE}?orgId=${org._id}&year=${y}`;
    for (const item of digest.items) {
      if (!reportsFor(item, member, org._id)) continue;
      const base = { listId: `${org._id}:${y}`, itemId: item.id, ownerId: item.ownerId, page };
      const what = `“${item.problem}”`;
      if (today > item.deadline)
        out.push({
          ...base,
          title: `整改事项${what}已过${dayText(item.deadline)}的期限，请抓紧整改并报告完成情况`,
          level: 'alert',
          ruleId: 'APR-18',
        });
      const windows = due.filter((d) => d.itemId === item.id);
      const late = windows.find((w) => w.status === 'overdue');
      const open = windows.find((w) => w.status === 'due');
      if (late || open)
        out.push({
          ...base,
          title: late
            ? `整改事项${what}应在${dayText(late.dueOn)}前报告进展，还没有报告`
            : `请在${dayText(open!.dueOn)}前报告整改事项${what}的进展`,
          level: late ? 'alert' : 'warning',
          ruleId: 'APR-18',
        });
    }
  }
  return out;
}

export interface RectificationAsk {
  org: Pick<OrgDoc, '_id' | 'rectificationDue'>;
  member: { _id: string; roles: readonly RoleGrant[] };
  now: Date;
}

/**
 * The rectification to-dos as appraisal follow-ups (the one appraisal to-do query) [APR-18];
 * 双述双评's own item is left out: its follow-up already stands for it [SEC-15].
 */
export const rectificationFollowUps = (a: RectificationAsk) =>
  rectificationToDos(a.org, a.member, a.now)
    .filter((t) => !t.itemId.startsWith('secretaryReview:'))
    .map((t) => ({
      campaignId: t.listId,
      kind: 'rectification' as const,
      title: t.title,
      page: t.page,
      level: t.level,
      ruleId: t.ruleId,
    }));
