/**
 * The wording of the pre-filled 加强支部建设 facts of the 述职报告 [SEC-06]: each from numbers the
 * records gave, never typed [PRIV-11]. Pure: the caller passes the numbers, the year and today.
 * A fact the product does not record is `value: null` (shown 未记录), never 0.
 */
import type { ComplianceItem } from '../../contracts/activity-outputs';
import type { FactLink, ReportFact } from '../../contracts/appraisal';
import { ACTIVITY_TYPE_NAMES } from '../activity/type-names';
import {
  currentDemocraticStep,
  DEMOCRATIC_STEP_WORDS,
  type DemocraticStep,
} from './democratic-model';

/** The year the facts are of, and today (local date): the running year reads "截至…". */
export interface FactYear {
  year: number;
  today: string;
}

/** Whether the facts are of a year still running (or not begun) on `today`. */
export const isRunning = (c: FactYear): boolean => c.year >= Number(c.today.slice(0, 4));

/** "2026-12-01" → "2026年12月1日". */
export const dateWords = (date: string): string =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** "截至2026年12月1日，" for the running year, "2025年全年，" for a past one. */
export const asOf = (c: FactYear): string =>
  isRunning(c) ? `截至${dateWords(c.today)}，` : `${c.year}年全年，`;

const FREQUENCY_WORDS: Record<string, string> = {
  monthly: '每月1次',
  quarterly: '每季度1次',
  halfYearly: '每半年1次',
  yearlyQ4: '每年第四季度1次',
  juneDecember: '6月、12月各1次',
  julyFirst: '七一前后1次',
};

const QUARTERS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** A compliance period label in words: "2026-03" → "3月", "2026-Q2" → "第二季度". */
export function periodWords(label: string): string {
  const tail = label.slice(5);
  if (/^\d\d$/.test(tail)) return `${Number(tail)}月`;
  if (/^Q\d$/.test(tail)) return QUARTERS[Number(tail[1])];
  if (tail === 'H1') return '上半年';
  if (tail === 'H2') return '下半年';
  return '七一前后';
}

/** The key of a compliance item: themeDays, orgLife, meetings.<type> (the 七一 党课 apart). */
function meetingKey(item: ComplianceItem): string {
  if (item.type === 'themeDay') return 'themeDays';
  if (item.type === 'orgLifeMeeting') return 'orgLife';
  return item.frequency === 'julyFirst' ? 'meetings.julyFirstLecture' : `meetings.${item.type}`;
}

/**
 * One fact per requirement of the compliance read model (主题党日, 三会一课 by type, 组织生活会):
 * held periods against required ones, as `activity.compliance` answers [TD-01, MTG-01…MTG-08].
 */
export function meetingFact(item: ComplianceItem, c: FactYear, link: FactLink): ReportFact {
  const missing = item.missing.length
    ? `；${item.missing.slice(0, 4).map(periodWords).join('、')}${item.missing.length > 4 ? '等' : ''}没有开展`
    : '';
  return {
    key: meetingKey(item),
    label: item.frequency === 'julyFirst' ? '七一党课' : ACTIVITY_TYPE_NAMES[item.type],
    value: `${asOf(c)}全年应开展${item.required}次（${FREQUENCY_WORDS[item.frequency] ?? ''}），已按要求开展${item.held}次${missing}`,
    held: item.held,
    required: item.required,
    link,
    ruleId: item.ruleId,
  };
}

/** 谈心谈话 coverage: members whose every pair category is covered, of the roster [MTG-32]. */
export function talksFact(
  t: { talks: number; covered: number; members: number },
  c: FactYear,
  link: FactLink | null,
): ReportFact {
  return {
    key: 'talks',
    label: '谈心谈话',
    value: `${asOf(c)}记录谈心谈话${t.talks}次，${t.members}名党员中${t.covered}名已按要求谈到`,
    held: t.covered,
    required: t.members,
    link,
    ruleId: 'MTG-32',
  };
}

/** Dues completion in member-months paid in full over those due [FORT-10, FEE-24]; null: no amount confirmed. */
export function duesFact(
  d: { paid: number; due: number } | null,
  c: FactYear,
  link: FactLink,
): ReportFact {
  const base = { key: 'dues', label: '党费交纳', link, ruleId: 'FORT-10' };
  if (!d) return { ...base, value: null };
  const percent = d.due ? Math.floor((100 * d.paid) / d.due) : 0;
  return {
    ...base,
    value: `${asOf(c)}应交${d.due}人次（每人每月算1次），已交清${d.paid}人次，完成${percent}%`,
    held: d.paid,
    required: d.due,
  };
}

/** The branch's 五化 status of the year [ORG-26]. */
export const fiveStandardsFact = (label: string, link: FactLink | null): ReportFact => ({
  key: 'fiveStandards',
  label: '五化创建',
  value: label,
  link,
  ruleId: 'ORG-26',
});

/** Days without an update from which DIS-07 alerts the maintainer. */
export const STALE_DAYS = 30;

/**
 * Disclosure freshness [DIS-07, FORT-12]: months of the year with a published or updated item;
 * in the running year, days since the last update (from `STALE_DAYS` on, said as overdue).
 */
export function disclosureFact(
  d: { months: number; last: string | null; days: number | null },
  c: FactYear,
  link: FactLink,
): ReportFact {
  const running = isRunning(c);
  const required = running ? Number(c.today.slice(5, 7)) : 12;
  let value: string;
  if (running) {
    const last =
      d.last === null || d.days === null
        ? '尚未发布党务公开内容'
        : `最近一次更新在${dateWords(d.last)}，已${d.days}天${d.days >= STALE_DAYS ? `，超过${STALE_DAYS}天没有更新` : ''}`;
    value = `${asOf(c)}今年有${d.months}个月更新了党务公开；${last}`;
  } else {
    value = `${asOf(c)}有${d.months}个月更新了党务公开${d.last ? `，最后一次在${dateWords(d.last)}` : ''}`;
  }
  return {
    key: 'disclosure',
    label: '党务公开',
    value,
    held: d.months,
    required,
    link,
    ruleId: 'DIS-07',
  };
}

/** 三会一课纪实 execution: records finalised within the filing window [MTG-19, FORT-13]. */
export function filingFact(
  f: { onTime: number; total: number; days: number },
  c: FactYear,
  link: FactLink,
): ReportFact {
  return {
    key: 'filing',
    label: '三会一课纪实',
    value: f.total
      ? `${asOf(c)}应在会后${f.days}天内归档的纪实${f.total}份，按时归档${f.onTime}份`
      : `${asOf(c)}还没有到期应归档的纪实`,
    held: f.onTime,
    required: f.total,
    link,
    ruleId: 'MTG-19',
  };
}

/** A fact the product does not record yet: shown 未记录, never invented [SEC-06]. */
export const unrecordedFact = (key: string, label: string, ruleId: string): ReportFact => ({
  key,
  label,
  value: null,
  link: null,
  ruleId,
});

/**
 * 民主评议党员 of the year [SEC-06, APR-02]: the step the branch's appraisal has reached, or 已完成并
 * 归档. Without an appraisal in the product the fact stays 未记录 (it may have been held on paper).
 */
export function democraticFact(
  done: readonly DemocraticStep[] | null,
  c: FactYear,
  link: FactLink | null,
): ReportFact {
  if (!done) return unrecordedFact('democraticAppraisal', '民主评议党员', 'APR-01');
  const step = currentDemocraticStep(done);
  const value = step === 'done' ? '已完成并归档' : `进行到“${DEMOCRATIC_STEP_WORDS[step]}”`;
  return {
    key: 'democraticAppraisal',
    label: '民主评议党员',
    value: `${asOf(c)}${value}`,
    link,
    ruleId: 'APR-02',
  };
}
