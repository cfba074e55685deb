import type { AttendanceStatus } from '../../contracts/activity';
import { tallyOf } from '../../domain/activity/tally';
import { type ActivityDoc, setTally } from '../../repos/activities';
import { attendanceOf } from '../../repos/attendance';
import type { Tx } from '../../repos/db';

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
