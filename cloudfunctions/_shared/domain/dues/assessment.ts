/**
 * The annual 核定 and its 《党员缴纳党费核算表》, pure [FEE-17, FEE-18]: the due date, the alert
 * listing members without a confirmed amount once it has passed, and the review steps of the
 * sheet at the superior.
 */
import { fail, type Alert, type Failure } from '../shared/result';
import type { DuesCategory } from './fee';

export const CATEGORY_NAMES: Readonly<Record<DuesCategory, string>> = {
  salaried: '在职（按月领取工资）',
  annualSalary: '年薪制',
  nonMonthly: '非按月取得收入',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '依靠抚恤或救济生活',
  lowIncome: '享受最低生活保障',
};

/** The last day of the due month of a year's 核定 ('YYYY-MM-DD'; default 03-31) [FEE-17]. */
export function assessmentDueDate(year: number, dueMonth: number): string {
  const last = new Date(Date.UTC(year, dueMonth, 0)).getUTCDate();
  return `${year}-${String(dueMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * After the due date: who still has no confirmed amount for the year, and whether the sheet has
 * not been filed with the superior [FEE-17]. A soft rule: it alerts, never refuses.
 */
export function assessmentAlerts(f: {
  today: string;
  dueBy: string;
  missing: readonly string[];
  sheetFiled: boolean;
}): Alert[] {
  if (f.today <= f.dueBy) return [];
  const alerts: Alert[] = [];
  const shown = `${Number(f.dueBy.slice(5, 7))}月${Number(f.dueBy.slice(8))}日`;
  if (f.missing.length)
    alerts.push({
      ruleId: 'FEE-17',
      level: 'warning',
      message: `已过${shown}，${f.missing.length}名党员尚未核定本年度党费：${f.missing.join('、')}`,
    });
  if (!f.sheetFiled)
    alerts.push({
      ruleId: 'FEE-17',
      level: 'warning',
      message: `已过${shown}，尚未向上级党委报送《党员缴纳党费核算表》`,
    });
  return alerts;
}

export type SheetStatus = 'filed' | 'reviewed' | 'returned' | 'forwarded';
export type SheetStep = 'file' | 'review' | 'forward';

/**
 * What refuses a step of the sheet [FEE-18]: forwarding a sheet the superior has not reviewed and
 * passed; reviewing one not filed (or already forwarded); filing again once it is forwarded.
 */
export function sheetStepRefusal(step: SheetStep, status: SheetStatus | null): Failure | null {
  if (step === 'forward' && status !== 'reviewed')
    return fail(
      'DUES.SHEET_UNREVIEWED',
      status === 'forwarded'
        ? '该核算表已经报送'
        : '党费核算表须经上级党委审核通过后才能报送，请先审核',
      'FEE-18',
    );
  if (step === 'review' && status !== 'filed')
    return fail(
      status === null ? 'NOT_FOUND' : 'CONFLICT',
      status === null ? '支部尚未报送该年度的核算表' : '该核算表已审核，支部重新报送后才能再审',
      'FEE-18',
    );
  if (step === 'file' && status === 'forwarded')
    return fail('CONFLICT', '该年度核算表已审核并报送，不能再修改', 'FEE-18');
  return null;
}
