import { noticeContract } from '../../contracts/notice';
import { approvePublicNotice } from '../../repos/notices';
import { AppError, orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { pioneerStanding, pointsBranchYear } from '../points/queries';
import { publishNotice } from './publish-notice';
import { managedNotice } from './support';

/**
 * The 书记 (or 副书记: `org.configure`) approves an item meant for the public [DIS-12]; it passed
 * the personal-data check [DIS-13] when it was published or edited. Until then it is for the
 * branch only and the theme day lists it as awaiting approval [DIS-05].
 */
export const approvePublic = action({
  input: noticeContract.approvePublic.input,
  async run(ctx, input) {
    const notice = await managedNotice(ctx, input.id);
    const org = await ctx.require('org.configure', notice.orgId);
    if (notice.publicApproval?.status !== 'pending')
      throw new AppError('CONFLICT', '该公开事项不需要审批，或已经审批', { ruleId: 'DIS-12' });
    const { member } = await ctx.caller();
    await ctx.write(async (tx) => {
      await approvePublicNotice(notice._id, member._id, ctx.now, tx);
      return {
        audit: {
          org,
          entity: 'notices',
          entityId: notice._id,
          before: { publicApproval: 'pending' },
          after: { publicApproval: 'approved' },
        },
      };
    });
    return { id: notice._id, audience: 'public' as const };
  },
});

/**
 * Other results go through the same channel [DIS-11]: the year's 先锋指数, once published
 * (PTS-19), as a notice listing each member's total ordered by name, without rank numbers
 * [PTS-21]; exempt members are not scored [PTS-02]. The appraisal results (双述双评, 评组织,
 * 评书记, 述学述做) arrive with their issues.
 */
export const publishResults = action({
  input: noticeContract.publishResults.input,
  async run(ctx, input) {
    const org = await ctx.require('notice.publish', input.orgId);
    const view = orNotFound(await pointsBranchYear(org._id, input.year), '组织');
    if (!view.published)
      throw new AppError('POINTS.NOT_PUBLISHED', '本年度积分尚未公布，公布后才能在党务公开栏公开', {
        ruleId: 'DIS-11',
      });
    const rows = [...(await pioneerStanding(org._id, input.year, ctx.now))].sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
    return publishNotice(ctx, org, {
      category: '其他',
      title: `${input.year}年度党员积分公开`,
      body: [
        `${org.name}${input.year}年度党员积分（按姓名排列）：`,
        ...rows.map((r) => `${r.name}：${r.total}分`),
        '如有异议，请向支部委员会反映。',
      ].join('\n'),
    });
  },
});
