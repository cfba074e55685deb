// 公开详情: the notice's full text, attachments, its version history and, for a matter
// disclosed in stages, where it stands among the five stages. Opening it records the read
// (the backend does that in notice.get). The committee gets links to 签阅情况 and 修改.
import { fetchNotice } from '../../../services/notice';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import {
  toDetailView,
  toTimelineView,
  type NoticeDetailView,
  type TimelineView,
} from '../../../utils/notice-view';
import { noticeShare, refreshThen } from '../../../utils/share';
import { askNoticeSubscription } from '../subscribe';

definePage({
  data: {
    id: '',
    n: null as NoticeDetailView | null,
    timeline: [] as TimelineView,
    /** The attachments, shown by media-gallery from the backend's view of each file. */
    fileIds: [] as string[],
    /** The gallery drew something: the 附件 heading shows (never over an empty space). */
    filesShown: false,
    /** Offered 签阅情况 and 修改 (committee, 公开栏维护人). */
    publisher: false,
    subscribeText: '',
  },
  async load(me) {
    const notice = await fetchNotice(this.data.id);
    this.setData({
      n: toDetailView(notice),
      timeline: toTimelineView(notice),
      fileIds: notice.attachments.map((a) => a.fileId),
      publisher: can(me, 'notice.publish', notice.orgId),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
    },
    /** 转发: the category and the page, no title (it may name people). */
    onShareAppMessage() {
      return noticeShare(this.data.id, this.data.n?.category);
    },
    onPullDownRefresh() {
      return refreshThen(() => this.reload());
    },
    onFilesLoaded(e: WechatMiniprogram.CustomEvent<{ count: number }>) {
      this.setData({ filesShown: e.detail.count > 0 });
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
