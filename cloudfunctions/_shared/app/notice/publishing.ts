import { noticeContract } from '../../contracts/notice';
import { saveNoticeVersion } from '../../repos/notices';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { acceptNoticeFiles, checkContent, markNoticeFiles, publishNotice } from './publish-notice';
import { managedNotice } from './support';

/** 党务公开: the committee (or the 公开栏维护人) publishes to the branch [DIS-01 … DIS-03, DIS-13]. */
export const publish = action({
  input: noticeContract.publish.input,
  async run(ctx, input) {
    const org = await ctx.require('notice.publish', input.orgId);
    return publishNotice(ctx, org, input);
  },
});

/** An edit is a new version; the old one is kept and listed, with its files [DIS-14]. */
export const update = action({
  input: noticeContract.update.input,
  async run(ctx, input) {
    const notice = await managedNotice(ctx, input.id);
    const next = {
      title: input.title ?? notice.title,
      body: input.body ?? notice.body,
      attachments: input.attachments ?? notice.attachments,
    };
    await checkContent(ctx, next.title, next.body, next.attachments);
    await acceptNoticeFiles(ctx, notice.orgId, next.attachments, notice.attachments);
    const version = notice.version + 1;
    const { member } = await ctx.caller();
    const edit = {
      _id: `${notice._id}:v${version}`,
      noticeId: notice._id,
      version,
      ...next,
      editedAt: ctx.now,
      editedBy: member._id,
      reason: input.reason ?? null,
    };
    await ctx.write(async (tx) => {
      if (!(await saveNoticeVersion(notice.version, edit, tx)))
        throw new AppError('CONFLICT', '该公开事项刚被他人修改，请刷新后再改');
      await markNoticeFiles(notice._id, next.attachments, notice.attachments, tx);
      return {
        audit: {
          orgId: notice.orgId,
          entity: 'notices',
          entityId: notice._id,
          before: { title: notice.title, body: notice.body, version: notice.version },
          after: { ...next, version },
          reason: input.reason,
        },
      };
    });
    return { id: notice._id, version };
  },
});
