// 党员名册: the secretary's roster (marks, binding, masked phone), one member's actions (标记,
// 职务, 转出), the 免于积分 refused without its reason, the superior's 副书记 offer, a member turned away.
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';
const open = (id: string) => async (p: { tap(...path: string[]): Promise<void> }) =>
  p.tap(`.person-${id}`);

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：党员名册', openid: SECRETARY },
    {
      state: 'member',
      caption: '书记：一名党员的操作',
      openid: SECRETARY,
      act: open('demo-member-1'),
    },
    {
      state: 'no-reason',
      caption: '免于积分须写明理由',
      openid: SECRETARY,
      act: async (p) => {
        await open('demo-member-1')(p);
        await p.tap('.exempt-button', '.t-button');
      },
    },
    {
      state: 'superior',
      caption: '上级：可任免书记、副书记',
      openid: 'demo-superior',
      act: open('demo-member-2'),
    },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'plain', caption: '普通党员无权管理名册', openid: 'demo-member-1' },
  ],
});
