import { Alert } from '../shared/result';
import { isBranchKind, OrgKind } from './model';

export interface OrgFacts {
  kind: OrgKind;
  fullMembers: number;
  probationaryMembers: number;
  /** Distinct people holding a 支委 seat. */
  committeeSize: number;
  hasSecretary: boolean;
  nearLimit?: number;
}

/** Size and committee alerts of a branch (soft rules: they never refuse anything). */
export function branchAlerts(f: OrgFacts): Alert[] {
  if (!isBranchKind(f.kind)) return [];
  const alerts: Alert[] = [];
  const total = f.fullMembers + f.probationaryMembers;
  const nearLimit = f.nearLimit ?? 45;
  if (f.fullMembers < 3) {
    alerts.push({
      ruleId: 'ORG-02',
      level: 'warning',
      message: `正式党员${f.fullMembers}名，不足3名，建议组建或加入联合党支部`,
    });
  }
  if (total >= 50) {
    alerts.push({
      ruleId: 'ORG-04',
      level: 'alert',
      message: `党员${total}名，已达50名，应考虑分设支部或成立党总支`,
    });
  } else if (total >= nearLimit) {
    alerts.push({ ruleId: 'ORG-04', level: 'info', message: `党员${total}名，接近50人上限` });
  }
  if (f.fullMembers >= 7 && f.committeeSize <= 1) {
    alerts.push({
      ruleId: 'ORG-09',
      level: 'warning',
      message: `正式党员${f.fullMembers}名，应设立支部委员会`,
    });
  }
  if (
    f.fullMembers >= 7 &&
    f.committeeSize > 1 &&
    (f.committeeSize > 5 || f.committeeSize % 2 === 0)
  ) {
    alerts.push({
      ruleId: 'ORG-12',
      level: 'info',
      message: `支委会${f.committeeSize}人，一般为3至5人的奇数`,
    });
  }
  if (!f.hasSecretary) {
    alerts.push({ ruleId: 'ORG-13', level: 'warning', message: '尚未设置支部书记' });
  }
  return alerts;
}
