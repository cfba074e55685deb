// 我的: the member card for each kind of member, and the large-text switch turned on.
import { definePreview } from '../scenario';

export default definePreview({
  scenarios: [
    { state: 'secretary', caption: '书记', openid: 'demo-secretary' },
    { state: 'organizer', caption: '组织委员、记分员（两个职务）', openid: 'demo-organizer' },
    { state: 'probationary', caption: '预备党员', openid: 'demo-probationary' },
    { state: 'mobile', caption: '流动党员', openid: 'demo-mobile' },
    { state: 'superior', caption: '上级党组织管理员', openid: 'demo-superior' },
  ],
});
