/**
 * The superior's compliance grid of the branches below `root` (what `org.dashboard` answers), as a
 * read model: the export area renders it (export.dashboard) without calling the org action.
 * Scale: the round trips do not grow with the number of branches — the subtree (1), then at once:
 * every branch's year in ONE aggregate of `orgs` with `$lookup`s narrowed in the database plus the
 * year's attended records and payments grouped apart (`branchYearViews` + the dashboard's extra
 * lookups), the last record of each (FORT-22, one aggregation) and the year's spot checks.
 */
import type { DashboardOutput } from '../../contracts/org-oversight';
import { OBLIGATIONS } from '../../contracts/org-oversight';
import { isBranchKind } from '../../domain/org/model';
import { OBLIGATION_LABELS, rankOf } from '../../domain/org/dashboard';
import { localDate } from '../../domain/shared/time';
import { dashboardLookups, extraOf } from '../../repos/dashboard-scan';
import { OrgDoc, subtree } from '../../repos/orgs';
import { lastSpotChecks } from '../../repos/spot-checks';
import { recentInactivityOfBranches } from '../activity/inactivity';
import { branchYearViews } from '../points/queries';
import { dashboardRow } from './dashboard-row';

/**
 * The orgs that get a row: every branch (支部, 联合支部, 临时支部) below the root, and a 党总支 only
 * where members belong to it directly (it then holds organisational life of its own).
 */
function rowOrgs(orgs: readonly OrgDoc[], rootId: string, withMembers: ReadonlySet<string>) {
  return orgs.filter(
    (o) =>
      o._id !== rootId &&
      (isBranchKind(o.kind) || (o.kind === 'generalBranch' && withMembers.has(o._id))),
  );
}

/** Tree order: by the names along the path from the root, so a 党总支's branches sit together. */
function treeOrder(orgs: readonly OrgDoc[], rootId: string) {
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const path = (o: OrgDoc) => {
    const i = o.ancestors.indexOf(rootId);
    const below = i >= 0 ? o.ancestors.slice(i + 1) : [];
    return [...below.map((id) => names.get(id) ?? id), o.name];
  };
  return (a: OrgDoc, b: OrgDoc) => {
    const pa = path(a);
    const pb = path(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const c = pa[i].localeCompare(pb[i], 'zh-Hans-CN');
      if (c) return c;
    }
    return pa.length - pb.length || a._id.localeCompare(b._id);
  };
}

export async function dashboardOf(root: OrgDoc, year: number, now: Date): Promise<DashboardOutput> {
  const today = localDate(now);
  const orgs = await subtree(root._id);
  const candidates = orgs.filter(
    (o) => o._id !== root._id && (isBranchKind(o.kind) || o.kind === 'generalBranch'),
  );
  const ids = candidates.map((o) => o._id);
  const [views, quiet, spots] = await Promise.all([
    branchYearViews(ids, year, dashboardLookups(year)),
    recentInactivityOfBranches(candidates, now),
    lastSpotChecks(ids, year),
  ]);
  const withMembers = new Set(
    [...views].filter(([, v]) => v.members.some((m) => !m.transfer)).map(([id]) => id),
  );
  const rows = rowOrgs(candidates, root._id, withMembers)
    .sort(treeOrder(orgs, root._id))
    .flatMap((o) => {
      const view = views.get(o._id);
      if (!view) return [];
      return [
        dashboardRow(view, extraOf(view.extra), {
          year,
          now: now,
          today,
          rootId: root._id,
          inactivity: quiet.get(o._id),
          spot: spots.get(o._id),
        }),
      ];
    });
  const ranks = rankOf(rows.map((r) => ({ ...r, total: r.fortress.total })));
  return {
    orgId: root._id,
    name: root.name,
    year,
    today,
    obligations: OBLIGATIONS.map((key) => ({ key, label: OBLIGATION_LABELS[key] })),
    branches: rows.map((r) => ({ ...r, rank: ranks.get(r.orgId) ?? rows.length })),
  };
}
