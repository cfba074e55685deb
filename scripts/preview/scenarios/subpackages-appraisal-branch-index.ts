// 评议党支部: the jiaozuo 党委's board; under 7 branches none may be 先进, said plainly.
import { branchAtDecision, branchQuery, SUP } from '../fixtures/democratic';
import { definePreview } from '../scenario';

const setup = branchAtDecision;

export default definePreview({
  query: branchQuery,
  scenarios: [
    { state: 'loaded', caption: '上级：评定各支部', openid: SUP, setup, readme: 'branch-board' },
    { state: 'large', caption: '大字模式', openid: SUP, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: SUP, refuse: true, setup },
    { state: 'member', caption: '普通党员（无权查看）', setup },
  ],
});
