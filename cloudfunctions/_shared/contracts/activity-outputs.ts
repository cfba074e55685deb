import type { z } from 'zod';
import type {
  activityContract,
  ActivityType,
  AttendanceStatus,
  RecordItem,
  ScheduleRule,
} from './activity';
import type { MeetingRecordDetail, RuleAlert } from './activity-record-outputs';
import type { CheckinPreview, CheckinTokenOutput } from './activity-checkin-outputs';
import type { VoteApi } from './activity-votes';
import type { Inactivity } from '../domain/activity/inactivity';

export type { MeetingRecordDetail, RuleAlert } from './activity-record-outputs';
export type * from './activity-theme-day-outputs';
export type { ActivityReport, ReportActivity } from './activity-report-outputs';
import type { ActivityReport } from './activity-report-outputs';
import type { HonoursReport, IntegrityReport, TdWarning } from './activity-theme-day-outputs';

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
  /** End of the filing window (exclusive) [MTG-19]. */
  filingDue: string;
  /** Not finalised and the window has closed [MTG-19]. */
  overdue: boolean;
};

/** The activity page: the summary, the 三会一课 record's parts, and these. */
export type ActivityDetail = ActivitySummary & MeetingRecordDetail & DetailCore;
type DetailCore = {
  host: { id: string; name: string } | null;
  recorder: { id: string; name: string } | null;
  lecturer: string | null;
  guests: { name: string; kind: string | null }[];
  geofence: boolean;
  /** The caller's own state: null when nothing is recorded yet. */
  myStatus: AttendanceStatus | null;
  /** When the caller's own state was recorded (the time of the sign-in), null when nothing is. */
  myAt: string | null;
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
    items: RecordItem[];
    itemsDone: string[];
    /** Whether it was archived within the filing window; null while still open [MTG-19]. */
    finalisedOnTime: boolean | null;
    /** The archived original and each correction after it, oldest first [MTG-20]. */
    history?: RecordHistory;
  } | null;
  checkinWindow: { opensAt: string; lateAfter: string; closesAt: string };
  /** The leave cut-off [CHK-04], and whether asking for leave is still possible now. */
  leaveUntil: string;
  leaveOpen: boolean;
};

export type AttendanceRow = {
  memberId: string;
  name: string;
  status: AttendanceStatus | null;
  at: string | null;
  method: string | null;
  geo: 'pass' | 'mismatch' | null;
  note: string | null;
  /** Evidence files of a remote join or a 流入地 proof (fileIDs; media.view shows them) [CHK-15, CHK-16]. */
  evidence: string[];
  /** Exempt by a recorded decision: closing records `exempt`, not `absent` [TD-08]. */
  exempt?: boolean;
  leave: {
    status: 'pending' | 'approved' | 'rejected';
    category: string | null;
    reason: string | null;
  } | null;
};

/** One version of a 纪实: what it said, who wrote it and when; a correction also says why. */
export type RecordVersion = {
  minutes: string;
  resolutions: string[];
  summary: string | null;
  at: string;
  by: string | null;
  reason: string | null;
};
/** The archived original and each correction appended after it, oldest first [MTG-20]. */
export type RecordHistory = { original: RecordVersion; amendments: RecordVersion[] };

export type ComplianceItem = {
  type: ActivityType;
  frequency: string;
  required: number;
  held: number;
  missing: string[];
  ruleId: string;
  /** Held activities of this type that do not count, with why, in Chinese [MTG-27, MTG-18, TD-30]. */
  notCounted: { activityId: string; title: string; date: string; reasons: string[] }[];
};
export type AbsenceAlert = {
  memberId: string;
  name: string;
  /** TD-22's flags; TD-23's early warnings one step before them. */
  kind: 'consecutiveAbsences' | 'cumulativeAbsences' | 'consecutiveWarning' | 'cumulativeWarning';
  count: number;
  activityIds: string[];
  ruleId: 'TD-22' | 'TD-23';
};
/** A branch's days without an organisational-life record [FORT-22]. */
export type BranchInactivity = Inactivity;
export type PlanItem = {
  type: ActivityType;
  date: string;
  title: string;
  startTime: string;
  endTime: string;
  agenda: string[];
  ruleId: string;
  /** The scheduled day, when the plan moved the item to another working day [TD-04]. */
  movedFrom?: string;
  /** The scheduled start, when the plan moved the item to other hours so that nothing overlaps. */
  movedFromTime?: string;
  /** Why the plan moved it: the day was a holiday, or it overlapped another item. */
  moveReason?: 'holiday' | 'overlap';
  /** What moved and why, for the secretary (Chinese). */
  moveNote?: string;
};

export type ActivityApi = VoteApi & {
  create: { input: In<'create'>; output: { id: string; alerts: RuleAlert[] } };
  get: { input: In<'get'>; output: ActivityDetail };
  list: { input: In<'list'>; output: (ActivitySummary & { myStatus: AttendanceStatus | null })[] };
  checkinToken: { input: In<'checkinToken'>; output: CheckinTokenOutput };
  /** What the sign-in page shows after a scan, before the member confirms [CHK-05]. */
  checkinPreview: { input: In<'checkinPreview'>; output: CheckinPreview };
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
    output: { activityId: string; archived: boolean; amendments: number; alerts: RuleAlert[] };
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
      /** VOTE-16, VOTE-17 */
      method: 'showOfHands' | 'secretBallot';
      /** Members left out of E by approved exclusions [VOTE-03, VOTE-04]. */
      excluded: number;
      alerts: RuleAlert[];
    };
  };
  compliance: {
    input: In<'compliance'>;
    /** `inactivity`: days without an organisational-life record, yellow at the limit [FORT-22]. */
    output: { items: ComplianceItem[]; inactivity: BranchInactivity | null };
  };
  /** JSON by default; `format: "xlsx"` answers the stored file. */
  report: { input: In<'report'>; output: ActivityReport | { fileId: string; fileName: string } };
  alerts: { input: In<'alerts'>; output: AbsenceAlert[] };
  plan: {
    input: In<'plan'>;
    output: {
      items: PlanItem[];
      rule: ScheduleRule;
      profile: string;
      published: boolean;
      /** The plan not filed with the superior before the year's first theme day [TD-06]. */
      alerts?: TdWarning[];
      /** The year's holidays are the statutory days only: the State Council's arrangement is not entered yet [TD-04]. */
      provisionalCalendar?: boolean;
    };
  };
  publishPlan: { input: In<'publishPlan'>; output: { created: string[] } };
  setSchedule: { input: In<'setSchedule'>; output: { rule: ScheduleRule } };
  reschedule: {
    input: In<'reschedule'>;
    output: { activityId: string; startAt: string; endAt: string; warnings: TdWarning[] };
  };
  setHolidays: {
    input: In<'setHolidays'>;
    output: { orgId: string; year: number; holidays: number; workdays: number };
  };
  addGuest: { input: In<'addGuest'>; output: { activityId: string; guests: number } };
  attendInflow: {
    input: In<'attendInflow'>;
    output: { activityId: string; status: AttendanceStatus; proofReceived: boolean };
  };
  integrity: { input: In<'integrity'>; output: IntegrityReport };
  honours: { input: In<'honours'>; output: HonoursReport };
  signinCode: { input: In<'signinCode'>; output: { fileId: string; scene: string; page: string } };
  approveLateRegistration: {
    input: In<'approveLateRegistration'>;
    output: { activityId: string; approved: boolean };
  };
  update: { input: In<'update'>; output: { activityId: string; alerts: RuleAlert[] } };
  reportToSuperior: {
    input: In<'reportToSuperior'>;
    output: { activityId: string; reportedAt: string };
  };
  meetingAlerts: {
    input: In<'meetingAlerts'>;
    output: (RuleAlert & { activityId?: string })[];
  };
};

/** What an action of `activity` answers. */
export type ActivityOutput<K extends keyof ActivityApi> = ActivityApi[K]['output'];
