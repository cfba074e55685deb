/**
 * Read model of a branch's inactivity [FORT-22] (the scheduler's alert, the compliance page, the
 * org tree): days since its last organisational-life record against `fort.inactiveDays`.
 */
import { Inactivity, inactivityOf } from '../../domain/activity/inactivity';
import { isBranchKind } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import { localDate, localInstant } from '../../domain/shared/time';
import { lastHeldByOrg } from '../../repos/activity-summaries';
import type { OrgDoc } from '../../repos/orgs';

const DAY = 86400_000;
/** How far back the compliance page and the scheduler look for a last record (beyond: counted from set-up). */
const LOOKBACK_DAYS = 731;

type BranchFacts = Pick<OrgDoc, '_id' | 'kind' | 'category' | 'profile' | 'settings' | 'createdAt'>;

/**
 * The branch's inactivity as of `now`, or null for an org that holds no organisational life of
 * its own (a committee, a 党小组). One aggregation: its last record of the last two years (a
 * record older than `fort.inactiveDays` — even one from before the branch was registered here —
 * is still its last record).
 */
export async function branchInactivity(org: BranchFacts, now: Date): Promise<Inactivity | null> {
  if (!isBranchKind(org.kind)) return null;
  return (await recentInactivityOfBranches([org], now)).get(org._id) ?? null;
}

/**
 * `branchInactivity` of many branches in one aggregation (the scheduler's daily scan, the org
 * tree): the same rule over the same two years, whatever the number of branches.
 */
export const recentInactivityOfBranches = (
  orgs: readonly BranchFacts[],
  now: Date,
): Promise<Map<string, Inactivity>> =>
  inactivityFrom(orgs, now, localInstant(localDate(+now - LOOKBACK_DAYS * DAY)));

async function inactivityFrom(
  orgs: readonly BranchFacts[],
  now: Date,
  from?: Date,
): Promise<Map<string, Inactivity>> {
  const branches = orgs.filter((o) => isBranchKind(o.kind));
  const last = await lastHeldByOrg(
    branches.map((o) => o._id),
    now,
    from,
  );
  const today = localDate(now);
  return new Map(
    branches.map((o) => {
      const held = last.get(o._id);
      return [
        o._id,
        inactivityOf(
          held ? localDate(held) : null,
          localDate(o.createdAt),
          today,
          settingOf(o, 'fort.inactiveDays'),
        ),
      ];
    }),
  );
}
