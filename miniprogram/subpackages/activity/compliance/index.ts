// 落实情况: per activity type, how many were required, held and which periods are missing
// (MTG-08), and the members who need a talk (TD-22 alerts). The committee sees its own branch;
// a superior picks one of the orgs below.
import { fetchAbsenceAlerts, fetchCompliance } from '../../../services/activity';
import { currentYear } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { orgChoices, type OrgChoice } from '../../../utils/org-choices';
import { toAlertView, toInactivityView, toItemView } from './view';

type ItemView = ReturnType<typeof toItemView>;
type AlertView = ReturnType<typeof toAlertView>;

const REFUSAL = '只有支部委员或上级党组织管理员可以查看落实情况';

definePage({
  data: {
    year: currentYear(),
    orgs: [] as OrgChoice[],
    orgIndex: 0,
    items: [] as ItemView[],
    alerts: [] as AlertView[],
    inactivity: null as ReturnType<typeof toInactivityView>,
  },
  async load(me) {
    if (!this.data.orgs.length) this.setData({ orgs: await orgChoices(me, 'activity.oversee') });
    const org = this.data.orgs[this.data.orgIndex];
    if (!org) return this.empty(REFUSAL);
    const [compliance, alerts] = await Promise.all([
      fetchCompliance({ orgId: org.id, year: this.data.year }),
      fetchAbsenceAlerts({ orgId: org.id, year: this.data.year }),
    ]);
    this.setData({
      items: compliance.items.map(toItemView),
      alerts: alerts.map(toAlertView),
      inactivity: toInactivityView(compliance.inactivity),
    });
  },
  methods: {
    onPickOrg(e: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(e.detail.value), status: 'loading' });
      this.reload();
    },
  },
});
