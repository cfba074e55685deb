// 积分: an elder member exempted from points management sees why.
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [{ state: 'exempt', caption: '免于积分的年长党员', openid: 'demo-elder' }],
});
