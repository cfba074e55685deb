// 积分申辩: outside the window (the default member view), inside it with an entry chosen from
// 我的先锋指数, and an appeal the secretary has answered.
import { pointsYear, publishLatestQuarter } from '../fixtures/points';
import { definePreview } from '../scenario';

const year = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '不在申辩期内', openid: 'demo-member-1' },
    {
      state: 'open',
      caption: '申辩期内：对学时折算有异议',
      openid: 'demo-member-1',
      query: { entryId: encodeURIComponent(`base:study:${year()}:demo-member-1`) },
      setup: async (b) => {
        await pointsYear(b, 'demo-member-1', { pending: false });
        await publishLatestQuarter(b);
      },
      act: (p) =>
        p.dispatch(['.reason-input', '.t-textarea__wrapper-inner'], 'input', {
          value: '9月参加了局机关组织的集中学习，未计入学时',
        }),
    },
    {
      state: 'answered',
      caption: '书记已答复',
      openid: 'demo-member-1',
      setup: async (b) => {
        await publishLatestQuarter(b);
        const { appealId } = await b.ok(
          'points',
          'appeal',
          { entryId: `base:study:${year()}:demo-member-1`, reason: '参加过两次集中学习，未计学时' },
          'demo-member-1',
        );
        await b.ok(
          'points',
          'resolveAppeal',
          { appealId, accept: true, points: 2, reply: '经核实签到记录，补记2分' },
          'demo-secretary',
        );
      },
    },
  ],
});
