/**
 * The salaried base (计缴基数) from a month's pay by item, pure [FEE-02, FEE-03, FEE-04]: the
 * included regular items minus personal income tax; the excluded items never enter it; the
 * member's own social-insurance and housing-fund contributions come off only where the branch
 * chose that local practice.
 */
import { fail, ok, Result } from '../shared/result';
import type { DuesCategory } from './fee';

/** Regular pay items that make up the base [FEE-02]. */
export const INCLUDED_PAY_ITEMS = [
  'postWage', // 职务（岗位）工资
  'gradeWage', // 级别（薪级）工资
  'allowance', // 规范津贴补贴
  'performance', // 绩效工资
  'basicWage', // 企业：基本工资
  'bonus', // 企业：奖金
] as const;

/** Items that never enter the base [FEE-03]. */
export const EXCLUDED_PAY_ITEMS = [
  'remoteAreaAllowance', // 艰苦边远地区津贴
  'specialPostAllowance', // 特殊岗位津贴补贴
  'reformAllowance', // 改革性补贴：住房公积金、提租、通讯、交通
  'socialInsuranceAllowance', // 社会保险类补贴
  'pension', // 抚恤金
] as const;

export const PAY_ITEM_KINDS = [...INCLUDED_PAY_ITEMS, ...EXCLUDED_PAY_ITEMS] as const;
export type PayItemKind = (typeof PAY_ITEM_KINDS)[number];

export interface Wages {
  items: readonly { kind: PayItemKind; amountFen: number }[];
  /** 个人所得税 of the month. */
  incomeTaxFen: number;
  /** The member's own 社会保险费 and 住房公积金 contributions. */
  ownContributionsFen?: number;
}

const included = new Set<string>(INCLUDED_PAY_ITEMS);

/** Whether a category's base may be worked out from pay items (salaried and 年薪制 [FEE-07]). */
export const takesWages = (category: DuesCategory) =>
  category === 'salaried' || category === 'annualSalary';

/**
 * base = Σ included − IIT [− own contributions, where `deductSocialInsurance`], never below 0;
 * excluded items are ignored whatever their amount [FEE-02, FEE-03, FEE-04].
 */
export function salariedBase(
  category: DuesCategory,
  wages: Wages,
  deductSocialInsurance: boolean,
): Result<number> {
  if (!takesWages(category))
    return fail(
      'INPUT.INVALID',
      '只有按月领取工资（含年薪制）的党员按工资项目计算基数，请直接填写计算基数',
      'FEE-02',
      { fields: ['wages'] },
    );
  const gross = wages.items
    .filter((i) => included.has(i.kind))
    .reduce((s, i) => s + i.amountFen, 0);
  const own = deductSocialInsurance ? (wages.ownContributionsFen ?? 0) : 0;
  return ok(Math.max(0, gross - wages.incomeTaxFen - own));
}
