import { noticeContract } from '../../contracts/notice';
import { thing } from '../../domain/activity/reminders';
import { action } from '../../runtime/handler';
import { OnceMessage, sendOnceEach } from '../messaging/send-once';
import { managedNoticeReads } from './support';

const TEMPLATE = 'noticePublished';

/**
 * One reminder per notice to each unread member who granted consent [PRIV-10]. A send WeChat
 * refuses keeps the member's grant and claim free, so a later reminder reaches them. Reminders
 * sent are audited (who had the branch reminded, how many) [PRIV-06].
 */
export const remindUnread = action({
  input: noticeContract.remindUnread.input,
  async run(ctx, input) {
    const { notice: n, members, readAt } = await managedNoticeReads(ctx, input.id);
    const data = { thing1: { value: thing(n.title) }, thing2: { value: thing(n.category) } };
    const messages: OnceMessage[] = members
      .filter((m) => !readAt.has(m._id) && m.openid)
      .map((m) => ({
        claimId: `notice:${n._id}:${m._id}`,
        about: { noticeId: n._id },
        member: { _id: m._id, openid: m.openid! },
        page: `subpackages/notice/detail/index?id=${n._id}`,
        data,
      }));
    const tally = await sendOnceEach(ctx, TEMPLATE, messages);
    // The messages left WeChat (no transaction holds them back): the entry records what was sent.
    if (tally.sent)
      await ctx.write(async () => ({
        audit: { orgId: n.orgId, entity: 'reminderLog', entityId: n._id, after: tally },
      }));
    return tally;
  },
});
