import type { AttendanceStatus } from '../../contracts/activity';
import { addMonths } from '../shared/time';

export type AbsenceKind =
  'consecutiveAbsences' | 'cumulativeAbsences' | 'consecutiveWarning' | 'cumulativeWarning';

export interface AbsenceFlag {
  memberId: string;
  kind: AbsenceKind;
  count: number;
  activityIds: string[];
  ruleId: 'TD-22' | 'TD-23';
}

export interface AbsenceOptions {
  /** Whether an excused session ends a run of absences (it never counts as one) [TD-24]. */
  excusedBreaksStreak?: boolean;
}

/** TD-22's thresholds and TD-23's early warnings, one step before each. */
export const FLAG_STREAK = 3;
export const FLAG_TOTAL = 6;
export const WARN_STREAK = 2;
export const WARN_TOTAL = 4;

/**
 * Within a year, 3 consecutive or 6 cumulative unexcused absences from the member's expected
 * theme days flag them for the 民主评议 decision — a flag, never a grade [TD-22]. Excused and
 * exempt sessions are skipped (neither count nor break the streak, unless the branch chose that
 * excused ones break it [TD-24]); present, late and remote break it. `sessions` are the closed
 * theme days in date order.
 *
 * One step before each flag, an early warning [TD-23]: the member's current run of absences has
 * reached 2 (and no run of 3 flagged them), or their total has reached 4 (and not yet 6). The
 * warning asks for a 谈心谈话 while there is still time.
 */
export function absenceFlags(
  sessions: string[],
  statuses: Map<string, Map<string, AttendanceStatus>>,
  options: AbsenceOptions = {},
): AbsenceFlag[] {
  const flags: AbsenceFlag[] = [];
  for (const [memberId, byActivity] of statuses) {
    let run: string[] = [];
    let longest: string[] = [];
    const all: string[] = [];
    for (const activityId of sessions) {
      const s = byActivity.get(activityId);
      if (!s || s === 'exempt') continue;
      if (s === 'excused') {
        if (options.excusedBreaksStreak) run = [];
        continue;
      }
      if (s === 'absent' || s === 'remotePending') {
        run.push(activityId);
        all.push(activityId);
        if (run.length > longest.length) longest = [...run];
      } else run = [];
    }
    const flag = (kind: AbsenceKind, ids: string[], ruleId: AbsenceFlag['ruleId']) =>
      flags.push({ memberId, kind, count: ids.length, activityIds: ids, ruleId });
    const flagged = longest.length >= FLAG_STREAK || all.length >= FLAG_TOTAL;
    if (longest.length >= FLAG_STREAK) flag('consecutiveAbsences', longest, 'TD-22');
    if (all.length >= FLAG_TOTAL) flag('cumulativeAbsences', all, 'TD-22');
    // The early warning comes before the flag [TD-23]: once flagged, it has nothing left to warn of.
    if (!flagged && run.length >= WARN_STREAK) flag('consecutiveWarning', run, 'TD-23');
    if (!flagged && all.length >= WARN_TOTAL) flag('cumulativeWarning', all, 'TD-23');
  }
  return flags;
}

/**
 * The once-key of an early warning [TD-23]: one message per member per run of absences (its
 * first session), and one per reaching 4 in the year (the fourth absence). A new run, or a new
 * year's fourth, warns again; the same one never twice.
 */
export function warningKey(f: AbsenceFlag): string | null {
  if (f.kind === 'consecutiveWarning') return `${f.memberId}:run:${f.activityIds[0]}`;
  if (f.kind === 'cumulativeWarning') return `${f.memberId}:total:${f.activityIds[WARN_TOTAL - 1]}`;
  return null;
}

export type AbsenceYear = 'calendar' | 'rolling12';

/**
 * The local dates [from, to) whose theme days count [TD-22, TD-24]: the calendar year asked for,
 * or the 12 months up to today (for the current year) or up to the year's end (for a past year).
 */
export function absenceWindow(mode: AbsenceYear, year: number, today: string): [string, string] {
  const yearEnd = `${year + 1}-01-01`;
  if (mode === 'calendar') return [`${year}-01-01`, yearEnd];
  const end = today < yearEnd ? nextDay(today) : yearEnd;
  return [addMonths(end, -12), end];
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}
