import { localDate } from '../shared/time';

const DAY = 86400_000;

/**
 * Which reminder an activity is due for at a daily run: the day before, or the morning of. A
 * member gets at most one reminder per event — at the first of these chances at which they have
 * a subscription grant [PRIV-10].
 */
export function reminderKind(startAt: Date, now: Date): 'dayBefore' | 'sameDay' | null {
  if (+startAt <= +now) return null;
  const start = localDate(startAt);
  if (start === localDate(now)) return 'sameDay';
  if (start === localDate(+now + DAY)) return 'dayBefore';
  return null;
}

/** thing.DATA holds at most 20 characters (WeChat's template limits). */
export function thing(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}

/** time.DATA: 24-hour time with the date, e.g. 2026年12月04日 15:00 (Asia/Shanghai). */
export function templateTime(instant: Date): string {
  const local = new Date(+instant + 8 * 3600_000).toISOString();
  return `${local.slice(0, 4)}年${local.slice(5, 7)}月${local.slice(8, 10)}日 ${local.slice(11, 16)}`;
}

export function activityReminderData(
  a: { title: string; startAt: Date; place: string | null; onlineUrl: string | null },
  kind: 'dayBefore' | 'sameDay',
) {
  return {
    thing1: { value: thing(a.title) },
    time2: { value: templateTime(a.startAt) },
    thing3: { value: thing(a.place ?? (a.onlineUrl ? '线上参加' : '地点见活动详情')) },
    thing4: {
      value: thing(
        kind === 'dayBefore' ? '明天举行，请安排好时间' : '今天举行，可提前20分钟扫码签到',
      ),
    },
  };
}
