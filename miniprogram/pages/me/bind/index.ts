// 绑定: links this WeChat account to a member record with the branch's single-use invite code.
// The privacy notice must be shown and agreed to before binding [PRIV-18], so the button
// stays disabled until the box is ticked.
import { bindInvite } from '../../../services/org';
import { forgetMe } from '../../../stores/me';
import { definePage } from '../../../utils/define-page';

function leave(): void {
  // Opened from a tab's bind prompt in the normal case; a shared link lands here directly.
  if (getCurrentPages().length > 1) wx.navigateBack();
  else wx.switchTab({ url: '/pages/me/index/index' });
}

definePage({
  // The caller is not bound yet: there is no org.me to ask.
  guest: true,
  data: {
    code: '',
    agreed: false,
    bound: false,
    formError: '',
  },
  methods: {
    /** A shared invite card (邀请党员 → 分享给他/她) opens this page with the code typed in. */
    onLoad(query: Record<string, string | undefined>) {
      const code = decodeURIComponent(query.code ?? '').trim();
      if (code) this.setData({ code });
    },
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value, formError: '' });
    },
    onAgreeChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ agreed: e.detail.checked });
    },
    async onSubmit() {
      const code = this.data.code.trim();
      // The button is disabled in these cases too; this guards a tap that slips through.
      if (!this.data.agreed || !code) return;
      const bound = await this.run(async () => {
        await bindInvite(code);
        // Every page asks again who this is: now a member.
        forgetMe();
      }, 'formError');
      if (!bound) return;
      this.setData({ bound: true });
      wx.showToast({ title: '绑定成功', icon: 'success' });
      leave();
    },
  },
});
