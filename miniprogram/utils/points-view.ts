/**
 * Chinese labels for the points function's identifiers, Beijing-time month helpers, and the
 * view objects the 先锋指数 pages put in setData. The backend computes every score, cap and
 * window; this only words and groups what it sent.
 */
import type { ActionOutput } from '../services/types';
import { BASE_TERM, toEntryView as entryView, type EntryView } from './points-entry-view';

export { appealResultText, loweredScore, type EntryView } from './points-entry-view';

type PioneerIndex = ActionOutput<'points', 'index'>;
type IndexEntry = PioneerIndex['entries'][number];
export type Category = keyof PioneerIndex['byCategory'];

/** 四个合格, in the order the rules name them. */
export const categoryLabels: Record<Category, string> = {
  political: '政治合格',
  discipline: '执行纪律合格',
  morality: '品德合格',
  contribution: '发挥作用合格',
};

/** An entry in words, its month relative to `year`; 申辩 offered only when it lowered the score. */
export function toEntryView(e: IndexEntry, year: number, appealOpen: boolean): EntryView {
  return entryView(e, monthText(e.month, year), appealOpen);
}

/** The branch's reverse items of 堡垒指数, as the superior confirms them. */
export const reverseLabels: Record<string, string> = {
  overTerm: '超任期未换届',
  noOrgLife3Months: '连续3个月未开展组织生活',
  duesMisuse: '党费垫交、扣缴或挪用',
  forgedRecords: '记录造假、补记或虚报积分',
  weakBranch: '被确定为软弱涣散党组织',
  committeeDiscipline: '支委班子成员严重违纪',
};

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const beijing = (ms: number) => new Date(ms + OFFSET_MS);

/** The calendar year in Beijing now. */
export function currentYear(now = Date.now()): number {
  return beijing(now).getUTCFullYear();
}

/** 'YYYY-MM' of the month `offset` months from now, in Beijing. */
export function monthOf(offset = 0, now = Date.now()): string {
  const d = beijing(now);
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  return `${m.getUTCFullYear()}-${pad(m.getUTCMonth() + 1)}`;
}

/** '2026-10' → 10月 (with the year when it is not `year`). */
export function monthText(month: string | null, year?: number): string {
  if (!month) return '全年';
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return year && Number(m[1]) === year ? `${Number(m[2])}月` : `${m[1]}年${Number(m[2])}月`;
}

/** An ISO instant as 11月29日 10:54 in Beijing time. */
export function instantText(iso: string): string {
  const d = beijing(Date.parse(iso));
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** '2026-Q4' → 2026年第四季度 */
export function quarterText(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度` : quarter;
}

/** ★★★☆☆ for 0–5 stars. */
export function starText(stars: number): string {
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

export interface EntryGroup {
  key: string;
  title: string;
  hint: string;
  entries: EntryView[];
}

export interface TrendBar {
  key: string;
  label: string;
  valueText: string;
  /** Bar height in rpx (0 when the month has no score). */
  height: number;
  current: boolean;
}

export interface IndexView {
  year: number;
  exempt: boolean;
  vetoed: boolean;
  totalText: string;
  vetoReasons: string;
  rankText: string;
  categories: { key: Category; label: string; points: number }[];
  /** How the total is made: 基础分 + 加分 + (20 − 扣分), when it plainly adds up. */
  sumText: string;
  trend: TrendBar[];
  /** The months before the first record, left out of the chart (e.g. 1–10月). */
  trendNote: string;
  /** 我的申报 (pending or rejected) first, then 基础分, 加分, 扣分, 组织生活记录; empty ones left out. */
  groups: EntryGroup[];
  appealUntilText: string;
}

const CHART_HEIGHT = 200; // rpx for a score of 100

/** 总分 = 基础分 + 加分 + (20 − 扣分) [PTS-27], shown only when the numbers add up to the total. */
function sumText(r: PioneerIndex): string {
  if (r.total === null || r.vetoed) return '';
  const base = Object.values(r.base).reduce((s, n) => s + n, 0);
  const adjust = r.entries
    .filter((e) => e.kind === 'adjust' && e.status === 'counted')
    .reduce((s, e) => s + e.points, 0);
  if (base + r.add + 20 - r.deduct + adjust !== r.total) return '';
  const tail = adjust ? ` ${adjust > 0 ? '+' : '−'} 申辩调整 ${Math.abs(adjust)}` : '';
  return `${BASE_TERM} ${base} + 加分 ${r.add} + （20 − 扣分 ${r.deduct}）${tail} = ${r.total} 分`;
}

/**
 * The chart from the first month with a record of the member's own to now: months before it
 * only repeat the starting score, and a flat line from January says nothing.
 */
function yearSoFar(r: PioneerIndex): { bars: PioneerIndex['trend']; note: string } {
  const months = r.entries.map((e) => e.month).filter((m): m is string => !!m);
  const first = months.sort()[0];
  if (!first || r.trend.length === 0) return { bars: r.trend, note: '' };
  const bars = r.trend.filter((t) => t.month >= first);
  const skipped = r.trend.length - bars.length;
  if (!skipped || !bars.length) return { bars: r.trend, note: '' };
  const last = Number(r.trend[skipped - 1].month.slice(5));
  return { bars, note: last === 1 ? '1月没有记录' : `1–${last}月没有记录` };
}

/** Which list an entry belongs in: 基础分, 加分, 扣分, 组织生活记录, or 我的申报 (undecided). */
function groupOf(e: IndexEntry): 'base' | 'add' | 'deduct' | 'record' | 'declared' {
  if (e.status === 'pending' || e.status === 'rejected') return 'declared';
  if (e.kind === 'base') return 'base';
  if (e.kind === 'record') return 'record';
  if (e.kind === 'deduct' || e.kind === 'veto') return 'deduct';
  if (e.kind === 'adjust') return e.points < 0 ? 'deduct' : 'add';
  return 'add';
}

const GROUPS: { key: ReturnType<typeof groupOf>; title: string; hint: string }[] = [
  { key: 'declared', title: '我的申报', hint: '经记分员核实通过后计分' },
  { key: 'base', title: `${BASE_TERM}（满分60分）`, hint: '由出勤、学时、党费等记录自动折算' },
  { key: 'add', title: '加分', hint: '' },
  { key: 'deduct', title: '扣分', hint: '' },
  {
    key: 'record',
    title: '组织生活记录',
    hint: `每次出勤都计入${BASE_TERM}中的组织生活分，点按查看活动`,
  },
];

export function toIndexView(r: PioneerIndex, nowMonth = monthOf()): IndexView {
  const appealOpen = !!r.appealOpenUntil;
  const byGroup = new Map<string, EntryView[]>();
  // Latest month first; 基础分 (no month) in the order of the backend's `base` summary.
  const baseOrder = Object.keys(r.base);
  const rankOf = (e: IndexEntry) => (e.kind === 'base' ? baseOrder.indexOf(e.itemCode) : 0);
  const entries = [...r.entries].sort(
    (a, b) => (b.month ?? '').localeCompare(a.month ?? '') || rankOf(a) - rankOf(b),
  );
  for (const e of entries) {
    const g = groupOf(e);
    byGroup.set(g, [...(byGroup.get(g) ?? []), toEntryView(e, r.year, appealOpen)]);
  }
  const trend = yearSoFar(r);
  const vetoes = r.entries.filter((e) => e.kind === 'veto' && e.status === 'counted');
  return {
    year: r.year,
    exempt: r.exempt,
    vetoed: r.vetoed,
    totalText: r.total === null ? '' : String(r.total),
    vetoReasons: vetoes.map((e) => `${e.name}（${monthText(e.month, r.year)}）`).join('；'),
    rankText: r.rank ? `支部排名第 ${r.rank} 名` : '',
    categories: (Object.keys(categoryLabels) as Category[]).map((key) => ({
      key,
      label: categoryLabels[key],
      points: r.byCategory[key] ?? 0,
    })),
    sumText: sumText(r),
    trend: trend.bars.map((t) => ({
      key: t.month,
      // 11月 while few; the bare number when twelve must fit in large text
      label: `${Number(t.month.slice(5))}${trend.bars.length <= 6 ? '月' : ''}`,
      valueText: t.total === null ? '' : String(t.total),
      height: t.total === null ? 0 : Math.max(4, Math.round((CHART_HEIGHT * t.total) / 100)),
      current: t.month === nowMonth,
    })),
    trendNote: trend.note,
    groups: GROUPS.map((g) => ({ ...g, entries: byGroup.get(g.key) ?? [] })).filter(
      (g) => g.entries.length > 0,
    ),
    appealUntilText: r.appealOpenUntil ? instantText(r.appealOpenUntil) : '',
  };
}
