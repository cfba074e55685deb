import { listOrgMembers } from '../../repos/members';
import { findNotice, NoticeDoc, readsOf } from '../../repos/notices';
import type { Ctx } from '../../runtime/context';
import { orNotFound } from '../../runtime/errors';

/** What the notice actions share (no actions here). */

/** A notice, for those who publish on its branch (`notice.publish`); NOT_FOUND when there is none. */
export async function managedNotice(ctx: Ctx, id: string): Promise<NoticeDoc> {
  const notice = orNotFound(await findNotice(id), '公开事项');
  await ctx.require('notice.publish', notice.orgId);
  return notice;
}

/** A managed notice with the branch's members and when each reader opened it (签阅情况). */
export async function managedNoticeReads(ctx: Ctx, id: string) {
  const notice = await managedNotice(ctx, id);
  const [members, reads] = await Promise.all([listOrgMembers(notice.orgId), readsOf(notice._id)]);
  return { notice, members, readAt: new Map(reads.map((r) => [r.memberId, r.at])) };
}
