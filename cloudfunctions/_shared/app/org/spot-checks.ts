import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/org/spot-checks.ts (issue 16).
export const spotChecks = action({
  input: orgContract.spotChecks.input,
  async run(): Promise<OrgOutput<'spotChecks'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const drawSpotChecks = action({
  input: orgContract.drawSpotChecks.input,
  async run(): Promise<OrgOutput<'drawSpotChecks'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const recordSpotCheck = action({
  input: orgContract.recordSpotCheck.input,
  async run(): Promise<OrgOutput<'recordSpotCheck'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
