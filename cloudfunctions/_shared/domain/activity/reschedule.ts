import type { TdWarning } from '../../contracts/activity';
import { localDate, localMonth } from '../shared/time';
import { HolidayCalendar, suggestedDay } from './holidays';

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;

/**
 * What moving an activity says, as soft warnings (the move goes through) [TD-04]: a theme day
 * moved out of its scheduled month leaves that month without one (the month is "相对固定" only
 * within itself), and a new day that is a holiday gets the next working day suggested.
 */
export function rescheduleWarnings(
  type: string,
  scheduled: Date,
  to: Date,
  calendar: HolidayCalendar,
): TdWarning[] {
  const out: TdWarning[] = [];
  if (type === 'themeDay' && localMonth(scheduled) !== localMonth(to)) {
    const m = monthName(localMonth(scheduled));
    out.push({
      ruleId: 'TD-04',
      kind: 'otherMonth',
      message: `改到其他月份后，${m}仍算没有开展主题党日，请在${m}内另行安排`,
    });
  }
  const day = localDate(to);
  const suggested = suggestedDay(day, calendar);
  if (suggested !== day)
    out.push({
      ruleId: 'TD-04',
      kind: 'holiday',
      message: `新日期是节假日，建议改到${monthName(suggested.slice(0, 7))}${Number(suggested.slice(8))}日`,
      date: suggested,
    });
  return out;
}

/**
 * The TD-06 filing check: the year's plan is filed with the superior (published) before the
 * year's first theme day. Not filed when that day has come, or filed on or after it: a warning.
 */
export function planFilingWarnings(
  filedOn: string | null,
  firstThemeDay: string | null,
  today: string,
): TdWarning[] {
  if (!firstThemeDay) return [];
  if (filedOn === null && today >= firstThemeDay)
    return [
      {
        ruleId: 'TD-06',
        kind: 'planNotFiled',
        message: '今年第一次主题党日前应将全年主题党日计划报上级党组织备案，目前还没有报备',
        date: firstThemeDay,
      },
    ];
  if (filedOn !== null && filedOn >= firstThemeDay)
    return [
      {
        ruleId: 'TD-06',
        kind: 'planFiledLate',
        message: '全年主题党日计划在第一次主题党日之后才报备，应在第一次主题党日前报备',
        date: firstThemeDay,
      },
    ];
  return [];
}
