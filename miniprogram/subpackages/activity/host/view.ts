/** What the host console shows: counts and roster rows as labels, nothing decided here. */
import type { ActivityDetail, AttendanceRow, AttendanceStatus } from '../../../services/types';
import {
  attendanceLabels,
  attendanceThemes,
  clockText,
  leaveCategoryLabels,
  leaveStatusLabels,
  typeLabels,
  whenText,
} from '../../../utils/activity-view';

const COUNTED: AttendanceStatus[] = [
  'present',
  'late',
  'remote',
  'remotePending',
  'excused',
  'absent',
  'exempt',
];

const methodLabels: Record<string, string> = {
  qr: '扫码',
  remote: '线上',
  hostMarked: '主持人登记',
  leave: '请假',
  close: '结束时登记',
  host: '主持、记录',
};

export function toHeadView(d: ActivityDetail) {
  return {
    id: d.id,
    title: d.title,
    typeText: typeLabels[d.type] ?? d.type,
    when: whenText(d.startAt, d.endAt),
    closed: d.status === 'closed',
    /** The items the vote form offers, one vote each [VOTE-20]. */
    agenda: d.agenda,
    windowText: `签到时间 ${clockText(d.checkinWindow.opensAt)}–${clockText(d.checkinWindow.closesAt)}，${clockText(d.checkinWindow.lateAfter)} 后为迟到`,
  };
}

export function toCountsView(d: ActivityDetail) {
  const c = d.counts;
  return {
    expected: c.expected,
    arrived: c.present + c.late + c.remote,
    items: COUNTED.filter((k) => c[k] > 0 || k === 'present').map((k) => ({
      key: k,
      label: attendanceLabels[k],
      value: c[k],
    })),
  };
}

/** One roster row; `meId` is the caller: nobody corrects their own attendance [PRIV-21]. */
export function toRowView(r: AttendanceRow, meId = '') {
  const leave = r.leave;
  const leaveParts = leave
    ? [
        leaveStatusLabels[leave.status],
        leave.category ? leaveCategoryLabels[leave.category] : '',
        leave.reason ?? '',
      ]
    : [];
  return {
    memberId: r.memberId,
    name: r.name,
    self: r.memberId === meId,
    statusText: r.status ? attendanceLabels[r.status] : '未签到',
    statusTheme: r.status ? attendanceThemes[r.status] : 'default',
    detail: [
      r.at && r.status ? clockText(r.at) : '',
      r.method ? (methodLabels[r.method] ?? '') : '',
    ]
      .filter(Boolean)
      .join(' · '),
    geoMismatch: r.geo === 'mismatch',
    note: r.note ?? '',
    /** A remote join's screenshot or the 流入地's proof, for the host to check [CHK-15, CHK-16]. */
    evidence: r.evidence ?? [],
    leaveText: leaveParts.filter(Boolean).join(' · '),
    leavePending: leave?.status === 'pending',
    remotePending: r.status === 'remotePending',
    remote: r.status === 'remote',
  };
}

export type HeadView = ReturnType<typeof toHeadView>;
export type CountsView = ReturnType<typeof toCountsView>;
export type RowView = ReturnType<typeof toRowView>;

/** The statuses a host may set by hand (roll-call for members without a phone, corrections). */
export const correctable: AttendanceStatus[] = [
  'present',
  'late',
  'remote',
  'excused',
  'absent',
  'exempt',
];
