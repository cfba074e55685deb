import { Alert } from '../shared/result';
import { OrgKind, Sector } from './model';

/**
 * Size alerts of the orgs above branches [ORG-05, ORG-06, ORG-07]. `members` counts the org and
 * everything below it (正式 + 预备). Soft: they tell the superior, they never refuse anything.
 */
export interface SizeFacts {
  kind: OrgKind;
  sector: Sector;
  members: number;
  /** The superior approved a smaller 党总支 / 基层党委 (`org.generalBranchSizeApproved` …). */
  smallApproved: boolean;
  /** The superior approved a 党员代表大会 for elections (`org.delegateCongress`). */
  delegateCongress: boolean;
}

export function sizeAlerts(f: SizeFacts): Alert[] {
  const out: Alert[] = [];
  const m = f.members;
  if (f.kind === 'generalBranch') {
    // 机关: 50–100 both included; elsewhere the usual reading 超过50、不足100 [ORG-05].
    const organ = f.sector === 'organ';
    const under = organ ? m < 50 : m <= 50;
    const over = organ ? m > 100 : m >= 100;
    if (under && !f.smallApproved) {
      out.push({
        ruleId: 'ORG-05',
        level: 'warning',
        message: `党总支党员${m}名，${organ ? '不足50名' : '未超过50名'}，须经上级党组织批准`,
      });
    } else if (over) {
      out.push({
        ruleId: 'ORG-05',
        level: 'info',
        message: `党总支党员${m}名，${organ ? '超过100名' : '已达100名'}，可考虑设立基层党委`,
      });
    }
  }
  if (f.kind === 'baseCommittee') {
    if (m < 100 && !f.smallApproved) {
      out.push({
        ruleId: 'ORG-06',
        level: 'warning',
        message: `基层党委党员${m}名，不足100名，须经上级党组织批准`,
      });
    }
    if (m >= 500 && !f.delegateCongress) {
      out.push({
        ruleId: 'ORG-07',
        level: 'info',
        message: `党员${m}名，已达500名，换届选举经上级批准可召开党员代表大会`,
      });
    }
  }
  return out;
}

/** A 联合党支部 generally covers at most 5 units [ORG-03]; unknown units raise a prompt to record them. */
export function jointBranchAlerts(kind: OrgKind, units: number | null | undefined): Alert[] {
  if (kind !== 'jointBranch') return [];
  if (units === null || units === undefined) {
    return [{ ruleId: 'ORG-03', level: 'info', message: '联合党支部尚未填写覆盖的单位数' }];
  }
  return units > 5
    ? [
        {
          ruleId: 'ORG-03',
          level: 'warning',
          message: `联合党支部覆盖${units}个单位，一般不超过5个`,
        },
      ]
    : [];
}

/**
 * Superior liaison [ORG-25]: every branch names one (联系指导), and every administrator of a
 * 基层党委 links at least one branch.
 */
export function liaisonAlerts(
  kind: OrgKind,
  liaisonId: string | null | undefined,
  /** On a 基层党委: the names of its administrators who link no branch below it. */
  unlinkedAdmins: readonly string[] = [],
): Alert[] {
  const out: Alert[] = [];
  if ((kind === 'branch' || kind === 'jointBranch' || kind === 'tempBranch') && !liaisonId) {
    out.push({ ruleId: 'ORG-25', level: 'warning', message: '尚未明确上级联系指导人' });
  }
  if (kind === 'baseCommittee' && unlinkedAdmins.length) {
    out.push({
      ruleId: 'ORG-25',
      level: 'info',
      message: `${unlinkedAdmins.join('、')}尚未联系指导党支部`,
    });
  }
  return out;
}
