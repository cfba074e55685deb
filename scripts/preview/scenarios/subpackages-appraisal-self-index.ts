// 个人自评: the member's one big text box, and the same page as 已提交.
import { atSelf, idQuery } from '../fixtures/democratic';
import { definePreview } from '../scenario';

const setup = atSelf;

export default definePreview({
  query: idQuery,
  scenarios: [
    { state: 'loaded', caption: '党员：写个人自评', setup },
    { state: 'large', caption: '大字模式', large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', refuse: true, setup },
    {
      state: 'submitted',
      caption: '已提交',
      setup: async (b) => {
        await atSelf(b);
        await b.ok(
          'appraisal',
          'selfEvaluate',
          {
            id: idQuery.id,
            text: '一年来按时参加组织生活，带头完成支部分配的志愿服务。不足：学习不够系统。',
          },
          'demo-member-1',
        );
      },
    },
    {
      state: 'proxy',
      caption: '支部代为录入',
      openid: 'demo-organizer',
      query: { ...idQuery, memberId: 'demo-member-2' },
      setup,
    },
  ],
});
