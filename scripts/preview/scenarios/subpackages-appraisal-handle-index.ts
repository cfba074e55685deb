// 录入评议情况: one form each — a 流动党员's 流入地 result, an 不合格 党员's handling, a 预备党员's
// problems passed on.
import { atDecision, ID, SEC } from '../fixtures/democratic';
import { definePreview } from '../scenario';

const setup = atDecision;
const q = (memberId: string, what: string) => ({ id: ID, memberId, what });

export default definePreview({
  query: q('demo-mobile', 'import'),
  scenarios: [
    { state: 'loaded', caption: '流动党员：录入流入地结果', openid: SEC, setup },
    { state: 'large', caption: '大字模式', openid: SEC, large: true, setup },
    { state: 'error', caption: '出错（后端拒绝）', openid: SEC, refuse: true, setup },
    {
      state: 'handling',
      caption: '不合格党员的处置（劝退）',
      openid: SEC,
      setup,
      query: q('demo-member-4', 'handling'),
      act: (p) => p.dispatch(['.option-pick'], 'change', { value: 2 }),
    },
    {
      state: 'probationary',
      caption: '预备党员的问题',
      openid: SEC,
      setup,
      query: q('demo-probationary', 'probationary'),
    },
  ],
});
