/** What other areas read of the org area (read models). No actions here. */
import { FIVE_STATUSES, statusOf, type FiveStatus } from '../../domain/org/five-standards';
import { fiveStandardsUpTo } from '../../repos/five-standards';
import { approvedRequestOf } from '../../repos/elections';

/**
 * A branch's 五化 status of a year, carried from earlier years as `org.fiveStandards` shows it
 * [ORG-26]: the 双述双评 report reads it [SEC-06]. One query.
 */
export async function fiveStandardsStatus(
  orgId: string,
  year: number,
): Promise<{ status: FiveStatus; label: string }> {
  const status = statusOf(year, await fiveStandardsUpTo([orgId], year));
  return { status, label: FIVE_STATUSES[status] };
}

/**
 * The 五化 status of several branches in a year, in one query [ORG-26]: the 焦作评组织 board reads
 * it, since a branch that failed the spot check cannot be 先进 [ORG-30, FORT-24].
 */
export async function fiveStandardsStatuses(
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, { status: FiveStatus; label: string }>> {
  const docs = orgIds.length ? await fiveStandardsUpTo(orgIds, year) : [];
  return new Map(
    orgIds.map((id) => {
      const status = statusOf(
        year,
        docs.filter((d) => d.orgId === id),
      );
      return [id, { status, label: FIVE_STATUSES[status] }];
    }),
  );
}

/**
 * The branch's approved 换届选举请示 whose new committee is not recorded yet, or null (one query):
 * an election meeting's tallies are recorded only under one [ORG-20].
 */
export async function approvedElectionRequest(
  orgId: string,
): Promise<{ id: string; plannedDate: string; seats: number; decidedAt: Date | null } | null> {
  const doc = await approvedRequestOf(orgId);
  return doc
    ? { id: doc._id, plannedDate: doc.plannedDate, seats: doc.seats, decidedAt: doc.decidedAt }
    : null;
}

/** The superior's compliance grid of the branches below an org (org.dashboard's answer) [issue 16]. */
export { dashboardOf } from './dashboard-read';
