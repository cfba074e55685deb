import type { AttendanceTally } from '../domain/activity/tally';
import type { ActivityDoc } from './activities';
import { _, collection, Tx } from './db';

/** The activities' tallies (`ActivityDoc.tally`): written by the close, kept by later changes. */
const activities = collection<ActivityDoc>('activities');

/**
 * Closed activities whose tally the nightly job counts again: those closed since `since` (a
 * correction or a late sign-in racing the close) and those closed before tallies were kept.
 */
export const closedToRecount = (since: Date) =>
  activities.all(
    activities
      .ref()
      .where(
        _.and([
          { status: 'closed' },
          _.or([{ closedAt: _.gte(since) }, { tally: _.exists(false) }]),
        ]),
      )
      .field({ _id: true, tally: true })
      .orderBy('_id', 'asc'),
    200_000,
  ) as Promise<Pick<ActivityDoc, '_id' | 'tally'>[]>;

/** Writes a closed activity's tally (a record changed after the close, in its transaction). */
export async function setTally(id: string, tally: AttendanceTally, tx?: Tx): Promise<void> {
  await activities.ref(tx).doc(id).update({ data: { tally } });
}
