/** The year plan as the page shows it: month by month, each move said in words; nothing decided here. */
import type { PlanItem } from '../../../services/types';
import { dayText, typeLabels } from '../../../utils/activity-view';

export interface ItemView {
  /** The item's place in the draft (what the date picker changes). */
  index: number;
  key: string;
  date: string;
  dayText: string;
  time: string;
  typeText: string;
  title: string;
  /** "因节假日调整" / "因时间冲突调整", or '' when the item is where the rule put it. */
  moveTag: string;
  /** What moved and why, with the original date (from the backend). */
  moveText: string;
}

export interface MonthView {
  month: number;
  title: string;
  countText: string;
  movedText: string;
  open: boolean;
  items: ItemView[];
}

const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function toItemView(i: PlanItem, index: number): ItemView {
  const tag =
    i.moveReason === 'holiday'
      ? '因节假日调整'
      : i.moveReason === 'overlap'
        ? '因时间冲突调整'
        : '';
  const fallback = i.movedFrom ? `原定${md(i.movedFrom)}` : '';
  return {
    index,
    key: `${index}`,
    date: i.date,
    dayText: dayText(`${i.date}T12:00:00+08:00`),
    time: `${i.startTime}–${i.endTime}`,
    typeText: typeLabels[i.type] ?? '活动',
    title: i.title,
    moveTag: tag || (i.movedFrom ? '已调整' : ''),
    moveText: i.moveNote ?? fallback,
  };
}

/** The months that have items, in order; `open` months show their items. */
export function toMonths(items: readonly PlanItem[], open: ReadonlySet<number>): MonthView[] {
  const byMonth = new Map<number, ItemView[]>();
  items.forEach((item, index) => {
    const m = Number(item.date.slice(5, 7));
    const list = byMonth.get(m) ?? [];
    list.push(toItemView(item, index));
    byMonth.set(m, list);
  });
  return [...byMonth.keys()]
    .sort((a, b) => a - b)
    .map((month) => {
      const list = (byMonth.get(month) ?? []).sort((a, b) =>
        (a.date + a.time).localeCompare(b.date + b.time),
      );
      const moved = list.filter((i) => i.moveTag).length;
      return {
        month,
        title: `${month}月`,
        countText: `${list.length} 项`,
        movedText: moved ? `${moved} 项已调整` : '',
        open: open.has(month),
        items: list,
      };
    });
}

/** The month opened first: the running month in the running year, else the first month. */
export function firstOpenMonth(items: readonly PlanItem[], year: number, today: string): number {
  const months = items.map((i) => Number(i.date.slice(5, 7))).sort((a, b) => a - b);
  if (Number(today.slice(0, 4)) === year) {
    const now = Number(today.slice(5, 7));
    return months.find((m) => m >= now) ?? months[months.length - 1] ?? now;
  }
  return months[0] ?? 1;
}

/** The item as `publishPlan` takes it back: what moved stays said, unless the secretary changed the day. */
export function toPublished(i: PlanItem) {
  const { type, date, title, startTime, endTime, agenda } = i;
  const moved =
    i.movedFrom || i.movedFromTime
      ? {
          ...(i.movedFrom ? { movedFrom: i.movedFrom } : {}),
          ...(i.movedFromTime ? { movedFromTime: i.movedFromTime } : {}),
          ...(i.moveReason ? { moveReason: i.moveReason } : {}),
          ...(i.moveNote ? { moveNote: i.moveNote } : {}),
        }
      : {};
  return { type, date, title, startTime, endTime, agenda, ...moved };
}

/** A date the secretary picked herself: the plan's own move no longer describes it. */
export function withDate(i: PlanItem, date: string): PlanItem {
  const { type, title, startTime, endTime, agenda, ruleId } = i;
  return { type, title, startTime, endTime, agenda, ruleId, date };
}
