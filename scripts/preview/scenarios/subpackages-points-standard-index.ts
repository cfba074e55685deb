// 积分标准: the secretary editing the year's standard by 四个合格 category (the default standard,
// with the PTS-10 reminder), a new item being added, and a plain member turned away.
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：按四个合格分类修改', openid: SECRETARY },
    {
      state: 'adding',
      caption: '添加一项',
      openid: SECRETARY,
      act: async (p) => {
        await p.tap('.add-political');
      },
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员无权修改', openid: 'demo-member-1' },
  ],
});
