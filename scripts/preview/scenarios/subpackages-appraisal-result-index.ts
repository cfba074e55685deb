// 我的评议结果: the member's own result, privately; before it is fed back, a calm sentence.
import { idQuery, published } from '../fixtures/democratic';
import { definePreview } from '../scenario';

export default definePreview({
  query: idQuery,
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：我的结果（优秀）',
      setup: published,
      readme: 'democratic-result',
    },
    { state: 'large', caption: '大字模式', large: true, setup: published },
    { state: 'error', caption: '出错（后端拒绝）', refuse: true, setup: published },
    { state: 'basic', caption: '基本合格', openid: 'demo-member-4', setup: published },
    { state: 'probationary', caption: '预备党员', openid: 'demo-probationary', setup: published },
  ],
});
