// 评定加扣分: the scorer with the items of the standard grouped 加分 · 扣分 (no 一票否决: that is
// the committee's), the secretary with a 一票否决 chosen, an award recorded, and a plain member.
import { definePreview } from '../scenario';

export default definePreview({
  query: { memberId: 'demo-member-3' },
  scenarios: [
    { state: 'loaded', caption: '记分员：选择项目', openid: 'demo-organizer' },
    {
      state: 'done',
      caption: '记分后',
      openid: 'demo-organizer',
      act: async (p) => {
        await p.tap('.item-lecture');
        await p.dispatch(['.note-input', '.t-textarea__wrapper-inner'], 'input', {
          value: '本月为支部讲专题党课一次',
        });
        await p.tap('.submit-button', '.t-button');
      },
    },
    {
      state: 'veto',
      caption: '书记：一票否决项',
      openid: 'demo-secretary',
      act: async (p) => {
        await p.tap('.item-crime');
      },
    },
    { state: 'large', caption: '大字模式', openid: 'demo-organizer', large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: 'demo-organizer', refuse: true },
    { state: 'member', caption: '普通党员无权评定', openid: 'demo-member-1' },
  ],
});
