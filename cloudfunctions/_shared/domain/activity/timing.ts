import { fail, ok, Result } from '../shared/result';

const DAY_MS = 86_400_000;
/** How far from now an activity may start: about a year either way. */
export const START_WINDOW_DAYS = 400;
/** The longest one activity may last; longer events are registered day by day. */
export const MAX_DURATION_HOURS = 24;

/**
 * Sane times for an activity: it ends after it starts, lasts at most a day, and starts within
 * about a year of now (−400 … +400 days), so no year 0000 and no 2,000-year sign-in window. An
 * activity already over still needs the late-registration path on top of this [MTG-17].
 */
export function checkActivityTimes(startAt: Date, endAt: Date, now: Date): Result<void> {
  const start = +startAt;
  const end = +endAt;
  if (!Number.isFinite(start) || !Number.isFinite(end))
    return fail('ACTIVITY.TIME_RANGE', '活动时间格式不对');
  if (end <= start) return fail('ACTIVITY.TIME_RANGE', '活动结束时间须晚于开始时间');
  if (end - start > MAX_DURATION_HOURS * 3_600_000)
    return fail('ACTIVITY.TIME_RANGE', '一次活动最长一天，跨天的活动请按天分别登记');
  const days = (start - +now) / DAY_MS;
  if (days > START_WINDOW_DAYS)
    return fail('ACTIVITY.TIME_RANGE', '活动开始时间太远了，只能安排一年以内的活动');
  if (days < -START_WINDOW_DAYS)
    return fail('ACTIVITY.TIME_RANGE', '活动开始时间太早了，一年以前的活动不能再登记');
  return ok(undefined);
}
