import { settingOf } from '../../domain/org/settings';
import { randomUUID } from 'crypto';
import { StandardItem } from '../../domain/points/standard';
import {
  entryDate,
  standardDueAlert,
  StandardVersion,
  StoredVersion,
  timelineOf,
  versionAt,
} from '../../domain/points/versions';
import type { Alert } from '../../domain/shared/result';
import { localDate } from '../../domain/shared/time';
import { OrgDoc } from '../../repos/orgs';
import { AppError, notFound } from '../../runtime/errors';

/** What the points use cases share (no actions here). */

/** Points must be switched on for the branch [PTS-01]. */
export function assertPointsOn(org: OrgDoc | null): OrgDoc {
  if (!org) throw notFound('组织');
  if (!settingOf(org, 'pointsEnabled'))
    throw new AppError('POINTS.DISABLED', '本支部尚未开启党员积分管理', { ruleId: 'PTS-01' });
  return org;
}

/** An item of the standard in force, or the refusal for a code it does not have. */
export function itemOf(items: readonly StandardItem[], code: string): StandardItem {
  const item = items.find((i) => i.code === code);
  if (!item)
    throw new AppError('INPUT.INVALID', '本支部积分标准中没有这个项目', { fields: ['itemCode'] });
  return item;
}

export const newId = () => randomUUID().replace(/-/g, '');

/** A year's standard over time [PTS-13]; the default one by the branch's sector [PTS-08]. */
export const timelineFor = (
  org: Pick<OrgDoc, 'category'>,
  standards: readonly StoredVersion[],
  year: number,
): StandardVersion[] => timelineOf(standards, year, org.category);

/** The version in force now for a year: of a past year its last, of a year not begun its first. */
export function versionNow(t: readonly StandardVersion[], year: number, now: Date) {
  const today = localDate(now);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return versionAt(t, today < start ? start : today > end ? end : today);
}

/** The items that score an entry of `month` recorded now [PTS-13]. */
export const itemsForEntry = (t: readonly StandardVersion[], month: string, now: Date) =>
  versionAt(t, entryDate(month, now)).items;

/** The year's standard not published by its due day, where points are on [PTS-10]. */
export const standardAlertOf = (
  org: OrgDoc,
  published: boolean,
  year: number,
  now: Date,
): Alert | null =>
  settingOf(org, 'pointsEnabled')
    ? standardDueAlert(published, year, localDate(now), settingOf(org, 'pts.standardDueDay'))
    : null;
