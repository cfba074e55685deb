// 绑定党员身份: a WeChat user who is not bound yet fills in the form. The page calls the
// backend only on 绑定, so its states are the form's: empty, filled in, refused, done.
import { definePreview, type PreviewPageHandle } from '../scenario';

const NEWCOMER = 'wx-preview-unbound';

async function fillIn(page: PreviewPageHandle, code: string): Promise<void> {
  // What typing and ticking do: the native input inside t-input emits `input`, the
  // checkbox's inner node a tap.
  await page.dispatch(['.code-input', '.t-input__control'], 'input', { value: code });
  await page.tap('.consent-box', '.t-checkbox');
}

export default definePreview({
  omit: ['unbound'],
  scenarios: [
    { state: 'loaded', caption: '空白表单', openid: NEWCOMER },
    { state: 'large', caption: '大字模式', openid: NEWCOMER, large: true },
    {
      state: 'filled',
      caption: '已填写并同意',
      openid: NEWCOMER,
      act: (page) => fillIn(page, 'DEMO-INVITE'),
    },
    {
      state: 'error',
      caption: '邀请码无效（后端拒绝）',
      openid: NEWCOMER,
      act: async (page) => {
        await fillIn(page, 'WRONG-CODE');
        await page.tap('.bind-button', '.t-button');
      },
    },
    {
      state: 'bound',
      caption: '绑定成功',
      openid: NEWCOMER,
      act: async (page) => {
        await fillIn(page, 'DEMO-INVITE');
        await page.tap('.bind-button', '.t-button');
      },
    },
  ],
});
