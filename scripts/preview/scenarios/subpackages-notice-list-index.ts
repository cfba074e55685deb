// 党务公开: a member with unread and read notices, a branch with nothing published yet, and the
// secretary, whose board has gone stale for over a month (the alert the committee sees).
import { noticeBoard } from '../fixtures/notice';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    {
      state: 'loaded',
      caption: '党员：未读标记',
      openid: 'demo-member-1',
      setup: (b) => noticeBoard(b),
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-member-1',
      large: true,
      setup: (b) => noticeBoard(b),
    },
    { state: 'empty', caption: '尚无公开内容', openid: 'demo-member-1' },
    {
      state: 'secretary',
      caption: '书记：超过30天未更新的提醒',
      openid: 'demo-secretary',
      setup: (b) => noticeBoard(b, 35),
    },
  ],
});
