// 支部情况 (issue 16): one branch's year for the superior, opened from a row of the grid. The
// default member view is the refusal (only the superior may see it).
import { definePreview } from '../scenario';

export default definePreview({
  query: { orgId: 'demo-branch', year: '2026' },
  scenarios: [
    {
      state: 'superior',
      caption: '上级党组织：一个支部的全年情况（不显示普通党员姓名）',
      openid: 'demo-superior',
      readme: 'branch-page',
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-superior',
      large: true,
    },
    { state: 'secretary', caption: '支部书记：不能查看', openid: 'demo-secretary' },
  ],
});
