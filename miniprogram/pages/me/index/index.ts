// 我的: the member's own record and roles, links to 党务公开 and 党费 (by permission), the
// large-text switch, and (local mode only) the demo identity to act as against the emulator.
import { saveLargeText } from '../../../behaviors/large-text';
import { backendConfig } from '../../../config';
import { demoIdentities, getDevOpenid, setDevOpenid } from '../../../services/dev-identity';
import { can, canAnywhere } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';

function identityLabels(): string[] {
  return demoIdentities.map((d) => `${d.label}（${d.openid}）`);
}

definePage({
  memberCard: true,
  data: {
    localMode: false,
    demoLabels: [] as string[],
    demoIndex: 0,
    demoLabel: '',
    noticeEditor: false,
    duesCollector: false,
    duesRecorder: false,
    /** The 管理 section: one flag per administrator page, each from the `can` map. */
    admin: {
      invite: false,
      createActivity: false,
      award: false,
      standard: false,
      settings: false,
      duty: false,
      roster: false,
      importMembers: false,
      audit: false,
      createOrg: false,
      elections: false,
      move: false,
    },
  },
  lifetimes: {
    attached() {
      if (backendConfig.mode !== 'local') return;
      const openid = getDevOpenid();
      const index = demoIdentities.findIndex((d) => d.openid === openid);
      this.setData({
        localMode: true,
        demoLabels: identityLabels(),
        demoIndex: Math.max(index, 0),
        demoLabel: index >= 0 ? identityLabels()[index] : openid,
      });
    },
  },
  load(me) {
    // Only which links to offer; the backend decides every action behind them.
    this.setData({
      noticeEditor: can(me, 'notice.publish'),
      duesCollector: can(me, 'dues.read'),
      duesRecorder: can(me, 'dues.record'),
      admin: {
        invite: can(me, 'member.manage'),
        createActivity: can(me, 'activity.manage'),
        award: can(me, 'points.award'),
        standard: can(me, 'points.standard'),
        settings: can(me, 'org.configure'),
        duty: can(me, 'role.assignDuty'),
        roster: can(me, 'member.manage'),
        importMembers: can(me, 'member.manage'),
        audit: can(me, 'audit.read'),
        createOrg: canAnywhere(me, 'org.administer'),
        elections: canAnywhere(me, 'election.request'),
        move: canAnywhere(me, 'group.assign'),
      },
    });
  },
  methods: {
    onLargeChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      // The behavior's listener updates this page along with every other live page.
      saveLargeText(e.detail.value);
    },
    onPickIdentity(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      const picked = demoIdentities[index];
      if (!picked) return;
      // Switching forgets the cached org.me; drop the card so the switch shows as a fresh load.
      setDevOpenid(picked.openid);
      this.setData({
        demoIndex: index,
        demoLabel: this.data.demoLabels[index],
        member: null,
        status: 'loading',
      });
      this.reload();
    },
  },
});
