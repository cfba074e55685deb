// 抽查各支部 (issue 16, the admin-pages helper's page): the superior's spot checks of the
// branches below [MTG-37], on the seed of a 基层党委 with many branches, before and after drawing
// the quarter's sample. A plain member's default view is the refusal.
import { definePreview } from '../scenario';

const query = { orgId: 'demo-committee', year: '2026' };

export default definePreview({
  query,
  scenarios: [
    {
      state: 'superior',
      caption: '上级党组织：今年的抽查要求和尚未抽查的支部',
      openid: 'demo-superior',
      seed: 'committee',
    },
    {
      state: 'drawn',
      caption: '上级党组织：抽取本季度的支部以后（记下抽取种子，可复核）',
      openid: 'demo-superior',
      seed: 'committee',
      setup: async (b) => {
        await b.ok(
          'org',
          'drawSpotChecks',
          { orgId: 'demo-committee', year: 2026, quarter: 4 },
          'demo-superior',
        );
      },
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
