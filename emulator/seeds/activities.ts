import {
  addMonths,
  localDate,
  localInstant,
} from '../../cloudfunctions/_shared/domain/shared/time';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import type { SeedData } from './index';

/**
 * This month's theme day, starting five minutes before the seed time so its QR sign-in works as
 * soon as the emulator is up (it stays in the current month); and last month's, held and closed,
 * so reports, compliance and alerts have something to show.
 */
export function seedActivities(data: SeedData, now: Date, members: MemberDoc[]): void {
  const branch = members.filter((m) => m.orgId === 'demo-branch' && m.openid);
  const base = {
    orgId: 'demo-branch',
    type: 'themeDay',
    place: '机关三楼党员活动室',
    onlineUrl: null,
    allowRemote: false,
    agenda: ['集中交纳党费', '组织学习讨论', '民主议事决策'],
    hostId: 'demo-secretary',
    recorderId: 'demo-organizer',
    lecturer: null,
    guests: [],
    geofence: null,
    lateRegistration: null,
    amendments: [],
    createdBy: 'demo-secretary',
  };
  const month = localDate(now).slice(0, 7);
  const startAt = new Date(+now - 5 * 60_000);
  data.activities.push({
    ...base,
    _id: 'demo-theme-day',
    title: `${Number(month.slice(5))}月主题党日：学习贯彻党的二十届四中全会精神`,
    startAt,
    endAt: new Date(+startAt + 3 * 3600_000),
    status: 'planned',
    closedAt: null,
    record: null,
    createdAt: new Date(+now - 7 * 86400_000),
  });
  const last = addMonths(`${month}-01`, -1);
  const lastStart = localInstant(last.slice(0, 8) + '07', '15:00');
  data.activities.push({
    ...base,
    _id: 'demo-theme-day-last',
    title: `${Number(last.slice(5, 7))}月主题党日：重温入党誓词`,
    startAt: lastStart,
    endAt: new Date(+lastStart + 2 * 3600_000),
    status: 'closed',
    closedAt: new Date(+lastStart + 2 * 3600_000),
    record: {
      minutes:
        '书记李红主持，集中交纳党费，全体党员重温入党誓词，围绕“如何在岗位上发挥先锋作用”开展学习讨论。',
      resolutions: ['各党小组本月内开展一次学习交流'],
      attachments: [],
      summary: '到会党员认真学习，讨论热烈。',
      archived: true,
      recordedAt: new Date(+lastStart + 3 * 3600_000),
      recordedBy: 'demo-organizer',
    },
    createdAt: new Date(+lastStart - 20 * 86400_000),
  });
  const absent = new Set(['demo-member-7']);
  const excused = new Set(['demo-member-8']);
  for (const m of branch) {
    const status = m.exempt
      ? 'exempt'
      : m.mobile
        ? 'remote'
        : absent.has(m._id)
          ? 'absent'
          : excused.has(m._id)
            ? 'excused'
            : 'present';
    data.attendance.push({
      _id: `demo-theme-day-last:${m._id}`,
      activityId: 'demo-theme-day-last',
      orgId: 'demo-branch',
      memberId: m._id,
      status,
      at: new Date(+lastStart - 5 * 60_000),
      method: status === 'present' ? 'qr' : status === 'remote' ? 'remote' : 'close',
      geo: null,
      note: status === 'remote' ? '在深圳通过视频参加，学习笔记已提交' : null,
    });
  }
}
