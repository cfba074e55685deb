// 民主评议情况: the 基层党委's console across its branches.
import { published, SUP } from '../fixtures/democratic';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '上级：各支部情况',
      openid: SUP,
      setup: published,
      readme: 'democratic-hints',
    },
    { state: 'large', caption: '大字模式', openid: SUP, large: true, setup: published },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUP, refuse: true },
    { state: 'none-yet', caption: '上级：还没有开始', openid: SUP },
    { state: 'member', caption: '普通党员（无权查看）' },
  ],
});
