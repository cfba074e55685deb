/**
 * 首页 as plain data, testable without a page: the member's card of today's or the next activity
 * with the one action that matters now, the committee's to-dos and the superior's branches. Every
 * window, cut-off and state comes from the backend's answer; nothing here decides a rule.
 */
import type { ActionOutput, OrgTreeNode, TodoItem } from '../../../services/types';
import { clockText, dayText, typeLabels, whenText } from '../../../utils/activity-view';

type Detail = ActionOutput<'activity', 'get'>;
type Summary = ActionOutput<'activity', 'list'>[number];

/** The one action of the card: scan, open the activity (to join online or ask for leave), none. */
export type CardAction = 'scan' | 'remote' | 'leave' | 'open';

export interface ActivityCard {
  id: string;
  title: string;
  kind: string;
  when: string;
  place: string;
  /** Big line: 正在签到 / 已签到 9:02 / 12月4日 周五 15:00 开始 … */
  headline: string;
  /** A calm second line: what to do or what was recorded. */
  hint: string;
  /** The state's tone: `done` (green), `now` (red, act now), `calm` (grey-blue). */
  tone: 'done' | 'now' | 'calm';
  primary: { action: CardAction; text: string } | null;
  secondary: { action: CardAction; text: string } | null;
}

/** Today's activity still under way, or the next one; null when nothing is planned. */
export function pickActivity(list: readonly Summary[], now: number): Summary | null {
  const coming = list
    .filter((a) => a.status !== 'closed' && Date.parse(a.endAt) > now)
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
  return coming[0] ?? null;
}

const DONE: Record<string, string> = {
  present: '已签到',
  late: '已签到（迟到）',
  remote: '已线上参加',
};

/** The member's card for one activity as of `now`. */
export function activityCard(d: Detail, now: number, mobile: boolean): ActivityCard {
  const base = {
    id: d.id,
    title: d.title,
    kind: typeLabels[d.type] ?? '组织生活',
    when: whenText(d.startAt, d.endAt),
    place: d.place ?? (d.onlineUrl ? '线上' : ''),
  };
  const open = Date.parse(d.checkinWindow.opensAt);
  const close = Date.parse(d.checkinWindow.closesAt);
  const view = { action: 'open' as const, text: '查看活动详情' };
  const status = d.myStatus;
  if (status && DONE[status]) {
    const at = d.myAt ? ` ${clockText(d.myAt).replace(/^0/, '')}` : '';
    return {
      ...base,
      headline: `${DONE[status]}${status === 'remote' ? '' : at}`,
      hint: '本次活动已记录您的参加，不用再做什么了',
      tone: 'done',
      primary: null,
      secondary: view,
    };
  }
  const recorded: Record<string, [string, string]> = {
    excused: ['已请假', '请假已批准，本次活动不计缺席'],
    remotePending: ['线上参加待确认', '主持人确认后记为线上参加'],
    exempt: ['本次免参加', '经支部决定，本次活动免于参加'],
    absent: ['本次未参加', '如有疑问，请联系支部书记'],
  };
  if (status && recorded[status])
    return {
      ...base,
      headline: recorded[status][0],
      hint: recorded[status][1],
      tone: 'calm',
      primary: null,
      secondary: view,
    };
  if (d.myLeave?.status === 'pending')
    return {
      ...base,
      headline: '请假申请待审批',
      hint: '支委审批后会在这里显示结果',
      tone: 'calm',
      primary: null,
      secondary: view,
    };
  const remote = mobile || d.allowRemote;
  if (now >= open && now < close)
    return {
      ...base,
      headline: '正在签到',
      hint: `请扫描现场大屏上的二维码，${clockText(d.checkinWindow.closesAt)}前有效`,
      tone: 'now',
      primary: { action: 'scan', text: '扫码签到' },
      secondary: remote ? { action: 'remote', text: '不在现场？线上参加' } : null,
    };
  if (now < open) {
    const leaveOpen = d.leaveOpen;
    const today = dayText(d.startAt) === dayText(new Date(now).toISOString());
    return {
      ...base,
      headline: `${today ? '今天' : dayText(d.startAt)} ${clockText(d.startAt)} 开始`,
      hint: `签到 ${clockText(d.checkinWindow.opensAt)} 开始${
        leaveOpen ? '；不能参加请提前请假' : ''
      }`,
      tone: 'calm',
      primary: view,
      secondary: leaveOpen ? { action: 'leave', text: '不能参加，请假' } : null,
    };
  }
  return {
    ...base,
    headline: '签到已结束',
    hint: '如果您参加了但没有签到，请联系主持人登记',
    tone: 'calm',
    primary: view,
    secondary: null,
  };
}

/** Unread notices: how many and the newest title. */
export function noticeSummary(
  list: readonly { title: string; read: boolean; publishedAt: string }[],
): { count: number; newest: string } {
  const unread = list
    .filter((n) => !n.read)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  return { count: unread.length, newest: unread[0]?.title ?? '' };
}

/** This month's dues in words: 已交 / 待交 76.50元 / 尚未核定 (never the base or the income). */
export function duesLine(
  months: readonly { month: string; dueFen: number; paidFen: number; status: string }[],
  month: string,
): { text: string; done: boolean } {
  const cell = months.find((m) => m.month === month);
  if (!cell || cell.status === 'notDue') return { text: '本月党费尚未核定', done: false };
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`;
  if (cell.status === 'paid') return { text: `本月党费已交 ${yuan(cell.paidFen)}`, done: true };
  return { text: `本月党费待交 ${yuan(cell.dueFen - cell.paidFen)}`, done: false };
}

export interface TodoView {
  kind: string;
  title: string;
  page: string;
  tone: 'alert' | 'warning' | 'info';
}

export const todoViews = (items: readonly TodoItem[]): TodoView[] =>
  [...items]
    .sort((a, b) => rank(a.level) - rank(b.level))
    .map((i) => ({ kind: i.kind, title: i.title, page: i.page, tone: i.level }));

const rank = (l: string) => (l === 'alert' ? 0 : l === 'warning' ? 1 : 2);

export interface BranchView {
  id: string;
  name: string;
  members: string;
  /** The first alerts with their colour and a word for it (紧急 / 注意 / 提示); none: 运行正常. */
  alerts: { text: string; tone: 'alert' | 'warning' | 'info'; word: string }[];
  /** How many more alerts the branch's page shows. */
  more: number;
}

const WORDS = { alert: '紧急', warning: '注意', info: '提示' } as const;
const SHOWN = 3;

/** The orgs below the superior, flattened: each branch with its members and alerts. */
export function branchViews(root: OrgTreeNode): BranchView[] {
  const out: BranchView[] = [];
  const walk = (n: OrgTreeNode) => {
    for (const c of n.children) {
      const alerts = [...c.alerts].sort((a, b) => rank(a.level) - rank(b.level));
      out.push({
        id: c.id,
        name: c.name,
        members: `党员${c.members.total}人（正式${c.members.full}、预备${c.members.probationary}）`,
        alerts: alerts
          .slice(0, SHOWN)
          .map((a) => ({ text: a.message, tone: a.level, word: WORDS[a.level] })),
        more: Math.max(0, alerts.length - SHOWN),
      });
      walk(c);
    }
  };
  walk(root);
  return out.sort((a, b) => (b.alerts.length ? 1 : 0) - (a.alerts.length ? 1 : 0));
}
