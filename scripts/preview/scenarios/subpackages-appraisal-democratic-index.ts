// 民主评议党员: the committee's page: steps, who has written a 自评, the 测评 boxes.
import { atSelf, ballotOpen, idQuery, ORGANIZER, SEC } from '../fixtures/democratic';
import { definePreview } from '../scenario';

export default definePreview({
  query: idQuery,
  scenarios: [
    { state: 'loaded', caption: '书记：个人自评阶段', openid: SEC, setup: atSelf },
    { state: 'large', caption: '大字模式', openid: SEC, large: true, setup: atSelf },
    { state: 'error', caption: '出错（后端拒绝）', openid: SEC, refuse: true, setup: atSelf },
    { state: 'ballot', caption: '组织委员：民主测评进行中', openid: ORGANIZER, setup: ballotOpen },
    { state: 'member', caption: '普通党员', setup: atSelf },
  ],
});
