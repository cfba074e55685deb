import type { ActivityType, AttendanceStatus } from '../contracts/activity';
import { _, db, findById, getAll } from './db';

export interface ActivityRecord {
  minutes: string;
  resolutions: string[];
  attachments: string[];
  summary: string | null;
  archived: boolean;
  recordedAt: Date;
  recordedBy: string;
}

export interface ActivityDoc {
  _id: string;
  orgId: string;
  type: ActivityType;
  title: string;
  startAt: Date;
  endAt: Date;
  place: string | null;
  onlineUrl: string | null;
  allowRemote: boolean;
  agenda: string[];
  hostId: string | null;
  recorderId: string | null;
  lecturer: string | null;
  guests: { name: string; kind: string | null }[];
  geofence: { latitude: number; longitude: number; radiusM: number } | null;
  status: 'planned' | 'closed';
  closedAt: Date | null;
  lateRegistration: { reason: string; approved: boolean } | null;
  record: ActivityRecord | null;
  amendments: {
    at: Date;
    by: string;
    reason: string;
    before: ActivityRecord;
    after: ActivityRecord;
  }[];
  createdAt: Date;
  createdBy: string;
}

export interface AttendanceDoc {
  _id: string;
  activityId: string;
  orgId: string;
  memberId: string;
  status: AttendanceStatus;
  at: Date;
  method: 'qr' | 'remote' | 'hostMarked' | 'leave' | 'close';
  geo: 'pass' | 'mismatch' | null;
  note: string | null;
}

export interface LeaveDoc {
  _id: string;
  activityId: string;
  memberId: string;
  reason: string;
  category: string | null;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: Date;
  decidedBy: string | null;
}

export const attendanceId = (activityId: string, memberId: string) => `${activityId}:${memberId}`;

export const findActivity = (id: string) => findById<ActivityDoc>('activities', id);
export const findAttendance = (activityId: string, memberId: string) =>
  findById<AttendanceDoc>('attendance', attendanceId(activityId, memberId));
export const findLeave = (activityId: string, memberId: string) =>
  findById<LeaveDoc>('leaveRequests', attendanceId(activityId, memberId));

export const listActivities = (orgId: string, from: Date, to: Date) =>
  getAll<ActivityDoc>(
    db
      .collection('activities')
      .where({ orgId, startAt: _.gte(from).and(_.lt(to)) })
      .orderBy('startAt', 'asc'),
  );

export const activitiesStartingBetween = (from: Date, to: Date) =>
  getAll<ActivityDoc>(
    db
      .collection('activities')
      .where({ startAt: _.gte(from).and(_.lt(to)), status: 'planned' })
      .orderBy('startAt', 'asc'),
  );

export const attendanceOf = (activityId: string) =>
  getAll<AttendanceDoc>(db.collection('attendance').where({ activityId }).orderBy('_id', 'asc'));

export const attendanceOfMany = (activityIds: string[]) =>
  activityIds.length === 0
    ? Promise.resolve([])
    : getAll<AttendanceDoc>(
        db
          .collection('attendance')
          .where({ activityId: _.in(activityIds) })
          .orderBy('_id', 'asc'),
        200_000,
      );

export const leavesOf = (activityId: string) =>
  getAll<LeaveDoc>(db.collection('leaveRequests').where({ activityId }).orderBy('_id', 'asc'));

export async function updateActivity(
  id: string,
  patch: Partial<Omit<ActivityDoc, '_id'>>,
): Promise<void> {
  await db.collection('activities').doc(id).update({ data: patch });
}

export async function setAttendanceStatus(
  id: string,
  patch: Partial<Omit<AttendanceDoc, '_id'>>,
): Promise<void> {
  await db.collection('attendance').doc(id).update({ data: patch });
}
