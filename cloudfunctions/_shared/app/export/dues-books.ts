import { yuan } from '../../domain/dues/ledger';
import type { LedgerRow } from '../../domain/dues/ledger';
import { fileNameOf, periodName, WorkbookSpec } from './spec';

const MONTH_WORDS = { paid: '已交', under: '未交足', unpaid: '未交', notDue: '—' } as const;

/**
 * The year's 党费收缴台账: one row per member, the monthly amount, what was paid each month (in
 * 元), the totals [FEE-*]. Never anyone's income or base [DIS-09].
 */
export function ledgerBook(orgName: string, year: number, rows: LedgerRow[]): WorkbookSpec {
  const months = rows[0]?.months.map((m) => Number(m.month.slice(5))) ?? [];
  const total = (f: (r: LedgerRow) => number) => yuan(rows.reduce((s, r) => s + f(r), 0));
  return {
    fileName: fileNameOf(orgName, periodName(String(year)), '党费收缴台账'),
    sheets: [
      {
        name: `${year}年党费台账`,
        title: `${orgName} ${year}年党费收缴台账`,
        subtitle: '单位：元',
        landscape: true,
        columns: [
          { header: '姓名', width: 10 },
          { header: '月应交', width: 10 },
          ...months.map((m) => ({ header: `${m}月`, width: 8 })),
          { header: '合计应交', width: 10 },
          { header: '合计已交', width: 10 },
          { header: '欠交', width: 10 },
        ],
        rows: [
          ...rows.map((r) => [
            r.name,
            r.monthlyFen === null ? '未核定' : yuan(r.monthlyFen),
            ...r.months.map((m) =>
              m.status === 'notDue' ? '—' : m.paidFen > 0 ? yuan(m.paidFen) : MONTH_WORDS[m.status],
            ),
            yuan(r.dueFen),
            yuan(r.paidFen),
            r.dueFen > r.paidFen ? yuan(r.dueFen - r.paidFen) : '',
          ]),
          [
            '合计',
            '',
            ...months.map(() => ''),
            total((r) => r.dueFen),
            total((r) => r.paidFen),
            total((r) => Math.max(0, r.dueFen - r.paidFen)),
          ],
        ],
        notes: ['“—”：该月尚未到期；“未交”：到期未交。金额为实际交纳数。'],
      },
    ],
  };
}

/** One row of the 核算表: the organiser's own record of each member's confirmed amount [FEE-17]. */
export interface SheetLine {
  name: string;
  category: string | null;
  baseFen: number | null;
  rate: string;
  monthlyFen: number | null;
  fromMonth: string | null;
}

/** 《党员缴纳党费核算表》 for the superior's review [FEE-18]. */
export function assessmentBook(orgName: string, year: number, lines: SheetLine[]): WorkbookSpec {
  return {
    fileName: fileNameOf(orgName, `${year}年度`, '党员缴纳党费核算表'),
    sheets: [
      {
        name: `${year}年度核算表`,
        title: `${orgName} ${year}年度党员缴纳党费核算表`,
        subtitle: '单位：元',
        columns: [
          { header: '姓名', width: 10 },
          { header: '类别', width: 16 },
          { header: '计缴基数', width: 12 },
          { header: '比例', width: 8 },
          { header: '月交纳额', width: 10 },
          { header: '起算月份', width: 12 },
        ],
        rows: lines.map((l) =>
          l.category === null
            ? [l.name, '未核定', '', '', '', '']
            : [
                l.name,
                l.category,
                l.baseFen === null ? '' : yuan(l.baseFen),
                l.rate,
                l.monthlyFen === null ? '' : yuan(l.monthlyFen),
                l.fromMonth ? periodName(l.fromMonth) : '',
              ],
        ),
      },
    ],
  };
}
