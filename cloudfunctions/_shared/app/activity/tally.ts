import type { AttendanceStatus } from '../../contracts/activity';
import { ATTENDED } from '../../domain/activity/participants';
import { type AttendanceTally, tallyOf } from '../../domain/activity/tally';
import type { ActivityDoc } from '../../repos/activities';
import { closedSince, fillTally, setTally, untallied } from '../../repos/activity-tallies';
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
  change: { memberId: string; status: AttendanceStatus } | null,
  tx: Tx,
): Promise<void> {
  if (activity.status !== 'closed') return;
  const stored = await attendanceOf(activity._id, tx);
  const rows = change ? [...stored.filter((r) => r.memberId !== change.memberId), change] : stored;
  await setTally(activity._id, tallyOf(rows), tx);
}

/**
 * Days after its close in which the nightly job counts an activity's records again: past the 7
 * days in which a 流动党员 may still report from the 流入地 (CHK-16), whose write reads the record
 * outside the host's decision.
 */
export const RECOUNT_DAYS = 10;
/** Activities from before tallies, given theirs per night (the rest on the following nights). */
export const UNTALLIED_PER_RUN = 500;
/** Differing tallies written again per night, each in a transaction of its own. */
export const REPAIRS_PER_RUN = 200;

const NONE: AttendanceTally = { attended: 0, lo: null, hi: null };
const same = (a: AttendanceTally, b: AttendanceTally) =>
  a.attended === b.attended && a.lo === b.lo && a.hi === b.hi;

/**
 * The nightly job's part for tallies [MTG-27]: activities closed in the last days, whose tally a
 * sign-in or a correction at the very moment of the close may have missed (those writes read the
 * activity outside the close's transaction), and activities closed before tallies were kept,
 * counted in the database. One from before gets its tally in one conditional request; a differing
 * one is counted again from the records and written in a transaction. Bounded per night, so the
 * first night after an upgrade fits the function's time; the rest follow on the next nights.
 */
export async function recountTallies(ctx: Ctx): Promise<{ checked: number; fixed: number }> {
  const [recent, before] = await Promise.all([
    closedSince(new Date(+ctx.now - RECOUNT_DAYS * 86400_000)),
    untallied(UNTALLIED_PER_RUN),
  ]);
  const seen = new Set(recent.map((r) => r._id));
  const list: { _id: string; tally?: AttendanceTally }[] = [
    ...before.filter((a) => !seen.has(a._id)),
    ...recent,
  ];
  if (!list.length) return { checked: 0, fixed: 0 };
  const counted = await countedTallies(
    list.map((a) => a._id),
    ATTENDED,
  );
  let fixed = 0;
  let repairs = 0;
  for (const a of list) {
    const t = counted.get(a._id) ?? NONE;
    const { tally } = a;
    if (tally && same(tally, t)) continue;
    if (!tally) await fillTally(a._id, t);
    else if (repairs++ < REPAIRS_PER_RUN)
      // counted again in a transaction, as `keepTally` does: a correction at this moment is kept
      await ctx.write(async (tx) => {
        await keepTally({ _id: a._id, status: 'closed' }, null, tx);
        return { audit: null, result: null };
      });
    else continue;
    fixed += 1;
  }
  return { checked: list.length, fixed };
}
