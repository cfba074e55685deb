/**
 * Calendar arithmetic in Asia/Shanghai (UTC+8, no DST), whatever zone the function runs in.
 * Instants are Date/ms; calendar dates are 'YYYY-MM-DD' strings.
 */
const OFFSET_MS = 8 * 3600_000;

export function localDate(instant: Date | number): string {
  return new Date(+instant + OFFSET_MS).toISOString().slice(0, 10);
}

export function localMonth(instant: Date | number): string {
  return localDate(instant).slice(0, 7);
}

/** The instant at which a local calendar date (optionally a local time) begins. */
export function localInstant(date: string, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00+08:00`));
}

export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(+d) && d.toISOString().slice(0, 10) === s;
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** addMonths keeps the day of month and clamps to the month end (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month1 = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const addYears = (date: string, n: number): string => addMonths(date, 12 * n);

/** Whole years between two calendar dates (age, Party standing). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
