import type { AttendanceTally } from '../domain/activity/tally';
import type { ActivityDoc } from './activities';
import { _, collection, Tx } from './db';

/** The activities' tallies (`ActivityDoc.tally`): written by the close, kept by later changes. */
const activities = collection<ActivityDoc>('activities');

/** Activities closed since `since`, whose tally the nightly job counts again (their ids and tallies). */
export const closedSince = (since: Date) =>
  activities.all(
    activities
      .ref()
      .where({ status: 'closed', closedAt: _.gte(since) })
      .field({ _id: true, tally: true })
      .orderBy('_id', 'asc'),
    20_000,
  ) as Promise<Pick<ActivityDoc, '_id' | 'tally'>[]>;

/** Up to `max` (≤ 1,000) activities closed before tallies were kept, in one request. */
export async function untallied(max: number): Promise<Pick<ActivityDoc, '_id'>[]> {
  const res = (await activities
    .ref()
    .where({ status: 'closed', tally: _.exists(false) })
    .field({ _id: true })
    .orderBy('_id', 'asc')
    .limit(Math.min(max, 1000))
    .get()) as unknown as { data: Pick<ActivityDoc, '_id'>[] };
  return res.data;
}

/**
 * Gives an activity without a tally its first one, in one conditional request: a change of its
 * records at this moment (`keepTally`, in its transaction) writes one first and wins.
 */
export async function fillTally(id: string, tally: AttendanceTally): Promise<void> {
  await activities
    .ref()
    .where({ _id: id, tally: _.exists(false) })
    .update({ data: { tally } });
}

/** Writes a closed activity's tally (a record changed after the close, in its transaction). */
export async function setTally(id: string, tally: AttendanceTally, tx?: Tx): Promise<void> {
  await activities.ref(tx).doc(id).update({ data: { tally } });
}
