/**
 * What refuses recording a 党费 payment and what a recorded payment makes of its month, pure: no
 * I/O and no clock (`today`, 'YYYY-MM-DD' in Beijing, is a parameter).
 */
import { fail, type Failure } from '../shared/result';
import { monthIndex } from './ledger';

/** A make-up of a month more than six months back needs a written note [FEE-25]. */
export const MAKE_UP_NOTE_MONTHS = 6;
/** A single voluntary extra of 1000 yuan or more is flagged for remittance to the centre [FEE-13]. */
export const REMIT_EXTRA_FEN = 100_000;

/** How often the branch collects [FEE-22]: monthly, or quarterly with the branch's consent. */
export const DUES_CYCLES = ['monthly', 'quarterly'] as const;
export type DuesCycle = (typeof DUES_CYCLES)[number];

/** How a payment was made [FEE-26]: handed over (at the theme day, by default) or online. */
export const PAYMENT_METHODS = ['cash', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * The last month that may be paid now [FEE-22]: the running month; where the branch collects
 * quarterly, the last month of the running quarter (so the quarter may be paid at once, ahead).
 */
export function latestPayableMonth(thisMonth: string, cycle: DuesCycle): string {
  if (cycle === 'monthly') return thisMonth;
  const quarterEnd = Math.ceil(Number(thisMonth.slice(5, 7)) / 3) * 3;
  return `${thisMonth.slice(0, 4)}-${String(quarterEnd).padStart(2, '0')}`;
}

/** Whether a payment made in `thisMonth` for `month` is a make-up more than six months back [FEE-25]. */
export const needsMakeUpNote = (month: string, thisMonth: string): boolean =>
  monthIndex(thisMonth) - monthIndex(month) > MAKE_UP_NOTE_MONTHS;

/**
 * A payer who is an organisation, not a person [FEE-14]: the branch (or a unit, a 党委) never pays
 * a member's dues for them (垫交); a proxy is a person handing over the member's own money.
 */
const ORGANISATION_PAYER = /(支部|党委|总支|党组|委员会|单位|公司|集体|垫)/;

export interface PaymentFacts {
  month: string;
  today: string;
  cycle: DuesCycle;
  paidOn?: string;
  note?: string;
  selfAsProxy: boolean;
  proxyName?: string;
  method: PaymentMethod;
  receiptNo?: string;
  /** The 流入地 branch where a 活动证 holder paid [FEE-20]. */
  paidAtOrg?: string;
  /** Whether the member is a 流动党员 (holds a 活动证). */
  mobileMember: boolean;
}

/**
 * What refuses recording a payment: a month beyond the running one — or, where the branch collects
 * quarterly, beyond the running quarter [FEE-22]; a future payment date; the member as their own
 * proxy [FEE-21]; an organisation as the payer (垫交) [FEE-14]; an online payment without its
 * receipt number [FEE-26]; a payment at another branch by a member without a 活动证 [FEE-20]; a
 * make-up over six months back without a note [FEE-25].
 */
export function paymentRefusal(p: PaymentFacts): Failure | null {
  const thisMonth = p.today.slice(0, 7);
  if (p.month > latestPayableMonth(thisMonth, p.cycle))
    return fail(
      'INPUT.INVALID',
      p.cycle === 'quarterly'
        ? '按季度交纳只能预交本季度的党费，不能预交以后季度的'
        : '不能预交未来月份的党费；支部同意按季度交纳的，可以预交本季度的党费',
      'FEE-22',
      { fields: ['month'] },
    );
  if (p.paidOn && p.paidOn > p.today)
    return fail('DUES.OUT_OF_RANGE', '交纳日期不能晚于今天，请核对日期', undefined, {
      fields: ['paidOn'],
    });
  if (p.selfAsProxy)
    return fail('INPUT.INVALID', '本人交纳不用填写代交人', 'FEE-21', {
      fields: ['proxyMemberId'],
    });
  if (p.proxyName && ORGANISATION_PAYER.test(p.proxyName))
    return fail(
      'INPUT.INVALID',
      '党费由党员本人交纳，或请亲属、其他同志代交；支部和单位不能代为垫交',
      'FEE-14',
      { fields: ['proxyName'] },
    );
  if (p.method === 'online' && !p.receiptNo)
    return fail('INPUT.INVALID', '线上交纳请填写支付凭证上的交易单号', 'FEE-26', {
      fields: ['receiptNo'],
    });
  if (p.paidAtOrg && !p.mobileMember)
    return fail(
      'INPUT.INVALID',
      '党费应交到组织关系所在的党支部；只有持《流动党员活动证》的党员可以在流入地交纳',
      'FEE-20',
      { fields: ['paidAtOrg'] },
    );
  if (needsMakeUpNote(p.month, thisMonth) && !p.note)
    return fail('DUES.NOTE_REQUIRED', '补交6个月以前的党费，请写明情况说明', 'FEE-25', {
      fields: ['note'],
    });
  return null;
}

export type PaymentFlag = 'makeUpOver6Months' | 'remitToCentre';

/**
 * A payment's extra over what was still due and its flags [FEE-13, FEE-25]: `paidBeforeFen` is
 * what the month had before this payment. A month beyond what may be paid is refused by the caller.
 */
export function paymentOutcome(p: {
  month: string;
  thisMonth: string;
  dueFen: number;
  paidBeforeFen: number;
  amountFen: number;
}): { extraFen: number; flags: PaymentFlag[] } {
  const over = (paid: number) => Math.max(0, paid - p.dueFen);
  const extraFen = over(p.paidBeforeFen + p.amountFen) - over(p.paidBeforeFen);
  const flags: PaymentFlag[] = [];
  if (needsMakeUpNote(p.month, p.thisMonth)) flags.push('makeUpOver6Months');
  if (extraFen >= REMIT_EXTRA_FEN) flags.push('remitToCentre');
  return { extraFen, flags };
}
