import type { MemberDoc } from '../../repos/members';
import { AppError } from '../../runtime/errors';

/**
 * A member transferred out keeps their history, read-only for audit [PRIV-20]: nothing may be
 * changed on them any more (roles, flags, duties, invites, a second transfer).
 */
export function refuseTransferred(member: Pick<MemberDoc, 'transfer'>): void {
  if (member.transfer) {
    throw new AppError(
      'MEMBER.TRANSFERRED',
      '这位党员的组织关系已转出，原有记录只能查看，不能再修改',
      { ruleId: 'PRIV-20' },
    );
  }
}
