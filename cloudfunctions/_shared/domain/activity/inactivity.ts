/**
 * Inactivity of a branch [FORT-22]: no organisational-life record (an activity held and closed)
 * for `fort.inactiveDays` days (30 by default) turns the branch yellow and alerts its superior and
 * its secretary. A branch with no record yet counts from the day it was set up.
 */
export interface Inactivity {
  ruleId: 'FORT-22';
  /** Yellow: the days without a record have reached the limit. */
  inactive: boolean;
  /** Whole days since the last record (or since the branch was set up). */
  days: number;
  /** The local date counted from: the last record's, or the set-up date. */
  since: string;
  /** Whether `since` is a record's date (false: the set-up date, nothing held yet). */
  hasRecord: boolean;
  limit: number;
  message: string | null;
}

/** Whole calendar days from one local date to another (Asia/Shanghai dates, no DST). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

export function inactivityOf(
  lastRecord: string | null,
  setUpOn: string,
  today: string,
  limit: number,
): Inactivity {
  const since = lastRecord ?? setUpOn;
  const days = Math.max(0, daysBetween(since, today));
  const inactive = days >= limit;
  return {
    ruleId: 'FORT-22',
    inactive,
    days,
    since,
    hasRecord: lastRecord !== null,
    limit,
    message: !inactive
      ? null
      : lastRecord
        ? `已${days}天没有组织生活记录`
        : `成立${days}天尚无组织生活记录`,
  };
}

/** One alert per stretch of inactivity: a new record and a new stretch alert again. */
export const inactivityKey = (orgId: string, i: Inactivity): string => `${orgId}:${i.since}`;
