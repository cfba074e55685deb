import { noticeContract } from '../../contracts/notice';
import { thing } from '../../domain/activity/reminders';
import { listOrgMembers } from '../../repos/members';
import { findNotice, readsOf } from '../../repos/notices';
import { orNotFound } from '../../runtime/errors';
import { actionsOf } from '../../runtime/handler';
import { OnceMessage, sendOnceEach } from '../messaging/send-once';

const action = actionsOf('notice', noticeContract);

const TEMPLATE = 'noticePublished';

/**
 * One reminder per notice to each unread member who granted consent [PRIV-10]. A send WeChat
 * refuses keeps the member's grant and claim free, so a later reminder reaches them. Reminders
 * sent are audited (who had the branch reminded, how many) [PRIV-06].
 */
export const remindUnread = action('remindUnread', async (ctx, input) => {
  const n = orNotFound(await findNotice(input.id), '公开事项');
  await ctx.require('notice.publish', n.orgId);
  const [members, reads] = await Promise.all([listOrgMembers(n.orgId), readsOf(n._id)]);
  const read = new Set(reads.map((r) => r.memberId));
  const data = { thing1: { value: thing(n.title) }, thing2: { value: thing(n.category) } };
  const messages: OnceMessage[] = members
    .filter((m) => !read.has(m._id) && m.openid)
    .map((m) => ({
      claimId: `notice:${n._id}:${m._id}`,
      about: { noticeId: n._id },
      member: { _id: m._id, openid: m.openid! },
      page: `subpackages/notice/detail/index?id=${n._id}`,
      data,
    }));
  const tally = await sendOnceEach(ctx, TEMPLATE, messages);
  if (tally.sent)
    await ctx.audit({ orgId: n.orgId, entity: 'reminderLog', entityId: n._id, after: tally });
  return tally;
});
