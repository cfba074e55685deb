import type { ActivityType } from '../../contracts/activity';
import { exportContract } from '../../contracts/export';
import type { ExportFileOutput } from '../../contracts/export';
import { attendanceRate, countStatuses } from '../../domain/activity/attendance';
import { localDate } from '../../domain/shared/time';
import { findActivity } from '../../repos/activities';
import type { AttendanceDoc } from '../../repos/attendance';
import type { Ctx } from '../../runtime/context';
import type { OrgDoc } from '../../repos/orgs';
import { orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { branchActivities, branchYearActivities, expectedIdsOf } from '../activity/queries';
import { exportDir } from '../media/paths';
import { store } from './render-action';
import { Cell, dateName, fileNameOf, instantName, WorkbookSpec } from './spec';
import { METHOD_WORDS, STATUS_WORDS, TYPE_WORDS } from './words';

/** Audited like every export [PRIV-07]: one `exports` entry, the file its only trace. */
export async function audited(
  ctx: Ctx,
  org: OrgDoc,
  dir: string,
  spec: WorkbookSpec,
  what: Record<string, unknown>,
): Promise<ExportFileOutput> {
  const file = await store(ctx.ports, dir, spec);
  await ctx.write(async () => ({
    audit: {
      org,
      entity: 'exports',
      entityId: file.fileId,
      after: { ...what, fileName: file.fileName },
    },
  }));
  return file;
}

const time = (d: Date) => instantName(new Date(d).toISOString()).slice(-5);

/** 签到表 of one activity: every member expected, how they took part, or why not. */
export const attendance = action({
  input: exportContract.attendance.input,
  async run(ctx, input): Promise<ExportFileOutput> {
    const a = orNotFound(await findActivity(input.activityId), '活动');
    const org = await ctx.require('activity.oversee', a.orgId);
    const start = new Date(a.startAt);
    const data = await branchActivities(org._id, start, new Date(+start + 1));
    const records = new Map((data.byActivity.get(a._id) ?? []).map((r) => [r.memberId, r]));
    const names = new Map(data.members.map((m) => [m._id, m.name]));
    // 应到 as the host page and the report count it: a closed meeting, those its close recorded
    const expected = expectedIdsOf(a, data.members, [...records.values()]);
    const ids = [...new Set([...expected, ...records.keys()])];
    const c = countStatuses([...records.values()].map((r) => r.status));
    const rate = attendanceRate(c, ids.length);
    const date = dateName(localDate(start));
    const host = a.hostId ? names.get(a.hostId) : undefined;
    const rows: Cell[][] = ids
      .map((id) => ({ name: names.get(id) ?? '（已转出）', r: records.get(id) }))
      .sort((x, y) => x.name.localeCompare(y.name, 'zh-Hans-CN'))
      .map(({ name, r }, i) => [i + 1, name, ...recordCells(r)]);
    const spec: WorkbookSpec = {
      fileName: fileNameOf(org.name, date, `${a.title}签到表`),
      sheets: [
        {
          name: '签到表',
          title: `${org.name} ${a.title}签到表`,
          subtitle: [
            `${TYPE_WORDS[a.type]}　${date} ${time(start)}`,
            a.place ? `地点：${a.place}` : '',
            host ? `主持人：${host}` : '',
          ]
            .filter(Boolean)
            .join('　'),
          columns: [
            { header: '序号', width: 6 },
            { header: '姓名', width: 12 },
            { header: '参加情况', width: 18 },
            { header: '签到时间', width: 10 },
            { header: '登记方式', width: 16 },
            { header: '说明', width: 30, wrap: true },
          ],
          rows,
          notes: [
            `应到 ${ids.length} 人，出席 ${c.present} 人，迟到 ${c.late} 人，线上参加 ${c.remote} 人，` +
              `请假 ${c.excused} 人，缺席 ${c.absent} 人，免参加 ${c.exempt} 人；` +
              `出勤率 ${rate === null ? '—' : `${rate}%`}。`,
            a.status === 'closed' ? '' : '活动尚未结束，未签到的人员显示为“未签到”。',
          ].filter(Boolean),
        },
      ],
    };
    return audited(ctx, org, exportDir(org._id, 'attendance'), spec, {
      attendance: a._id,
    });
  },
});

function recordCells(r: AttendanceDoc | undefined): Cell[] {
  if (!r) return ['未签到', '', '', ''];
  const signed = r.method === 'qr' || r.method === 'host' || r.method === 'hostMarked';
  return [STATUS_WORDS[r.status], signed ? time(r.at) : '', METHOD_WORDS[r.method], r.note ?? ''];
}

/** 主题党日 and 三会一课. */
const REPORTED: ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const SHORT: Record<AttendanceDoc['status'], string> = {
  ...STATUS_WORDS,
  remote: '线上',
  remotePending: '待确认',
};

/** A year's attendance: each member's totals, and the 主题党日 month by month [TD-21]. */
export const attendanceYear = action({
  input: exportContract.attendanceYear.input,
  async run(ctx, input): Promise<ExportFileOutput> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const data = await branchYearActivities(org._id, input.year);
    const held = data.activities.filter((a) => a.status === 'closed' && REPORTED.includes(a.type));
    const mine = (memberId: string, acts = held) =>
      acts.flatMap((a) =>
        (data.byActivity.get(a._id) ?? []).filter((r) => r.memberId === memberId),
      );
    const members = [...data.members].sort((x, y) => x.name.localeCompare(y.name, 'zh-Hans-CN'));
    const themeDays = held.filter((a) => a.type === 'themeDay');
    const byMonth = (m: number) =>
      themeDays.filter((a) => Number(localDate(a.startAt).slice(5, 7)) === m);
    const year = `${input.year}年`;
    const spec: WorkbookSpec = {
      fileName: fileNameOf(org.name, year, '党员参加组织生活台账'),
      sheets: [
        {
          name: '汇总',
          title: `${org.name} ${year}党员参加组织生活情况`,
          subtitle: `主题党日和“三会一课”，已结束的 ${held.length} 次活动`,
          columns: [
            { header: '姓名', width: 12 },
            { header: '应参加', width: 10 },
            { header: '出席', width: 8 },
            { header: '迟到', width: 8 },
            { header: '线上参加', width: 10 },
            { header: '请假', width: 8 },
            { header: '缺席', width: 8 },
            { header: '免参加', width: 8 },
            { header: '出勤率', width: 10 },
          ],
          rows: members.map((m) => {
            const rs = mine(m._id);
            const c = countStatuses(rs.map((r) => r.status));
            const rate = attendanceRate(c, rs.length);
            return [
              m.name,
              rs.length,
              c.present,
              c.late,
              c.remote,
              c.excused,
              c.absent,
              c.exempt,
              rate === null ? '—' : `${rate}%`,
            ];
          }),
          notes: ['出勤率 =（出席 + 迟到 + 线上参加）÷（应参加 − 请假 − 免参加）。'],
        },
        {
          name: '主题党日',
          title: `${org.name} ${year}主题党日参加情况`,
          landscape: true,
          columns: [
            { header: '姓名', width: 10 },
            ...MONTHS.map((m) => ({ header: `${m}月`, width: 8 })),
          ],
          rows: members.map((m) => [
            m.name,
            ...MONTHS.map((month) => {
              const acts = byMonth(month);
              if (!acts.length) return '—';
              const rs = mine(m._id, acts);
              return rs.length ? rs.map((r) => SHORT[r.status]).join('、') : '不参加';
            }),
          ]),
          notes: ['“—”：该月没有已结束的主题党日。'],
        },
      ],
    };
    return audited(ctx, org, exportDir(org._id, 'attendance'), spec, {
      attendanceYear: input.year,
    });
  },
});
