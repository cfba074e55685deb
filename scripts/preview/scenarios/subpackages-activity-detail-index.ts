// 活动详情: this month's 主题党日 of the demo seed (under way, so sign-in is open), and last
// month's, closed, with its 纪实 record.
import { definePreview } from '../scenario';

export default definePreview({
  query: { id: 'demo-theme-day' },
  scenarios: [
    { state: 'loaded', caption: '普通党员：扫码签到', openid: 'demo-member-1' },
    {
      state: 'signed-in',
      caption: '已扫码签到',
      openid: 'demo-member-1',
      setup: async (b) => {
        const { token } = await b.ok(
          'activity',
          'checkinToken',
          { activityId: 'demo-theme-day' },
          'demo-secretary',
        );
        await b.ok('activity', 'checkin', { token }, 'demo-member-1');
      },
    },
    { state: 'secretary', caption: '书记（主持人）', openid: 'demo-secretary' },
    { state: 'mobile', caption: '流动党员', openid: 'demo-mobile' },
    { state: 'past', caption: '已结束的活动与纪实', query: { id: 'demo-theme-day-last' } },
  ],
});
