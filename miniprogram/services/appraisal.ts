/** The `appraisal` function: 双述双评 (the secretary's year-end review) and, next, 民主评议. */
import { actionOf } from './cloud';
import type { ActionOutput } from './types';

const action = actionOf('appraisal');

export type CampaignOut = ActionOutput<'appraisal', 'get'>;
export type ReportOut = ActionOutput<'appraisal', 'report'>;
export type BoardOut = ActionOutput<'appraisal', 'board'>;
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
export const fetchBoard = action('board');

/** 上级签字确认评定等次 */
export const decideGrades = action('decide');

/** 公布评定结果 */
export const publishResult = action('publish');

/** 读取本人（或某人）的评定结果和后续事项 */
export const fetchResult = action('result');

/** 后续事项办结：提醒谈话、整改情况、组织处理 */
export const completeTask = action('completeTask');
