import type { CollectionName } from './collections';
import { _, db, PAGE } from './db';

/** A stage of an aggregation pipeline, as MongoDB writes it. */
export type Stage = Record<string, unknown>;

/** A sub-pipeline's leading `$match`: `field` of the joined documents equals `$$name`. */
export const joinedOn = (field: string, name: string): Stage => ({
  $match: { $expr: { $eq: [`$${field}`, `$$${name}`] } },
});

/**
 * Each org's own documents of a collection, for many orgs in one aggregation per 1,000 orgs: an
 * aggregate of `orgs` whose `$lookup` (`let`/`pipeline`, CloudBase ≥ wx-server-sdk 1.3.0) joins the
 * documents whose `orgId` is the org's, through `pipeline` (filter, sort, project). One row per
 * org, so the round trips do not grow with the number of branches and a sub-pipeline's order is
 * kept as MongoDB keeps it. An org without documents maps to [].
 */
export async function joinPerOrg<T>(
  orgIds: readonly string[],
  from: CollectionName,
  pipeline: readonly Stage[],
): Promise<Map<string, T[]>> {
  const ids = [...new Set(orgIds)];
  const out = new Map<string, T[]>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const res = (await db
      .collection('orgs')
      .aggregate()
      .match({ _id: _.in(ids.slice(i, i + PAGE)) })
      .limit(PAGE)
      .project({ _id: 1 })
      .lookup({
        from,
        let: { orgId: '$_id' },
        pipeline: [joinedOn('orgId', 'orgId'), ...pipeline],
        as: 'docs',
      } as never)
      .end()) as { list: { _id: string; docs: T[] }[] };
    for (const row of res.list) out.set(row._id, row.docs);
  }
  return out;
}
