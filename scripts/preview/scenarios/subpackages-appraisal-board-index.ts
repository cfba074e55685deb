// 评定等次: the superior's grading board once both evaluations are in, a grade picked; the
// assembly ballot under way (the 组织委员's view of the boxes); after publication.
import {
  ballotOpen,
  ORGANIZER,
  openedQuery,
  published,
  readyToGrade,
  SUPERIOR,
} from '../fixtures/appraisal';
import { definePreview } from '../scenario';

const ready = async (b: Parameters<typeof readyToGrade>[0]) => void (await readyToGrade(b));

export default definePreview({
  query: openedQuery,
  scenarios: [
    {
      state: 'loaded',
      caption: '上级：评定等次',
      openid: SUPERIOR,
      setup: ready,
      readme: 'appraisal-board',
    },
    { state: 'large', caption: '大字模式', openid: SUPERIOR, large: true, setup: ready },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUPERIOR, refuse: true, setup: ready },
    {
      state: 'picked',
      caption: '选定等次后',
      openid: SUPERIOR,
      setup: ready,
      act: (p) => p.tap('.option-competent'),
    },
    {
      state: 'voting',
      caption: '组织委员：党员大会投票中',
      openid: ORGANIZER,
      setup: async (b) => void (await ballotOpen(b)),
    },
    {
      state: 'published',
      caption: '公布之后',
      openid: SUPERIOR,
      setup: async (b) => void (await published(b)),
    },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1', setup: ready },
  ],
});
