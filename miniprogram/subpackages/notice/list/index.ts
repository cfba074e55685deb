// 党务公开: the branch's notices by category, newest first, with an unread mark on each one the
// member has not opened. The committee (and the 公开栏维护人) also sees the staleness alert and
// who keeps the board, and may write a new notice.
import { messageOf } from '../../../services/cloud';
import { fetchNotices, fetchNoticeStatus } from '../../../services/notice';
import { can } from '../../../utils/can';
import { definePage, type ViewStatus } from '../../../utils/define-page';
import { refreshThen } from '../../../utils/share';
import { toItemView, type NoticeItemView } from '../../../utils/notice-view';
import { askNoticeSubscription } from '../subscribe';

const ALL = '全部';

definePage({
  data: {
    orgName: '',
    /** Writes notices (committee, 公开栏维护人): also sees the board's alert and maintainer. */
    publisher: false,
    alert: '',
    maintainerText: '',
    categories: [ALL] as string[],
    categoryIndex: 0,
    listStatus: 'loading' as ViewStatus,
    listMessage: '',
    items: [] as NoticeItemView[],
    unreadCount: 0,
    subscribeText: '',
  },
  // Every show: a notice just read loses its unread mark.
  async load(me) {
    const orgId = me.member.orgId;
    const status = await fetchNoticeStatus(orgId);
    const publisher = can(me, 'notice.publish', orgId);
    this.setData({
      orgName: me.member.orgName,
      publisher,
      alert: publisher ? (status.alert ?? '') : '',
      maintainerText: status.maintainer
        ? `公开栏维护人：${status.maintainer}`
        : '尚未指定公开栏维护人，请支委会明确专人负责',
      categories: [ALL, ...status.categories],
    });
    await this.loadList();
  },
  methods: {
    async loadList() {
      const orgId = this.me.member.orgId;
      if (!this.data.items.length) this.setData({ listStatus: 'loading', listMessage: '' });
      const category = this.data.categoryIndex ? this.data.categories[this.data.categoryIndex] : '';
      try {
        const list = await fetchNotices(orgId, category || undefined);
        const items = list.map(toItemView);
        this.setData({
          items,
          unreadCount: items.filter((i) => i.unread).length,
          listStatus: items.length ? 'ready' : 'empty',
          listMessage: category ? `“${category}”类暂无公开内容` : '暂无公开内容',
        });
      } catch (err) {
        this.setData({ listStatus: 'error', listMessage: messageOf(err), items: [] });
      }
    },
    onCategory(e: WechatMiniprogram.TouchEvent<object, object, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      if (index === this.data.categoryIndex) return;
      this.setData({ categoryIndex: index, items: [] });
      this.loadList();
    },
    onOpen(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: `/subpackages/notice/detail/index?id=${e.currentTarget.dataset.id}` });
    },
    onPullDownRefresh() {
      return refreshThen(() => this.reload());
    },
    onShareAppMessage() {
      return { title: '党务公开', path: '/subpackages/notice/list/index' };
    },
    onCompose() {
      wx.navigateTo({ url: '/subpackages/notice/editor/index' });
    },
    async onSubscribe() {
      this.setData({ subscribeText: await askNoticeSubscription() });
    },
  },
});
