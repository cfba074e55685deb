/**
 * One row of the superior's grid from a branch year loaded with the others (issue 16): the
 * judgements are the owning areas' — 组织生活's compliance and what counts (`compliancePeriodsOf`,
 * `isCounted`), the filing window (MTG-19), 党费's ledger, FORT-12's disclosure months, the
 * 堡垒指数 (`fortressOf`), the ORG alerts — applied to the facts read for every branch at once.
 */
import type { ActivityType } from '../../contracts/activity';
import type { DashboardAlert, DashboardBranch, SpotResult } from '../../contracts/org-oversight';
import type { Inactivity } from '../../domain/activity/inactivity';
import { finalisedOnTime } from '../../domain/activity/filing';
import { ledgerRows, monthsOf } from '../../domain/dues/ledger';
import { branchAlerts } from '../../domain/org/alerts';
import { committeeSeats } from '../../domain/org/committee';
import {
  arrearsAlert,
  fromRuleAlerts,
  inactiveAlert,
  lateRecordsAlert,
  missingMonthAlert,
  spotCheckAlert,
  staleDisclosureAlert,
  termAlertsOf,
} from '../../domain/org/dashboard-alerts';
import { gridCells, gridTotals, missingThemeDayMonths } from '../../domain/org/dashboard';
import { FIVE_STATUSES, statusOf } from '../../domain/org/five-standards';
import { settingOf } from '../../domain/org/settings';
import { termAlerts, termEnd } from '../../domain/org/term';
import { localDate, localMonth } from '../../domain/shared/time';
import type { AttendanceDoc } from '../../repos/attendance';
import type { DashboardExtra } from '../../repos/dashboard-scan';
import type { FortressYearView } from '../../repos/points-fortress';
import type { SpotCheckDoc } from '../../repos/spot-checks';
import { compliancePeriodsOf, isCounted } from '../activity/queries';
import { appraisalStepWords } from '../appraisal/queries';
import { fortressScore } from '../points/queries';

/** Records whose filing on time counts: the 主题党日 and the 三会一课 [FORT-13, MTG-19]. */
export const FILED: readonly ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
];

export interface RowContext {
  year: number;
  now: Date;
  today: string;
  rootId: string;
  inactivity: Inactivity | undefined;
  spot: SpotCheckDoc | undefined;
}

/** The current roster: members transferred out are history [PRIV-20]. */
export const rosterOf = (view: FortressYearView) => view.members.filter((m) => !m.transfer);

/** Per month of the year: members owing something, and of them those not paid in full [FEE-24]. */
export function duesMonths(view: FortressYearView, year: number) {
  const months = monthsOf(year, `${year}-12`);
  const rows = ledgerRows(view.members, view.duesBases, view.duesPayments, months);
  const gone = new Map(view.members.map((m) => [m._id, m.transfer?.month ?? null]));
  return months.map((month) => {
    // from the month of a transfer out the member owes here no more [FEE-29]
    const cells = rows
      .filter((r) => {
        const out = gone.get(r.memberId);
        return !out || month < out;
      })
      .map((r) => r.months.find((c) => c.month === month)!)
      .filter((c) => c.status !== 'notDue' && c.dueFen > 0);
    return {
      month,
      owing: cells.length,
      unpaid: cells.filter((c) => c.status !== 'paid').length,
    };
  });
}

/** The 主题党日 and 三会一课 held (closed) of the year, each with its filing verdict [MTG-19]. */
export function filingsOf(view: FortressYearView, now: Date) {
  const days = settingOf(view.org, 'mtg.finaliseWithinDays');
  return view.activities
    .filter((a) => FILED.includes(a.type) && a.status === 'closed')
    .map((a) => ({
      activityId: a._id,
      month: localMonth(a.startAt),
      endAt: a.endAt,
      onTime: finalisedOnTime(a, days, now),
    }));
}

/** The alerts that need more than the grid: arrears from the ledger rows of the ended months. */
function arrearsOfView(view: FortressYearView, year: number, thisMonth: string) {
  const ended = monthsOf(year, `${year}-12`).filter((m) => m < thisMonth);
  const rows = ledgerRows(rosterOf(view), view.duesBases, view.duesPayments, ended);
  let longRun = 0;
  let first: string | null = null;
  let owing = 0;
  for (const r of rows) {
    const owed = r.months.filter((c) => c.status === 'unpaid' || c.status === 'under');
    if (!owed.length) continue;
    owing += 1;
    if (!first || owed[0].month < first) first = owed[0].month;
    let run = 0;
    let longest = 0;
    for (const c of r.months) {
      if (c.status === 'notDue') continue;
      run = c.status === 'unpaid' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= 6) longRun += 1;
  }
  return { members: owing, longRun, firstMonth: first };
}

/** A branch's row of the grid (rank filled in by the caller). */
export function dashboardRow(
  view: FortressYearView,
  extra: DashboardExtra,
  c: RowContext,
): Omit<DashboardBranch, 'rank'> {
  const { org } = view;
  const roster = rosterOf(view);
  const byActivity = new Map<string, AttendanceDoc[]>(
    view.activities.map((a) => [a._id, a.attendance]),
  );
  const items = compliancePeriodsOf(
    org,
    { activities: view.activities, members: roster, byActivity },
    c.year,
    { now: c.now },
  );
  const foundedOn = localDate(org.createdAt);
  const filings = filingsOf(view, c.now);
  const cells = gridCells({
    year: c.year,
    today: c.today,
    foundedOn,
    required: items,
    counted: view.activities
      .filter((a) => isCounted(a, a.attendance))
      .map((a) => ({ type: a.type, date: localDate(a.startAt) })),
    dues: duesMonths(view, c.year),
    disclosureMonths: new Set(
      view.notices.flatMap((n) => [localMonth(n.publishedAt), localMonth(n.updatedAt)]),
    ),
    filings,
  });
  const full = roster.filter((m) => m.status === 'full').length;
  const probationary = roster.filter((m) => m.status === 'probationary').length;
  const seats = committeeSeats(roster).get(org._id) ?? { size: 0, hasSecretary: false };
  const end = org.termStart ? termEnd(org.termStart, org.termYears) : null;
  const five = statusOf(c.year, extra.fiveStandards);
  const spot = c.spot?.result
    ? { on: localDate(c.spot.recordedAt ?? c.spot.drawnAt), result: c.spot.result as SpotResult }
    : null;
  const spotFailed = five === 'spotFailed' || (!!spot && spot.result === 'fail');
  const late = filings.filter((f) => f.onTime === false);
  const lastNotice = extra.lastNotice[0]?.updatedAt;
  const days = settingOf(org, 'mtg.finaliseWithinDays');
  const firstLate = late.length
    ? localDate(Math.min(...late.map((f) => +new Date(f.endAt))) + (days + 1) * 86400_000)
    : null;
  const alerts: DashboardAlert[] = [
    ...inactiveAlert(c.inactivity),
    ...missingMonthAlert(missingThemeDayMonths(cells)),
    ...termAlertsOf(termAlerts(org.kind, end, c.today, org.approvedElection?.date), end),
    ...fromRuleAlerts(
      'size',
      branchAlerts({
        kind: org.kind,
        fullMembers: full,
        probationaryMembers: probationary,
        committeeSize: seats.size,
        hasSecretary: seats.hasSecretary,
      }),
    ),
    ...arrearsAlert(arrearsOfView(view, c.year, c.today.slice(0, 7))),
    ...staleDisclosureAlert(
      lastNotice ? localDate(new Date(lastNotice)) : null,
      foundedOn,
      c.today,
    ),
    ...lateRecordsAlert(late.length, firstLate),
    ...spotCheckAlert(spotFailed, spot?.on ?? null, c.year),
  ];
  return {
    orgId: org._id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId && org.parentId !== c.rootId ? org.parentId : null,
    members: full + probationary,
    cells,
    totals: gridTotals(cells),
    fortress: fortressScore(view, c.year, c.now),
    appraisal: appraisalStepWords({
      secretaryReviews: extra.secretaryReviews,
      democratic: view.democratic,
      branchAppraisals: extra.branchAppraisals,
    }),
    alerts,
    fiveStandards: FIVE_STATUSES[five],
    spotCheck: spot,
  };
}
