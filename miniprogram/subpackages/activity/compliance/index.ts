// 落实情况: per activity type, how many were required, held and which periods are missing
// (MTG-08), and the members who need a talk (TD-22 alerts). The committee sees its own branch;
// a superior picks one of the orgs below.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { fetchAbsenceAlerts, fetchCompliance } from '../../../services/activity';
import { messageOf } from '../../../services/cloud';
import { fetchMe, fetchOrgTree } from '../../../services/org';
import { currentYear, isCommittee, isSuperior } from '../../../utils/activity-view';
import { orgChoices, toAlertView, toItemView } from './view';

type ItemView = ReturnType<typeof toItemView>;
type AlertView = ReturnType<typeof toAlertView>;

const REFUSAL = '只有支部委员或上级党组织管理员可以查看落实情况';

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    year: currentYear(),
    orgs: [] as { id: string; name: string }[],
    orgNames: [] as string[],
    orgIndex: 0,
    items: [] as ItemView[],
    alerts: [] as AlertView[],
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        if (!this.data.orgs.length) {
          const orgs = await this.chooseOrgs();
          if (!orgs.length) {
            this.setData({ status: 'empty', errorMessage: REFUSAL });
            return;
          }
          this.setData({ orgs, orgNames: orgs.map((o) => o.name) });
        }
        const orgId = this.data.orgs[this.data.orgIndex].id;
        const [compliance, alerts] = await Promise.all([
          fetchCompliance(orgId, this.data.year),
          fetchAbsenceAlerts(orgId, this.data.year),
        ]);
        this.setData({
          status: 'ready',
          items: compliance.items.map(toItemView),
          alerts: alerts.map(toAlertView),
        });
      } catch (err) {
        this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    /** The orgs this member may look at: the own branch for its committee, those below for a superior. */
    async chooseOrgs(): Promise<{ id: string; name: string }[]> {
      const me = await fetchMe();
      if (isSuperior(me)) {
        const admin = me.roles.find((r) => r.role === 'superiorAdmin');
        return orgChoices(await fetchOrgTree(admin?.orgId));
      }
      if (isCommittee(me, me.member.orgId))
        return [{ id: me.member.orgId, name: me.member.orgName }];
      return [];
    },
    onPickOrg(e: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(e.detail.value) });
      this.load();
    },
  },
});
