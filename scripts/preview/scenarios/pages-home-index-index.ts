// 首页 that knows who you are (issue 12's scenario states): a member on the theme-day morning
// (sign-in open: 扫码签到 first), the same member after signing in (已签到 and the time), a
// 流动党员 (线上参加 beside the scan), a secretary and a 组织委员 with to-dos from `org.todo`, the
// superior with the compliance grid of the branches below (issue 16); and a member with unread
// 党务公开.
import type { Backend } from '../../../tests/support/backend';
import { createFridayThemeDay } from '../../../tests/support/theme-day';
import { noticeBoard } from '../fixtures/notice';
import { openReview } from '../fixtures/appraisal';
import { definePreview } from '../scenario';

async function signedIn(b: Backend): Promise<void> {
  const { token } = await b.ok(
    'activity',
    'checkinToken',
    { activityId: 'demo-theme-day' },
    'demo-secretary',
  );
  await b.ok('activity', 'checkin', { token }, 'demo-member-1');
}

/** A leave request for Friday's theme day and a declaration to review: the committee's to-dos. */
async function withTodos(b: Backend): Promise<void> {
  const activityId = await createFridayThemeDay(b, '12月第二次主题党日');
  await b.ok(
    'activity',
    'requestLeave',
    { activityId, reason: '单位值班', category: 'official' },
    'demo-member-2',
  );
  await b.ok(
    'points',
    'declare',
    { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' },
    'demo-member-1',
  );
}

export default definePreview({
  scenarios: [
    {
      state: 'secretary-review',
      caption: '书记：双述双评述职报告待提交',
      openid: 'demo-secretary',
      setup: async (b) => void (await openReview(b)),
    },
    {
      state: 'loaded',
      caption: '主题党日当天上午（普通党员）：扫码签到',
      openid: 'demo-member-1',
      readme: 'home',
    },
    {
      state: 'signed-in',
      caption: '签到以后：已签到和时间',
      openid: 'demo-member-1',
      setup: signedIn,
    },
    { state: 'mobile', caption: '流动党员：可线上参加', openid: 'demo-mobile' },
    {
      state: 'secretary',
      caption: '书记：待办事项',
      openid: 'demo-secretary',
      setup: withTodos,
      readme: 'secretary-home',
    },
    {
      state: 'organizer',
      caption: '组织委员、记分员：待办事项',
      openid: 'demo-organizer',
      setup: withTodos,
    },
    {
      state: 'superior',
      caption: '上级党组织：各支部落实情况总表（颜色之外都有文字和符号）',
      openid: 'demo-superior',
      seed: 'committee',
      readme: 'oversight-grid',
    },
    {
      state: 'superior-large',
      caption: '上级党组织，大字模式：支部名称不动，左右滑动看各项',
      openid: 'demo-superior',
      seed: 'committee',
      large: true,
    },
    {
      state: 'unread-notices',
      caption: '有未读的党务公开',
      openid: 'demo-member-1',
      setup: (b) => noticeBoard(b),
    },
  ],
});
