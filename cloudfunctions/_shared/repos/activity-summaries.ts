import type { ActivityDoc } from './activities';
import { _, collection } from './db';

const activities = collection<ActivityDoc>('activities');

/**
 * The start of each org's last activity held and closed up to `now` (and from `from`, when
 * given), for many orgs in one aggregation (the org tree's inactivity column, the compliance page
 * and the scheduler [FORT-22]): one round trip whatever the number of branches. An org with none
 * is absent from the map.
 */
export async function lastHeldByOrg(
  orgIds: readonly string[],
  now: Date,
  from?: Date,
): Promise<Map<string, Date>> {
  if (!orgIds.length) return new Map();
  const res = (await activities
    .ref()
    .aggregate()
    .match({
      orgId: _.in([...orgIds]),
      status: 'closed',
      startAt: from ? _.gte(from).and(_.lte(now)) : _.lte(now),
    })
    .group({ _id: '$orgId', last: { $max: '$startAt' } })
    .limit(10_000)
    .end()) as { list: { _id: string; last: Date }[] };
  return new Map(res.list.map((r) => [r._id, new Date(r.last)]));
}
