import { fail, ok, Result } from '../shared/result';
import { addMonths, localDate, localInstant, localMonth } from '../shared/time';

/** PTS-14: a month's declarations stay open until this day of the next month (Beijing time). */
export const DECLARE_UNTIL_DAY = 5;
/** PTS-18: the appeal window after a quarter is published. */
export const APPEAL_DAYS = 7;

/** 'YYYY-MM' → 'YYYY-Qn'. */
export const quarterOf = (month: string): string =>
  `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** The last day on which month M may still be declared: day 5 of M+1 [PTS-14]. */
export const declarationClosesOn = (month: string): string =>
  `${addMonths(`${month}-01`, 1).slice(0, 8)}${String(DECLARE_UNTIL_DAY).padStart(2, '0')}`;

/**
 * The months a member may declare for now [PTS-14]: this month, and last month until the 5th
 * (Beijing time). This month first.
 */
export function declarableMonths(now: Date): string[] {
  const thisMonth = localMonth(now);
  const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
  return localDate(now) <= declarationClosesOn(lastMonth) ? [thisMonth, lastMonth] : [thisMonth];
}

/** Whether month M may be declared for now, and why not [PTS-14]. */
export function declarationWindow(month: string, now: Date): Result<string> {
  if (month > localMonth(now))
    return fail('POINTS.DECLARATION_CLOSED', '不能申报尚未到来的月份', 'PTS-14');
  const closesOn = declarationClosesOn(month);
  if (localDate(now) > closesOn)
    return fail('POINTS.DECLARATION_CLOSED', `${month}的申报已于${closesOn}截止`, 'PTS-14');
  return ok(month);
}

/** A quarter may be published from its last month on (the quarter's items are then known) [PTS-18]. */
export function mayPublishQuarter(quarter: string, now: Date): boolean {
  const [y, q] = quarter.split('-Q').map(Number);
  return +localInstant(`${y}-${String(q * 3).padStart(2, '0')}-01`) <= +now;
}

/**
 * The latest quarter that may be published now: the current one from its last month on,
 * otherwise the one before (January and February publish the previous year's Q4) [PTS-18].
 */
export function publishableQuarter(now: Date): string {
  const month = localMonth(now);
  const current = quarterOf(month);
  return mayPublishQuarter(current, now)
    ? current
    : quarterOf(addMonths(`${month}-01`, -3).slice(0, 7));
}

/** When the appeal window of a quarter published at `publishedAt` closes [PTS-18]. */
export const appealUntil = (publishedAt: Date): Date =>
  new Date(+publishedAt + APPEAL_DAYS * 86400_000);

export interface Publication {
  quarter: string;
  appealUntil: Date;
}

/** The publications whose appeal window is still open now, latest window last. */
export const openWindows = <P extends Publication>(pubs: readonly P[], now: Date): P[] =>
  pubs
    .filter((p) => +new Date(p.appealUntil) >= +now)
    .sort((a, b) => +new Date(a.appealUntil) - +new Date(b.appealUntil));

/**
 * Whether an entry of `month` may be appealed now: a window of its quarter is open; base items
 * (no month) belong to every quarter [PTS-18].
 */
export function appealWindowFor<P extends Publication>(
  month: string | 'base',
  pubs: readonly P[],
  now: Date,
): P | null {
  const open = openWindows(pubs, now).filter(
    (p) => month === 'base' || p.quarter === quarterOf(month),
  );
  return open[0] ?? null;
}
