import type {
  CellState,
  DashboardBranch,
  DashboardOutput,
  Obligation,
} from '../../contracts/org-oversight';
import type { Cell, Column, SheetSpec, WorkbookSpec } from './spec';
import { dateName, fileNameOf } from './spec';

/**
 * The superior's compliance grid as a 台账 (pure: the dashboard's answer in, a workbook spec out).
 * Every cell says its state in words with a symbol (✓ 已开展, ✗ 缺, … 待开展, — 不适用), so a
 * black-and-white print reads the same as the screen: no colour carries a meaning.
 */

const SYMBOL: Record<CellState, string> = { held: '✓', missing: '✗', due: '…', 'n/a': '—' };
const WORD: Record<CellState, string> = {
  held: '已开展',
  missing: '缺',
  due: '待开展',
  'n/a': '不适用',
};
/** Where 已开展 would read oddly: dues are paid, disclosure published, records filed. */
const OWN_WORDS: Partial<Record<Obligation, Partial<Record<CellState, string>>>> = {
  dues: { held: '已交齐', missing: '欠交', due: '待交' },
  disclosure: { held: '已公开', due: '待公开' },
  recordsOnTime: { held: '按时', missing: '逾期', due: '待归档' },
};

/** ✓ 已开展, ✗ 欠交, … 待公开, — 不适用 */
export function cellText(obligation: Obligation, state: CellState): string {
  return `${SYMBOL[state]} ${OWN_WORDS[obligation]?.[state] ?? WORD[state]}`;
}

/** The months a period label covers: 2026-03, 2026-Q1, 2026-H1, 2026; null for others (七一). */
export function monthsOf(label: string, year: number): [number, number] | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(label);
  if (!m || Number(m[1]) !== year) return null;
  if (m[2]) return [Number(m[2]), Number(m[2])];
  if (m[3]) return [Number(m[3]) * 3 - 2, Number(m[3]) * 3];
  if (m[4]) return m[4] === '1' ? [1, 6] : [7, 12];
  return [1, 12];
}

/** The state of the period containing `month` (the narrowest one); n/a where none covers it. */
export function stateAt(
  periods: Record<string, CellState> | undefined,
  year: number,
  month: number,
): CellState {
  let best: { span: number; state: CellState } | null = null;
  for (const [label, state] of Object.entries(periods ?? {})) {
    const r = monthsOf(label, year);
    if (!r || month < r[0] || month > r[1]) continue;
    const span = r[1] - r[0];
    if (!best || span < best.span) best = { span, state };
  }
  return best?.state ?? 'n/a';
}

/** A date inside a message as people write it: 2026-12-01 → 2026年12月1日. */
const datesInWords = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, (d) => dateName(d));

const stars = (stars: number) => {
  const n = Math.max(0, Math.min(5, stars));
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}（${n}星）`;
};

/** 已开展 11/12 or — 不适用: a branch's year so far for one obligation. */
function totalText(b: DashboardBranch, key: Obligation): string {
  const t = b.totals[key];
  if (!t || t.required === 0) return cellText(key, 'n/a');
  const missing = Object.values(b.cells[key] ?? {}).filter((s) => s === 'missing').length;
  return `${t.held}/${t.required}${missing ? `，缺${missing}` : ''}`;
}

function summarySheet(d: DashboardOutput): SheetSpec {
  const rows: Cell[][] = d.branches.map((b, i) => [
    i + 1,
    b.name,
    b.members,
    ...d.obligations.map((o) => totalText(b, o.key)),
    b.fortress.total,
    stars(b.fortress.stars),
    b.spotCheck
      ? `${dateName(b.spotCheck.on)} ${b.spotCheck.result === 'pass' ? '合格' : '不合格'}`
      : '本年未抽查',
    b.alerts.length ? b.alerts.map((a) => datesInWords(a.message)).join('；') : '无',
  ]);
  const columns: Column[] = [
    { header: '序号', width: 6 },
    { header: '支部', width: 20, wrap: true },
    { header: '党员人数', width: 8 },
    ...d.obligations.map((o) => ({ header: `${o.label}（已开展/应开展）`, width: 11, wrap: true })),
    { header: '堡垒指数', width: 8 },
    { header: '星级', width: 12 },
    { header: '抽查', width: 14, wrap: true },
    { header: '提醒', width: 36, wrap: true },
  ];
  return {
    name: '总表',
    title: `${d.name} ${d.year}年各支部落实情况总表`,
    subtitle: `统计至${dateName(d.today)}`,
    landscape: true,
    columns,
    rows,
    notes: [
      '“已开展/应开展”按截至统计日已到期的月份、季度计算；“缺”是期间已过而没有开展（或未交齐、未公开、逾期归档）的次数。',
      '本表由系统根据各支部的活动记录、党费和党务公开记录生成，无人工填写。',
    ],
  };
}

function monthSheet(d: DashboardOutput): SheetSpec {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const rows: Cell[][] = d.branches.flatMap((b) =>
    d.obligations.map((o) => [
      b.name,
      o.label,
      ...months.map((m) => cellText(o.key, stateAt(b.cells[o.key], d.year, m))),
    ]),
  );
  return {
    name: '按月明细',
    title: `${d.name} ${d.year}年各支部落实情况（按月）`,
    subtitle: `统计至${dateName(d.today)}`,
    landscape: true,
    columns: [
      { header: '支部', width: 18, wrap: true },
      { header: '事项', width: 12, wrap: true },
      ...months.map((m) => ({ header: `${m}月`, width: 8 })),
    ],
    rows,
    notes: [
      '✓ 已开展（已交齐、已公开、按时）　✗ 缺（欠交、逾期）　… 待开展（还没到期）　— 不适用（不需要）',
      '按季度、半年或全年要求的事项，同一期间内的各月显示同一结果。',
    ],
  };
}

/** The grid's workbook: the year's summary per branch, and the months per branch and obligation. */
export function dashboardWorkbook(d: DashboardOutput): WorkbookSpec {
  return {
    fileName: fileNameOf(d.name, `${d.year}年`, '各支部落实情况总表'),
    sheets: [summarySheet(d), monthSheet(d)],
  };
}
