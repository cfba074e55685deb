import { appraisalContract } from '../../contracts/appraisal';
import { action } from '../../runtime/handler';
import { awardCheck, hints } from './hints';
import {
  archiveDemocratic,
  flagProbationary,
  importResult,
  recordHandling,
} from './democratic-records';

/**
 * The routes of the DECISION part of issue 14 (keys match contracts/appraisal-decision.ts). The
 * board, the decision, publication, the result and the 登记表 of 民主评议 are the generic actions,
 * dispatched by kind in board.ts, decide.ts, publish.ts and form.ts.
 */
export const decisionRoutes = {
  importResult: action({
    input: appraisalContract.importResult.input,
    run: (ctx, input) => importResult(ctx, input),
  }),
  recordHandling: action({
    input: appraisalContract.recordHandling.input,
    run: (ctx, input) => recordHandling(ctx, input),
  }),
  flagProbationary: action({
    input: appraisalContract.flagProbationary.input,
    run: (ctx, input) => flagProbationary(ctx, input),
  }),
  archive: action({
    input: appraisalContract.archive.input,
    run: (ctx, input) => archiveDemocratic(ctx, input.id),
  }),
  awardCheck: action({
    input: appraisalContract.awardCheck.input,
    run: (ctx, input) => awardCheck(ctx, input),
  }),
  hints: action({
    input: appraisalContract.hints.input,
    run: (ctx, input) => hints(ctx, input),
  }),
};
