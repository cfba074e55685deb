import type { ActivityType, AttendanceStatus } from '../../contracts/activity';
import { ACTIVITY_TYPE_NAMES } from '../../domain/activity/type-names';
import type { AttendanceDoc } from '../../repos/attendance';

/** The words a sheet uses for the codes of the records: never a code in a cell. */
export const TYPE_WORDS: Record<ActivityType, string> = ACTIVITY_TYPE_NAMES;

export const STATUS_WORDS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  remote: '线上参加',
  remotePending: '线上参加（待确认）',
  excused: '请假',
  absent: '缺席',
  exempt: '免参加',
};

export const METHOD_WORDS: Record<AttendanceDoc['method'], string> = {
  qr: '扫码签到',
  remote: '线上参加',
  remoteRejected: '线上参加未获确认',
  hostMarked: '主持人登记',
  leave: '请假获批',
  close: '活动结束时登记',
  inflow: '在流入地参加',
  otherBatch: '参加了其他批次',
  host: '主持或记录',
};
