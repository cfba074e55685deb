/**
 * The superior's view over many branches (issue 16): the compliance grid, a branch's drill-down,
 * spot checks, cross-branch quotas, moving members and 党小组, and the 换届 workflow. One typed
 * function per action of the `org` function (contracts/org-oversight.ts); the backend decides who
 * may call each (`org.oversee`, `group.assign`, `election.request`).
 */
import { actionOf } from './cloud';

export type {
  BranchDetailOutput,
  CellState,
  DashboardAlert,
  DashboardBranch,
  DashboardOutput,
  ElectionRow,
  ElectionStep,
  Obligation,
  QuotaMeter,
  QuotasOutput,
  SpotCheckRow,
  SpotChecksOutput,
  SpotResult,
} from '../../cloudfunctions/_shared/contracts/org-oversight';

const org = actionOf('org');

/** 各支部落实情况总表：每个支部一行，主题党日、三会一课、党费、公开等按月或按季度 */
export const fetchDashboard = org('dashboard');

/** 一个支部全年的情况：人数、支委、各次活动、党费和公开（不含普通党员姓名） */
export const fetchBranchDetail = org('branchDetail');

/** 本年度的抽查：要求、已抽查的支部、结果和尚未抽查的支部 */
export const fetchSpotChecks = org('spotChecks');

/** 抽取本季度要抽查的支部（随机抽取，记下种子以便复核） */
export const drawSpotChecks = org('drawSpotChecks');

/** 登记一次抽查的结果（合格或不合格，五化不合格时标记该支部） */
export const recordSpotCheck = org('recordSpotCheck');

/** 先进党支部和评“好”的名额：上限、已用、剩余，以及按堡垒指数的排名（仅上级可见） */
export const fetchQuotas = org('quotas');

/** 把党员调到本党委下的另一个支部（原来的记录留在原支部） */
export const moveMember = org('moveMember');

/** 把党员编入本支部的一个党小组，或不编入 */
export const setMemberGroup = org('setMemberGroup');

/** 支部向上级党组织提交换届选举请示 */
export const requestElection = org('requestElection');

/** 上级党组织批复或退回换届请示 */
export const decideElection = org('decideElection');

/** 本组织及下级组织的换届请示，最新的在前 */
export const fetchElections = org('elections');

/** 选举大会后登记新一届支委及分工（任期重新计算） */
export const recordCommittee = org('recordCommittee');
