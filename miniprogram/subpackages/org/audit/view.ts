/** View helpers of 操作记录: each audit entry in words (who, when, what, before → after). */
import type { AuditRow } from '../../../services/types';
import { roleLabels } from '../../../utils/member-view';
import type { RoleKey } from '../../../services/types';

/** What was done, in words, by `<function>.<action>`. */
export const ACTION_LABELS: Record<string, string> = {
  'org.bind': '绑定微信',
  'org.createInvite': '生成邀请码',
  'org.createOrg': '新建下级组织',
  'org.importMembers': '导入党员',
  'org.setMemberFlags': '修改党员标记',
  'org.setRole': '设置职务',
  'org.setSetting': '修改支部设置',
  'org.setDuty': '填写支委分工',
  'org.updateOrg': '修改组织信息',
  'org.shiftTerm': '调整换届时间',
  'org.transferOut': '组织关系转出',
  'org.acceptTransfer': '确认转入',
  'org.saveFiveStandards': '填写五化建设',
  'org.setFiveStandardsStatus': '评定五化建设',
  'activity.create': '新建活动',
  'activity.update': '修改活动',
  'activity.close': '结束活动',
  'activity.record': '填写会议纪实',
  'activity.setAttendance': '更正考勤',
  'activity.decideLeave': '审批请假',
  'activity.decideRemote': '审批线上参加',
  'activity.publishPlan': '发布年度计划',
  'activity.setSchedule': '修改活动安排',
  'activity.reschedule': '调整活动时间',
  'activity.setHolidays': '设置节假日',
  'activity.approveLateRegistration': '批准补录',
  'activity.vote': '记录表决',
  'activity.addGuest': '登记列席人员',
  'points.setStandard': '修改积分标准',
  'points.review': '审核积分申报',
  'points.award': '评定加扣分',
  'points.publishQuarter': '公布季度积分',
  'points.publishYear': '公布年度积分',
  'points.resolveAppeal': '答复申辩',
  'points.assessFortress': '评定堡垒指数',
  'points.setRankingVisibility': '设置排名公开',
  'dues.setBase': '核定党费基数',
  'dues.pay': '登记党费',
  'dues.publish': '公开党费收缴',
  'dues.relieve': '减免党费',
  'notice.publish': '发布党务公开',
  'notice.update': '修改党务公开',
  'notice.approvePublic': '审核公开内容',
  'media.remove': '删除他人上传的附件',
};

/** Field names of simple before → after changes, in words; others are not spelled out. */
const FIELD_LABELS: Record<string, string> = {
  mobile: '流动党员',
  exempt: '免于积分',
  value: '设置值',
  duty: '分工',
  status: '状态',
  name: '名称',
  toOrgName: '转往',
};

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年12月1日 09:05, Beijing time. */
export function whenText(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function word(v: unknown): string | null {
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === null || v === undefined || v === '') return '无';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length <= 40 && !/^[a-z][\w.]*$/i.test(v) ? v : null;
  return null;
}

function rolesText(v: unknown): string | null {
  if (!Array.isArray(v)) return null;
  const names = v
    .map((r) => roleLabels[(typeof r === 'string' ? r : (r as { role?: string })?.role) as RoleKey])
    .filter(Boolean);
  return names.length ? names.join('、') : '无职务';
}

/** The simple changes as 流动党员：否 → 是; what cannot be said simply is left out. */
export function changeLines(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const lines: string[] = [];
  // A change of posts keeps the lists themselves, or a `roles` field.
  const rolesBefore = Array.isArray(before) ? before : b.roles;
  const rolesAfter = Array.isArray(after) ? after : a.roles;
  if (rolesAfter !== undefined) {
    const from = rolesText(rolesBefore);
    const to = rolesText(rolesAfter);
    if (from !== to && to) lines.push(`职务：${from ?? '无职务'} → ${to}`);
  }
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    if (!(key in a) || JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    const to = word(a[key]);
    if (to === null) continue;
    const from = key in b ? word(b[key]) : null;
    lines.push(from === null ? `${label}：${to}` : `${label}：${from} → ${to}`);
  }
  return lines;
}

export interface EntryView {
  id: string;
  what: string;
  who: string;
  when: string;
  subject: string;
  changes: string[];
  reason: string;
}

export function entryView(row: AuditRow, names: Map<string, string>): EntryView {
  const roles = row.actor.roles
    .map((r) => roleLabels[r as RoleKey])
    .filter(Boolean)
    .join('、');
  return {
    id: row.id,
    what: ACTION_LABELS[row.action] ?? '其他操作',
    who: [row.actor.name || '系统', roles].filter(Boolean).join(' · '),
    when: whenText(row.at),
    subject: names.get(row.entityId) ?? '',
    changes: changeLines(row.before, row.after),
    reason: row.reason ?? '',
  };
}

/** The month picked (2026-12) as the instants the backend filters on, Beijing time. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  return { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00` };
}
