/**
 * The branch-configurable rules of 党务公开, pure: which matters need all five stages [DIS-04],
 * how long a development 公示 lasts in working days [DIS-10], the audience of an item [DIS-12]
 * and what is pending for the theme day [DIS-05]. No I/O and no clock.
 */
import { calendarFor, isWorkingDay, nextDate, type HolidayCalendar } from '../activity/holidays';
import { fail, type Alert, type Failure } from '../shared/result';
import { STAGES, type Stage } from './disclosure';

/** Matters that always need five stages [DIS-04]: 民主议事 and 三重一大. */
export const MATTER_KINDS = ['deliberation', 'majorDecision'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export const MATTER_KIND_NAMES: Readonly<Record<MatterKind, string>> = {
  deliberation: '民主议事',
  majorDecision: '“三重一大”',
};

/** Categories a branch may add to the five-stage matters (`dis.fiveStageTypes = decisions`). */
export const DECISION_CATEGORIES = ['重大决策部署', '单位重大决策', '财务收支', '一事一议筹资筹劳'];

export type FiveStageTypes = 'core' | 'decisions';

/** Whether a notice is a matter that must go through the five stages [DIS-04]. */
export const needsFiveStages = (
  n: { category: string; matterKind?: MatterKind | null },
  types: FiveStageTypes,
): boolean => !!n.matterKind || (types === 'decisions' && DECISION_CATEGORIES.includes(n.category));

/** A five-stage matter published as a single notice, without its stage, is refused [DIS-04]. */
export function fiveStageRefusal(
  n: { category: string; matterKind?: MatterKind | null; stage?: Stage | null },
  types: FiveStageTypes,
): Failure | null {
  if (!needsFiveStages(n, types) || n.stage) return null;
  const what = n.matterKind ? MATTER_KIND_NAMES[n.matterKind] : `“${n.category}”`;
  return fail(
    'NOTICE.STAGE_ORDER',
    `${what}事项须按“${STAGES.join('、')}”五个阶段公开，请从“${STAGES[0]}”开始`,
    'DIS-04',
    { fields: ['stage'] },
  );
}

/** The category of development 公示 (积极分子, 发展对象, 接收预备党员, 转正) [DIS-10]. */
export const DEVELOPMENT_CATEGORY = '发展党员';

/**
 * The last day of a 公示 of `workdays` working days starting on `start` (counted when it is a
 * working day) [DIS-10]; working days come from the holiday calendar, never weekdays alone.
 */
export function noticeEnd(
  start: string,
  workdays: number,
  calendarOf: (year: number) => HolidayCalendar,
): string {
  let d = start;
  for (let n = 0; ; d = nextDate(d)) {
    if (isWorkingDay(d, calendarOf(Number(d.slice(0, 4))))) n += 1;
    if (n >= workdays) return d;
  }
}

/** Working days from `start` to `end`, both included. */
export function workdaysBetween(
  start: string,
  end: string,
  calendarOf: (year: number) => HolidayCalendar,
): number {
  let n = 0;
  for (let d = start; d <= end; d = nextDate(d))
    if (isWorkingDay(d, calendarOf(Number(d.slice(0, 4))))) n += 1;
  return n;
}

/** The calendar of each year: the committee's own where entered, else the national one. */
export const calendarLookup =
  (own: Readonly<Record<number, HolidayCalendar | null>>) =>
  (year: number): HolidayCalendar =>
    calendarFor(year, own[year] ?? null);

/** A development 公示 shorter than the branch's working days raises an alert, never a refusal [DIS-10]. */
export function devNoticeAlert(
  start: string,
  end: string,
  workdays: number,
  calendarOf: (year: number) => HolidayCalendar,
): Alert | null {
  const got = workdaysBetween(start, end, calendarOf);
  return got >= workdays
    ? null
    : {
        ruleId: 'DIS-10',
        level: 'warning',
        message: `发展党员公示期只有${got}个工作日，应不少于${workdays}个工作日（至${noticeEnd(start, workdays, calendarOf)}）`,
      };
}

/** Who an item is for [DIS-12]: the branch's members (default), the unit, or the public. */
export const AUDIENCES = ['branch', 'unit', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface PendingSource {
  _id: string;
  title: string;
  category: string;
  matterId: string | null;
  stage: Stage | null;
  publishedAt: Date;
  updatedAt: Date;
  publicApproval?: { status: 'pending' | 'approved' } | null;
}

export interface PendingItem {
  id: string;
  title: string;
  category: string;
  stage: Stage | null;
  /** new / updated since the last theme day; a matter still open; public, awaiting approval. */
  why: 'new' | 'updated' | 'inProgress' | 'awaitingApproval';
}

/**
 * What the theme day publishes and its record lists [DIS-05]: items published or updated since
 * `since` (the previous theme day, or the start of the month), the latest stage of each five-stage
 * matter not yet at 办理结果, and public items awaiting the secretary's approval.
 */
export function pendingItems(
  notices: readonly PendingSource[],
  since: Date,
  at: Date,
): PendingItem[] {
  const item = (n: PendingSource, why: PendingItem['why']): PendingItem => ({
    id: n._id,
    title: n.title,
    category: n.category,
    stage: n.stage,
    why,
  });
  const inWindow = (d: Date) => +new Date(d) >= +since && +new Date(d) <= +at;
  const out: PendingItem[] = [];
  const latestOfMatter = new Map<string, PendingSource>();
  for (const n of notices) {
    if (n.publicApproval?.status === 'pending') out.push(item(n, 'awaitingApproval'));
    else if (inWindow(n.publishedAt)) out.push(item(n, 'new'));
    else if (inWindow(n.updatedAt)) out.push(item(n, 'updated'));
    if (n.matterId && n.stage) {
      const seen = latestOfMatter.get(n.matterId);
      if (!seen || STAGES.indexOf(n.stage) > STAGES.indexOf(seen.stage!))
        latestOfMatter.set(n.matterId, n);
    }
  }
  const listed = new Set(out.map((o) => o.id));
  for (const n of latestOfMatter.values())
    if (
      n.stage !== STAGES[STAGES.length - 1] &&
      !listed.has(n._id) &&
      +new Date(n.publishedAt) <= +at
    )
      out.push(item(n, 'inProgress'));
  return out;
}
