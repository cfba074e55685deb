// 年度计划: the secretary, who drafts and publishes the branch's plan, besides the defaults.
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [{ state: 'secretary', caption: '书记', openid: 'demo-secretary' }],
});
