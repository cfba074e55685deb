// 绑定: links this WeChat account to a member record with the branch's single-use invite code.
// The privacy notice must be shown and agreed to before binding [PRIV-18], so the button
// stays disabled until the box is ticked.
import { largeTextBehavior } from '../../../behaviors/large-text';
import { messageOf } from '../../../services/cloud';
import { bindInvite } from '../../../services/org';

function leave(): void {
  // Opened from a tab's bind prompt in the normal case; a shared link lands here directly.
  if (getCurrentPages().length > 1) wx.navigateBack();
  else wx.switchTab({ url: '/pages/me/index/index' });
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    code: '',
    agreed: false,
    submitting: false,
    bound: false,
    errorMessage: '',
  },
  methods: {
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value, errorMessage: '' });
    },
    onAgreeChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ agreed: e.detail.checked });
    },
    async onSubmit() {
      const code = this.data.code.trim();
      // The button is disabled in these cases too; this guards a tap that slips through.
      if (!this.data.agreed || !code || this.data.submitting) return;
      this.setData({ submitting: true, errorMessage: '' });
      try {
        await bindInvite(code);
        this.setData({ submitting: false, bound: true });
        wx.showToast({ title: '绑定成功', icon: 'success' });
        leave();
      } catch (err) {
        this.setData({ submitting: false, errorMessage: messageOf(err) });
      }
    },
  },
});
