/** What the detail page shows of an ActivityDetail: labels and flags, nothing decided here. */
import type { ActivityDetail, MeOutput } from '../../../services/types';
import { can } from '../../../utils/can';
import {
  attendanceLabels,
  attendanceThemes,
  clockText,
  dayText,
  leaveStatusLabels,
  typeLabels,
  whenText,
} from '../../../utils/activity-view';

const SIGNED: (string | null)[] = ['present', 'late', 'remote'];

export function toDetailView(d: ActivityDetail, me: MeOutput) {
  const closed = d.status === 'closed';
  const w = d.checkinWindow;
  const signed = SIGNED.includes(d.myStatus);
  const leaveOpen = !d.myLeave || d.myLeave.status === 'rejected';
  return {
    id: d.id,
    /** The activity's branch: where evidence files are kept. */
    orgId: d.orgId,
    title: d.title,
    typeText: typeLabels[d.type] ?? d.type,
    when: whenText(d.startAt, d.endAt),
    place: d.place ?? '',
    onlineUrl: d.onlineUrl ?? '',
    agenda: d.agenda,
    host: d.host?.name ?? '',
    lecturer: d.lecturer ?? '',
    closed,
    lateRegistration: !!d.lateRegistration,
    geofence: d.geofence,
    windowText: `${dayText(w.opensAt)} ${clockText(w.opensAt)} 起可签到，${clockText(w.lateAfter)} 后签到记为迟到，${clockText(w.closesAt)} 截止`,
    myStatusText: d.myStatus ? attendanceLabels[d.myStatus] : closed ? '未签到' : '尚未签到',
    /** Signed in (or online): the page leads with this answer instead of the scan button. */
    done: signed ? doneView(d) : null,
    myStatusTheme: d.myStatus ? attendanceThemes[d.myStatus] : 'default',
    leaveText: d.myLeave ? leaveStatusLabels[d.myLeave.status] : '',
    canManage: d.canManage,
    /** The 纪实 members may read: a finished activity's archived record [MTG-20]. */
    record: closed && d.record?.archived ? d.record : null,
    late: lateView(d, me),
    // A late registration was held before it was entered: there is nothing to sign in to.
    canScan: !closed && !signed && !d.lateRegistration,
    // The backend decides who may join online; these only choose which buttons to offer.
    canRemote: !closed && !signed && (d.allowRemote || me.member.mobile),
    // 流动党员 at the 流入地's theme day, also after the close while the proof may follow [CHK-16];
    // the backend keeps the window and says when it has passed.
    canInflow: me.member.mobile && !signed && d.myStatus !== 'excused' && d.myStatus !== 'exempt',
    // Only before the cut-off the backend reports [CHK-04]; after it the host corrects.
    canLeave: d.leaveOpen && !d.myStatus && leaveOpen,
    leaveUntilText:
      d.leaveOpen && !d.myStatus && leaveOpen ? `请假须在 ${clockText(d.leaveUntil)} 前提出` : '',
  };
}

/** 补录: its reason and state, and whether the caller (the superior) may answer it [MTG-18]. */
function lateView(d: ActivityDetail, me: MeOutput) {
  const l = d.lateRegistration;
  if (!l) return null;
  return {
    reason: `补录理由：${l.reason}`,
    state: l.approved ? '上级党组织已批准补录' : '补录待上级党组织批准，批准后计入落实情况',
    approved: l.approved,
    canDecide: can(me, 'activity.approveLate', d.orgId),
  };
}

/** 已签到 · 09:02 · 按时: status and time in large text. */
function doneView(d: ActivityDetail) {
  const late = d.myStatus === 'late';
  const online = d.myStatus === 'remote';
  return {
    theme: late ? 'warning' : 'success',
    headline: online ? '已线上参加' : late ? '已签到（迟到）' : '已签到',
    time: d.myAt ? `${dayText(d.myAt)} ${clockText(d.myAt)}` : '',
    note: online ? '参学说明已提交' : late ? '记为迟到' : '记为按时到会',
  };
}

export type DetailView = ReturnType<typeof toDetailView>;

export interface ResultView {
  theme: 'success' | 'warning' | 'error';
  title: string;
  description: string;
}
