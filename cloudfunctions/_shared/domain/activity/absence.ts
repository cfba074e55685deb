import type { AttendanceStatus } from '../../contracts/activity';

export interface AbsenceFlag {
  memberId: string;
  kind: 'consecutiveAbsences' | 'cumulativeAbsences';
  count: number;
  activityIds: string[];
}

/**
 * Within a year, 3 consecutive or 6 cumulative unexcused absences from the member's expected
 * theme days flag them for the 民主评议 decision — a flag, never a grade [TD-22]. Excused and
 * exempt sessions are skipped (neither count nor break the streak); present, late and remote
 * break it. `sessions` are the closed theme days in date order.
 */
export function absenceFlags(
  sessions: string[],
  statuses: Map<string, Map<string, AttendanceStatus>>,
): AbsenceFlag[] {
  const flags: AbsenceFlag[] = [];
  for (const [memberId, byActivity] of statuses) {
    let run: string[] = [];
    let longest: string[] = [];
    const all: string[] = [];
    for (const activityId of sessions) {
      const s = byActivity.get(activityId);
      if (!s || s === 'excused' || s === 'exempt') continue;
      if (s === 'absent' || s === 'remotePending') {
        run.push(activityId);
        all.push(activityId);
        if (run.length > longest.length) longest = [...run];
      } else run = [];
    }
    if (longest.length >= 3)
      flags.push({
        memberId,
        kind: 'consecutiveAbsences',
        count: longest.length,
        activityIds: longest,
      });
    if (all.length >= 6)
      flags.push({ memberId, kind: 'cumulativeAbsences', count: all.length, activityIds: all });
  }
  return flags;
}
