// 整改清单: the branch's list of the year, for the committee and for a member.
import { rectifications, SEC } from '../fixtures/democratic';
import { definePreview } from '../scenario';

const query = { orgId: 'demo-branch', year: '2026' };
const setup = rectifications;

export default definePreview({
  query,
  scenarios: [
    { state: 'loaded', caption: '党员：本人的整改事项', setup },
    { state: 'large', caption: '大字模式', large: true, setup },
    { state: 'committee', caption: '书记：整改清单', openid: SEC, setup, readme: 'rectify-list' },
    { state: 'empty-list', caption: '书记：清单还是空的', openid: SEC },
  ],
});
