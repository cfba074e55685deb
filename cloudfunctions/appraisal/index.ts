import { open, get, list } from '../_shared/app/appraisal/campaign';
import { report, saveReport, submitReport, approveReport } from '../_shared/app/appraisal/report';
import {
  openBallot,
  castBallot,
  enterTally,
  closeBallot,
  ballots,
} from '../_shared/app/appraisal/ballots';
import { recordComment } from '../_shared/app/appraisal/comment';
import { board } from '../_shared/app/appraisal/board';
import { decide } from '../_shared/app/appraisal/decide';
import { publish, result } from '../_shared/app/appraisal/publish';
import { completeTask } from '../_shared/app/appraisal/tasks';
import { form } from '../_shared/app/appraisal/form';
import { branchRoutes } from '../_shared/app/appraisal/branch-routes';
import { decisionRoutes } from '../_shared/app/appraisal/decision-routes';
import { democraticRoutes } from '../_shared/app/appraisal/democratic-routes';
import { rectificationRoutes } from '../_shared/app/appraisal/rectification-routes';
import { createFunction } from '../_shared/runtime/handler';

/** 双述双评, 民主评议党员, 焦作三评 (api.md "appraisal"). */
export const main = createFunction('appraisal', {
  open,
  get,
  list,
  report,
  saveReport,
  submitReport,
  approveReport,
  openBallot,
  castBallot,
  enterTally,
  closeBallot,
  ballots,
  recordComment,
  board,
  decide,
  publish,
  result,
  completeTask,
  form,
  ...democraticRoutes,
  ...decisionRoutes,
  ...rectificationRoutes,
  ...branchRoutes,
});
