import type { z } from 'zod';
import type { activityContract, ActivityType, AttendanceStatus, ScheduleRule } from './activity';

type In<K extends keyof typeof activityContract> = z.input<(typeof activityContract)[K]['input']>;

/** Attendance counts by state [CHK-01]. */
export type AttendanceCounts = Record<AttendanceStatus, number>;

export type ActivitySummary = {
  id: string;
  orgId: string;
  type: ActivityType;
  title: string;
  startAt: string;
  endAt: string;
  place: string | null;
  onlineUrl: string | null;
  allowRemote: boolean;
  agenda: string[];
  status: 'planned' | 'closed';
  lateRegistration: { reason: string; approved: boolean } | null;
};

export type ActivityDetail = ActivitySummary & {
  host: { id: string; name: string } | null;
  recorder: { id: string; name: string } | null;
  lecturer: string | null;
  guests: { name: string; kind: string | null }[];
  geofence: boolean;
  /** The caller's own state: null when nothing is recorded yet. */
  myStatus: AttendanceStatus | null;
  myLeave: { status: 'pending' | 'approved' | 'rejected'; reason: string } | null;
  canManage: boolean;
  counts: AttendanceCounts & { expected: number };
  record: {
    minutes: string;
    resolutions: string[];
    attachments: string[];
    summary: string | null;
    archived: boolean;
    amendments: number;
  } | null;
  checkinWindow: { opensAt: string; lateAfter: string; closesAt: string };
};

export type AttendanceRow = {
  memberId: string;
  name: string;
  status: AttendanceStatus | null;
  at: string | null;
  method: string | null;
  geo: 'pass' | 'mismatch' | null;
  note: string | null;
  leave: {
    status: 'pending' | 'approved' | 'rejected';
    category: string | null;
    reason: string | null;
  } | null;
};

export type ComplianceItem = {
  type: ActivityType;
  frequency: string;
  required: number;
  held: number;
  missing: string[];
  ruleId: string;
};
export type AbsenceAlert = {
  memberId: string;
  name: string;
  kind: 'consecutiveAbsences' | 'cumulativeAbsences';
  count: number;
  activityIds: string[];
  ruleId: 'TD-22';
};
/** One activity of the half-year report, from its records [TD-21, MTG-22]. */
export type ReportActivity = {
  id: string;
  type: ActivityType;
  typeName: string;
  date: string;
  title: string;
  place: string | null;
  host: string | null;
  status: 'planned' | 'closed';
  counts: AttendanceCounts & { expected: number };
  /** Whole percent [CHK-03]; null when nobody was to attend. */
  attendanceRate: number | null;
  minutes: string | null;
  resolutions: string[];
  /** Counts towards the branch's obligations [MTG-27, MTG-18]. */
  counted: boolean;
  lateRegistration: boolean;
};
/** The half-year report of 主题党日 and 三会一课 (JSON form) [TD-21, MTG-22, PRIV-11]. */
export type ActivityReport = {
  orgId: string;
  orgName: string;
  half: string;
  generatedAt: string;
  summary: { type: ActivityType; typeName: string; held: number; missing: string[] }[];
  activities: ReportActivity[];
};

export type PlanItem = {
  type: ActivityType;
  date: string;
  title: string;
  startTime: string;
  endTime: string;
  agenda: string[];
  ruleId: string;
};

export type ActivityApi = {
  create: { input: In<'create'>; output: { id: string } };
  get: { input: In<'get'>; output: ActivityDetail };
  list: { input: In<'list'>; output: (ActivitySummary & { myStatus: AttendanceStatus | null })[] };
  checkinToken: {
    input: In<'checkinToken'>;
    output: { token: string; expiresAt: string; refreshInMs: number };
  };
  checkin: {
    input: In<'checkin'>;
    output: {
      activityId: string;
      status: 'present' | 'late';
      at: string;
      alreadyCheckedIn: boolean;
      geo: 'pass' | 'mismatch' | null;
    };
  };
  joinRemote: {
    input: In<'joinRemote'>;
    output: { activityId: string; status: 'remote'; at: string };
  };
  decideRemote: {
    input: In<'decideRemote'>;
    output: { memberId: string; status: AttendanceStatus };
  };
  requestLeave: { input: In<'requestLeave'>; output: { activityId: string; status: 'pending' } };
  decideLeave: {
    input: In<'decideLeave'>;
    output: { memberId: string; status: AttendanceStatus | null };
  };
  setAttendance: {
    input: In<'setAttendance'>;
    output: { memberId: string; status: AttendanceStatus };
  };
  close: {
    input: In<'close'>;
    output: {
      present: number;
      late: number;
      remote: number;
      excused: number;
      absent: number;
      exempt: number;
    };
  };
  attendance: { input: In<'attendance'>; output: AttendanceRow[] };
  record: {
    input: In<'record'>;
    output: { activityId: string; archived: boolean; amendments: number };
  };
  vote: {
    input: In<'vote'>;
    output: {
      valid: boolean;
      passed: boolean;
      eligible: number;
      presentEligible: number;
      reason?: string;
      ruleIds: string[];
    };
  };
  compliance: { input: In<'compliance'>; output: { items: ComplianceItem[] } };
  /** JSON by default; `format: "xlsx"` answers the stored file. */
  report: { input: In<'report'>; output: ActivityReport | { fileId: string } };
  alerts: { input: In<'alerts'>; output: AbsenceAlert[] };
  plan: {
    input: In<'plan'>;
    output: { items: PlanItem[]; rule: ScheduleRule; profile: string; published: boolean };
  };
  publishPlan: { input: In<'publishPlan'>; output: { created: string[] } };
  setSchedule: { input: In<'setSchedule'>; output: { rule: ScheduleRule } };
  signinCode: { input: In<'signinCode'>; output: { fileId: string; scene: string; page: string } };
  approveLateRegistration: {
    input: In<'approveLateRegistration'>;
    output: { activityId: string; approved: boolean };
  };
};

/** What an action of `activity` answers. */
export type ActivityOutput<K extends keyof ActivityApi> = ActivityApi[K]['output'];
