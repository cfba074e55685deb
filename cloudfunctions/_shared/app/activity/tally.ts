import type { AttendanceStatus } from '../../contracts/activity';
import { ATTENDED } from '../../domain/activity/participants';
import { type AttendanceTally, tallyOf } from '../../domain/activity/tally';
import type { ActivityDoc } from '../../repos/activities';
import { closedToRecount, setTally } from '../../repos/activity-tallies';
import { attendanceOf, countedTallies } from '../../repos/attendance';
import type { Tx } from '../../repos/db';
import type { Ctx } from '../../runtime/context';

/**
 * A record of a closed activity changed in this transaction (a correction, a leave approved after
 * the close, a remote participation confirmed or rejected): the activity's tally again, from its
 * records with the change applied — the change is applied here, whether or not the database shows
 * this transaction's own write to a query. Before the close there is nothing to keep: the close
 * writes the tally [MTG-27, FORT-02].
 */
export async function keepTally(
  activity: Pick<ActivityDoc, '_id' | 'status'>,
  change: { memberId: string; status: AttendanceStatus },
  tx: Tx,
): Promise<void> {
  if (activity.status !== 'closed') return;
  const rows = (await attendanceOf(activity._id, tx)).filter((r) => r.memberId !== change.memberId);
  await setTally(activity._id, tallyOf([...rows, change]), tx);
}

/** Days after its close in which the nightly job counts an activity's records again. */
export const RECOUNT_DAYS = 3;

const NONE: AttendanceTally = { attended: 0, lo: null, hi: null };
const same = (a: AttendanceTally, b: AttendanceTally) =>
  a.attended === b.attended && a.lo === b.lo && a.hi === b.hi;

/**
 * The nightly job's part for tallies: activities closed in the last days, whose tally a sign-in or
 * a correction at the very moment of the close may have missed (those writes read the activity
 * outside the close's transaction), and those closed before tallies were kept, counted again in
 * the database and, where they differ, counted again from the records and written in one
 * transaction [MTG-27].
 */
export async function recountTallies(ctx: Ctx): Promise<{ checked: number; fixed: number }> {
  const list = await closedToRecount(new Date(+ctx.now - RECOUNT_DAYS * 86400_000));
  if (!list.length) return { checked: 0, fixed: 0 };
  const counted = await countedTallies(
    list.map((a) => a._id),
    ATTENDED,
  );
  let fixed = 0;
  for (const a of list) {
    const t = counted.get(a._id) ?? NONE;
    if (a.tally && same(a.tally, t)) continue;
    // counted again in a transaction, as `keepTally` does: a correction at this moment is kept
    await ctx.write(async (tx) => {
      await setTally(a._id, tallyOf(await attendanceOf(a._id, tx)), tx);
      return { audit: null, result: null };
    });
    fixed += 1;
  }
  return { checked: list.length, fixed };
}
