// 我的先锋指数: a member with a year of records (the README's picture), the exempt elder, a
// vetoed year, the appeal window open, the secretary (who sees a rank and the branch's points
// work) and the superior, whose own org keeps no points.
import { pointsYear, publishLatestQuarter } from '../fixtures/points';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：一年的积分记录',
      openid: 'demo-member-1',
      setup: (b) => pointsYear(b),
      readme: 'pioneer-index',
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-member-1',
      large: true,
      setup: (b) => pointsYear(b),
    },
    { state: 'exempt', caption: '免于积分管理的年长党员', openid: 'demo-elder' },
    {
      state: 'vetoed',
      caption: '本年度积分已清零',
      openid: 'demo-member-2',
      setup: async (b) => {
        await pointsYear(b, 'demo-member-2', { pending: false });
        const d = new Date(b.emulator.clock.now() + 8 * 3600_000).toISOString().slice(0, 7);
        await b.ok(
          'points',
          'award',
          {
            memberId: 'demo-member-2',
            itemCode: 'disciplinePunishment',
            month: d,
            note: '经支委会研究',
          },
          'demo-secretary',
        );
      },
    },
    {
      state: 'appeal-open',
      caption: '季度积分公布后的申辩期',
      openid: 'demo-member-1',
      setup: async (b) => {
        await pointsYear(b, 'demo-member-1', { pending: false });
        await publishLatestQuarter(b);
      },
    },
    { state: 'secretary', caption: '书记：本人排名与支部积分工作', openid: 'demo-secretary' },
    { state: 'superior', caption: '上级党组织管理员（本级未开启积分）', openid: 'demo-superior' },
  ],
});
