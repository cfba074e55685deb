// 堡垒指数: the superior choosing a branch (个性 待上级评定), the superior's assessment form, an
// assessed branch, the branch secretary's own view, and a plain member turned away.
import { definePreview } from '../scenario';

const SUPERIOR = 'demo-superior';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '上级党组织：待评定', openid: SUPERIOR },
    { state: 'large', caption: '大字模式', openid: SUPERIOR, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUPERIOR, refuse: true },
    {
      state: 'assess',
      caption: '上级评定个性指标',
      openid: SUPERIOR,
      act: (p) => p.tap('.assess-button', '.t-button'),
    },
    {
      state: 'assessed',
      caption: '已评定',
      openid: SUPERIOR,
      setup: async (b) => {
        const year = new Date(b.emulator.clock.now() + 8 * 3600_000).getUTCFullYear();
        await b.ok(
          'points',
          'assessFortress',
          {
            orgId: 'demo-branch',
            year,
            evaluation: 18,
            fiveStandards: 10,
            centralWork: 8,
            reverse: [],
          },
          SUPERIOR,
        );
      },
    },
    { state: 'secretary', caption: '支部书记查看本支部', openid: 'demo-secretary' },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1' },
  ],
});
