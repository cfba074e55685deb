import { settingOf } from '../../domain/org/settings';
import { hasCommittee } from '../../domain/activity/participants';
import { finalisedOnTime } from '../../domain/activity/filing';
import { completion, completionMonths, ledgerRows } from '../../domain/dues/ledger';
import { termAlerts, termEnd } from '../../domain/org/term';
import {
  disclosureMonthsOf,
  FortressFacts,
  groupMonths,
  reportsFiled,
} from '../../domain/points/fortress';
import { localDate, localMonth } from '../../domain/shared/time';
import type { ActivityType } from '../../contracts/activity';
import type { AttendanceDoc } from '../../repos/attendance';
import type { FortressYearView } from '../../repos/points-fortress';
import { compliancePeriodsOf, isCounted } from '../activity/queries';
import { democraticFiledOf } from '../appraisal/queries';

/** Records whose filing on time the 堡垒指数 counts: the 主题党日 and the 三会一课 [FORT-13, MTG-19]. */
const FILED: readonly ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
];

/**
 * The facts of a branch year the 堡垒指数 is computed from [FORT-04 … FORT-13]; the judgements are
 * 组织生活's (compliance, what counts, the filing window) and 党费's (completion).
 */
export function fortressFacts(view: FortressYearView, year: number, now: Date): FortressFacts {
  const byActivity = new Map<string, AttendanceDoc[]>(
    view.activities.map((a) => [a._id, a.attendance]),
  );
  const items = compliancePeriodsOf(
    view.org,
    { activities: view.activities, members: view.members, byActivity },
    year,
    { now },
  );
  const get = (t: string) => items.find((i) => i.type === t);
  const counted = (t: string) =>
    view.activities.filter((a) => a.type === t && isCounted(a, a.attendance));
  const countedMonths = (t: string) => new Set(counted(t).map((a) => localMonth(a.startAt)));
  const dues = completion(
    ledgerRows(
      view.members,
      view.duesBases,
      view.duesPayments,
      completionMonths(year, localMonth(now)),
    ),
  );
  const end = termEnd(view.org.termStart, view.org.termYears);
  const days = settingOf(view.org, 'mtg.finaliseWithinDays');
  // held activities whose window is over or that are filed; null = still inside the window
  const filed = view.activities
    .filter((a) => FILED.includes(a.type) && a.status === 'closed')
    .map((a) => finalisedOnTime(a, days, now))
    .filter((x): x is boolean => x !== null);
  return {
    // months held as the compliance page judges them: by every 党小组 where it is held by group [TD-11]
    themeDayMonths: get('themeDay')?.heldPeriods.length ?? 0,
    assembly: {
      compliant: get('branchAssembly')?.held ?? 0,
      required: get('branchAssembly')?.required ?? 0,
    },
    committee: hasCommittee(view.members, view.org._id)
      ? { months: countedMonths('committeeMeeting').size }
      : null,
    groups: view.groups.length
      ? {
          count: view.groups.length,
          compliantGroupMonths: groupMonths(
            counted('groupMeeting').map((a) => localMonth(a.startAt)),
            view.groups.length,
          ),
        }
      : null,
    lecture: {
      held: get('partyLecture')?.held ?? 0,
      required: get('partyLecture')?.required ?? 0,
    },
    orgLifeHeld: countedMonths('orgLifeMeeting').size > 0,
    appraisalDone: democraticFiledOf(view.democratic),
    dues,
    termOk: !termAlerts(view.org.kind, end, localDate(now)).some((x) => x.ruleId === 'ORG-22'),
    disclosureMonths: disclosureMonthsOf(
      view.notices.flatMap((n) => [n.publishedAt, n.updatedAt]),
      year,
    ),
    records: { onTime: filed.filter(Boolean).length, total: filed.length },
    reports: reportsFiled(
      year,
      view.reportExports.map((e) => e.after?.half ?? ''),
      localDate(now),
    ),
  };
}
