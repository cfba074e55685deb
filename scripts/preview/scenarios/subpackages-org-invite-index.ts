// 邀请党员绑定: the secretary with the one member not yet bound, the code just issued (big, with
// its expiry, 分享给他/她 and 复制), and a plain member turned away.
import { definePreview } from '../scenario';

const SECRETARY = 'demo-secretary';
const issue = async (p: { tap(...path: string[]): Promise<void> }) =>
  p.tap('.person-demo-newcomer .create-button', '.t-button');

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '书记：尚未绑定的党员', openid: SECRETARY },
    { state: 'issued', caption: '书记：邀请码已生成', openid: SECRETARY, act: issue },
    { state: 'large', caption: '大字模式：邀请码', openid: SECRETARY, large: true, act: issue },
    { state: 'error', caption: '出错（后端拒绝）', openid: SECRETARY, refuse: true },
    { state: 'member', caption: '普通党员无权邀请', openid: 'demo-member-1' },
  ],
});
