import { writeXlsx } from '../../adapters/xlsx';
import { activityContract } from '../../contracts/activity';
import type {
  ActivityOutput,
  ActivityReport,
  ActivityType,
  AttendanceStatus,
  ReportActivity,
} from '../../contracts/activity';
import { attendanceRate, countStatuses } from '../../domain/activity/attendance';
import { localDate } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { branchYearActivities, complianceOf, halfRange, isCounted } from './queries';

const TYPE_NAMES: Record<ActivityType, string> = {
  themeDay: '主题党日',
  branchAssembly: '支部党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  orgLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议',
  studySession: '集中学习',
};
const STATUS_NAMES: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  remote: '线上参加',
  remotePending: '待确认',
  excused: '请假',
  absent: '缺席',
  exempt: '免参加',
};
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
    const rows: ReportActivity[] = data.activities
      .filter((a) => REPORT_TYPES.includes(a.type) && +a.startAt >= +from && +a.startAt < +to)
      .map((a) => {
        const records = data.byActivity.get(a._id) ?? [];
        const c = countStatuses(records.map((r) => r.status));
        const expected = records.length; // after closing, everyone expected has a record [CHK-02]
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
          counted: isCounted(a, records),
          lateRegistration: !!a.lateRegistration,
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
        missing:
          items.find((i) => i.type === type)?.missing.filter((p) => inHalf(p, year, h2)) ?? [],
      })),
      activities: rows,
    };
    if (input.format !== 'xlsx') return result;
    const fileId = await ctx.ports.files.put(
      `reports/${org._id}-${input.half}.xlsx`,
      workbook(result),
    );
    // The export is the file; its entry is the one database write it makes [PRIV-07].
    await ctx.write(async () => ({
      audit: {
        org,
        entity: 'exports',
        entityId: fileId,
        after: { report: 'activity', half: input.half },
      },
    }));
    return { fileId };
  },
});

function inHalf(period: string, year: number, h2: boolean): boolean {
  const m = /^(\d{4})-(?:(\d{2})|Q(\d)|H(\d))$/.exec(period);
  if (!m || Number(m[1]) !== year) return false;
  const month = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) * 3 : Number(m[4]) * 6;
  return h2 ? month > 6 : month <= 6;
}

/** The report as a workbook: summary, one row per activity, and the legend of states. */
function workbook(r: ActivityReport) {
  const halfName = r.half.replace('-H1', '年上半年').replace('-H2', '年下半年');
  return writeXlsx([
    {
      name: '汇总',
      rows: [
        [`${r.orgName} ${halfName} 主题党日和“三会一课”开展情况`],
        ['类型', '已开展（次）', '缺少的期间'],
        ...r.summary.map((s) => [s.typeName, s.held, s.missing.join('、')]),
      ],
    },
    {
      name: '明细',
      rows: [
        [
          '日期',
          '类型',
          '主题',
          '地点',
          '主持人',
          '应到',
          '出席',
          '迟到',
          '线上',
          '请假',
          '缺席',
          '免参加',
          '出席率',
          '会议内容',
        ],
        ...r.activities.map((a) => [
          a.date,
          a.typeName,
          a.title,
          a.place,
          a.host,
          a.counts.expected,
          a.counts.present,
          a.counts.late,
          a.counts.remote,
          a.counts.excused,
          a.counts.absent,
          a.counts.exempt,
          a.attendanceRate === null ? '—' : `${a.attendanceRate}%`,
          a.minutes,
        ]),
      ],
    },
    {
      name: '缺勤说明',
      rows: [['说明'], ...Object.entries(STATUS_NAMES).map(([k, v]) => [`${v}（${k}）`])],
    },
  ]);
}
