import type { AttendanceStatus } from '../../cloudfunctions/_shared/contracts/activity';
import { tallyOf } from '../../cloudfunctions/_shared/domain/activity/tally';
import { duesYearId, paidMonthsOf } from '../../cloudfunctions/_shared/domain/dues/paid-months';
import { groupBy } from '../../cloudfunctions/_shared/domain/shared/group';
import type { Doc } from '../store';
import type { SeedData } from './index';

type Row = { activityId: string; memberId: string; status: AttendanceStatus };
type Payment = { orgId: string; memberId: string; year: number; month: string; amountFen: number };

/**
 * The summaries the actions keep on write, for a seed's records written directly: each closed
 * activity's tally (what `activity.close` writes) and each member's paid months of a year in a
 * branch (what `dues.pay` keeps), from the same pure functions the actions use; every org is
 * marked as keeping its paid months (what `insertOrg` writes).
 */
export function addSummaries(data: SeedData): void {
  const rows = groupBy(data.attendance as unknown as Row[], (r) => r.activityId);
  for (const a of data.activities) {
    if (a.status === 'closed') a.tally = tallyOf(rows.get(a._id as string) ?? []);
  }
  const years = groupBy(data.duesPayments as unknown as Payment[], (p) =>
    duesYearId(p.orgId, p.memberId, p.year),
  );
  // every seeded org's paid months are complete: it has no payment without them
  for (const o of data.orgs) o.paidMonthsKept = true;
  for (const [_id, list] of years) {
    const { orgId, memberId, year } = list[0];
    data.duesYears.push({ _id, orgId, memberId, year, paid: paidMonthsOf(list) } as Doc);
  }
}
