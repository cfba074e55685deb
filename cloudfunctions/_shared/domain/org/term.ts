import { Alert } from '../shared/result';
import { addMonths, addYears } from '../shared/time';
import { OrgKind, Sector } from './model';

/** Term length [ORG-18]: 基层党委 5 years; 总支 and 支部 3; village and community orgs 5. */
export function defaultTermYears(kind: OrgKind, sector: Sector): number {
  if (sector === 'village' || sector === 'community') return 5;
  return kind === 'baseCommittee' ? 5 : 3;
}

export const termEnd = (termStart: string, termYears: number): string =>
  addYears(termStart, termYears);

/**
 * 换届 reminders [ORG-19] from six months before the term ends, and the standing 超任期 alert
 * once it has passed [ORG-22]. Temporary branches have no 换届 [ORG-08].
 */
export function termAlerts(kind: OrgKind, end: string | null, today: string): Alert[] {
  if (!end || kind === 'tempBranch' || kind === 'partyGroup') return [];
  if (today > end) {
    return [{ ruleId: 'ORG-22', level: 'alert', message: `任期已于${end}届满，尚未换届` }];
  }
  if (today >= addMonths(end, -6)) {
    return [{ ruleId: 'ORG-19', level: 'warning', message: `任期将于${end}届满，请做好换届准备` }];
  }
  return [];
}
