/** The `org` cloud function: membership, binding, the roster and subscription grants. */
import { callCloud } from './cloud';
import type { ActionInput, MeOutput, MemberListItem, OrgTreeNode } from './types';

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
