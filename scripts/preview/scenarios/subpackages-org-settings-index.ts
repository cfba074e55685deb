// 支部设置: the secretary's list (the branch's own settings offered, the superior's shown), and a
// plain member turned away.
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：支部设置', openid: SECRETARY },
    { state: 'large', caption: '大字模式', openid: SECRETARY, large: true },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1' },
  ],
});
