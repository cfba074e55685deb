import { fail, ok, Result } from '../shared/result';
import { OPEN_BEFORE_MS } from './attendance';

/** Evidence of a remote participation may arrive up to this many days after the end [CHK-15]. */
export const REMOTE_EVIDENCE_DAYS = 7;

/** A 流入地 participation is reported from the sign-in window's opening to 7 days after the end [CHK-16, CHK-15]. */
export function inflowWindowRefusal(now: Date, startAt: Date, endAt: Date): Result<void> {
  if (+now < +startAt - OPEN_BEFORE_MS)
    return fail('CHECKIN.OUTSIDE_WINDOW', '活动还没有开始，参加后再登记', 'CHK-16');
  if (+now > +endAt + REMOTE_EVIDENCE_DAYS * 86400_000)
    return fail(
      'CHECKIN.OUTSIDE_WINDOW',
      `活动结束已超过${REMOTE_EVIDENCE_DAYS}天，不能再登记在流入地参加`,
      'CHK-15',
    );
  return ok(undefined);
}
