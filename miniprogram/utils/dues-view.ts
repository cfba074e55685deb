/**
 * Chinese labels, money and month formatting for the 党费 pages. Money is integer fen from
 * the backend and shown as yuan with two decimals; every amount is the backend's.
 */
import type { DuesCategory } from '../services/dues';
import type { ActionOutput } from '../services/types';

export type MonthStatus = ActionOutput<'dues', 'mine'>['months'][number]['status'];

export const categoryLabels: Record<DuesCategory, string> = {
  salaried: '在职（按月领取工资）',
  annualSalary: '年薪制',
  nonMonthly: '非按月取得收入（如个体经营）',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '依靠抚恤或救济生活',
  lowIncome: '享受最低生活保障',
};

export const duesCategories = Object.keys(categoryLabels) as DuesCategory[];

/** What the base is for each category; null where the amount is fixed (0.20 元). */
export const baseHints: Record<DuesCategory, string | null> = {
  salaried: '每月工资收入（扣除个人所得税后，按规定计入的项目）',
  annualSalary: '当月实际领取的薪酬（扣除个人所得税后）',
  nonMonthly: '上一季度纯收入除以3',
  retired: '每月实际领取的离退休费或养老金',
  farmer: '支部确定的每月交纳金额（0.20元至1.00元）',
  student: null,
  unemployed: null,
  relief: null,
  lowIncome: null,
};

export const statusLabels: Record<MonthStatus, string> = {
  paid: '已交',
  under: '少交',
  unpaid: '未交',
  notDue: '未核定',
};

export const statusThemes: Record<MonthStatus, 'success' | 'warning' | 'danger' | 'default'> = {
  paid: 'success',
  under: 'warning',
  unpaid: 'danger',
  notDue: 'default',
};

/** 7650 → "76.50" (never through floating point). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "3000.01" → 300001; null when it is not an amount in yuan with at most two decimals. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Basis points as a percentage: 50 → 0.5%, 100 → 1%. */
export function rateText(bp: number): string {
  return `${bp / 100}%`;
}

/** '2026-03' → 3月 */
export function monthText(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

const OFFSET_MS = 8 * 3600_000;

/** This month in Beijing time, 'YYYY-MM', as the backend counts it. */
export function currentMonth(now = Date.now()): string {
  return new Date(now + OFFSET_MS).toISOString().slice(0, 7);
}

/** The month before 'YYYY-MM': the last one already overdue (month M is due by its end). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Today in Beijing time, 'YYYY-MM-DD'. */
export function today(now = Date.now()): string {
  return new Date(now + OFFSET_MS).toISOString().slice(0, 10);
}

/** '2026-03-05T…' → 3月5日 (Beijing time). */
export function dayText(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
