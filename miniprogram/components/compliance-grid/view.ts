/**
 * The superior's compliance grid as plain data, testable without a page: a row per branch, a
 * cell per obligation for the chosen month (the period containing it: the month, its quarter,
 * half-year or the year), each with a symbol AND a word, never colour alone (✓ 已开展, ✗ 缺,
 * … 待开展, — 不适用). Every state comes from the backend's `org.dashboard`.
 */
import type {
  CellState,
  DashboardBranch,
  DashboardOutput,
  Obligation,
} from '../../services/oversight';

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
/** The tone class of a cell (its colour), always drawn with its symbol and word. */
const TONE: Record<CellState, string> = { held: 'ok', missing: 'bad', due: 'due', 'n/a': 'na' };

export const LEGEND = [
  { symbol: '✓', word: '已开展', tone: 'ok' },
  { symbol: '✗', word: '缺', tone: 'bad' },
  { symbol: '…', word: '待开展', tone: 'due' },
  { symbol: '—', word: '不适用', tone: 'na' },
];

/** The months a period label covers: 2026-03, 2026-Q1, 2026-H1, 2026; null for others (七一). */
export function monthsOf(label: string, year: number): [number, number] | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(label);
  if (!m || Number(m[1]) !== year) return null;
  if (m[2]) return [Number(m[2]), Number(m[2])];
  if (m[3]) return [Number(m[3]) * 3 - 2, Number(m[3]) * 3];
  if (m[4]) return m[4] === '1' ? [1, 6] : [7, 12];
  return [1, 12];
}

/** The state of the narrowest period containing `month`; n/a where no period covers it. */
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

export interface GridCell {
  key: Obligation;
  symbol: string;
  word: string;
  tone: string;
}

export interface GridRow {
  orgId: string;
  name: string;
  members: string;
  /** ★★★☆☆ and 3星 (the word says it too). */
  stars: string;
  starsText: string;
  alerts: number;
  alertsText: string;
  /** How many cells of the month are missing: the row's mark for a quick look. */
  missing: number;
  cells: GridCell[];
}

export interface GridView {
  columns: { key: Obligation; label: string }[];
  rows: GridRow[];
  /** 1月 … 12月 up to the dashboard's today, the picker's range. */
  months: string[];
  monthIndex: number;
  /** 12月共有3个支部有缺项 / 12月各支部都没有缺项 */
  summary: string;
}

const STARS = 5;

function rowOf(b: DashboardBranch, columns: GridView['columns'], year: number, month: number) {
  const cells = columns.map(({ key }) => {
    const state = stateAt(b.cells[key], year, month);
    return {
      key,
      symbol: SYMBOL[state],
      word: OWN_WORDS[key]?.[state] ?? WORD[state],
      tone: TONE[state],
    };
  });
  const n = Math.max(0, Math.min(STARS, b.fortress.stars));
  return {
    orgId: b.orgId,
    name: b.name,
    members: `党员${b.members}人`,
    stars: '★'.repeat(n) + '☆'.repeat(STARS - n),
    starsText: `${n}星`,
    alerts: b.alerts.length,
    alertsText: b.alerts.length ? `提醒${b.alerts.length}条` : '无提醒',
    missing: cells.filter((c) => c.tone === 'bad').length,
    cells,
  };
}

/** The last month of the dashboard's year the picker offers: today's month, or December. */
export function lastMonth(d: DashboardOutput): number {
  const [y, m] = d.today.split('-').map(Number);
  return y === d.year ? m : y > d.year ? 12 : 1;
}

/**
 * The month the grid opens on: the last month that has ended, so it opens on facts rather than
 * on a month still under way (all 待开展); in January, January itself.
 */
export function defaultMonth(d: DashboardOutput): number {
  const [y, m] = d.today.split('-').map(Number);
  if (y !== d.year) return lastMonth(d);
  return Math.max(1, m - 1);
}

/** The grid for `month` (1–12). */
export function gridView(d: DashboardOutput, month: number): GridView {
  const last = lastMonth(d);
  const at = Math.max(1, Math.min(last, month));
  const running = at === last && d.today.startsWith(`${d.year}-`);
  const rows = d.branches.map((b) => rowOf(b, d.obligations, d.year, at));
  const gaps = rows.filter((r) => r.missing > 0).map((r) => r.name);
  const withMissing = gaps.length;
  const named = gaps.slice(0, 3).join('、') + (gaps.length > 3 ? '等' : '');
  return {
    columns: d.obligations,
    rows,
    months: Array.from({ length: last }, (_, i) => `${d.year}年${i + 1}月`),
    monthIndex: at - 1,
    summary: !rows.length
      ? '还没有下级支部'
      : withMissing
        ? `${at}月有${withMissing}个支部有缺项（标 ✗ 的格子）：${named}`
        : running
          ? `${at}月还没有过完：已开展的标 ✓，其余待开展`
          : `${at}月各支部都没有缺项`,
  };
}
