/** The `org` cloud function: membership, binding, the roster and subscription grants. */
import { actionOf, callCloud } from './cloud';
import type { ActionInput, MeOutput, MemberListItem, OrgTreeNode, TodoItem } from './types';

/** Logical subscription-template keys the backend keeps a quota for. */
export type TemplateKey = ActionInput<'org', 'subscribe'>['accepted'][number];

export const UNBOUND = 'AUTH.UNBOUND';

/** 读取当前用户的党员身份、所在支部与职务（未绑定时抛出 AUTH.UNBOUND） */
export function fetchMe(): Promise<MeOutput> {
  return callCloud('org', 'me', {});
}

/** 凭支部发放的邀请码绑定党员身份 */
export function bindInvite(code: string): Promise<{ memberId: string }> {
  return callCloud('org', 'bind', { code });
}

/** 读取支部党员名册（手机号已脱敏） */
export function fetchMembers(orgId: string): Promise<MemberListItem[]> {
  return callCloud('org', 'listMembers', { orgId });
}

/** 上报用户同意接收的订阅消息模板，返回各模板剩余可发条数 */
export function reportSubscriptions(
  accepted: TemplateKey[],
): Promise<{ quota: Record<string, number> }> {
  return callCloud('org', 'subscribe', { accepted });
}

/** 读取本组织及下级组织树（上级党组织管理员使用） */
export function fetchOrgTree(orgId?: string): Promise<OrgTreeNode> {
  return callCloud('org', 'orgTree', orgId ? { orgId } : {});
}

/** 为尚未绑定微信的党员生成一次性邀请码（7天内有效） */
export function createInvite(memberId: string): Promise<{ code: string; expiresAt: string }> {
  return callCloud('org', 'createInvite', { memberId });
}

/** 读取本支部的各项设置（对应规则、默认值、谁能修改） */
export const fetchSettings = actionOf('org')('settings');

/** 修改一项支部设置（须写明理由，留痕） */
export const saveSetting = actionOf('org')('setSetting');

/** 书记为支委写明书面分工 */
export const setDuty = actionOf('org')('setDuty');

/** 首页的待办：当前用户在本支部可以处理的事项（由记录得出，每项带处理页面） */
export function fetchTodo(orgId: string): Promise<{ items: TodoItem[] }> {
  return callCloud('org', 'todo', { orgId });
}

/** 设置流动党员、免于积分标记（免于积分须写明决定理由） */
export const setMemberFlags = actionOf('org')('setMemberFlags');

/** 任免支部职务（书记、副书记由上级党组织任免） */
export const setRole = actionOf('org')('setRole');

/** 组织关系转出（写明转往的组织和理由） */
export const transferOut = actionOf('org')('transferOut');

/** 批量导入党员：有错的行不导入，其余行照常导入 */
export const importMembers = actionOf('org')('importMembers');

/** 操作记录：本组织及下级的留痕，最新的在前，分页读取 */
export const fetchAuditLog = actionOf('org')('auditLog');

/** 上级党组织新建下级组织 */
export const createOrg = actionOf('org')('createOrg');
