/**
 * What other areas read of 积分 (read models): a branch's 先锋指数 standing of a year, for the
 * 民主评议 board [APR-10], and its 堡垒指数, for the superior's dashboard. No actions here.
 */
import { settingOf } from '../../domain/org/settings';
import { hasCommittee } from '../../domain/activity/participants';
import { completion, completionMonths, ledgerRows } from '../../domain/dues/ledger';
import { termAlerts, termEnd } from '../../domain/org/term';
import { INDEX_SESSION_TYPES } from '../../domain/points/facts';
import { disclosureMonthsOf, fortressIndex } from '../../domain/points/fortress';
import { branchStanding, StandingRow } from '../../domain/points/standing';
import { standardInForce } from '../../domain/points/standard';
import { localDate, localMonth } from '../../domain/shared/time';
import { AttendanceDoc } from '../../repos/attendance';
import {
  branchYear,
  BranchYearView,
  fortressYear,
  FortressYearView,
} from '../../repos/points-views';
import { complianceOf, isCounted } from '../activity/queries';

export type { StandingRow };

/** The branch's year as the 先锋指数 reads it, in one round trip; null when the org does not exist. */
export const pointsBranchYear = (orgId: string, year: number): Promise<BranchYearView | null> =>
  branchYear(orgId, year, INDEX_SESSION_TYPES);

/** Every scored member's total and rank from a loaded branch year [PTS-02, PTS-23, PTS-24]. */
export const standingOf = (view: BranchYearView, year: number, now: Date): StandingRow[] =>
  branchStanding(view.members, view.facts, standardInForce(view.standard).items, year, now);

/** A branch's 先锋指数 standing of a year (empty where points are off or the org is unknown). */
export async function pioneerStanding(
  orgId: string,
  year: number,
  now: Date,
): Promise<StandingRow[]> {
  const view = await pointsBranchYear(orgId, year);
  return view && settingOf(view.org, 'pointsEnabled') ? standingOf(view, year, now) : [];
}

/**
 * 堡垒指数 of a loaded branch year [FORT-02 … FORT-18]: the records are read in one round trip
 * (`fortressYear`); the judgements are 组织生活's (compliance, what counts) and 党费's (completion).
 */
export function fortressOf(view: FortressYearView, year: number, now: Date) {
  const assessed = view.assessment;
  const byActivity = new Map<string, AttendanceDoc[]>(
    view.activities.map((a) => [a._id, a.attendance]),
  );
  const items = complianceOf(
    view.org,
    { activities: view.activities, members: view.members, byActivity },
    year,
    { now },
  );
  const get = (t: string) => items.find((i) => i.type === t);
  const countedMonths = (t: string) =>
    new Set(
      view.activities
        .filter((a) => a.type === t && isCounted(a, a.attendance))
        .map((a) => localDate(a.startAt).slice(0, 7)),
    );
  const dues = completion(
    ledgerRows(
      view.members,
      view.duesBases,
      view.duesPayments,
      completionMonths(year, localMonth(now)),
    ),
  );
  const end = termEnd(view.org.termStart, view.org.termYears);
  return fortressIndex(
    {
      themeDayMonths: countedMonths('themeDay').size,
      assembly: {
        compliant: get('branchAssembly')?.held ?? 0,
        required: get('branchAssembly')?.required ?? 0,
      },
      committee: hasCommittee(view.members, view.org._id)
        ? { months: countedMonths('committeeMeeting').size }
        : null,
      lecture: {
        held: get('partyLecture')?.held ?? 0,
        required: get('partyLecture')?.required ?? 0,
      },
      orgLifeHeld: countedMonths('orgLifeMeeting').size > 0,
      appraisalDone: null,
      dues,
      termOk: !termAlerts(view.org.kind, end, localDate(now)).some((x) => x.ruleId === 'ORG-22'),
      disclosureMonths: disclosureMonthsOf(
        view.notices.flatMap((n) => [n.publishedAt, n.updatedAt]),
        year,
      ),
    },
    assessed
      ? {
          evaluation: assessed.evaluation,
          fiveStandards: assessed.fiveStandards,
          centralWork: assessed.centralWork,
          reverse: assessed.reverse,
        }
      : null,
  );
}

/** A branch's 堡垒指数 of a year (null when the org does not exist). */
export async function branchFortress(orgId: string, year: number, now: Date) {
  const view = await fortressYear(orgId, year);
  return view
    ? { orgId: view.org._id, orgName: view.org.name, year, ...fortressOf(view, year, now) }
    : null;
}
