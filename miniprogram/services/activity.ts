/** The `activity` cloud function: 主题党日, 三会一课 and other organisational life. */
import { actionOf, callCloud } from './cloud';
import { fileUrl } from './media';
import type { ActionInput, ActionName, ActionOutput } from './types';

type Action = ActionName<'activity'>;
type In<A extends Action> = ActionInput<'activity', A>;
type Out<A extends Action> = ActionOutput<'activity', A>;
const action = actionOf('activity');

/** 按时间顺序列出支部的组织生活（可按时间段、类型筛选） */
export function fetchActivities(query: In<'list'>): Promise<Out<'list'>> {
  return callCloud('activity', 'list', query);
}

/** 读取一次活动的详情、本人状态与到会统计 */
export function fetchActivity(id: string): Promise<Out<'get'>> {
  return callCloud('activity', 'get', { id });
}

/** 取得现场签到二维码的动态令牌（支委、主持人使用，约30秒轮换） */
export function fetchCheckinToken(activityId: string): Promise<Out<'checkinToken'>> {
  return callCloud('activity', 'checkinToken', { activityId });
}

/** 扫码后、确认签到前：看这是哪场活动、本人现在的签到情况（不签到） */
export function fetchCheckinPreview(token: string): Promise<Out<'checkinPreview'>> {
  return callCloud('activity', 'checkinPreview', { token });
}

/** 签到小程序码等后台生成的图片可直接显示的地址（后台核对权限后给出临时地址） */
export function codeImageUrl(fileId: string): Promise<string> {
  return fileUrl(fileId);
}

/** 凭扫到的动态令牌签到（可附带位置，仅用于核对是否在会场） */
export function checkIn(
  token: string,
  location?: In<'checkin'>['location'],
): Promise<Out<'checkin'>> {
  return callCloud('activity', 'checkin', location ? { token, location } : { token });
}

/** 线上参加：提交参学说明，可附截图或照片（流动党员或允许线上参加的活动） */
export const joinRemotely = action('joinRemote');

/** 流动党员登记在流入地参加主题党日，可附流入地党组织的证明（文字或照片、文件），证明也可以以后补交 */
export const attendInflow = action('attendInflow');

/** 确认或驳回一名党员的线上参加 */
export const decideRemote = action('decideRemote');

/** 提交请假申请（病假、事假、公假） */
export const requestLeave = action('requestLeave');

/** 批准或不批准一名党员的请假 */
export const decideLeave = action('decideLeave');

/** 主持人更正一名党员的考勤（须写明理由，留痕） */
export const setAttendance = action('setAttendance');

/** 结束活动：停止签到并生成考勤结果 */
export function closeActivity(activityId: string): Promise<Out<'close'>> {
  return callCloud('activity', 'close', { activityId });
}

/** 读取一次活动的考勤名单 */
export function fetchAttendance(activityId: string): Promise<Out<'attendance'>> {
  return callCloud('activity', 'attendance', { activityId });
}

/** 保存会议纪实（记录、决议、小结，可归档；归档后修改须写理由） */
export const saveRecord = action('record');

/** 登记一项表决结果，由后台按到会规则判断是否有效、是否通过（有议程时须写明表决哪一项） */
export const recordVote = action('vote');

/** 记录一项议程的讨论：某位到会同志发言或表示不发言；不写发言人时，记录本项议程已经讨论 */
export const recordDiscussion = action('discuss');

/** 读取支部全年组织生活的应开、已开与缺开情况 */
export const fetchCompliance = action('compliance');

/** 读取支部年度组织生活计划（未发布时为建议安排） */
export const fetchPlan = action('plan');

/** 发布年度计划，并据此创建全年活动 */
export const publishPlan = action('publishPlan');

/** 读取需关注的党员（多次未参加主题党日，供支部谈心了解） */
export const fetchAbsenceAlerts = action('alerts');

/** 生成半年度组织生活报告（json 或 xlsx 文件） */
export const fetchReport = action('report');

/** 生成可打印的活动入口小程序码（只打开签到页，签到仍须扫现场动态码） */
export function fetchSigninCode(activityId: string): Promise<Out<'signinCode'>> {
  return callCloud('activity', 'signinCode', { activityId });
}

/** 新建一次活动（已结束的活动须写明补录理由，报上级审批） */
export const createActivity = action('create');

/** 上级党组织批准（或不批准）一次补录的活动 [MTG-18] */
export const approveLateRegistration = action('approveLateRegistration');
