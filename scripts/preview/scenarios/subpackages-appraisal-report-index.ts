// 述职报告: the secretary's editor with the pre-filled, read-only facts of 加强支部建设; the
// superior's 通过 / 退回; a returned report with the comment on top; the published result.
import type { Backend } from '../../../tests/support/backend';
import {
  approvedReport,
  openReview,
  openedQuery,
  published,
  SECRETARY,
  SUPERIOR,
  submittedReport,
} from '../fixtures/appraisal';
import { definePreview } from '../scenario';

const opened = async (b: Backend) => {
  await openReview(b);
};
const submitted = async (b: Backend) => submittedReport(b, await openReview(b));
const returned = async (b: Backend) => {
  const id = await openReview(b);
  await submittedReport(b, id);
  await b.ok(
    'appraisal',
    'approveReport',
    { id, approve: false, comment: '请补充党课落实不到位的原因和整改打算。' },
    SUPERIOR,
  );
};

export default definePreview({
  query: openedQuery,
  scenarios: [
    {
      state: 'loaded',
      caption: '书记：撰写述职报告',
      openid: SECRETARY,
      setup: opened,
      readme: 'appraisal-report',
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true, setup: opened },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true, setup: opened },
    { state: 'superior', caption: '上级：审核述职报告', openid: SUPERIOR, setup: submitted },
    { state: 'returned', caption: '书记：被退回，意见在上方', openid: SECRETARY, setup: returned },
    {
      state: 'approved',
      caption: '审核通过后（只读）',
      openid: SECRETARY,
      setup: async (b) => approvedReport(b, await openReview(b)),
    },
    {
      state: 'result',
      caption: '公布后：书记看到结果和后续事项',
      openid: SECRETARY,
      setup: async (b) => void (await published(b)),
    },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1', setup: opened },
  ],
});
