import type { AttendanceStatus } from '../../contracts/activity';
import { attended } from '../../domain/activity/participants';
import { settingOf } from '../../domain/org/settings';
import { addMonths, localMonth, localInstant } from '../../domain/shared/time';
import { ActivityDoc, listActivities } from '../../repos/activities';
import {
  AttendanceDoc,
  attendanceOfMany,
  findAttendance,
  setAttendanceStatus,
} from '../../repos/attendance';
import type { Tx } from '../../repos/db';
import type { OrgDoc } from '../../repos/orgs';
import type { AuditInput } from '../../runtime/context';

/**
 * 分期分批 [TD-12]: where the branch holds its theme day in `td.batches` > 1 sessions, the theme
 * days of one month are batches of one theme day, and each member attends one of them. The
 * other batches of the month and their records, when the setting is on (null otherwise: an
 * ordinary close reads nothing more).
 */
export interface Batches {
  /** Members who took part in another batch of the month. */
  elsewhere: Set<string>;
  /** `absent` records a close wrote at other batches. */
  siblingAbsences: AttendanceDoc[];
}

export async function batchesOf(activity: ActivityDoc, org: OrgDoc): Promise<Batches | null> {
  if (activity.type !== 'themeDay' || settingOf(org, 'td.batches') <= 1) return null;
  const month = localMonth(activity.startAt);
  const from = localInstant(`${month}-01`);
  const to = localInstant(addMonths(`${month}-01`, 1));
  const siblings = (await listActivities(org._id, from, to)).filter(
    (a) => a.type === 'themeDay' && a._id !== activity._id,
  );
  const rows = await attendanceOfMany(siblings.map((a) => a._id));
  return {
    elsewhere: new Set(rows.filter((r) => attended(r.status)).map((r) => r.memberId)),
    siblingAbsences: rows.filter((r) => r.status === 'absent' && r.method === 'close'),
  };
}

/** A member who took part in another batch is not absent at this one: `excused`, "已参加其他批次". */
export function batchStatus(
  batches: Batches | null,
  memberId: string,
  status: AttendanceStatus,
): { status: AttendanceStatus; method: AttendanceDoc['method'] } {
  return batches && status === 'absent' && batches.elsewhere.has(memberId)
    ? { status: 'excused', method: 'otherBatch' }
    : { status, method: 'close' };
}

/**
 * After this batch closes, members who took part in it and were closed `absent` at an earlier
 * batch of the month are set to `excused` there (an automatic amendment, audited) [TD-12].
 */
export async function settleEarlierBatches(
  batches: Batches | null,
  final: Map<string, AttendanceStatus>,
  org: OrgDoc,
  tx: Tx,
): Promise<AuditInput[]> {
  if (!batches) return [];
  const audit: AuditInput[] = [];
  for (const r of batches.siblingAbsences) {
    if (!attended(final.get(r.memberId))) continue;
    // still absent, read in this transaction: a correction since the read stands
    if ((await findAttendance(r.activityId, r.memberId, tx))?.status !== 'absent') continue;
    // absent → excused: neither took part, so the earlier batch's tally stands
    await setAttendanceStatus(r._id, { status: 'excused', method: 'otherBatch' }, tx);
    audit.push({
      org,
      entity: 'attendance',
      entityId: r._id,
      before: { status: 'absent' },
      after: { status: 'excused', method: 'otherBatch' },
      reason: '已参加本月另一批次的主题党日',
    });
  }
  return audit;
}
