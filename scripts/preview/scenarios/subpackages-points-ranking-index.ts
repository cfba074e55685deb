// 支部积分排名: the secretary's view with its tags and the 向党员公开排名 switch (off by
// default), and a member of a branch that has not turned it on.
import { stubFileApis } from '../fixtures/exports';
import { pointsYear } from '../fixtures/points';
import { definePreview } from '../scenario';
import type { Backend } from '../../../tests/support/backend';

const SECRETARY = 'demo-secretary';

/** A spread of scores: one member's year of records, another with two 批评教育 deductions. */
async function spread(b: Backend): Promise<void> {
  await pointsYear(b, 'demo-member-1', { pending: false });
  await pointsYear(b, 'demo-member-5', { pending: false });
  const month = new Date(b.emulator.clock.now() + 8 * 3600_000).toISOString().slice(0, 7);
  for (const note of ['无故缺席组织生活，经支委会研究', '再次无故缺席，经支委会研究']) {
    await b.ok(
      'points',
      'award',
      { memberId: 'demo-member-7', itemCode: 'criticism', month, note },
      SECRETARY,
    );
  }
}

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：支部排名', openid: SECRETARY, setup: spread },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true, setup: spread },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员：默认不公开', openid: 'demo-member-1' },
    {
      state: 'exported',
      caption: '书记：先锋指数已导出，可打开或发给好友',
      openid: SECRETARY,
      setup: spread,
      act: async (p) => {
        stubFileApis(p.backend);
        await p.tap('.export-points', '.export-file__make', '.t-button');
        await p.settle();
      },
    },
  ],
});
