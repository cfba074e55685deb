/**
 * The rectification list: one per branch per year, fed by 民主评议 [APR-18], the 组织生活会
 * (MTG-31's problem list), `hunan`'s problem list [MTG-39, APR-19] and 双述双评 [SEC-15]. Each item
 * has an owner, a deadline, evidence and progress reports; which reports are due or overdue at a
 * date is computed here. Pure: dates are parameters.
 */
import type { Profile } from '../org/model';
import { Alert, fail, ok, Result } from '../shared/result';
import { addMonths, isCalendarDate } from '../shared/time';

export const RECTIFICATION_SOURCES = [
  'democraticAppraisal',
  'orgLifeMeeting',
  'problemList',
  'secretaryReview',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
export const SOURCE_WORDS: Record<RectificationSource, string> = {
  democraticAppraisal: '民主评议党员',
  orgLifeMeeting: '组织生活会',
  problemList: '问题清单',
  secretaryReview: '双述双评',
};

/** Who owns an item: a member, the 支部班子 (committee) or the 支部书记 [APR-18]. */
export const OWNER_KINDS = ['member', 'committee', 'secretary'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export interface ProgressReport {
  on: string;
  text: string;
}

export interface RectificationItem {
  id: string;
  source: RectificationSource;
  ownerKind: OwnerKind;
  /** The member who owns it (for the committee: the secretary who speaks for it). */
  ownerId: string;
  problem: string;
  commitment: string;
  deadline: string;
  /** What shows it was done (a note, a file id); photos are never required (PRIV-12). */
  evidence: readonly string[];
  reports: readonly ProgressReport[];
  doneOn: string | null;
}

export interface RectificationList {
  orgId: string;
  year: number;
  /** When the list was set up (the end of the appraisal or meeting that fed it). */
  startedOn: string;
  items: readonly RectificationItem[];
}

/** One list per branch per year [APR-18]: its key. */
export const listKey = (orgId: string, year: number): string => `${orgId}:${year}`;

/** The committee and the secretary report to the members within 6 months [APR-18]. */
export const LEADER_REPORT_MONTHS = 6;

/** An item as entered or updated: owner, problem, commitment, a deadline on or after the start. */
export function validateItem(list: RectificationList, item: RectificationItem): Result<void> {
  if (!item.ownerId.trim() || !item.problem.trim() || !item.commitment.trim())
    return fail('INPUT.INVALID', '整改事项须写明责任人、存在的问题和整改承诺', 'APR-18');
  if (!isCalendarDate(item.deadline) || item.deadline < list.startedOn)
    return fail('INPUT.INVALID', '整改期限应是清单建立之后的日期', 'APR-18');
  if (item.doneOn !== null) {
    if (!isCalendarDate(item.doneOn) || item.doneOn < list.startedOn)
      return fail('INPUT.INVALID', '完成日期应在清单建立之后', 'APR-18');
    if (!item.evidence.some((e) => e.trim()))
      return fail('INPUT.INVALID', '整改完成须写明完成情况（照片不是必须的）', 'APR-18');
  }
  return ok(undefined);
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];
const quarterStartOf = (end: string) => addMonths(end.slice(0, 8) + '01', -2);

/** The calendar-quarter ends from the first one at least a month after `from`, through `to`. */
function quarterEnds(from: string, to: string): string[] {
  const first = addMonths(from, 1);
  const out: string[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(to.slice(0, 4)) + 1; y++)
    for (const e of QUARTER_ENDS) {
      const end = `${y}-${e}`;
      if (end >= first && quarterStartOf(end) <= to) out.push(end);
    }
  return out;
}

export type ReportStatus = 'reported' | 'due' | 'overdue';

export interface ReportDue {
  itemId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  /** The window a report must fall in. */
  from: string;
  dueOn: string;
  status: ReportStatus;
  ruleId: 'APR-18';
}

/**
 * The progress reports an item needs, as windows [APR-18]: the committee and the secretary once,
 * from the start to 6 months after it; a member each calendar quarter, from the first quarter
 * ending at least a month after the start, until the quarter in which the item was done.
 * Only windows that have begun by `today` are listed.
 */
export function reportWindows(
  list: RectificationList,
  item: RectificationItem,
  today: string,
): { from: string; dueOn: string }[] {
  if (item.ownerKind !== 'member') {
    const dueOn = addMonths(list.startedOn, LEADER_REPORT_MONTHS);
    return list.startedOn <= today ? [{ from: list.startedOn, dueOn }] : [];
  }
  const until = item.doneOn && item.doneOn < today ? item.doneOn : today;
  return quarterEnds(list.startedOn, until).map((dueOn, i) => ({
    from: i === 0 ? list.startedOn : quarterStartOf(dueOn),
    dueOn,
  }));
}

/**
 * Which reports are reported, due (window open, none yet) or overdue (window closed without a
 * report) at `today`, for every item of the list [APR-18]. A report counts for the window its
 * date falls in, and only once that date has come.
 */
export function reportsDue(list: RectificationList, today: string): ReportDue[] {
  const out: ReportDue[] = [];
  for (const item of list.items)
    for (const w of reportWindows(list, item, today)) {
      const reported = item.reports.some((r) => r.on >= w.from && r.on <= w.dueOn && r.on <= today);
      const status: ReportStatus = reported ? 'reported' : today > w.dueOn ? 'overdue' : 'due';
      out.push({
        itemId: item.id,
        ownerKind: item.ownerKind,
        ownerId: item.ownerId,
        ...w,
        status,
        ruleId: 'APR-18',
      });
    }
  return out;
}

/** Items past their deadline and not done: a reminder to the owner and the secretary. Soft. */
export function overdueItems(list: RectificationList, today: string): RectificationItem[] {
  return list.items.filter((i) => i.doneOn === null && today > i.deadline);
}

/** The year-end status of the list, an input to the 民主评议 board [APR-19, MTG-39]. */
export function yearEndStatus(list: RectificationList, today: string) {
  const done = list.items.filter((i) => i.doneOn !== null).length;
  return {
    total: list.items.length,
    done,
    open: list.items.length - done,
    overdue: overdueItems(list, today).length,
  };
}

/** `hunan` sets up its problem list by 30 June [MTG-39]. */
export const problemListDue = (year: number): string => `${year}-06-30`;

/** The MTG-39 reminder: from 1 June (info) and after 30 June (warning) while no item is listed. */
export function problemListAlerts(
  profile: Profile,
  list: RectificationList | null,
  year: number,
  today: string,
): Alert[] {
  if (profile !== 'hunan' || today < `${year}-06-01` || today > `${year}-12-31`) return [];
  if (list?.items.some((i) => i.source === 'problemList')) return [];
  const due = problemListDue(year);
  return [
    today > due
      ? { ruleId: 'MTG-39', level: 'warning', message: `问题清单应于${due}前建立，已逾期` }
      : { ruleId: 'MTG-39', level: 'info', message: `请于${due}前建立问题清单，制定整改措施` },
  ];
}

const norm = (s: string) => s.replace(/\s+/g, '').replace(/[，。、；,.;]/g, '');

/**
 * 年年老问题 [MTG-31]: an item of this year's 组织生活会 whose problem is word for word (spaces and
 * punctuation aside) one of last year's 组织生活会 items. Soft.
 */
export function carriedOver(list: RectificationList, lastYear: RectificationList | null): Alert[] {
  if (!lastYear) return [];
  const old = new Set(
    lastYear.items.filter((i) => i.source === 'orgLifeMeeting').map((i) => norm(i.problem)),
  );
  return list.items
    .filter((i) => i.source === 'orgLifeMeeting' && old.has(norm(i.problem)))
    .map((i) => ({
      ruleId: 'MTG-31',
      level: 'warning' as const,
      message: `“${i.problem.trim()}”去年的组织生活会已经查摆过，今年原样列出，属于“年年老问题”`,
    }));
}
