import type { Sector } from '../org/model';
import { Alert, fail, ok, Result } from '../shared/result';
import { localDate, localInstant } from '../shared/time';
import { defaultItems, StandardItem } from './standard';

/** A stored version of a year's standard. */
export interface StoredVersion {
  version: number;
  effectiveFrom: string | null;
  items: StandardItem[];
}

export interface StandardVersion {
  version: number;
  /** YYYY-MM-DD (Beijing): the version scores the events of this date and later. */
  effectiveFrom: string;
  items: StandardItem[];
  isDefault: boolean;
}

/**
 * A year's standard over time [PTS-13]: the default (version 0, by sector [PTS-08]) from 1 January,
 * then every stored version from its effective date. Old versions are kept, never replaced.
 */
export function timelineOf(
  stored: readonly StoredVersion[],
  year: number,
  sector?: Sector,
): StandardVersion[] {
  const start = `${year}-01-01`;
  return [
    { version: 0, effectiveFrom: start, items: defaultItems(sector), isDefault: true },
    ...[...stored]
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        version: v.version,
        effectiveFrom: v.effectiveFrom && v.effectiveFrom > start ? v.effectiveFrom : start,
        items: v.items,
        isDefault: false,
      })),
  ];
}

/** The version that scores an event of `date`: of those in effect by then, the last decided [PTS-13]. */
export function versionAt(t: readonly StandardVersion[], date: string): StandardVersion {
  let best = t[0];
  for (const v of t) if (v.effectiveFrom <= date && v.version >= best.version) best = v;
  return best;
}

const nextDay = (date: string) => localDate(+localInstant(date) + 86400_000);

/**
 * The date a new version of `year`'s standard takes effect [PTS-13]: the stated one, or the
 * earliest allowed — tomorrow (Beijing), or 1 January of a year not begun. Never earlier: today's
 * and earlier events keep the scores they had. Not after the year, nor for a year that is over.
 */
export function effectiveFromFor(
  year: number,
  stated: string | undefined,
  today: string,
): Result<string> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today >= end)
    return fail('POINTS.STANDARD_INVALID', `${year}年的积分已记完，不能再改标准`, 'PTS-13');
  const tomorrow = nextDay(today);
  const earliest = tomorrow > start ? tomorrow : start;
  const from = stated ?? earliest;
  if (from < earliest)
    return fail(
      'POINTS.STANDARD_INVALID',
      `新标准最早从${earliest}起执行，此前已记的积分不按新标准重算`,
      'PTS-13',
    );
  if (from > end) return fail('POINTS.STANDARD_INVALID', `生效日期须在${year}年内`, 'PTS-13');
  return ok(from);
}

/** The date a ledger entry of `month` counts at: when it was recorded, within its month [PTS-13]. */
export function entryDate(month: string, recordedAt?: Date | string | null): string {
  const first = `${month}-01`;
  if (!recordedAt) return first;
  const at = localDate(new Date(recordedAt));
  const last = localDate(+localInstant(`${month}-01`) + 31 * 86400_000).slice(0, 7) + '-01';
  const lastDay = localDate(+localInstant(last) - 86400_000);
  return at < first ? first : at > lastDay ? lastDay : at;
}

/** The date by which the year's standard is published [PTS-10]: day `dueDay` of the year (31 → 01-31). */
export const standardDueDate = (year: number, dueDay: number): string =>
  localDate(+localInstant(`${year}-01-01`) + (dueDay - 1) * 86400_000);

/**
 * The soft alert of a year whose standard was not published by its due date [PTS-10]: the
 * default standard keeps scoring meanwhile; the committee is told.
 */
export function standardDueAlert(
  published: boolean,
  year: number,
  today: string,
  dueDay: number,
): Alert | null {
  const due = standardDueDate(year, dueDay);
  if (published || today <= due || today.slice(0, 4) !== String(year)) return null;
  return {
    ruleId: 'PTS-10',
    level: 'warning',
    message: `本支部${year}年的积分标准应于${due}前公布，目前仍按默认标准计分，请支委会研究后公布`,
  };
}
