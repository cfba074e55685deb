/**
 * What the rectification list page shows [APR-18, MTG-31, MTG-39]: each item with its owner,
 * deadline and report windows in words (已报告 / 待报告 / 已逾期, with a mark, never colour
 * alone). Every date and state is the backend's; the page computes none.
 */
import type { RectificationListOut } from '../../../services/appraisal';
import { dateText } from '../view';

type Item = RectificationListOut['items'][number];

const OWNER_WORDS: Record<Item['ownerKind'], string> = {
  member: '党员本人',
  committee: '支部委员会',
  secretary: '支部书记',
};

export const OWNER_KINDS = Object.keys(OWNER_WORDS) as Item['ownerKind'][];
export const OWNER_CHOICES = OWNER_KINDS.map((k) => OWNER_WORDS[k]);

const WINDOW_WORDS: Record<Item['windows'][number]['status'], { word: string; mark: string }> = {
  reported: { word: '已报告', mark: '✓' },
  due: { word: '待报告', mark: '○' },
  overdue: { word: '已逾期，请尽快报告', mark: '!' },
};

export function ownerText(i: Pick<Item, 'ownerKind' | 'ownerName'>): string {
  if (i.ownerKind === 'member') return i.ownerName ?? '党员本人';
  return i.ownerName ? `${OWNER_WORDS[i.ownerKind]}（${i.ownerName}）` : OWNER_WORDS[i.ownerKind];
}

export function itemView(i: Item) {
  const done = !!i.doneOn;
  return {
    id: i.id,
    /** A class name for the item (ids carry a colon). */
    cls: i.id.replace(/[^A-Za-z0-9_-]/g, '-'),
    source: i.sourceWord,
    problem: i.problem,
    commitment: i.commitment,
    owner: ownerText(i),
    deadline: `${dateText(i.deadline)}前完成`,
    state: done
      ? `✓ 已于${dateText(i.doneOn)}完成`
      : i.overdue
        ? '! 已超过完成期限，尚未完成'
        : '○ 正在整改',
    tone: done ? 'done' : i.overdue ? 'overdue' : 'open',
    windows: i.windows.map((w) => ({
      key: w.dueOn,
      text: `${dateText(w.dueOn)}前报告一次进展`,
      ...WINDOW_WORDS[w.status],
      status: w.status,
    })),
    reports: i.reports.map((r) => ({ key: `${r.on}:${r.text}`, on: dateText(r.on), text: r.text })),
    evidence: i.evidence,
    mayReport: i.mayReport && !done,
    mayClose: i.mayClose && !done,
  };
}

export type ItemView = ReturnType<typeof itemView>;

export function statusText(s: RectificationListOut['status']): string {
  if (!s.total) return '清单上还没有整改事项';
  const overdue = s.overdue ? `，逾期${s.overdue}项` : '';
  return `共${s.total}项：已完成${s.done}项，未完成${s.open}项${overdue}`;
}

/** Today in Beijing as the backend's calendar date (2026-12-01). */
export function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
