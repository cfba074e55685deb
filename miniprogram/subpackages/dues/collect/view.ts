/** What the collection sheet shows of the ledger and the arrears: one month, in yuan. */
import type { ActionOutput } from '../../../services/types';
import { monthText, statusLabels, statusThemes, yuanText } from '../../../utils/dues-view';

type Ledger = Extract<ActionOutput<'dues', 'ledger'>, { rows: unknown }>;
type Row = Ledger['rows'][number];
type Arrear = ActionOutput<'dues', 'arrears'>[number];

const GROUPS = ['待交', '已交齐', '未核定'] as const;

export function toRowView(r: Row, month: string) {
  const m = r.months.find((x) => x.month === month);
  const status = m?.status ?? 'notDue';
  const owedFen = m ? Math.max(0, m.dueFen - m.paidFen) : 0;
  const canPay = status === 'unpaid' || status === 'under';
  return {
    memberId: r.memberId,
    name: r.name,
    group: canPay ? 0 : status === 'paid' ? 1 : 2,
    /** The group's title on its first row (set by toRowViews), else ''. */
    header: '',
    rated: status !== 'notDue',
    dueText: status === 'notDue' ? '本月未核定' : `应交 ${yuanText(m!.dueFen)} 元`,
    paidText: m && m.paidFen ? `已交 ${yuanText(m.paidFen)} 元` : '',
    statusText: statusLabels[status],
    theme: statusThemes[status],
    canPay,
    owed: yuanText(owedFen),
  };
}
export type RowView = ReturnType<typeof toRowView>;

/** The sheet in three groups — still to pay, paid, not yet 核定 — each in the ledger's order. */
export function toRowViews(rows: Row[], month: string): RowView[] {
  const views = rows.map((r) => toRowView(r, month));
  const sorted = [0, 1, 2].flatMap((g) => views.filter((v) => v.group === g));
  return sorted.map((v, i) => {
    if (i > 0 && sorted[i - 1].group === v.group) return v;
    const count = sorted.filter((x) => x.group === v.group).length;
    return { ...v, header: `${GROUPS[v.group]}（${count} 人）` };
  });
}

export function toSummary(rows: Row[], month: string): string {
  const months = rows.map((r) => r.months.find((x) => x.month === month));
  const due = months.filter((m) => m && m.status !== 'notDue');
  const paid = due.filter((m) => m!.status === 'paid').length;
  const total = months.reduce((s, m) => s + (m?.paidFen ?? 0), 0);
  return `${monthText(month)}应交 ${due.length} 人，已交齐 ${paid} 人，共收 ${yuanText(total)} 元`;
}

/** '2026-03' → 3月, or 2025年12月 for another year than `year`. */
function monthOf(month: string, year: number): string {
  return month.startsWith(String(year))
    ? monthText(month)
    : `${month.slice(0, 4)}年${monthText(month)}`;
}

/** A prompt to look in on the member, never a verdict; the backend's own alert when it has one. */
export function toArrearView(a: Arrear, year: number) {
  const months = a.unpaidMonths.map((m) => monthOf(m, year));
  // 1月、2月…6月等 (never "6月、等")
  const shown = months.length > 6 ? `${months.slice(0, 6).join('、')}等` : months.join('、');
  return {
    key: a.memberId,
    text: `${a.name}：${a.unpaidMonths.length} 个月未交齐（${shown}）`,
    alert: a.alert ?? '',
  };
}
export type ArrearView = ReturnType<typeof toArrearView>;
