/**
 * 首页's 民主评议党员 and 评组织 lines (main package). A participant is led to what is theirs now
 * (写个人自评, 我的评议结果); whoever may act on the campaign (`get.can`) to the committee's page;
 * the 基层党委 to 评议党支部. Only `can`, `step` and the caller's own part choose the line.
 */
import type { CampaignOut } from '../services/appraisal';
import { kindOfId } from './appraisal-kinds';
import type { AppraisalLink } from './appraisal-links';

const ACTING = [
  'completeStep',
  'recordMutual',
  'openBallot',
  'closeBallot',
  'enterTally',
  'decide',
  'publish',
];
const BRANCH_ACTING = ['completeBranchStep', 'enterBranchTally', 'decide', 'publish'];
const stepTitle = (c: CampaignOut) => c.steps.find((s) => s.key === c.step)?.title ?? '已完成';
const q = (id: string) => encodeURIComponent(id);

export function democraticLinks(campaigns: readonly (CampaignOut | null)[]): AppraisalLink[] {
  const links: AppraisalLink[] = [];
  for (const c of campaigns) {
    if (!c) continue;
    const kind = kindOfId(c.id);
    if (kind === 'branchAppraisal') {
      if (c.can.some((a) => BRANCH_ACTING.includes(a)))
        links.push({
          id: c.id,
          title: `${c.year}年度评议党支部`,
          state: `进行到：${stepTitle(c)}`,
          page: `/subpackages/appraisal/branch/index?id=${q(c.id)}`,
        });
      continue;
    }
    if (kind !== 'democraticAppraisal') continue;
    const mine = c.democratic?.mine;
    if (mine && c.publishedAt)
      links.push({
        id: `${c.id}:result`,
        title: `我的${c.year}年度民主评议`,
        state: '结果已反馈，点此查看',
        page: `/subpackages/appraisal/result/index?id=${q(c.id)}`,
      });
    else if (mine && c.step === 'selfEvaluation' && !mine.selfDone)
      links.push({
        id: `${c.id}:self`,
        title: `${c.year}年度民主评议党员`,
        state: '请写个人自评',
        page: `/subpackages/appraisal/self/index?id=${q(c.id)}`,
      });
    if (c.can.some((a) => ACTING.includes(a)))
      links.push({
        id: c.id,
        title: `${c.orgName}民主评议党员`,
        state: c.step === 'done' ? '已完成' : `进行到：${stepTitle(c)}`,
        page: `/subpackages/appraisal/democratic/index?id=${q(c.id)}`,
      });
  }
  return links;
}
