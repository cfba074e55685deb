/** Shared reads of the spot-check actions: the branches below a committee, its level, a row. */
import type { SpotCheckRow, SpotLevel } from '../../contracts/org-oversight';
import { isBranchKind } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import { orgNames, OrgDoc, subtree } from '../../repos/orgs';
import type { SpotCheckDoc } from '../../repos/spot-checks';

/**
 * The branches below the committee (党支部, 联合党支部, 临时党支部 at any depth, under a 党总支
 * too), sorted by id, and the names of every org of the subtree. One query.
 */
export async function branchesBelow(
  root: OrgDoc,
): Promise<{ branches: OrgDoc[]; names: Map<string, string> }> {
  const orgs = await subtree(root._id);
  const branches = orgs
    .filter((o) => o._id !== root._id && isBranchKind(o.kind))
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return { branches, names: new Map(orgs.map((o) => [o._id, o.name])) };
}

/** Which level's requirement the committee follows [MTG-37] (setting `org.spotCheckLevel`). */
export const spotLevelOf = (root: OrgDoc): SpotLevel =>
  settingOf(root, 'org.spotCheckLevel') as SpotLevel;

/** Names of checked branches that have left the subtree since (one query, only when needed). */
export async function withMissingNames(
  docs: readonly SpotCheckDoc[],
  names: Map<string, string>,
): Promise<Map<string, string>> {
  const missing = [...new Set(docs.map((d) => d.orgId))].filter((id) => !names.has(id));
  if (!missing.length) return names;
  const more = await orgNames(missing);
  return new Map([...names, ...more]);
}

export function spotRow(d: SpotCheckDoc, names: ReadonlyMap<string, string>): SpotCheckRow {
  return {
    id: d._id,
    orgId: d.orgId,
    orgName: names.get(d.orgId) ?? '已撤销的支部',
    year: d.year,
    quarter: d.quarter,
    seed: d.seed,
    drawnOn: localDate(d.drawnAt),
    result: d.result,
    fiveStandardsFailed: d.fiveStandardsFailed,
    findings: d.findings,
    recordedOn: d.recordedAt ? localDate(d.recordedAt) : null,
  };
}
