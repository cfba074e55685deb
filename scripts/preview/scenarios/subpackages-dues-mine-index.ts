// 我的党费: a member with a year of payments (one month open, this month paid by a proxy), and
// a member whose amount the branch has not confirmed yet.
import { duesYear } from '../fixtures/dues';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：交纳情况与代交记录',
      openid: 'demo-member-1',
      setup: duesYear,
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-member-1',
      large: true,
      setup: duesYear,
    },
    { state: 'pending', caption: '尚未核定', openid: 'demo-member-5', setup: duesYear },
  ],
});
