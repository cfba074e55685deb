/** Outputs of the theme-day actions of `activity` (TD-04, TD-06, TD-26, CHK-14). */

/** A soft warning of a theme-day rule: the operation went through [TD-04, TD-06]. */
export type TdWarning = { ruleId: string; kind: string; message: string; date?: string };
/** A session whose attendance was mostly entered by hand [CHK-14]. */
export type InflationSession = {
  activityId: string;
  title: string;
  date: string;
  attended: number;
  handEntered: number;
  pct: number;
};
/** An administrator who corrected much of a branch's attendance in a quarter [CHK-14]. */
export type InflationCorrector = {
  memberId: string;
  name: string;
  corrections: number;
  pct: number;
};
export type IntegrityReport = {
  orgId: string;
  quarter: string;
  thresholds: { sessionPct: number; quarterPct: number };
  sessions: InflationSession[];
  correctors: InflationCorrector[];
  ruleId: 'CHK-14';
};
/** 评先评优 eligibility lost by theme-day absences, where the branch switched it on [TD-26]. */
export type HonoursReport = {
  orgId: string;
  year: number;
  enabled: boolean;
  members: { memberId: string; name: string; activityIds: string[] }[];
  ruleId: 'TD-26';
};
