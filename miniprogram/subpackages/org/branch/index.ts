// 支部情况: one branch's year for the superior (org.branchDetail), opened from a row of the
// grid on the home: counts, committee, each activity (counted or not, attended of expected,
// filed on time), dues and disclosure by month, alerts. No ordinary member's name, no score.
import { fetchBranchDetail } from '../../../services/oversight';
import { currentYear } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { branchView, type BranchView } from './view';

definePage({
  fields: () => ({ orgId: '' }),
  data: {
    year: currentYear(),
    view: null as BranchView | null,
  },
  async load() {
    if (!this.orgId) return this.empty('请从首页的落实情况总表点选一个支部');
    const detail = await fetchBranchDetail({ orgId: this.orgId, year: this.data.year });
    this.setData({ view: branchView(detail, Date.now()) });
    this.setTitle(detail.name);
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
      const year = Number(query.year);
      if (Number.isInteger(year) && year > 2000) this.setData({ year });
    },
    /** The branch's own 落实情况 page: the missing periods and why a meeting does not count. */
    onOpenCompliance() {
      wx.navigateTo({ url: `/subpackages/activity/compliance/index?orgId=${this.orgId}` });
    },
  },
});
