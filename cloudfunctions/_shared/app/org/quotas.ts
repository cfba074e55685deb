import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/org/quotas.ts (issue 16).
export const quotas = action({
  input: orgContract.quotas.input,
  async run(): Promise<OrgOutput<'quotas'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
