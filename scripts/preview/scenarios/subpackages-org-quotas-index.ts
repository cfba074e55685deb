// 名额和排名 (issue 16, the admin-pages helper's page): 先进 ≤ 15% and 好 ≤ 15% across the
// branches below, used and left, and the ranking by 堡垒指数 that only the superior sees
// [FORT-23, SEC-18], on the seed of a 基层党委 with many branches.
import { definePreview } from '../scenario';

export default definePreview({
  query: { orgId: 'demo-committee', year: '2026' },
  scenarios: [
    {
      state: 'superior',
      caption: '上级党组织：先进名额、评“好”名额和堡垒指数排名',
      openid: 'demo-superior',
      seed: 'committee',
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-superior',
      seed: 'committee',
      large: true,
    },
  ],
});
