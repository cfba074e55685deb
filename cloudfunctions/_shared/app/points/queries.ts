/**
 * What other areas read of 积分 (read models): a branch's 先锋指数 standing of a year, for the
 * 民主评议 board [APR-10], and its 堡垒指数, for the superior's dashboard. No actions here.
 */
import { settingOf } from '../../domain/org/settings';
import { INDEX_SESSION_TYPES } from '../../domain/points/facts';
import { fortressIndex } from '../../domain/points/fortress';
import { branchStanding, StandingRow } from '../../domain/points/standing';
import { countOpenAppeals, pendingEntries } from '../../repos/points';
import { fortressYear, fortressYears, FortressYearView } from '../../repos/points-fortress';
import { branchYear, BranchYearView, orgWithStandard } from '../../repos/points-views';
import { fortressFacts } from './fortress-facts';
import { standardAlertOf, timelineFor } from './support';

export type { StandingRow };

/**
 * The alert of a branch whose year standard is not published by its due day [PTS-10], for the
 * scheduler and the superior's overview; null where points are off or it was published.
 */
export async function standardAlert(orgId: string, year: number, now: Date) {
  const found = await orgWithStandard(orgId, year);
  return found ? standardAlertOf(found.org, found.standards.length > 0, year, now) : null;
}

/** The branch's year as the 先锋指数 reads it, in one round trip; null when the org does not exist. */
export const pointsBranchYear = (orgId: string, year: number): Promise<BranchYearView | null> =>
  branchYear(orgId, year, INDEX_SESSION_TYPES);

/** Every scored member's total and rank from a loaded branch year [PTS-02, PTS-23, PTS-24]. */
export const standingOf = (view: BranchYearView, year: number, now: Date): StandingRow[] =>
  branchStanding(view.members, view.facts, timelineFor(view.org, view.standards, year), year, now);

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
 * 堡垒指数 of a loaded branch year [FORT-01 … FORT-21]: the records are read in one round trip
 * (`fortressYear`); the 咸宁 groups only for 咸宁 branches [FORT-01]; the advisory grade where the
 * superior leaves it on [FORT-21]; the confirmed 弄虚作假 reported to the superior [PTS-26].
 */
export function fortressOf(view: FortressYearView, year: number, now: Date) {
  const a = view.assessment;
  const result = fortressIndex(
    fortressFacts(view, year, now),
    a
      ? {
          evaluation: a.evaluation,
          fiveStandards: a.fiveStandards,
          centralWork: a.centralWork,
          reverse: a.reverse,
        }
      : null,
    view.org.category,
  );
  const names = new Map(view.members.map((m) => [m._id, m.name]));
  const integrityReports = view.integrityReports.map((e) => ({
    entryId: e._id,
    memberId: e.memberId,
    name: names.get(e.memberId) ?? '',
    month: e.month,
    at: new Date(e.declaredAt).toISOString(),
  }));
  const { groups, advice, ...rest } = result;
  return {
    ...rest,
    ...(view.org.profile === 'xianning' ? { groups } : {}),
    advice: settingOf(view.org, 'fort.gradeAdvice') ? advice : null,
    integrityReports,
    alerts: integrityReports.length
      ? [
          {
            ruleId: 'PTS-26',
            level: 'alert' as const,
            message: `本年度有${integrityReports.length}条经核实的弄虚作假记录，已报上级党组织`,
          },
        ]
      : [],
  };
}

/**
 * A branch's records of a year in one round trip, with the 堡垒指数's facts of them (records filed
 * on time, months with a disclosure [FORT-12, FORT-13]): the 双述双评 report reads it [SEC-06].
 * `view.members` includes members transferred out (their history is kept); null: no such org.
 */
export async function branchYearRecords(orgId: string, year: number, now: Date) {
  const view = await fortressYear(orgId, year);
  return view ? { view, facts: fortressFacts(view, year, now) } : null;
}

/** A branch's 堡垒指数 of a year (null when the org does not exist). */
export async function branchFortress(orgId: string, year: number, now: Date) {
  const view = await fortressYear(orgId, year);
  return view
    ? { orgId: view.org._id, orgName: view.org.name, year, ...fortressOf(view, year, now) }
    : null;
}

/**
 * The 堡垒指数 total and stars of many branches of a year, in ONE round trip per 1,000 branches
 * (`fortressYears`: narrowed in the database), by org id; an unknown id is absent. The superior's
 * dashboard and the cross-branch quotas read it [FORT-23]; the same rule as `branchFortress`.
 */
export async function branchFortresses(
  orgIds: readonly string[],
  year: number,
  now: Date,
): Promise<Map<string, { total: number; stars: number }>> {
  const views = await fortressYears(orgIds, year);
  return new Map([...views].map(([id, v]) => [id, fortressScore(v, year, now)]));
}

/** A loaded view's 堡垒指数 total and stars (the dashboard reads many views at once). */
export function fortressScore(
  view: FortressYearView,
  year: number,
  now: Date,
): { total: number; stars: number } {
  const f = fortressOf(view, year, now);
  return { total: f.total, stars: f.stars };
}

/** The views of many branches of a year with extra lookups in the same round trip (the dashboard). */
export const branchYearViews = fortressYears;

/**
 * What waits for the branch's scorers and officers (首页的待办): declarations to review [PTS-15]
 * and appeals to answer. Two queries.
 */
export async function pointsQueue(
  orgId: string,
): Promise<{ declarations: number; appeals: number }> {
  const [pending, appeals] = await Promise.all([pendingEntries(orgId), countOpenAppeals(orgId)]);
  return { declarations: pending.length, appeals };
}
