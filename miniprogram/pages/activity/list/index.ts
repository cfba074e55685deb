// 活动: the branch's organisational life, upcoming and past, filterable by type. Tapping an
// upcoming item is a natural moment to ask for the activity-reminder subscription.
import { fetchActivities } from '../../../services/activity';
import { messageOf } from '../../../services/cloud';
import { askSubscription } from '../../../services/subscription';
import type { ActivitySummary } from '../../../services/types';
import {
  activityTypes,
  currentYear,
  isUpcoming,
  toItemView,
  typeLabels,
  yearStart,
  type ActivityItemView,
} from '../../../utils/activity-view';
import { canAnywhere } from '../../../utils/can';
import { definePage, type ViewStatus } from '../../../utils/define-page';
import { refreshThen } from '../../../utils/share';

type Segment = 'upcoming' | 'past';

const DETAIL_PAGE = '/subpackages/activity/detail/index';
const ASKED_KEY = 'reminderAsked';

definePage({
  memberCard: true,
  // What the page holds but never renders: the whole fetched list.
  fields: () => ({ all: [] as ActivitySummary[] }),
  data: {
    segment: 'upcoming' as Segment,
    typeNames: ['全部类型', ...activityTypes.map((t) => typeLabels[t])],
    typeIndex: 0,
    listStatus: 'loading' as ViewStatus,
    listMessage: '',
    items: [] as ActivityItemView[],
    oversee: false,
  },
  // Every show: a sign-in or a new plan is reflected here.
  async load(me) {
    this.setData({ oversee: canAnywhere(me, 'activity.oversee') });
    await this.loadList();
  },
  methods: {
    onPullDownRefresh() {
      return refreshThen(() => this.reload());
    },
    async loadList() {
      if (!this.all.length) this.setData({ listStatus: 'loading', listMessage: '' });
      const type = activityTypes[this.data.typeIndex - 1];
      try {
        this.all = await fetchActivities({
          orgId: this.me.member.orgId,
          from: yearStart(currentYear()),
          ...(type ? { type } : {}),
        });
        this.render();
      } catch (err) {
        this.setData({ listStatus: 'error', listMessage: messageOf(err), items: [] });
      }
    },
    /** Puts the chosen segment on screen: upcoming soonest first, past latest first. */
    render() {
      const upcoming = this.data.segment === 'upcoming';
      const now = Date.now();
      const picked = this.all.filter((a) => isUpcoming(a, now) === upcoming);
      if (!upcoming) picked.reverse();
      this.setData({
        items: picked.map(toItemView),
        listStatus: picked.length ? 'ready' : 'empty',
        listMessage: upcoming ? '暂无即将开展的活动' : '今年暂无已结束的活动',
      });
    },
    onSegment(e: WechatMiniprogram.TouchEvent<object, object, { segment: Segment }>) {
      const segment = e.currentTarget.dataset.segment;
      if (segment === this.data.segment) return;
      this.setData({ segment });
      this.render();
    },
    onPickType(e: WechatMiniprogram.PickerChange) {
      this.setData({ typeIndex: Number(e.detail.value) });
      this.loadList();
    },
    onOpen(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      const open = () => wx.navigateTo({ url: `${DETAIL_PAGE}?id=${id}` });
      const item = this.data.items.find((i) => i.id === id);
      const asked: string[] = wx.getStorageSync(ASKED_KEY) || [];
      if (this.data.segment !== 'upcoming' || !item || asked.includes(id)) {
        open();
        return;
      }
      // Once per activity on this phone: a reminder before it starts (and the 工作提醒 of one's
      // own absences and dues), asked on the tap.
      wx.setStorageSync(ASKED_KEY, [...asked.slice(-50), id]);
      askSubscription(['activityReminder', 'workAlert']).then(open);
    },
    onOpenPlan() {
      wx.navigateTo({ url: '/subpackages/activity/plan/index' });
    },
    onOpenCompliance() {
      // The committee's 工作提醒 (missing months, absences, inactivity …), asked on the tap.
      const open = () => wx.navigateTo({ url: '/subpackages/activity/compliance/index' });
      askSubscription(['workAlert']).then(open, open);
    },
  },
});
