// 我的: the member's own record and roles, links to 党务公开 and 党费 (by role), the large-text
// switch, and (local mode only) the demo identity to act as against the emulator.
import { currentMemberBehavior } from '../../../behaviors/current-member';
import { largeTextBehavior, saveLargeText } from '../../../behaviors/large-text';
import { backendConfig } from '../../../config';
import { demoIdentities, getDevOpenid, setDevOpenid } from '../../../services/dev-identity';
import { canCollectDues } from '../../../utils/dues-view';
import { canPublishNotices } from '../../../utils/notice-view';

function identityLabels(): string[] {
  return demoIdentities.map((d) => `${d.label}（${d.openid}）`);
}

Component({
  behaviors: [largeTextBehavior, currentMemberBehavior],
  data: {
    localMode: false,
    demoLabels: [] as string[],
    demoIndex: 0,
    demoLabel: '',
    noticeEditor: false,
    duesCollector: false,
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
  methods: {
    // Page lifecycle: reload on every show, so a bind made elsewhere is reflected here.
    async onShow() {
      const me = await this.loadMember();
      // Only which links to offer; the backend decides every action behind them.
      this.setData({
        noticeEditor: !!me && canPublishNotices(me),
        duesCollector: !!me && canCollectDues(me),
      });
    },
    onLargeChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      // The behavior's listener updates this page along with every other live page.
      saveLargeText(e.detail.value);
    },
    onPickIdentity(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      const picked = demoIdentities[index];
      if (!picked) return;
      setDevOpenid(picked.openid);
      // Drop the previous member's card so the switch is visible as a fresh load.
      this.setData({ demoIndex: index, demoLabel: this.data.demoLabels[index], member: null });
      this.loadMember();
    },
  },
});
