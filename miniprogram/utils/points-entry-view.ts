/**
 * One entry of the 先锋指数 in words a member reads at a glance: what happened (签到参加, 缺席,
 * 请假（不扣分）…), what it did to the score, and where it came from (签到记录, 个人申报,
 * 支委评定). 申辩 is offered only where the entry lowered the score [PTS-18].
 */
import type { ActionOutput } from '../services/types';

type PioneerIndex = ActionOutput<'points', 'index'>;
export type IndexEntry = PioneerIndex['entries'][number];
type Attendance = NonNullable<IndexEntry['attendance']>;

/** What each base item (基础分) is worth at most [PTS-27 … PTS-31]. */
export const BASE_FULL: Record<string, number> = {
  orgLife: 24,
  study: 12,
  dues: 12,
  morality: 6,
  contribution: 6,
};

/** The base score's one name, everywhere on the pages. */
export const BASE_TERM = '基础分';

export interface EntryView {
  key: string;
  id: string;
  name: string;
  /** One line under the name: what the entry does to the score, in words. */
  detail: string;
  monthText: string;
  sourceText: string;
  sourceTheme: string;
  pointsText: string;
  /** plus, minus or plain: the colour of the points. */
  tone: 'plus' | 'minus' | 'plain';
  /** 待审核, 未通过, 已达年度上限 — or empty when counted. */
  statusText: string;
  activityId: string;
  appealable: boolean;
}

/** An organisational-life record: its name, its effect and the words on the right. */
const attendanceWords: Record<
  Attendance,
  { name: string; detail: string; side: string; tone: EntryView['tone'] }
> = {
  present: { name: '签到参加', detail: '计入出勤，组织生活分不减', side: '出勤', tone: 'plus' },
  remote: { name: '线上参加', detail: '计入出勤，组织生活分不减', side: '出勤', tone: 'plus' },
  late: { name: '迟到参加', detail: '计入出勤，迟到另扣 1 分', side: '出勤', tone: 'plus' },
  remotePending: {
    name: '线上参加（待确认）',
    detail: '主持人确认后计入出勤',
    side: '待确认',
    tone: 'plain',
  },
  excused: { name: '请假', detail: '不计入应到，不扣分', side: '不扣分', tone: 'plain' },
  exempt: { name: '免参加', detail: '经决定免参加，不扣分', side: '不扣分', tone: 'plain' },
  absent: {
    name: '缺席',
    detail: '计入应到未到，组织生活分按出勤比例减少',
    side: '缺席',
    tone: 'minus',
  },
};

const AUTO_SOURCES: Record<string, string> = {
  orgLife: '签到记录',
  late: '签到记录',
  noticeRead: '签阅记录',
  study: '学时记录',
  dues: '党费记录',
  morality: '支委评定',
  contribution: '支委评定',
};

function sourceText(e: IndexEntry): string {
  if (e.kind === 'adjust') return '申辩调整';
  if (e.source === 'declared') return '个人申报';
  if (e.source === 'assessed') return '支委评定';
  return AUTO_SOURCES[e.itemCode] ?? '自动记录';
}

const sourceThemes: Record<IndexEntry['source'], string> = {
  auto: 'default',
  declared: 'primary',
  assessed: 'warning',
};

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function shown(e: IndexEntry): {
  name: string;
  detail: string;
  text: string;
  tone: EntryView['tone'];
} {
  if (e.kind === 'record') {
    const w = attendanceWords[e.attendance ?? 'present'] ?? attendanceWords.present;
    return { name: `组织生活 · ${w.name}`, detail: w.detail, text: w.side, tone: w.tone };
  }
  if (e.kind === 'veto')
    return { name: e.name, detail: '本年度积分清零', text: '清零', tone: 'minus' };
  if (e.kind === 'base') {
    const full = BASE_FULL[e.itemCode];
    const detail = full ? `满分 ${full} 分` : '';
    return { name: e.name, detail, text: `${e.points}分`, tone: 'plain' };
  }
  if (e.status === 'pending') return { name: e.name, detail: '', text: '', tone: 'plain' };
  if (e.status === 'rejected')
    return { name: e.name, detail: e.reason ? `未通过：${e.reason}` : '', text: '', tone: 'plain' };
  if (e.status === 'overCap')
    return { name: e.name, detail: '本项已达全年上限，这次不再计分', text: '0', tone: 'plain' };
  // the group (加分, 扣分) already says which; an appeal's adjustment says why
  const detail = e.kind === 'adjust' ? (e.note ?? '') : '';
  return {
    name: e.name,
    detail,
    text: signed(e.points),
    tone: e.points > 0 ? 'plus' : e.points < 0 ? 'minus' : 'plain',
  };
}

/** Did this entry take something off the score? Only those may be appealed [PTS-18]. */
export function loweredScore(e: IndexEntry): boolean {
  if (e.status === 'pending' || e.status === 'rejected') return false;
  if (e.kind === 'base') return e.points < (BASE_FULL[e.itemCode] ?? 0);
  if (e.kind === 'record') return e.attendance === 'absent';
  if (e.kind === 'veto' || e.kind === 'deduct') return true;
  return e.kind === 'adjust' && e.points < 0;
}

const statusTexts: Record<IndexEntry['status'], string> = {
  counted: '',
  pending: '待审核',
  rejected: '未通过',
  overCap: '已达年度上限',
};

export function toEntryView(e: IndexEntry, monthText: string, appealOpen: boolean): EntryView {
  const s = shown(e);
  return {
    key: e.id,
    id: e.id,
    name: s.name,
    detail: s.detail,
    monthText,
    sourceText: sourceText(e),
    sourceTheme: sourceThemes[e.source] ?? 'default',
    pointsText: s.text,
    tone: s.tone,
    statusText: statusTexts[e.status] ?? '',
    activityId: e.activityId ?? '',
    appealable: appealOpen && loweredScore(e),
  };
}

/** What an answered appeal changed, in one sentence [PTS-18]. */
export function appealResultText(status: string, points: number | null | undefined): string {
  if (status === 'open') return '等待支部书记核实答复';
  if (status === 'rejected') return '未采纳：积分不变';
  if (points)
    return `已采纳：积分${points > 0 ? '增加' : '减少'} ${Math.abs(points)} 分，已计入总分`;
  return '已采纳';
}
