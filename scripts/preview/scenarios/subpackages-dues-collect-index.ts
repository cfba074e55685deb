// 党费收缴: the organizer's sheet for this month (with the half-year's publication), the same
// with 登记交纳 open for a proxy payment, 核定 for a member not yet confirmed, the secretary (who
// reads the ledger and may publish, but does not record: no pay buttons), and a plain member,
// turned away.
import { duesYear } from '../fixtures/dues';
import { stubFileApis } from '../fixtures/exports';
import { definePreview } from '../scenario';

const ORGANIZER = 'demo-organizer';

export default definePreview({
  scenarios: [
    { state: 'loaded', caption: '组织委员：本月收缴', openid: ORGANIZER, setup: duesYear },
    { state: 'large', caption: '大字模式', openid: ORGANIZER, large: true, setup: duesYear },
    { state: 'error', caption: '出错（后端拒绝）', openid: ORGANIZER, refuse: true },
    {
      state: 'paying',
      caption: '登记交纳：代交',
      openid: ORGANIZER,
      setup: duesYear,
      act: async (p) => {
        await p.tap('.row-demo-member-3 .pay-button', '.t-button');
        await p.dispatch(['.row-demo-member-3 .proxy-input', '.t-input__control'], 'input', {
          value: '杨帆的爱人',
        });
      },
    },
    {
      state: 'rating',
      caption: '核定党费',
      openid: ORGANIZER,
      setup: duesYear,
      act: async (p) => {
        await p.tap('.row-demo-member-5 .base-link');
        await p.dispatch(['.row-demo-member-5 .base-input', '.t-input__control'], 'input', {
          value: '6200',
        });
      },
    },
    {
      state: 'secretary',
      caption: '书记：只读，可公开半年收缴情况',
      openid: 'demo-secretary',
      setup: duesYear,
    },
    { state: 'member', caption: '普通党员无权查看', openid: 'demo-member-1' },
    {
      state: 'exported',
      caption: '书记：党费台账已导出，可打开或发给好友',
      openid: 'demo-secretary',
      setup: duesYear,
      act: async (p) => {
        stubFileApis(p.backend);
        await p.tap('.export-ledger', '.export-file__make', '.t-button');
        await p.settle();
      },
    },
  ],
});
