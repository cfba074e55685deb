/**
 * The alerts the daily scheduler sends by subscription message (工作提醒): for each, when it is
 * due, who must act, and its once-key — so a run never sends one twice and a new occurrence (a
 * new month, a new run of absences, a new stretch) sends again. Pure: `today` is a parameter.
 */
import { ARREARS_ALERT_MONTHS } from '../dues/ledger';
import { addMonths } from '../shared/time';

export type AlertRule =
  'ORG-19' | 'ORG-22' | 'TD-01' | 'TD-23' | 'FEE-23' | 'FEE-24' | 'FORT-22' | 'DIS-07';

export const ALERT_RULES: readonly AlertRule[] = [
  'ORG-19',
  'ORG-22',
  'TD-01',
  'TD-23',
  'FEE-23',
  'FEE-24',
  'FORT-22',
  'DIS-07',
];

/** Who must act: the branch's secretary and deputy, its superior administrators, … */
export type Audience = 'officers' | 'superior' | 'member' | 'duesManager' | 'maintainer';

/** The calendar month before the one `today` is in ('YYYY-MM'); January's is last December. */
export const previousMonth = (today: string): string =>
  addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * A theme-day month missed [TD-01]: from day 1 of the next month, the month just ended when it
 * is among the missing periods (the running month is never missing yet). Sent to the branch and
 * its superior; once per branch and month.
 */
export function missingThemeDayMonth(today: string, missing: readonly string[]): string | null {
  const month = previousMonth(today);
  return missing.includes(month) ? month : null;
}

/**
 * The stage of a 换届 reminder [ORG-19]: 6, 3 and 1 months before the term ends; after it, the
 * standing 超任期 alert [ORG-22] is sent again each month until the branch has elected.
 */
export function termStage(
  end: string,
  today: string,
): { ruleId: 'ORG-19' | 'ORG-22'; stage: string } | null {
  if (today > end) return { ruleId: 'ORG-22', stage: `over-${today.slice(0, 7)}` };
  for (const months of [1, 3, 6])
    if (today >= addMonths(end, -months)) return { ruleId: 'ORG-19', stage: `m${months}` };
  return null;
}

/**
 * Who hears of a stale 公开栏 [DIS-07]: at 30 days the maintainer, at 60 the secretary and the
 * superior as well. Once per level and last update.
 */
export function staleAudience(level: 'ok' | 'maintainer' | 'secretary'): Audience[] {
  if (level === 'maintainer') return ['maintainer'];
  if (level === 'secretary') return ['maintainer', 'officers', 'superior'];
  return [];
}

/**
 * Arrears [FEE-23, FEE-24]: the member hears of their own months owed, once per newest owed
 * month; the dues manager gets a count per branch (never a list of names by message). Six months
 * in a row with nothing paid is FEE-23's procedure alert, the rest FEE-24's.
 */
export function arrearsRule(a: { consecutiveUnpaid: number }): 'FEE-23' | 'FEE-24' {
  return a.consecutiveUnpaid >= ARREARS_ALERT_MONTHS ? 'FEE-23' : 'FEE-24';
}
