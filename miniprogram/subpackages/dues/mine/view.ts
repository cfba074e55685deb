/** What 我的党费 shows of dues.mine: amounts in yuan, months in Chinese, newest payment first. */
import type { DuesCategory } from '../../../services/dues';
import type { ActionOutput } from '../../../services/types';
import {
  categoryLabels,
  dayText,
  monthText,
  statusLabels,
  statusThemes,
  yuanText,
} from '../../../utils/dues-view';

type Mine = ActionOutput<'dues', 'mine'>;

function monthAmount(m: Mine['months'][number]): string {
  if (m.status === 'notDue') return '';
  if (m.status === 'paid') return `${yuanText(m.paidFen)} 元`;
  if (m.status === 'under') return `已交 ${yuanText(m.paidFen)} / 应交 ${yuanText(m.dueFen)}`;
  return `应交 ${yuanText(m.dueFen)} 元`;
}

export function toMineView(d: Mine) {
  // The backend's list: months due and not paid in full, never the running month nor a later one
  // (the running month can still be paid in time) [FEE-24].
  const owing = d.owedMonths;
  const paidMonths = d.months.filter((m) => m.status === 'paid').length;
  const paidFen = d.payments.reduce((s, p) => s + p.amountFen, 0);
  return {
    monthlyText: d.monthlyFen === null ? '' : yuanText(d.monthlyFen),
    categoryText: d.category ? (categoryLabels[d.category as DuesCategory] ?? '') : '',
    summary: `今年已交 ${paidMonths} 个月，共 ${yuanText(paidFen)} 元`,
    owingText: owing.length
      ? `${owing.map(monthText).join('、')}尚未交齐，可在主题党日集中交纳，或交给支部组织委员`
      : '',
    // Nothing to show month by month until the branch has confirmed an amount.
    months: d.months.every((m) => m.status === 'notDue')
      ? []
      : d.months.map((m) => ({
          key: m.month,
          month: monthText(m.month),
          statusText: statusLabels[m.status],
          theme: statusThemes[m.status],
          amount: monthAmount(m),
        })),
    payments: [...d.payments]
      .sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.month.localeCompare(a.month))
      .map((p, i) => ({
        key: `${p.month}-${i}`,
        title: `${monthText(p.month)}党费`,
        amount: `${yuanText(p.amountFen)} 元`,
        when: `${dayText(p.paidOn)}交纳`,
        proxy: p.proxy ? `由 ${p.proxy} 代交` : '',
      })),
  };
}

export type MineView = ReturnType<typeof toMineView>;
