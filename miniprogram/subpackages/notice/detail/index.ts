// 公开详情: the notice's full text, attachments, its version history and, for a matter
// disclosed in stages, where it stands among the five stages. Opening it records the read
// (the backend does that in notice.get). The committee gets links to 签阅情况 and 修改.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import { fetchNotice, openNoticeAttachment } from '../../../services/notice';
import { fetchMe, UNBOUND } from '../../../services/org';
import {
  canPublishNotices,
  toDetailView,
  toTimelineView,
  type NoticeDetailView,
  type TimelineView,
} from '../../../utils/notice-view';
import { toast } from '../../../utils/platform';
import { askNoticeSubscription } from '../subscribe';

Component({
  behaviors: [largeTextBehavior],
  data: {
    id: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    n: null as NoticeDetailView | null,
    timeline: [] as TimelineView,
    committee: false,
    subscribeText: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
    },
    onShow() {
      this.load();
    },
    async load() {
      if (!this.data.n) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const [me, notice] = await Promise.all([fetchMe(), fetchNotice(this.data.id)]);
        this.setData({
          status: 'ready',
          unbound: false,
          n: toDetailView(notice),
          timeline: toTimelineView(notice),
          committee: canPublishNotices(me, notice.orgId),
        });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true, n: null });
        else this.setData({ status: 'error', errorMessage: messageOf(err), n: null });
      }
    },
    async onAttachment(e: WechatMiniprogram.TouchEvent<object, object, { index: number }>) {
      const a = this.data.n?.attachments[Number(e.currentTarget.dataset.index)];
      if (!a) return;
      try {
        await openNoticeAttachment(a.fileId, a.name);
      } catch (err) {
        toast(messageOf(err));
      }
    },
    onStage(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      if (!id || id === this.data.id) return;
      wx.navigateTo({ url: `/subpackages/notice/detail/index?id=${id}` });
    },
    async onSubscribe() {
      this.setData({ subscribeText: await askNoticeSubscription() });
    },
    onReaders() {
      const title = encodeURIComponent(this.data.n?.title ?? '');
      wx.navigateTo({ url: `/subpackages/notice/readers/index?id=${this.data.id}&title=${title}` });
    },
    onEdit() {
      wx.navigateTo({ url: `/subpackages/notice/editor/index?id=${this.data.id}` });
    },
  },
});
