// 落实情况: per activity type, how many were required, held and which periods are missing
// (MTG-08), each held meeting that does not count with why and the way to fix it (MTG-27), and
// the members who need a talk (TD-22 alerts). The committee sees its own branch;
// a superior picks one of the orgs below.
import { fetchAbsenceAlerts, fetchCompliance } from '../../../services/activity';
import { currentYear } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { halfOf } from '../../../utils/export-view';
import { orgChoices, type OrgChoice } from '../../../utils/org-choices';
import { toAlertView, toInactivityView, toItemView } from './view';

type ItemView = ReturnType<typeof toItemView>;
type AlertView = ReturnType<typeof toAlertView>;

const REFUSAL = '只有支部委员或上级党组织管理员可以查看落实情况';

definePage({
  fields: () => ({ askedOrgId: '' }),
  data: {
    year: currentYear(),
    orgs: [] as OrgChoice[],
    orgIndex: 0,
    items: [] as ItemView[],
    alerts: [] as AlertView[],
    inactivity: null as ReturnType<typeof toInactivityView>,
    /** How many held meetings do not count: the banner above the list [MTG-27]. */
    notCountedTotal: 0,
    /** The half-year whose report the export card makes (导出表格). */
    ...halfOf(),
  },
  async load(me) {
    if (!this.data.orgs.length) {
      const orgs = await orgChoices(me, 'activity.oversee');
      // Opened from a branch of the superior's home: that branch first.
      const asked = orgs.findIndex((o) => o.id === this.askedOrgId);
      this.setData({ orgs, orgIndex: asked >= 0 ? asked : 0 });
    }
    const org = this.data.orgs[this.data.orgIndex];
    if (!org) return this.empty(REFUSAL);
    const [compliance, alerts] = await Promise.all([
      fetchCompliance({ orgId: org.id, year: this.data.year }),
      fetchAbsenceAlerts({ orgId: org.id, year: this.data.year }),
    ]);
    const items = compliance.items.map(toItemView);
    this.setData({
      items,
      notCountedTotal: items.reduce((n, i) => n + i.notCounted.length, 0),
      alerts: alerts.map(toAlertView),
      inactivity: toInactivityView(compliance.inactivity),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.askedOrgId = query.orgId ?? '';
    },
    /** The fix is one tap away: the 主持台 of that meeting, where it is closed and recorded. */
    onFix(e: WechatMiniprogram.TouchEvent<object, object, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    onPickOrg(e: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(e.detail.value), status: 'loading' });
      this.reload();
    },
  },
});
