/** The `points` cloud function: 党员积分, 先锋指数 and 堡垒指数. */
import { actionOf, callCloud } from './cloud';
import type { ActionName, ActionOutput } from './types';

type Action = ActionName<'points'>;
type Out<A extends Action> = ActionOutput<'points', A>;
const action = actionOf('points');

/** The branch has not switched points management on (a friendly empty state, not an error). */
export const POINTS_DISABLED = 'POINTS.DISABLED';
/** Outside the 7 days after a quarter's points were published. */
export const APPEAL_WINDOW_CLOSED = 'POINTS.APPEAL_WINDOW_CLOSED';

/** 读取支部某年度的积分标准（未制定时为默认标准） */
export const fetchStandard = action('standard');

/** 发布新版积分标准（记分员、支委；不追溯已发生的记录） */
export const saveStandard = action('setStandard');

/** 月末自主申报一项积分（某月的申报在次月5日前提交，经记分员审核后计分；可附照片或材料） */
export function declarePoints(
  itemCode: string,
  month: string,
  note: string,
  evidence: string[] = [],
): Promise<Out<'declare'>> {
  return callCloud(
    'points',
    'declare',
    evidence.length ? { itemCode, month, note, evidence } : { itemCode, month, note },
  );
}

/** 读取支部待审核的积分申报（记分员、支委；本人的申报标明 own） */
export function fetchReviewQueue(orgId: string): Promise<Out<'reviewQueue'>> {
  return callCloud('points', 'reviewQueue', { orgId });
}

/** 审核一条申报：通过，或写明理由不通过（不能审核本人的申报） */
export function reviewDeclaration(
  entryId: string,
  approve: boolean,
  reason?: string,
): Promise<Out<'review'>> {
  return callCloud(
    'points',
    'review',
    reason ? { entryId, approve, reason } : { entryId, approve },
  );
}

/** 为党员记一项支委评定的加分、扣分或否决项 */
export const awardPoints = action('award');

/** 在支部内公布某季度积分，并开启7日申辩期 */
export const publishQuarter = action('publishQuarter');

/** 对本人的一条积分记录提出申辩（仅在公布后的申辩期内） */
export const submitAppeal = action('appeal');

/** 读取申辩：支委看到全支部的，党员只看到本人的 */
export function fetchAppeals(orgId: string): Promise<Out<'appeals'>> {
  return callCloud('points', 'appeals', { orgId });
}

/** 书记答复一条申辩；核实后可同时调整分值 */
export const resolveAppeal = action('resolveAppeal');

/** 读取先锋指数：本人的，或（支委）支部内某位党员的 */
export function fetchPioneerIndex(year: number, memberId?: string): Promise<Out<'index'>> {
  return callCloud('points', 'index', memberId ? { year, memberId } : { year });
}

/** 读取支部积分排名（支委始终可看；党员仅在支部开启公开时可看） */
export const fetchRanking = action('ranking');

/** 设置是否向本支部党员公开积分排名（按规定默认不公开） */
export function setRankingVisibility(
  orgId: string,
  membersSeeRanking: boolean,
): Promise<Out<'setRankingVisibility'>> {
  return callCloud('points', 'setRankingVisibility', { orgId, membersSeeRanking });
}

/** 读取支部某年度的堡垒指数（支委、上级党组织） */
export const fetchFortress = action('fortress');

/** 上级党组织评定堡垒指数的个性指标与反向指标 */
export const assessFortress = action('assessFortress');

/** 支委确认并公布年度积分（有未答复的申辩时不能公布） */
export const publishYear = action('publishYear');

/** 读取已公布的年度积分名单（按姓名排列，不含名次） */
export const fetchPublishedScores = action('scores');
