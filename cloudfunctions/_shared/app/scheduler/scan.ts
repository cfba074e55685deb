import type { AbsenceAlert } from '../../contracts/activity';
import type { Inactivity } from '../../domain/activity/inactivity';
import { previousMonth } from '../../domain/org/branch-alerts';
import { isBranchKind } from '../../domain/org/model';
import { localDate } from '../../domain/shared/time';
import { rostersOf, ThemeDayFact, themeDaysOf } from '../../repos/alert-scan';
import type { MemberDoc } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { absenceAlertsFrom, absenceRange } from '../activity/absence-alerts';
import { recentInactivityOfBranches } from '../activity/inactivity';
import { complianceOf, yearRange } from '../activity/queries';
import { MemberArrears, memberArrearsOfBranches } from '../dues/queries';
import { lastDisclosuresAt } from '../notice/queries';

/**
 * What the daily alerts are computed from, read for every branch at once: one aggregation per
 * kind of fact, so a run costs the same whether the tree has 3 branches or 300. A kind whose read
 * failed is null (and logged): its rules send nothing this run — an unread fact is never taken
 * for "nothing held" or "never published" — and the other rules still go out.
 */
export interface ScanFacts {
  /** Each branch's current roster, by name. */
  rosters: Map<string, MemberDoc[]> | null;
  /** Each branch's theme days of the years TD-01 and TD-23 look at, by start, with attendance. */
  themeDays: Map<string, ThemeDayFact[]> | null;
  /** Each branch's inactivity [FORT-22]. */
  quiet: Map<string, Inactivity> | null;
  /** Each branch's last disclosure (absent: never published) [DIS-07]. */
  published: Map<string, Date> | null;
  /** Each branch's members with months owed [FEE-23, FEE-24]. */
  arrears: Map<string, MemberArrears[]> | null;
}

/** The year whose theme days TD-01 checks: that of the month just ended. */
const td01Year = (now: Date) => Number(previousMonth(localDate(now)).slice(0, 4));
/** The year whose absences TD-23 counts: the current one [TD-24]. */
const absenceYear = (now: Date) => Number(localDate(now).slice(0, 4));

export async function scanFacts(ctx: Ctx, orgs: readonly OrgDoc[]): Promise<ScanFacts> {
  const branches = orgs.filter((o) => isBranchKind(o.kind));
  const ids = branches.map((o) => o._id);
  const settle = <T>(kind: string, p: Promise<T>): Promise<T | null> =>
    p.catch((e) => {
      console.error(`[${ctx.fn}] alerts: reading ${kind} failed`, e);
      return null;
    });
  const ranges = [
    yearRange(td01Year(ctx.now)),
    ...branches.map((o) => absenceRange(o, absenceYear(ctx.now), ctx.now)),
  ];
  const from = new Date(Math.min(...ranges.map(([f]) => +f)));
  const to = new Date(Math.max(...ranges.map(([, t]) => +t)));
  const rosters = settle('rosters', rostersOf(ids));
  const [roster, themeDays, quiet, published, arrears] = await Promise.all([
    rosters,
    settle('theme days', themeDaysOf(ids, from, to)),
    settle('inactivity', recentInactivityOfBranches(branches, ctx.now)),
    settle('disclosures', lastDisclosuresAt(ids)),
    rosters.then((r) =>
      r ? settle('arrears', memberArrearsOfBranches(r, localDate(ctx.now), ctx.now)) : null,
    ),
  ]);
  return { rosters: roster, themeDays, quiet, published, arrears };
}

const byActivity = (days: readonly ThemeDayFact[]) =>
  new Map(days.map((d) => [d._id, d.attendance]));
const within = (days: readonly ThemeDayFact[], [from, to]: readonly [Date, Date]) =>
  days.filter((d) => +d.startAt >= +from && +d.startAt < +to);

/**
 * The missing theme-day periods of the year of the month just ended, as 落实情况 computes them
 * [TD-01] (compliance counts each type on its own, so the theme days are all it needs); null when
 * the facts could not be read.
 */
export function missingThemeDays(org: OrgDoc, facts: ScanFacts, ctx: Ctx): string[] | null {
  if (!facts.rosters || !facts.themeDays) return null;
  const year = td01Year(ctx.now);
  const days = within(facts.themeDays.get(org._id) ?? [], yearRange(year));
  const members = facts.rosters.get(org._id) ?? [];
  const items = complianceOf(
    org,
    { activities: days, members, byActivity: byActivity(days) },
    year,
    ctx,
  );
  return items.find((i) => i.type === 'themeDay')?.missing ?? [];
}

/** The branch's early warnings of theme-day absences [TD-23, TD-24]; null when unread. */
export function earlyWarnings(org: OrgDoc, facts: ScanFacts, now: Date): AbsenceAlert[] | null {
  if (!facts.rosters || !facts.themeDays) return null;
  const days = within(facts.themeDays.get(org._id) ?? [], absenceRange(org, absenceYear(now), now));
  return absenceAlertsFrom(org, {
    activities: days,
    members: facts.rosters.get(org._id) ?? [],
    byActivity: byActivity(days),
  }).filter((a) => a.ruleId === 'TD-23');
}
