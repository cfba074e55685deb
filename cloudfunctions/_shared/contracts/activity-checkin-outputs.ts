import type { ActivityType, AttendanceStatus } from './activity';

/** The rotating sign-in code of the host console [CHK-05]. */
export type CheckinTokenOutput = {
  token: string;
  expiresAt: string;
  refreshInMs: number;
  /** The same sign-in as a scene token (≤ 32 chars) of the mini-program code [CHK-05]. */
  scene: string;
  /** The page the code opens (wxacode `page`). */
  page: string;
  /** The mini-program code image of this window; null when it could not be made (show `token`). */
  fileId: string | null;
};

/** What the sign-in page shows after a scan, before the member confirms [CHK-05]. */
export type CheckinPreview = {
  activityId: string;
  title: string;
  type: ActivityType;
  startAt: string;
  endAt: string;
  place: string | null;
  myStatus: AttendanceStatus | null;
  myAt: string | null;
  checkinWindow: { opensAt: string; lateAfter: string; closesAt: string };
  /** Inside the sign-in window now: 确认签到 can succeed. */
  open: boolean;
  /** The sign-in asks for one position fix (the activity has a geofence) [CHK-10]. */
  geofence: boolean;
};
