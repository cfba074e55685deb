import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/org/moves.ts (issue 16).
export const moveMember = action({
  input: orgContract.moveMember.input,
  async run(): Promise<OrgOutput<'moveMember'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const setMemberGroup = action({
  input: orgContract.setMemberGroup.input,
  async run(): Promise<OrgOutput<'setMemberGroup'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
