// 导入党员: the empty form, and the answer: one row landed, one refused as a duplicate, one
// missing its 入党日期 (the backend's messages next to the rows).
import { definePreview, type PreviewPageHandle } from '../scenario';

const SECRETARY = 'demo-secretary';
const fill = async (p: PreviewPageHandle, i: number, name: string, joined?: string) => {
  await p.dispatch([`.row-${i} .name-input`, '.t-input__control'], 'input', { value: name });
  if (joined) await p.dispatch([`.row-${i} .joined-picker`], 'change', { value: joined });
};

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：逐行填写', openid: SECRETARY },
    {
      state: 'answered',
      caption: '提交后：已导入与未导入的行',
      openid: SECRETARY,
      act: async (p) => {
        await fill(p, 0, '钱进', '2026-06-01');
        await fill(p, 1, '钱进', '2026-06-01');
        await fill(p, 2, '孔良');
        await p.tap('.submit-button', '.t-button');
      },
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'plain', caption: '普通党员无权导入', openid: 'demo-member-1' },
  ],
});
