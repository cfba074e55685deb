import { activityContract } from '../../contracts/activity';
import type { AbsenceAlert, ActivityType, AttendanceStatus } from '../../contracts/activity';
import { absenceFlags } from '../../domain/activity/absence';
import { attendanceRate, countStatuses } from '../../domain/activity/attendance';
import {
  activityCounts,
  compliance as judge,
  requirements,
} from '../../domain/activity/compliance';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import { localDate, localInstant } from '../../domain/shared/time';
import { writeXlsx } from '../../adapters/xlsx';
import {
  ActivityDoc,
  AttendanceDoc,
  attendanceOfMany,
  listActivities,
} from '../../repos/activities';
import { listOrgMembers, MemberDoc } from '../../repos/members';
import { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';

const ATTENDED = new Set(['present', 'late', 'remote']);
export const TYPE_NAMES: Record<ActivityType, string> = {
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

/** A branch's activities of a period with their attendance, loaded once for the judgements below. */
export async function load(orgId: string, from: Date, to: Date) {
  const [activities, members] = await Promise.all([
    listActivities(orgId, from, to),
    listOrgMembers(orgId),
  ]);
  const records = await attendanceOfMany(activities.map((a) => a._id));
  const byActivity = new Map<string, AttendanceDoc[]>();
  for (const r of records)
    byActivity.set(r.activityId, [...(byActivity.get(r.activityId) ?? []), r]);
  return { activities, members, byActivity };
}

export function counted(a: ActivityDoc, records: AttendanceDoc[]): boolean {
  const attendedBesidesHost = records.filter(
    (r) => ATTENDED.has(r.status) && r.memberId !== a.hostId,
  ).length;
  return activityCounts({
    type: a.type,
    status: a.status,
    title: a.title,
    agenda: a.agenda,
    minutes: a.record?.minutes ?? null,
    attendedBesidesHost,
    lateRegistration: a.lateRegistration,
  });
}

export const yearRange = (year: number) =>
  [localInstant(`${year}-01-01`), localInstant(`${year + 1}-01-01`)] as const;
const hasCommittee = (members: MemberDoc[], orgId: string) =>
  members.filter((m) => m.roles.some((r) => r.orgId === orgId && COMMITTEE_ROLES.includes(r.role)))
    .length > 1;

export function complianceOf(
  org: OrgDoc,
  data: Awaited<ReturnType<typeof load>>,
  year: number,
  ctx: Ctx,
) {
  const reqs = requirements(org.profile, org.category, hasCommittee(data.members, org._id));
  const held = data.activities.map((a) => ({
    type: a.type,
    date: localDate(a.startAt),
    counts: counted(a, data.byActivity.get(a._id) ?? []),
  }));
  return judge(reqs, held, year, localDate(ctx.now));
}

/** Required vs held per type and period, with the missing periods [TD-01, MTG-08]. */
export const compliance = action({
  input: activityContract.compliance.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const [from, to] = yearRange(input.year);
    return { items: complianceOf(org, await load(org._id, from, to), input.year, ctx) };
  },
});

/** Members with 3 unexcused theme-day absences in a row or 6 in the year: a flag for review [TD-22]. */
export const alerts = action({
  input: activityContract.alerts.input,
  access: 'member',
  async run(ctx, input): Promise<AbsenceAlert[]> {
    const org = await ctx.requireCommittee(input.orgId);
    const [from, to] = yearRange(input.year);
    const { activities, members, byActivity } = await load(org._id, from, to);
    const sessions = activities.filter((a) => a.type === 'themeDay' && a.status === 'closed');
    const statuses = new Map<string, Map<string, AttendanceStatus>>();
    for (const a of sessions) {
      for (const r of byActivity.get(a._id) ?? []) {
        if (!statuses.has(r.memberId)) statuses.set(r.memberId, new Map());
        statuses.get(r.memberId)!.set(a._id, r.status);
      }
    }
    const names = new Map(members.map((m) => [m._id, m.name]));
    return absenceFlags(
      sessions.map((a) => a._id),
      statuses,
    ).map((f) => ({ ...f, name: names.get(f.memberId) ?? '', ruleId: 'TD-22' as const }));
  },
});

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
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const year = Number(input.half.slice(0, 4));
    const h2 = input.half.endsWith('H2');
    const from = localInstant(`${year}-${h2 ? '07' : '01'}-01`);
    const to = h2 ? localInstant(`${year + 1}-01-01`) : localInstant(`${year}-07-01`);
    const data = await load(org._id, from, to);
    const names = new Map(data.members.map((m) => [m._id, m.name]));
    const rows = data.activities
      .filter((a) => REPORT_TYPES.includes(a.type))
      .map((a) => {
        const records = data.byActivity.get(a._id) ?? [];
        const c = countStatuses(records.map((r) => r.status));
        const expected = records.length;
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
          counted: counted(a, records),
          lateRegistration: !!a.lateRegistration,
        };
      });
    const items = complianceOf(
      org,
      await load(org._id, localInstant(`${year}-01-01`), localInstant(`${year + 1}-01-01`)),
      year,
      ctx,
    );
    const summary = REPORT_TYPES.map((type) => ({
      type,
      typeName: TYPE_NAMES[type],
      held: rows.filter((r) => r.type === type && r.counted).length,
      missing: items.find((i) => i.type === type)?.missing.filter((p) => inHalf(p, year, h2)) ?? [],
    }));
    const result = {
      orgId: org._id,
      orgName: org.name,
      half: input.half,
      generatedAt: ctx.now.toISOString(),
      summary,
      activities: rows,
    };
    if (input.format !== 'xlsx') return result;
    const file = writeXlsx([
      {
        name: '汇总',
        rows: [
          [
            `${org.name} ${input.half.replace('-H1', '年上半年').replace('-H2', '年下半年')} 主题党日和“三会一课”开展情况`,
          ],
          ['类型', '已开展（次）', '缺少的期间'],
          ...summary.map((s) => [s.typeName, s.held, s.missing.join('、')]),
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
          ...rows.map((r) => [
            r.date,
            r.typeName,
            r.title,
            r.place,
            r.host,
            r.counts.expected,
            r.counts.present,
            r.counts.late,
            r.counts.remote,
            r.counts.excused,
            r.counts.absent,
            r.counts.exempt,
            r.attendanceRate === null ? '—' : `${r.attendanceRate}%`,
            r.minutes,
          ]),
        ],
      },
      {
        name: '缺勤说明',
        rows: [['说明'], ...Object.entries(STATUS_NAMES).map(([k, v]) => [`${v}（${k}）`])],
      },
    ]);
    const fileId = await ctx.ports.files.put(`reports/${org._id}-${input.half}.xlsx`, file);
    await ctx.audit({
      orgId: org._id,
      entity: 'exports',
      entityId: fileId,
      after: { report: 'activity', half: input.half },
    });
    return { fileId };
  },
});

function inHalf(period: string, year: number, h2: boolean): boolean {
  const m = /^(\d{4})-(?:(\d{2})|Q(\d)|H(\d))$/.exec(period);
  if (!m || Number(m[1]) !== year) return false;
  const month = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) * 3 : Number(m[4]) * 6;
  return h2 ? month > 6 : month <= 6;
}
