import type { ActivityApi } from './activity';
import type { AppraisalApi } from './appraisal';
import type { DuesApi } from './dues';
import type { MediaApi } from './media';
import type { ExportApi } from './export';
import type { NoticeApi } from './notice';
import type { OrgApi } from './org';
import type { PointsApi } from './points';

/**
 * The whole backend contract as types: function → action → { input, output }. The mini-program
 * imports this type-only (services/cloud.ts), so a renamed action fails its type check.
 */
export type Api = {
  org: OrgApi;
  activity: ActivityApi;
  points: PointsApi;
  notice: NoticeApi;
  dues: DuesApi;
  export: ExportApi;
  appraisal: AppraisalApi;
  media: MediaApi;
};
export type FunctionName = keyof Api;
