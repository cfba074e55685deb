// 首页: a plain member (the README's picture), the identities whose card differs, and a member
// with unread 党务公开 (the count on its shortcut).
import { noticeBoard } from '../fixtures/notice';
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '正常（普通党员）', openid: 'demo-member-1', readme: 'home' },
    { state: 'secretary', caption: '书记', openid: 'demo-secretary' },
    { state: 'mobile', caption: '流动党员', openid: 'demo-mobile' },
    { state: 'superior', caption: '上级党组织管理员', openid: 'demo-superior' },
    {
      state: 'unread-notices',
      caption: '有未读的党务公开',
      openid: 'demo-member-1',
      setup: (b) => noticeBoard(b),
    },
  ],
});
