import type { ActivityType } from '../../cloudfunctions/_shared/contracts/activity';
import { themeDayAgenda } from '../../cloudfunctions/_shared/domain/activity/schedule';
import { localInstant } from '../../cloudfunctions/_shared/domain/shared/time';
import type { ActivityDoc } from '../../cloudfunctions/_shared/repos/activities';
import type { AttendanceDoc, LeaveDoc } from '../../cloudfunctions/_shared/repos/attendance';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import { activityIdOf, BranchPlan, CommitteePlan, HELD_IN, plannedHeld } from './committee-plan';
import { themeDayOf } from './committee-dues';
import type { Rng } from './committee-random';

const DAY = 86400_000;

/** When and what: day of the month, start, minutes long, title and agenda. */
function shape(type: ActivityType, month: string, k: number, agenda: string[]) {
  const m = Number(month.slice(5));
  switch (type) {
    case 'themeDay':
      return {
        day: themeDayOf(k),
        time: '15:00',
        mins: 120,
        title: `${m}月主题党日：学习贯彻党的创新理论`,
        agenda,
      };
    case 'committeeMeeting':
      return {
        day: 3,
        time: '09:00',
        mins: 90,
        title: `${m}月支委会：研究本月党建工作`,
        agenda: ['研究本月工作安排', '讨论党员发展和教育管理事项'],
      };
    case 'branchAssembly':
      return {
        day: 12,
        time: '15:00',
        mins: 90,
        title: `第${Math.ceil(m / 3)}季度党员大会`,
        agenda: ['通报支部工作', '讨论决定重要事项'],
      };
    case 'partyLecture':
      return {
        day: m === 6 ? 25 : 20,
        time: '14:30',
        mins: 90,
        title: m === 6 ? '七一专题党课：传承红色基因' : `${m}月党课：加强党性修养`,
        agenda: ['书记讲党课', '交流学习体会'],
      };
    default:
      return {
        day: 25,
        time: '14:30',
        mins: 180,
        title: '年度组织生活会',
        agenda: ['通报上年度整改情况', '开展批评和自我批评', '民主评议党员'],
      };
  }
}

export interface BranchRecords {
  activities: ActivityDoc[];
  attendance: AttendanceDoc[];
  leaves: LeaveDoc[];
}

/**
 * The year of 主题党日 and 三会一课 of one branch as the real actions leave them: created ten days
 * before, closed at the end with a row for everyone expected (CHK-01 statuses; the host and the
 * recorder present), the 纪实 archived the next day — except what the plan leaves out: skipped
 * (no activity), never recorded (closed, `record: null`), archived after the window.
 */
export function branchRecords(
  plan: CommitteePlan,
  b: BranchPlan,
  k: number,
  roster: MemberDoc[],
  paidInFull: Map<string, number>,
  r: Rng,
): BranchRecords {
  const out: BranchRecords = { activities: [], attendance: [], leaves: [] };
  const secretary = roster[0];
  const recorder = b.hasCommittee ? roster[1] : roster[0];
  const committee = roster.filter((m) => m.roles.some((x) => x.orgId === b.orgId));
  const agenda = themeDayAgenda(b.profile);
  const remote = roster.some((m) => m.mobile);
  for (const month of plan.months) {
    for (const type of Object.keys(HELD_IN) as ActivityType[]) {
      if (!plannedHeld(b, type, month)) continue;
      const s = shape(type, month, k, agenda);
      const id = activityIdOf(b.orgId, type, month);
      const startAt = localInstant(`${month}-${String(s.day).padStart(2, '0')}`, s.time);
      const endAt = new Date(+startAt + s.mins * 60_000);
      const late = b.lateFiled.some((x) => x.activityId === id);
      const recordedAt = new Date(+endAt + (late ? 7 * DAY : DAY));
      const unrecorded = b.noMinutes.some((x) => x.activityId === id);
      out.activities.push({
        _id: id,
        orgId: b.orgId,
        type,
        title: s.title,
        startAt,
        endAt,
        place: '党员活动室',
        onlineUrl: null,
        allowRemote: remote && type !== 'committeeMeeting',
        agenda: s.agenda,
        hostId: secretary._id,
        recorderId: recorder._id,
        lecturer: type === 'partyLecture' ? secretary.name : null,
        lecturerKind: type === 'partyLecture' ? 'branchSecretary' : null,
        delegation: null,
        topicAgreedBy: null,
        liaisonTopics: [],
        guests: [],
        geofence: null,
        status: 'closed',
        closedAt: endAt,
        lateRegistration: null,
        record: unrecorded
          ? null
          : {
              minutes: `${secretary.name}主持。${s.agenda.join('；')}。到会党员围绕议题逐项讨论，形成一致意见。`,
              resolutions: [],
              attachments: [],
              summary: null,
              archived: true,
              recordedAt,
              recordedBy: recorder._id,
              archivedAt: recordedAt,
              items: [],
              itemsDone: type === 'themeDay' ? agenda : [],
              ...(type === 'themeDay' ? { duesCollected: paidInFull.get(month) ?? 0 } : {}),
            },
        amendments: [],
        createdAt: new Date(+startAt - 10 * DAY),
        createdBy: secretary._id,
      });
      const expected = (type === 'committeeMeeting' ? committee : roster).filter(
        (m) => m.joinedAt <= localDateOf(startAt),
      );
      for (const m of expected)
        out.attendance.push(row(id, b.orgId, m, startAt, endAt, r, out, secretary, recorder));
    }
  }
  return out;
}

const localDateOf = (d: Date) => new Date(+d + 8 * 3600_000).toISOString().slice(0, 10);

function row(
  activityId: string,
  orgId: string,
  m: MemberDoc,
  startAt: Date,
  endAt: Date,
  r: Rng,
  out: BranchRecords,
  host: MemberDoc,
  recorder: MemberDoc,
): AttendanceDoc {
  const make = (
    status: AttendanceDoc['status'],
    at: number,
    method: AttendanceDoc['method'],
    geo: AttendanceDoc['geo'] = null,
    note: string | null = null,
  ): AttendanceDoc => ({
    _id: `${activityId}:${m._id}`,
    activityId,
    orgId,
    memberId: m._id,
    status,
    at: new Date(at),
    method,
    geo,
    note,
  });
  const start = +startAt;
  if (m._id === host._id || m._id === recorder._id) return make('present', start - 600_000, 'host');
  if (m.mobile) return make('remote', start, 'remote', null, '外出务工，通过视频参加');
  const x = r.next();
  if (x < 0.84) return make('present', start - r.int(1, 15) * 60_000, 'qr', 'pass');
  if (x < 0.9) return make('late', start + r.int(5, 25) * 60_000, 'qr', 'pass');
  if (x < 0.95) {
    const requestedAt = start - 2 * DAY;
    out.leaves.push({
      _id: `${activityId}:${m._id}`,
      activityId,
      memberId: m._id,
      reason: '单位安排出差，不能参加',
      category: 'official',
      status: 'approved',
      requestedAt: new Date(requestedAt),
      decidedBy: host._id,
    });
    return make('excused', requestedAt, 'leave');
  }
  return make('absent', +endAt, 'close');
}
