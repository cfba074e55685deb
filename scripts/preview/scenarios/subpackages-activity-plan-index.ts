// 年度计划: the secretary, who drafts and publishes the branch's plan, besides the defaults. At the
// demo instant December is open: the 组织生活会 moved off that morning's 支委会. Next year: the
// theme day moved off 元旦, and the State Council's arrangement not out yet.
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'secretary',
      caption: '书记：按月查看，12月组织生活会因时间冲突调整',
      openid: 'demo-secretary',
    },
    {
      state: 'next-year',
      caption: '书记：明年计划，1月主题党日避开元旦，放假安排未公布时有提示',
      openid: 'demo-secretary',
      act: async (p) => {
        await p.dispatch(['.year-picker'], 'change', { value: 1 });
      },
    },
  ],
});
