// 我的先锋指数: the member's own total (or why there is none: exempt, vetoed, points off), the
// 四个合格, the monthly trend, and every entry with where it came from. 申报 and 申辩 open the
// points subpackage, as do the review queue, ranking and 堡垒指数 for those who may use them.
// A rank is shown only when the backend sends one [PTS-22]; the index is an input, never a
// grade [PTS-25].
import { codeOf, messageOf } from '../../../services/cloud';
import { UNBOUND } from '../../../services/org';
import { fetchPioneerIndex, fetchReviewQueue, POINTS_DISABLED } from '../../../services/points';
import { can, canAnywhere, orgsWith } from '../../../utils/can';
import { definePage, type ViewStatus } from '../../../utils/define-page';
import { currentYear, toIndexView, type IndexView } from '../../../utils/points-view';
import { refreshThen } from '../../../utils/share';

const SUB = '/subpackages/points';

definePage({
  memberCard: true,
  data: {
    year: currentYear(),
    indexStatus: 'loading' as ViewStatus,
    indexMessage: '',
    view: null as IndexView | null,
    /** The points work this member may open (links only; the backend decides). */
    links: { review: false, ranking: false, fortress: false },
    /** 3 条待审核: the declarations waiting, next to 积分审核 (empty when none or unknown). */
    pendingText: '',
    /** A superior (or anyone overseeing branches) whose own org keeps no points: what they can do instead. */
    overseer: false,
    /** …who oversees the branches below (`org.oversee`): the grid and the ranking instead. */
    oversees: false,
  },
  // Every show: a declaration or a review is reflected here.
  async load(me) {
    await this.loadIndex();
    // Where the own org keeps no points (a superior's), there is nothing to review or rank.
    const pointsOn = this.data.indexStatus !== 'empty';
    this.setData({
      links: {
        review: pointsOn && can(me, 'points.review'),
        ranking: pointsOn && can(me, 'points.readAll'),
        fortress: canAnywhere(me, 'fortress.read'),
      },
      // Overseeing branches below (a superior), not a branch that merely keeps its points off.
      overseer: !pointsOn && orgsWith(me, 'fortress.read').some((id) => id !== me.member.orgId),
      oversees: !pointsOn && canAnywhere(me, 'org.oversee'),
    });
    if (this.data.links.review) {
      // The count is a convenience: without it the link still works.
      const queue = await fetchReviewQueue(me.member.orgId).catch(() => []);
      this.setData({ pendingText: queue.length ? `${queue.length} 条待审核` : '' });
    }
  },
  methods: {
    async loadIndex() {
      if (!this.data.view) this.setData({ indexStatus: 'loading', indexMessage: '' });
      try {
        const index = await fetchPioneerIndex(this.data.year);
        this.setData({ indexStatus: 'ready', view: toIndexView(index) });
      } catch (err) {
        // Not bound: the frame shows 去绑定, not a failure with 重试.
        if (codeOf(err) === UNBOUND) throw err;
        // Points switched off for the branch is a fact to state, not a failure to retry.
        const off = codeOf(err) === POINTS_DISABLED;
        this.setData({
          indexStatus: off ? 'empty' : 'error',
          indexMessage: messageOf(err),
          view: null,
        });
      }
    },
    /** Pull-to-refresh: the index again, then the spinner goes. */
    onPullDownRefresh() {
      return refreshThen(() => this.reload());
    },
    onDeclare() {
      wx.navigateTo({ url: `${SUB}/declare/index` });
    },
    onAppeal(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      wx.navigateTo({ url: `${SUB}/appeal/index?entryId=${encodeURIComponent(id)}` });
    },
    onOpenActivity(e: WechatMiniprogram.TouchEvent<object, object, { activity: string }>) {
      const { activity } = e.currentTarget.dataset;
      if (activity) wx.navigateTo({ url: `/subpackages/activity/detail/index?id=${activity}` });
    },
    onOpenReview() {
      wx.navigateTo({ url: `${SUB}/review/index` });
    },
    onOpenRanking() {
      wx.navigateTo({ url: `${SUB}/ranking/index` });
    },
    onOpenFortress() {
      wx.navigateTo({ url: `${SUB}/fortress/index` });
    },
    /** The superior's grid is the home tab; the ranking is the quota console [FORT-23]. */
    onOpenGrid() {
      wx.switchTab({ url: '/pages/home/index/index' });
    },
    onOpenQuotas() {
      wx.navigateTo({ url: '/subpackages/org/quotas/index' });
    },
  },
});
