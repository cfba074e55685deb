// 党费计算器: 3000.01 元 for a salaried member (1%, the exact 30.0001 rounded up to 30.01), a
// student's fixed 0.20 元, and a refusal shown under the form.
import { definePreview, type PreviewPageHandle } from '../scenario';

async function salaried(p: PreviewPageHandle) {
  await p.dispatch(['.base-input', '.t-input__control'], 'input', { value: '3000.01' });
  await p.tap('.calc-button', '.t-button');
}

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '在职：3000.01元', act: salaried },
    { state: 'large', caption: '大字模式', large: true, act: salaried },
    { state: 'error', caption: '出错（后端拒绝）', refuse: true, act: salaried },
    { state: 'unbound', caption: '未绑定身份', openid: 'wx-preview-unbound', act: salaried },
    {
      state: 'student',
      caption: '学生：固定0.20元',
      act: async (p) => {
        await p.dispatch(['.category-picker'], 'change', { value: 5 });
        await p.tap('.calc-button', '.t-button');
      },
    },
    { state: 'blank', caption: '打开时' },
  ],
});
