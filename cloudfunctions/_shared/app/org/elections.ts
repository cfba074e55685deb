import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { AppError } from '../../runtime/errors';

// PLACEHOLDER: replaced by the helper that owns app/org/elections.ts (issue 16).
export const requestElection = action({
  input: orgContract.requestElection.input,
  async run(): Promise<OrgOutput<'requestElection'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const decideElection = action({
  input: orgContract.decideElection.input,
  async run(): Promise<OrgOutput<'decideElection'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const elections = action({
  input: orgContract.elections.input,
  async run(): Promise<OrgOutput<'elections'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
export const recordCommittee = action({
  input: orgContract.recordCommittee.input,
  async run(): Promise<OrgOutput<'recordCommittee'>> {
    throw new AppError('INPUT.UNKNOWN_ACTION', '功能建设中');
  },
});
