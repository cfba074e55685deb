// 新建活动: the secretary's empty form, a 党课 filled in (授课人 shows), a meeting that already
// ended (补录理由), the backend's refusal under the form, and a plain member turned away.
import { definePreview, type PreviewPageHandle } from '../scenario';

const SECRETARY = 'demo-secretary';
const pickType = (p: PreviewPageHandle, name: string) =>
  p.dispatch(['.type-picker'], 'change', {
    value: (p.component.data.typeNames as string[]).indexOf(name),
  });

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：新建活动', openid: SECRETARY },
    {
      state: 'lecture',
      caption: '党课：授课人、议程',
      openid: SECRETARY,
      act: async (p) => {
        await pickType(p, '党课');
        await p.dispatch(['.title-input', '.t-input__control'], 'input', {
          value: '学习贯彻全会精神专题党课',
        });
        await p.dispatch(['.lecturer-input', '.t-input__control'], 'input', { value: '李红' });
        await p.dispatch(['.place-input', '.t-input__control'], 'input', {
          value: '三楼党员活动室',
        });
        await p.dispatch(['.agenda-input', '.t-textarea__wrapper-inner'], 'input', {
          value: '书记讲党课\n交流发言',
        });
      },
    },
    {
      state: 'late',
      caption: '已结束的活动：须写补录理由',
      openid: SECRETARY,
      act: async (p) => {
        await pickType(p, '支委会');
        await p.dispatch(['.title-input', '.t-input__control'], 'input', {
          value: '11月临时支委会',
        });
        await p.dispatch(['.date-picker'], 'change', { value: '2026-11-27' });
        await p.tap('.submit-button', '.t-button');
      },
    },
    {
      state: 'refused',
      caption: '后端拒绝时显示原因',
      openid: SECRETARY,
      act: async (p) => {
        await p.dispatch(['.title-input', '.t-input__control'], 'input', { value: '主题党日' });
        await p.dispatch(['.end-picker'], 'change', { value: '08:00' });
        await p.tap('.submit-button', '.t-button');
      },
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员无权新建', openid: 'demo-member-1' },
  ],
});
