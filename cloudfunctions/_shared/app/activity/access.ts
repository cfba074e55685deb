import { isCommittee } from '../../domain/org/access';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import { ActivityDoc, findActivity } from '../../repos/activities';
import { listOrgMembers, MemberDoc } from '../../repos/members';
import { findOrg, OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { forbidden, notFound } from '../../runtime/errors';

export async function loadActivity(id: string): Promise<{ activity: ActivityDoc; org: OrgDoc }> {
  const activity = await findActivity(id);
  if (!activity) throw notFound('活动');
  const org = await findOrg(activity.orgId);
  if (!org) throw notFound('组织');
  return { activity, org };
}

const node = (org: OrgDoc) => ({ id: org._id, kind: org.kind, ancestors: org.ancestors });

/** The host, the recorder, the branch committee or a superior may run an activity [CHK-06, CHK-13]. */
export async function canManage(ctx: Ctx, activity: ActivityDoc, org: OrgDoc): Promise<boolean> {
  const { member } = await ctx.caller();
  return (
    member._id === activity.hostId ||
    member._id === activity.recorderId ||
    isCommittee(member.roles, node(org))
  );
}

export async function requireManage(ctx: Ctx, activity: ActivityDoc, org: OrgDoc): Promise<void> {
  if (!(await canManage(ctx, activity, org)))
    throw forbidden('只有本次活动的主持人、记录人或支部委员可以操作');
}

/** Members may see activities of their own branch; managers and superiors too. */
export async function requireViewer(ctx: Ctx, activity: ActivityDoc, org: OrgDoc): Promise<void> {
  const { member } = await ctx.caller();
  if (member.orgId !== activity.orgId && !(await canManage(ctx, activity, org)))
    throw forbidden('只能查看本支部的活动');
}

/**
 * Who is expected [TD-07]: every member of the branch (正式 and 预备) — derived from the roster,
 * never trimmed by hand; for a 支委会, the committee members.
 */
export async function expectedMembers(activity: ActivityDoc): Promise<MemberDoc[]> {
  const members = await listOrgMembers(activity.orgId);
  if (activity.type !== 'committeeMeeting') return members;
  return members.filter((m) =>
    m.roles.some((r) => r.orgId === activity.orgId && COMMITTEE_ROLES.includes(r.role)),
  );
}

/** The same rule for one member, from their own document (no roster load on the sign-in path). */
export function isParticipant(activity: ActivityDoc, member: MemberDoc): boolean {
  if (member.orgId !== activity.orgId) return false;
  if (activity.type !== 'committeeMeeting') return true;
  return member.roles.some((r) => r.orgId === activity.orgId && COMMITTEE_ROLES.includes(r.role));
}
