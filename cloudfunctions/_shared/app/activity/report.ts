import { activityContract } from '../../contracts/activity';
import { ACTIVITY_TYPE_NAMES as TYPE_NAMES } from '../../domain/activity/type-names';
import type {
  ActivityOutput,
  ActivityReport,
  ActivityType,
  ReportActivity,
} from '../../contracts/activity';
import { attendanceRate, countStatuses } from '../../domain/activity/attendance';
import { Frequency, periodsOf } from '../../domain/activity/compliance';
import { recordEvidence } from '../../domain/activity/record-rules';
import { localDate } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { renderElsewhere } from '../export/remote';
import { exportDir } from '../media/paths';
import { reportBook } from '../export/report-book';
import { mediaStates } from '../media/queries';
import {
  branchYearActivities,
  complianceOf,
  expectedIdsOf,
  halfRange,
  isCounted,
  recordHistoryOf,
} from './queries';

/** 主题党日 and 三会一课. */
const REPORT_TYPES: ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
];

/**
 * The half-year report of 主题党日 and 三会一课 for the superior, generated from the records with
 * nothing typed again [TD-21, MTG-22, PRIV-11]; as JSON or as an .xlsx file (export audited [PRIV-07]).
 */
export const report = action({
  input: activityContract.report.input,
  async run(ctx, input): Promise<ActivityOutput<'report'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const year = Number(input.half.slice(0, 4));
    const h2 = input.half.endsWith('H2');
    const [from, to] = halfRange(input.half);
    const data = await branchYearActivities(org._id, year);
    const names = new Map(data.members.map((m) => [m._id, m.name]));
    const held = data.activities.filter(
      (a) => REPORT_TYPES.includes(a.type) && +a.startAt >= +from && +a.startAt < +to,
    );
    // Every record's files in one read, whatever the number of activities [MTG-10].
    const fileIds = [...new Set(held.flatMap((a) => a.record?.attachments ?? []))];
    const states: Awaited<ReturnType<typeof mediaStates>> = fileIds.length
      ? await mediaStates(fileIds)
      : new Map();
    const rows: ReportActivity[] = held.map((a) => {
      const records = data.byActivity.get(a._id) ?? [];
      const c = countStatuses(records.map((r) => r.status));
      const expected = expectedIdsOf(a, data.members, records).size; // as the host page [CHK-02]
      return {
        id: a._id,
        type: a.type,
        typeName: TYPE_NAMES[a.type],
        date: localDate(a.startAt),
        title: a.title,
        place: a.place,
        host: a.hostId ? (names.get(a.hostId) ?? null) : null,
        status: a.status,
        counts: { expected, ...c },
        attendanceRate: attendanceRate(c, expected),
        minutes: a.record?.minutes ?? null,
        resolutions: a.record?.resolutions ?? [],
        record: recordHistoryOf(a, (id) => names.get(id) ?? null),
        counted: isCounted(a, records),
        lateRegistration: !!a.lateRegistration,
        evidence: recordEvidence(a.record, (f) => states.get(f)?.check),
      };
    });
    const items = complianceOf(org, data, year, ctx);
    const result: ActivityReport = {
      orgId: org._id,
      orgName: org.name,
      half: input.half,
      generatedAt: ctx.now.toISOString(),
      summary: REPORT_TYPES.map((type) => ({
        type,
        typeName: TYPE_NAMES[type],
        held: rows.filter((r) => r.type === type && r.counted).length,
        missing: items
          .filter((i) => i.type === type)
          .flatMap((i) => i.missing.filter((p) => inHalf(p, year, h2))),
      })),
      activities: rows,
    };
    if (input.format !== 'xlsx') return result;
    // 应开 in this half: the periods of each requirement that fall in it (none: no requirement).
    const required = Object.fromEntries(
      REPORT_TYPES.map((type) => {
        const reqs = items.filter((i) => i.type === type);
        const n = reqs.flatMap((i) =>
          periodsOf(i.frequency as Frequency, year).filter((p) => inHalf(p.label, year, h2)),
        ).length;
        return [type, reqs.length ? n : null];
      }),
    );
    // Rendered by the export function, so this bundle carries no spreadsheet library.
    const file = await renderElsewhere(exportDir(org._id, 'reports'), reportBook(result, required));
    // The export is the file; its entry is the one database write it makes [PRIV-07].
    await ctx.write(async () => ({
      audit: {
        org,
        entity: 'exports',
        entityId: file.fileId,
        after: { report: 'activity', half: input.half, fileName: file.fileName },
      },
    }));
    return file;
  },
});

function inHalf(period: string, year: number, h2: boolean): boolean {
  const m = /^(\d{4})-(?:(\d{2})|Q(\d)|H(\d)|(七一))$/.exec(period);
  if (!m || Number(m[1]) !== year) return false;
  const month = m[5] ? 7 : m[2] ? Number(m[2]) : m[3] ? Number(m[3]) * 3 : Number(m[4]) * 6;
  return h2 ? month > 6 : month <= 6;
}
