/**
 * A branch's drill-down for the superior (`org.branchDetail`, issue 16): counts and records only.
 * Never a ballot, a vote choice, attendance by name or a member's score [PTS-21, PRIV-09]; the
 * only names are the committee's (whom the superior appoints and approves), no phone number.
 */
import type { BranchDetailOutput } from '../../contracts/org-oversight';
import { ACTIVITY_TYPE_NAMES } from '../../domain/activity/type-names';
import { attended } from '../../domain/activity/participants';
import { COMMITTEE_ROLES, ROLES } from '../../domain/org/model';
import { localDate, localMonth } from '../../domain/shared/time';
import { dashboardLookups, extraOf } from '../../repos/dashboard-scan';
import type { OrgDoc } from '../../repos/orgs';
import { lastSpotChecks } from '../../repos/spot-checks';
import { recentInactivityOfBranches } from '../activity/inactivity';
import { expectedIdsOf, isCounted } from '../activity/queries';
import { branchYearRecords, branchYearViews } from '../points/queries';
import { dashboardRow, duesMonths, filingsOf, rosterOf } from './dashboard-row';

const yearMonths = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export async function branchDetailOf(
  org: OrgDoc,
  year: number,
  now: Date,
): Promise<BranchDetailOutput> {
  const today = localDate(now);
  const [records, views, quiet, spots] = await Promise.all([
    branchYearRecords(org._id, year, now),
    branchYearViews([org._id], year, dashboardLookups(year)),
    recentInactivityOfBranches([org], now),
    lastSpotChecks([org._id], year),
  ]);
  const scan = views.get(org._id);
  if (!records || !scan) throw new Error(`org ${org._id} vanished`);
  const { view } = records;
  const roster = rosterOf(view);
  const row = dashboardRow(scan, extraOf(scan.extra), {
    year,
    now,
    today,
    rootId: org.parentId ?? org._id,
    inactivity: quiet.get(org._id),
    spot: spots.get(org._id),
  });
  const filed = new Map(filingsOf(view, now).map((f) => [f.activityId, f.onTime]));
  const committee = roster.flatMap((m) => {
    const roles = m.roles
      .filter((r) => r.orgId === org._id && COMMITTEE_ROLES.includes(r.role))
      .map((r) => ROLES[r.role]);
    return roles.length ? [{ name: m.name, roles }] : [];
  });
  const noticeMonths = view.notices.map(
    (n) => new Set([localMonth(n.publishedAt), localMonth(n.updatedAt)]),
  );
  return {
    orgId: org._id,
    name: org.name,
    year,
    members: {
      full: roster.filter((m) => m.status === 'full').length,
      probationary: roster.filter((m) => m.status === 'probationary').length,
      mobile: roster.filter((m) => m.mobile).length,
    },
    committee,
    records: view.activities.map((a) => ({
      activityId: a._id,
      type: ACTIVITY_TYPE_NAMES[a.type] ?? a.type,
      title: a.title,
      date: localDate(a.startAt),
      counted: isCounted(a, a.attendance),
      attended: a.attendance.filter((r) => attended(r.status)).length,
      expected: expectedIdsOf(a, roster, a.attendance).size,
      filedOnTime: filed.get(a._id) ?? null,
    })),
    dues: {
      months: duesMonths(view, year).map((d) => ({
        month: d.month,
        paid: d.owing - d.unpaid,
        due: d.owing,
        state: row.cells.dues[d.month] ?? 'n/a',
      })),
    },
    disclosures: yearMonths(year).map((month) => ({
      month,
      count: noticeMonths.filter((s) => s.has(month)).length,
      state: row.cells.disclosure[month] ?? 'n/a',
    })),
    fortress: row.fortress,
    alerts: row.alerts,
  };
}
