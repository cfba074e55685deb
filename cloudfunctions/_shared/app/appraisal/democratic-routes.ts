import { setGroups } from './democratic-groups';
import { completeStep, entries, recordMutual, selfEvaluate } from './democratic-entries';

/** 民主评议党员's own actions (contracts/appraisal-democratic.ts); the shared ones dispatch by kind. */
export const democraticRoutes = {
  selfEvaluate,
  recordMutual,
  completeStep,
  setGroups,
  entries,
};
