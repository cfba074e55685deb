// 落实情况: only the branch committee and the superior organisation may see it, so show both;
// the default member view is the refusal.
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    { state: 'secretary', caption: '书记', openid: 'demo-secretary' },
    { state: 'superior', caption: '上级党组织管理员', openid: 'demo-superior' },
  ],
});
