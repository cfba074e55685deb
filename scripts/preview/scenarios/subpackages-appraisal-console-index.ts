// 述职评议工作台: the superior's campaigns of all branches: one under way, one not yet opened.
import { openReview, SUPERIOR, submittedReport } from '../fixtures/appraisal';
import { definePreview } from '../scenario';

const setup = async (b: Parameters<typeof openReview>[0]) =>
  submittedReport(b, await openReview(b));

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '上级：各支部述职评议',
      openid: SUPERIOR,
      setup,
      readme: 'appraisal-console',
    },
    { state: 'large', caption: '大字模式', openid: SUPERIOR, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUPERIOR, refuse: true },
    { state: 'none', caption: '尚未开启', openid: SUPERIOR },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1' },
  ],
});
