import { Alert, fail, ok, Result } from '../shared/result';
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
export function termAlerts(
  kind: OrgKind,
  end: string | null,
  today: string,
  /** An election date the superior approved (a postponement or bringing forward) [ORG-21]. */
  approvedElection?: string | null,
): Alert[] {
  if (!end || kind === 'tempBranch' || kind === 'partyGroup') return [];
  if (today > end && approvedElection && today <= approvedElection) {
    const message = `任期已于${end}届满，经上级批准于${approvedElection}前换届`;
    return [{ ruleId: 'ORG-21', level: 'info', message }];
  }
  if (today > end) {
    return [{ ruleId: 'ORG-22', level: 'alert', message: `任期已于${end}届满，尚未换届` }];
  }
  if (today >= addMonths(end, -6)) {
    return [{ ruleId: 'ORG-19', level: 'warning', message: `任期将于${end}届满，请做好换届准备` }];
  }
  return [];
}

/**
 * Postponing or bringing forward a 换届 needs the superior's approval and moves it by at most one
 * year from the end of the term [ORG-21]; a temporary branch has no 换届 [ORG-08].
 */
export function checkTermShift(kind: OrgKind, end: string, electionDate: string): Result<void> {
  if (kind === 'tempBranch' || kind === 'partyGroup') {
    return fail('INPUT.INVALID', '临时党支部和党小组不进行换届');
  }
  if (electionDate < addYears(end, -1) || electionDate > addYears(end, 1)) {
    return fail(
      'TERM.SHIFT_TOO_LARGE',
      `换届提前或延期不能超过1年（任期届满日为${end}）`,
      'ORG-21',
    );
  }
  return ok(undefined);
}
