/** The `dues` cloud function: 党费 — calculation, bases, payments, ledger, arrears, publication. */
import { actionOf, callCloud } from './cloud';
import type { ActionInput, ActionName, ActionOutput } from './types';

type Action = ActionName<'dues'>;
type In<A extends Action> = ActionInput<'dues', A>;
type Out<A extends Action> = ActionOutput<'dues', A>;
const action = actionOf('dues');

/** 党员类别（在职、离退休、学生等），决定党费的计算办法 */
export type DuesCategory = In<'calculate'>['category'];

/** 按类别和计算基数（分）算出每月应交党费，返回精确值与按分向上取整的金额 */
export const calculateDues = action('calculate');

/** 核定一名党员本年度的党费类别与计算基数（组织委员或党费管理员；基数不对外显示） */
export const setDuesBase = action('setBase');

/** 登记一名党员某月交纳的党费（可记录代交人；补交6个月以前的须写情况说明） */
export const recordDuesPayment = action('pay');

/** 读取支部全年党费收缴台账（每人每月应交、已交） */
export const fetchDuesLedger = action('ledger');

/** 读取截至某月仍有未交月份的党员，供支部了解情况、谈心提醒 */
export const fetchDuesArrears = action('arrears');

/** 读取本人某年的每月应交金额、各月交纳情况与交纳记录 */
export function fetchMyDues(year: number): Promise<Out<'mine'>> {
  return callCloud('dues', 'mine', { year });
}

/** 生成并发布半年度党费收缴情况公开（只含交纳月份与金额，不含收入） */
export const publishDuesSummary = action('publish');
