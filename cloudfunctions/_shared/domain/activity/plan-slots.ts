import type { ActivityType, PlanItem } from '../../contracts/activity';
import { HolidayCalendar, isWorkingDay, nextDate, previousDate } from './holidays';

/** The working hours plan items are placed in. */
export const DAY_START = '08:00';
export const DAY_END = '18:00';

/**
 * Items that belong on the theme day by rule (the theme day, its morning 支委会 and its 党员大会
 * [TD-27], the 党课 given with it) are moved within the day first; the others (组织生活会, 民主评议)
 * keep their hours and take the nearest working day of the month first.
 */
const OWN_DAY: ReadonlySet<ActivityType> = new Set(['orgLifeMeeting', 'democraticAppraisal']);

const typeNames: Partial<Record<ActivityType, string>> = {
  themeDay: '主题党日',
  committeeMeeting: '支委会',
  branchAssembly: '党员大会',
  partyLecture: '党课',
  orgLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议党员',
  groupMeeting: '党小组会',
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** `M月D日` of a calendar date. */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

interface Slot {
  date: string;
  start: number;
  end: number;
}

const overlaps = (a: Slot, b: Slot) => a.date === b.date && a.start < b.end && b.start < a.end;

/** Working days of the month, nearest to `date` first (later before earlier on a tie). */
function nearbyWorkingDays(date: string, cal: HolidayCalendar): string[] {
  const month = date.slice(0, 7);
  const after: string[] = [];
  const before: string[] = [];
  for (let d = nextDate(date); d.slice(0, 7) === month; d = nextDate(d))
    if (isWorkingDay(d, cal)) after.push(d);
  for (let d = previousDate(date); d.slice(0, 7) === month; d = previousDate(d))
    if (isWorkingDay(d, cal)) before.push(d);
  const out: string[] = [];
  for (let i = 0; i < Math.max(after.length, before.length); i++) {
    if (after[i]) out.push(after[i]);
    if (before[i]) out.push(before[i]);
  }
  return out;
}

/** Free slots of the item's length on one day, nearest to its hours first. */
function shiftedOnDay(date: string, want: Slot, placed: readonly Slot[]): Slot[] {
  const len = want.end - want.start;
  const starts = new Set<number>();
  for (const p of placed.filter((s) => s.date === date)) {
    starts.add(p.end);
    starts.add(p.start - len);
  }
  return [...starts]
    .filter((s) => s >= minutes(DAY_START) && s + len <= minutes(DAY_END))
    .sort((a, b) => Math.abs(a - want.start) - Math.abs(b - want.start) || a - b)
    .map((start) => ({ date, start, end: start + len }));
}

function candidates(item: PlanItem, cal: HolidayCalendar, placed: readonly Slot[]): Slot[] {
  const own: Slot = { date: item.date, start: minutes(item.startTime), end: minutes(item.endTime) };
  const days = nearbyWorkingDays(item.date, cal);
  const sameHours = days.map((date) => ({ ...own, date }));
  const shifted = [item.date, ...days].flatMap((d) => shiftedOnDay(d, own, placed));
  return OWN_DAY.has(item.type) ? [own, ...sameHours, ...shifted] : [own, ...shifted, ...sameHours];
}

/**
 * The plan with no two items at the same time [MTG-09]: items are placed in the order given (the
 * first keeps its slot); an item that would overlap one placed before goes to the nearest free
 * slot on a working day of the same month (never another month, TD-04), within 08:00–18:00. The
 * move is recorded on the item (`movedFrom` for the day, `movedFromTime` for the hours,
 * `moveReason`) with a sentence for the secretary (`moveNote`). An item with no free slot in its
 * month (a month full of meetings) keeps its day and is returned with `moveNote` saying so.
 */
export function separateItems(items: readonly PlanItem[], cal: HolidayCalendar): PlanItem[] {
  const placed: { slot: Slot; item: PlanItem }[] = [];
  const out: PlanItem[] = [];
  for (const item of items) {
    const clash = (s: Slot) => placed.find((p) => overlaps(p.slot, s));
    const own: Slot = {
      date: item.date,
      start: minutes(item.startTime),
      end: minutes(item.endTime),
    };
    const first = clash(own);
    if (!first) {
      placed.push({ slot: own, item });
      out.push(item);
      continue;
    }
    const free = candidates(
      item,
      cal,
      placed.map((p) => p.slot),
    ).find((s) => !clash(s));
    if (!free) {
      placed.push({ slot: own, item });
      out.push({ ...item, moveNote: `${monthDay(item.date)}当月已无空闲时段，请手动调整` });
      continue;
    }
    const moved: PlanItem = {
      ...item,
      date: free.date,
      startTime: clock(free.start),
      endTime: clock(free.end),
      moveReason: item.moveReason ?? 'overlap',
    };
    if (free.date !== item.date) moved.movedFrom = item.movedFrom ?? item.date;
    if (free.start !== own.start) moved.movedFromTime = item.movedFromTime ?? item.startTime;
    const other = typeNames[first.item.type] ?? first.item.title;
    const to =
      free.date === item.date
        ? `改为${clock(free.start)}开始`
        : `调至${monthDay(free.date)}${free.start !== own.start ? ` ${clock(free.start)}` : ''}`;
    const overlapNote = `原定${monthDay(item.date)} ${item.startTime}与${other}时间重叠，${to}`;
    moved.moveNote = item.moveNote ? `${item.moveNote}；${overlapNote}` : overlapNote;
    placed.push({ slot: free, item: moved });
    out.push(moved);
  }
  return out;
}
