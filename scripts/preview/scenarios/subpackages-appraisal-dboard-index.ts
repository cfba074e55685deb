// 评定党员等次: the committee's board side by side, the 优秀 meter, a reason asked for a grade
// other than the clear majority.
import { atDecision, idQuery, SEC } from '../fixtures/democratic';
import { definePreview } from '../scenario';

const setup = atDecision;

export default definePreview({
  query: idQuery,
  scenarios: [
    { state: 'loaded', caption: '书记：评定等次', openid: SEC, setup, readme: 'democratic-board' },
    { state: 'large', caption: '大字模式', openid: SEC, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: SEC, refuse: true, setup },
    { state: 'member', caption: '普通党员（无权查看）', setup },
    {
      state: 'picked',
      caption: '选了两位优秀（一位须写理由）',
      openid: SEC,
      setup,
      act: async (p) => {
        await p.tap('.member-demo-member-1 .grade-excellent');
        await p.tap('.member-demo-member-2 .grade-excellent');
      },
    },
  ],
});
