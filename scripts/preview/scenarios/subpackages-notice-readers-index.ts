// 签阅情况: the secretary's view of who has read a notice, after 提醒未读 (nobody has agreed to
// the reminder yet, so the page says to tell them in person), and a plain member, turned away.
import { noticeWithReaders, opened, openedQuery } from '../fixtures/notice';
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';
const setup = async (b: Parameters<typeof noticeWithReaders>[0]) => {
  opened.id = await noticeWithReaders(b);
};
const title = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + '年上半年党费收缴情况公开';
const query: Record<string, string> = {
  get id() {
    return openedQuery.id;
  },
  title: encodeURIComponent(title),
};

export default definePreview({
  query,
  scenarios: [
    { state: 'loaded', caption: '书记：已读与未读', openid: SECRETARY, setup },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true, setup },
    {
      state: 'reminded',
      caption: '提醒未读之后',
      openid: SECRETARY,
      setup,
      act: async (p) => {
        await p.tap('.remind-button', '.t-button');
        await p.settle();
      },
    },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1', setup },
  ],
});
