import {
  branchBallots,
  closeBranchBallot,
  enterBranchTally,
  openBranchBallot,
} from './branch-ballots';
import { completeBranchStep } from './branch-steps';

/** The routes of 焦作评组织 beyond the generic actions (keys match contracts/appraisal-branch.ts). */
export const branchRoutes = {
  completeBranchStep,
  openBranchBallot,
  closeBranchBallot,
  enterBranchTally,
  branchBallots,
};
