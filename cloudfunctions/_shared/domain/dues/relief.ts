/**
 * Hardship reduction or waiver (减免) of 党费, pure [FEE-11]: only by a branch decision plus the
 * 上一级党委's approval; the reduced amount (0: waived) is due in the approved months, so those
 * months count as paid once it is paid (at once, for a waiver).
 */
import { fail, type Failure } from '../shared/result';
import type { BaseEntry } from './ledger';
import { shiftMonth } from './ledger';

export interface ReliefRequest {
  year: number;
  fromMonth: string;
  toMonth: string;
  monthlyFen: number;
  branchDecision?: string;
  approvalId?: string;
}

/**
 * What refuses a reduction: no branch decision or no 上一级党委 approval [FEE-11]; months outside
 * the year or out of order; no amount confirmed to reduce; a "reduction" that is not lower; an
 * amount change recorded inside the span (it would silently end the reduction).
 */
export function reliefRefusal(
  r: ReliefRequest,
  inForce: BaseEntry | null,
  history: readonly BaseEntry[],
): Failure | null {
  if (!r.branchDecision)
    return fail('DUES.APPROVAL_REQUIRED', '减免党费须经支部研究决定，请填写支部决定', 'FEE-11', {
      fields: ['branchDecision'],
    });
  if (!r.approvalId)
    return fail(
      'DUES.APPROVAL_REQUIRED',
      '减免党费须报上一级党委批准，请填写上级党委的批准文号',
      'FEE-11',
      { fields: ['approvalId'] },
    );
  const y = String(r.year);
  if (!r.fromMonth.startsWith(y) || !r.toMonth.startsWith(y) || r.toMonth < r.fromMonth)
    return fail('INPUT.INVALID', '减免的起止月份须在该年度内，且结束月份不早于开始月份', 'FEE-11', {
      fields: ['toMonth'],
    });
  if (!inForce)
    return fail('INPUT.INVALID', '该党员该月尚未核定党费，请先核定再办理减免', 'FEE-11', {
      fields: ['fromMonth'],
    });
  if (r.monthlyFen >= inForce.monthlyFen)
    return fail('DUES.OUT_OF_RANGE', '减交后的金额应低于原核定的月交金额', 'FEE-11', {
      fields: ['monthlyFen'],
    });
  if (history.some((b) => b.fromMonth > r.fromMonth && b.fromMonth <= r.toMonth))
    return fail('CONFLICT', '减免期间内已有新的核定，请按新的核定分段办理减免', 'FEE-11');
  return null;
}

/** The month after a reduction ends, when the amount confirmed before applies again (within the year), or null. */
export const reliefEnds = (toMonth: string): string | null =>
  toMonth.endsWith('-12') ? null : shiftMonth(toMonth, 1);
