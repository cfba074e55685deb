import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/org/dashboard.ts (issue 16).
export const dashboard = action({
  input: orgContract.dashboard.input,
  async run(): Promise<OrgOutput<'dashboard'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const branchDetail = action({
  input: orgContract.branchDetail.input,
  async run(): Promise<OrgOutput<'branchDetail'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
