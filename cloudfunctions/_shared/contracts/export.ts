import { z } from 'zod';
import { id, orgYear } from './common';

/**
 * The `export` function: 台账 as .xlsx files a secretary hands to the superior. The half-year
 * report and the dues ledger stay where api.md puts them (`activity.report`, `dues.ledger` with
 * `format: "xlsx"`), rendered here; these are the 台账 with no JSON twin.
 */
export const exportContract = {
  /** One activity's attendance: who came, how, and who was away and why. */
  attendance: { input: z.object({ activityId: id }).strict() },
  /** A year's attendance of every member at the branch's 主题党日 and 三会一课. */
  attendanceYear: { input: orgYear },
  /** A year's 先锋指数 of every member, by name, no rank unless the branch shows it [PTS-21, PTS-22]. */
  points: { input: orgYear },
  /** The superior's compliance grid of the branches below, print-ready (issue 16). */
  dashboard: { input: orgYear },
};

type In<K extends keyof typeof exportContract> = z.input<(typeof exportContract)[K]['input']>;

/** A stored export: the file and the Chinese name to open and share it by. */
export type ExportFileOutput = { fileId: string; fileName: string };

export type ExportApi = {
  attendance: { input: In<'attendance'>; output: ExportFileOutput };
  attendanceYear: { input: In<'attendanceYear'>; output: ExportFileOutput };
  points: { input: In<'points'>; output: ExportFileOutput };
  dashboard: { input: In<'dashboard'>; output: ExportFileOutput };
};
