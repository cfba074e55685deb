/**
 * 首页's 双述双评 lines (main package: the home cannot load the appraisal subpackage's code).
 * The secretary under review reaches the report; whoever may act on a box reaches the board.
 * What may be done is the backend's `can`; this only picks the page and the words.
 */
import type { CampaignOut } from '../services/appraisal';

export interface AppraisalLink {
  id: string;
  title: string;
  state: string;
  page: string;
}

const REPORT: Record<CampaignOut['reportStatus'], string> = {
  draft: '述职报告待提交',
  submitted: '述职报告等待上级审核',
  approved: '述职报告已通过审核',
  returned: '述职报告被退回，请修改',
};

/** What is done on the board: the boxes, the 点评, grading and publishing, the board itself. */
const BOARD_ACTIONS = [
  'openBallot',
  'closeBallot',
  'enterTally',
  'recordComment',
  'board',
  'decide',
  'publish',
];

export function appraisalLinks(campaigns: readonly CampaignOut[], meId: string): AppraisalLink[] {
  return campaigns.map((c) => {
    const mine = c.subjectId === meId;
    const toBoard = !mine && c.can.some((a) => BOARD_ACTIONS.includes(a));
    return {
      id: c.id,
      title: mine ? `我的${c.year}年度述职评议` : `${c.orgName}书记述职评议`,
      state: c.publishedAt
        ? '结果已公布，点此查看'
        : c.step === 'report'
          ? REPORT[c.reportStatus]
          : (c.steps.find((s) => s.key === c.step)?.title ?? ''),
      page: `/subpackages/appraisal/${toBoard ? 'board' : 'report'}/index?id=${c.id}`,
    };
  });
}
