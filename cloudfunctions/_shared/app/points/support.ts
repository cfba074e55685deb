import { settingOf } from '../../domain/org/settings';
import { randomUUID } from 'crypto';
import { StandardItem } from '../../domain/points/standard';
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
