// 新建下级组织: the superior's form, filled in and created, a missing field, and a branch
// secretary turned away.
import { definePreview } from '../scenario';

const SUPERIOR = 'demo-superior';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '上级：新建下级组织', openid: SUPERIOR },
    {
      state: 'created',
      caption: '已新建',
      openid: SUPERIOR,
      act: async (p) => {
        await p.dispatch(['.name-input', '.t-input__control'], 'input', {
          value: '示范学院第三党支部',
        });
        await p.tap('.category-0');
        await p.dispatch(['.term-picker'], 'change', { value: '2026-11-20' });
        await p.tap('.submit-button', '.t-button');
      },
    },
    {
      state: 'missing',
      caption: '未填完：说明缺什么',
      openid: SUPERIOR,
      act: async (p) => p.tap('.submit-button', '.t-button'),
    },
    { state: 'large', caption: '大字模式', openid: SUPERIOR, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUPERIOR, refuse: true },
    { state: 'secretary', caption: '支部书记：由上级新建', openid: 'demo-secretary' },
  ],
});
