/**
 * Chinese labels for the activity function's identifiers, and the small view objects pages
 * put in setData. Times are shown in Beijing time (UTC+8) whatever the phone's zone, as the
 * backend counts them.
 */
import type { ActivitySummary, ActivityType, AttendanceStatus } from '../services/types';

export const typeLabels: Record<ActivityType, string> = {
  themeDay: '主题党日',
  branchAssembly: '支部党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  orgLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议',
  studySession: '集中学习',
};

export const activityTypes = Object.keys(typeLabels) as ActivityType[];

export const attendanceLabels: Record<AttendanceStatus, string> = {
  present: '已签到',
  late: '迟到',
  remote: '线上参加',
  remotePending: '待确认',
  excused: '请假',
  absent: '缺席',
  exempt: '免参加',
};

type TagTheme = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export const attendanceThemes: Record<AttendanceStatus, TagTheme> = {
  present: 'success',
  late: 'warning',
  remote: 'success',
  remotePending: 'warning',
  excused: 'default',
  absent: 'danger',
  exempt: 'default',
};

export const leaveCategoryLabels: Record<string, string> = {
  sick: '病假',
  personal: '事假',
  official: '公假',
};

export const leaveStatusLabels: Record<string, string> = {
  pending: '请假待审批',
  approved: '请假已批准',
  rejected: '请假未批准',
};

export const frequencyLabels: Record<string, string> = {
  monthly: '每月',
  quarterly: '每季度',
  halfYearly: '每半年',
  yearly: '每年',
  yearlyQ4: '每年（第四季度）',
  juneDecember: '每年6月、12月',
  julyFirst: '每年七一前后（6月15日至7月15日）',
};

const OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function beijing(iso: string): Date {
  return new Date(Date.parse(iso) + OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 6月6日 周五 */
export function dayText(iso: string): string {
  const d = beijing(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** 09:30 */
export function clockText(iso: string): string {
  const d = beijing(iso);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 6月6日 周五 09:00–11:00 */
export function whenText(startAt: string, endAt: string): string {
  const sameDay = dayText(startAt) === dayText(endAt);
  const end = sameDay ? clockText(endAt) : `${dayText(endAt)} ${clockText(endAt)}`;
  return `${dayText(startAt)} ${clockText(startAt)}–${end}`;
}

/** The calendar year in Beijing now, and the instant its 1 January began. */
export function currentYear(now = Date.now()): number {
  return new Date(now + OFFSET_MS).getUTCFullYear();
}

export function yearStart(year: number): string {
  return new Date(Date.UTC(year, 0, 1) - OFFSET_MS).toISOString();
}

/**
 * '2025-03' → 3月, '2025-Q2' → 第二季度, '2025-H1' → 上半年, '2025-七一' → 2025年七一前后 (the 七一
 * 党课, MTG-06); anything else as it is.
 */
export function periodText(period: string): string {
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month) return `${Number(month[1])}月`;
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) return `第${'一二三四'[Number(quarter[1]) - 1]}季度`;
  const half = /^\d{4}-H([12])$/.exec(period);
  if (half) return half[1] === '1' ? '上半年' : '下半年';
  if (/^\d{4}$/.test(period)) return `${period}年`;
  const julyFirst = /^(\d{4})-七一$/.exec(period);
  if (julyFirst) return `${julyFirst[1]}年七一前后`;
  return period;
}

export interface ActivityItemView {
  id: string;
  title: string;
  typeText: string;
  when: string;
  place: string;
  closed: boolean;
  /** The caller's own attendance, when the backend sends it with the list. */
  statusText: string;
  statusTheme: TagTheme;
}

export function toItemView(a: ActivitySummary & { myStatus?: AttendanceStatus | null }) {
  const status = a.myStatus ?? null;
  const view: ActivityItemView = {
    id: a.id,
    title: a.title,
    typeText: typeLabels[a.type] ?? a.type,
    when: whenText(a.startAt, a.endAt),
    place: a.place ?? (a.onlineUrl ? '线上' : ''),
    closed: a.status === 'closed',
    statusText: status ? attendanceLabels[status] : '',
    statusTheme: status ? attendanceThemes[status] : 'default',
  };
  return view;
}

/** Still to come or under way (not closed, not yet ended) — the 即将开展 segment. */
export function isUpcoming(a: ActivitySummary, now = Date.now()): boolean {
  return a.status !== 'closed' && Date.parse(a.endAt) >= now;
}
