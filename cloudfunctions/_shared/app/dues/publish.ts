import { duesContract } from '../../contracts/dues';
import { halfYearMonths, publicationLines, yuan } from '../../domain/dues/ledger';
import { localMonth } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { publishNotice } from '../notice/publish-notice';
import { branchRows } from './load';

/**
 * The half-yearly publication [DIS-08, DIS-09]: a 党务公开 notice with each member's months paid
 * and amounts and the totals — never anyone's income or base. Months of the half not yet due
 * (the running month [FEE-24]) are left out. The 组织委员 / 党费管理员 or the 书记 / 副书记 publish it.
 */
export const publish = action({
  input: duesContract.publish.input,
  async run(ctx, input) {
    const org = await ctx.require('dues.publish', input.orgId);
    const year = Number(input.period.slice(0, 4));
    const label = `${year}年${input.period.endsWith('H2') ? '下' : '上'}半年`;
    const months = halfYearMonths(input.period, localMonth(ctx.now));
    const [rows] = await branchRows(org._id, [{ year, months }]);
    const lines = publicationLines(rows);
    const total = lines.reduce((s, l) => s + l.paidFen, 0);
    const body = [
      `${org.name}${label}党费收缴情况公开如下：`,
      ...lines.map(
        (l) => `${l.name}：已交${l.monthsPaid}/${l.monthsDue}个月，计${yuan(l.paidFen)}元`,
      ),
      `合计收缴党费${yuan(total)}元。`,
      '如有疑问，请向支部组织委员反映。',
    ].join('\n');
    const { id: noticeId } = await publishNotice(ctx, org, {
      category: '党费缴纳',
      title: `${label}党费收缴情况公开`,
      body,
    });
    return { noticeId };
  },
});
