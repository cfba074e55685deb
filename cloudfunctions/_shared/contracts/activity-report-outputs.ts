/** The half-year report's output types (activity.report, JSON form) [TD-21, MTG-22]. */
import type { AttendanceCounts, RecordHistory } from './activity-outputs';
import type { ActivityType } from './activity';
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
  /** The archived original and each correction, so the report keeps both [MTG-20]. */
  record: RecordHistory | null;
  /** Counts towards the branch's obligations [MTG-27, MTG-18]. */
  counted: boolean;
  lateRegistration: boolean;
  /**
   * The 纪实's evidence [MTG-10]: `media` (complete: a photo, recording, video or document that
   * passed the content check or needs none), `text` (a record without such a file), `none` (no
   * record); `checking` files count once they pass; a file held back counts nowhere.
   */
  evidence: { level: 'media' | 'text' | 'none'; files: number; checking: number };
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
