/** The `appraisal` function: 双述双评 (the secretary's year-end review) and, next, 民主评议. */
import { actionOf, CloudError, NETWORK_FAILED } from './cloud';
import type { ActionOutput } from './types';

const action = actionOf('appraisal');

export type CampaignOut = ActionOutput<'appraisal', 'get'>;
export type ReportOut = ActionOutput<'appraisal', 'report'>;
/** The board of any kind; `BoardOut` is the 双述双评 one. */
export type AnyBoardOut = ActionOutput<'appraisal', 'board'>;
export type BoardOut = Extract<AnyBoardOut, { kind: 'secretaryReview' }>;
export type OpenBallot = ActionOutput<'appraisal', 'ballots'>[number];
export type ClosedBallot = ActionOutput<'appraisal', 'closeBallot'>;
export type ResultOut = ActionOutput<'appraisal', 'result'>;

/** A second vote in the same ballot: the page says 您已投过票 instead of an error. */
export const ALREADY_VOTED = 'APPRAISAL.ALREADY_VOTED';

/** 上级党委为支部书记开启年度述职评议（双述双评） */
export const openCampaign = action('open');

/** 读取一次述职评议：步骤、投票箱和本人现在可以做的事 */
export const fetchCampaign = action('get');

/** 读取本级和下级党组织某年度的述职评议（上级的工作台） */
export const fetchCampaigns = action('list');

/** 读取述职报告：五个方面，以及从记录中生成的加强支部建设情况（只读） */
export const fetchReport = action('report');

/** 保存述职报告草稿（书记本人；数字不能改写） */
export const saveReport = action('saveReport');

/** 提交述职报告，请上级审核 */
export const submitReport = action('submitReport');

/** 上级审核述职报告：通过，或写明意见退回修改 */
export const approveReport = action('approveReport');

/** 开启一个测评投票箱（党员大会、述职评议会或群众代表；手机投票或纸质票） */
export const openBallot = action('openBallot');

/** 投出本人的测评票（投票记录和测评票分开保存） */
export const castBallot = action('castBallot');

/** 录入纸质票：发出、收回的张数和各等次票数 */
export const enterTally = action('enterTally');

/** 结束投票并计票 */
export const closeBallot = action('closeBallot');

/** 本人现在可以投的测评票（从会议页面打开） */
export const fetchBallots = action('ballots');

/** 记录上级领导在述职评议会上的点评 */
export const recordComment = action('recordComment');

/** 评定等次的依据：两次测评、日常考核、参考得分、名额和并列 */
export const fetchAnyBoard = action('board');

/** 双述双评的评定依据（其他类别的评议没有这一页，答复为空） */
export async function fetchBoard(data: { id: string }): Promise<BoardOut | null> {
  const board = await fetchAnyBoard(data);
  return board.kind === 'secretaryReview' ? board : null;
}

/** 上级签字确认评定等次 */
export const decideGrades = action('decide');

/** 公布评定结果 */
export const publishResult = action('publish');

/** 读取本人（或某人）的评定结果和后续事项 */
export const fetchResult = action('result');

/** 后续事项办结：提醒谈话、整改情况、组织处理 */
export const completeTask = action('completeTask');

// —— 民主评议党员 and 焦作评组织 (issue 14) ——

export type DemocraticBoardOut = Extract<AnyBoardOut, { kind: 'democraticAppraisal' }>;
export type BranchBoardOut = Extract<AnyBoardOut, { kind: 'branchAppraisal' }>;
export type RectificationListOut = ActionOutput<'appraisal', 'rectifications'>;
export type HintsOut = ActionOutput<'appraisal', 'hints'>;

/** 民主评议党员的评定依据：自评、互评、测评票数、先锋指数和提示、参考等次、名额和并列 */
export async function fetchDemocraticBoard(data: {
  id: string;
}): Promise<DemocraticBoardOut | null> {
  const board = await fetchAnyBoard(data);
  return board.kind === 'democraticAppraisal' ? board : null;
}

/** 写个人自评（本人；没有手机的党员由支部代为录入） */
export const selfEvaluate = action('selfEvaluate');

/** 录入党员互评情况（支部委员会，根据会议记录） */
export const recordMutual = action('recordMutual');

/** 流动党员在流入地参加评议的结果：录入，不再重复评定 */
export const importResult = action('importResult');

/** 评为不合格的正式党员怎样处置，以及党员大会决议、上级批准 */
export const recordHandling = action('recordHandling');

/** 上级党委看各支部评议情况的提示（优秀比例、全投优秀、轮流坐庄） */
export const fetchHints = action('hints');

/** 支部某年度的整改清单 */
export const fetchRectifications = action('rectifications');

/** 在整改清单上添加一项 */
export const addRectification = action('addRectification');

/** 报告一项整改的进展 */
export const reportRectification = action('reportRectification');

/** 一项整改已完成，写明完成情况 */
export const closeRectification = action('closeRectification');

export type DemocraticEntry = ActionOutput<'appraisal', 'entries'>[number];

/** 读取个人自评和党员互评情况（本人读自己的；支部委员会读全体或某一位） */
export const fetchEntries = action('entries');

/** 支部委员会完成一个步骤：学习，或有人不能参加时的个人自评、党员互评 */
export const completeStep = action('completeStep');

/** 按党小组分别测评（大的支部） */
export const setGroups = action('setGroups');

/** 评组织：集中学习、工作述职、民主测评完成 */
export const completeBranchStep = action('completeBranchStep');

/** 评组织：在支部党员大会上开启手机测评 */
export const openBranchBallot = action('openBranchBallot');

/** 评组织：结束一个支部的手机测评 */
export const closeBranchBallot = action('closeBranchBallot');

/** 评组织：录入一个支部的纸质测评票（党员或群众代表） */
export const enterBranchTally = action('enterBranchTally');

/** 评组织的评定依据 */
export async function fetchBranchBoard(data: { id: string }): Promise<BranchBoardOut | null> {
  const board = await fetchAnyBoard(data);
  return board.kind === 'branchAppraisal' ? board : null;
}

/** 预备党员存在的问题转交发展党员程序（只作提示：延长预备期或取消预备党员资格由支部按程序办理） */
export const flagProbationary = action('flagProbationary');

/** 民主评议记入个人档案（最后一步） */
export const archiveCampaign = action('archive');

/** 评议登记表（述职评议考核登记表或民主评议党员登记表）：JSON 读取，或导出表格 */
export const fetchForm = action('form');

/** 导出评议登记表（一位党员的，或全支部的）；后台生成表格并记录导出 [APR-11] */
export async function exportForm(
  id: string,
  memberId?: string,
): Promise<{ fileId: string; fileName: string }> {
  const r = await fetchForm({ id, ...(memberId ? { memberId } : {}), format: 'xlsx' });
  if ('fileId' in r && 'fileName' in r) return r;
  throw new CloudError(NETWORK_FAILED, '登记表没有生成，请稍后重试');
}
