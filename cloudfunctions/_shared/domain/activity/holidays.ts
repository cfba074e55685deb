/**
 * The holiday calendar `calendar.holidays` (rules.md "Time"): public holidays and the adjusted
 * working weekends (调休上班). Working days come from it, never from weekdays alone.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days (and holiday weekends), 'YYYY-MM-DD'. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

/** ISO weekday (1 = Monday … 7 = Sunday). */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) out.push(d);
  return out;
};

/** The calendar day after a date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}

/** The calendar day before a date. */
export function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
}

/**
 * The national calendar built in, by year. 2026: 国务院办公厅关于2026年部分节假日安排的通知.
 * 2027: only the statutory days of 《全国年节及纪念日放假办法》 until the State Council's
 * arrangement is entered (a committee enters it with `activity.setHolidays`).
 */
export const NATIONAL_CALENDAR: Readonly<Record<number, HolidayCalendar>> = {
  2026: {
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  2027: {
    holidays: [
      '2027-01-01',
      ...range('2027-02-05', '2027-02-08'),
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', '2027-10-03'),
    ],
    workdays: [],
  },
};

/** Whether the national calendar of that year is the State Council's full arrangement. */
export const isProvisional = (year: number, own?: HolidayCalendar | null): boolean =>
  !own && year !== 2026;

/** The calendar in force for a year: the committee's own for that year, else the national one. */
export function calendarFor(year: number, own?: HolidayCalendar | null): HolidayCalendar {
  return own ?? NATIONAL_CALENDAR[year] ?? { holidays: [], workdays: [] };
}

/** A working day: an adjusted working weekend, or a weekday that is no holiday. */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  return weekday(date) <= 5;
}

/**
 * Where a scheduled theme day goes when its day is a holiday: the next working day of the same
 * month, or, when the month has none left, the last working day before it in the month (a day
 * moved into another month would not satisfy this one) [TD-04]. The day itself when it is a
 * working day — or a weekend the schedule chose on purpose, which is no holiday.
 */
export function suggestedDay(date: string, cal: HolidayCalendar): string {
  if (!cal.holidays.includes(date)) return date;
  const month = date.slice(0, 7);
  for (let d = nextDate(date); d.slice(0, 7) === month; d = nextDate(d))
    if (isWorkingDay(d, cal)) return d;
  for (let d = previousDate(date); d.slice(0, 7) === month; d = previousDate(d))
    if (isWorkingDay(d, cal)) return d;
  return date;
}
