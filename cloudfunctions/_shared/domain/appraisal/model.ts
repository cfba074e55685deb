/**
 * The vocabulary of the `appraisal` function (api.md "appraisal"): kinds, grades per profile,
 * steps, ballot boxes and the sections of the 述职报告. Constants only; the rules that use them
 * live beside this file.
 */
import type { Profile, Sector } from '../org/model';
import { BRANCH_GRADES, type BranchGrade, type BranchStep } from './branch-grading';
import { DEMOCRATIC_GRADES, type DemocraticGrade, type DemocraticStep } from './democratic-model';

export const APPRAISAL_KINDS = [
  'secretaryReview',
  'democraticAppraisal',
  'branchAppraisal',
] as const;
export type AppraisalKind = (typeof APPRAISAL_KINDS)[number];

/** 双述双评 grades [SEC-10]; the `jiaozuo` 评书记 grades [SEC-17]. Best first. */
export const SECRETARY_GRADES = [
  'excellent',
  'competent',
  'basicallyCompetent',
  'incompetent',
] as const;
export const JIAOZUO_SECRETARY_GRADES = ['good', 'fairlyGood', 'average', 'poor'] as const;
export type SecretaryGrade =
  (typeof SECRETARY_GRADES)[number] | (typeof JIAOZUO_SECRETARY_GRADES)[number];
export const ALL_SECRETARY_GRADES = [...SECRETARY_GRADES, ...JIAOZUO_SECRETARY_GRADES] as const;

export const GRADE_WORDS: Record<SecretaryGrade, string> = {
  excellent: '优秀',
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '差',
};

/** The grades a secretary review uses under a profile [SEC-10, SEC-17]. */
export const secretaryGrades = (profile: Profile): readonly SecretaryGrade[] =>
  profile === 'jiaozuo' ? JIAOZUO_SECRETARY_GRADES : SECRETARY_GRADES;

/**
 * The steps of a secretary review, in order [SEC-07…SEC-10]; `jiaozuo` 评书记 has 个人述职,
 * 民主测评, 组织评定, 通报奖惩 [SEC-17] and so no 向基层党委述职 step.
 */
export const SECRETARY_STEPS = ['report', 'assembly', 'committee', 'grade', 'publish'] as const;
export const JIAOZUO_SECRETARY_STEPS = ['report', 'assembly', 'grade', 'publish'] as const;
export type SecretaryStep = (typeof SECRETARY_STEPS)[number];
export const secretarySteps = (profile: Profile): readonly SecretaryStep[] =>
  profile === 'jiaozuo' ? JIAOZUO_SECRETARY_STEPS : SECRETARY_STEPS;

export const STEP_WORDS: Record<SecretaryStep | 'done', string> = {
  report: '述评准备',
  assembly: '向支部党员大会述职',
  committee: '向基层党委述职',
  grade: '评定等次',
  publish: '结果公布',
  done: '已完成',
};

/** Ballot boxes: the 党员大会, the 基层党委's 述职评议会, and 群众代表 (农村, 社区) [SEC-08, SEC-09]. */
export const BALLOT_BOXES = ['assembly', 'committee', 'masses'] as const;
export type BallotBox = (typeof BALLOT_BOXES)[number];
export const BALLOT_MODES = ['app', 'paper'] as const;
export type BallotMode = (typeof BALLOT_MODES)[number];

/** The five sections of the 述职报告 [SEC-04]. */
export const REPORT_SECTIONS = [
  'decisions',
  'branchBuilding',
  'keyTasks',
  'serveMasses',
  'integrity',
] as const;
/** The extra topics of 农村 and 社区 [SEC-05]. */
export const RURAL_SECTIONS = ['openAffairs', 'antiGangs', 'antiSuperstition'] as const;
export const ALL_REPORT_SECTIONS = [...REPORT_SECTIONS, ...RURAL_SECTIONS] as const;
export type ReportSection = (typeof ALL_REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  decisions: '贯彻执行党组织决策部署',
  branchBuilding: '加强支部建设',
  keyTasks: '完成重点任务',
  serveMasses: '联系服务群众',
  integrity: '廉洁自律',
  openAffairs: '党务和村务（居务）公开',
  antiGangs: '打击村痞村霸、宗族恶势力和非法宗教',
  antiSuperstition: '破除封建迷信和打牌赌博',
};

export const hasRuralTopics = (category: Sector): boolean =>
  category === 'village' || category === 'community';

/** The sections a secretary's report has [SEC-04, SEC-05]. */
export const reportSections = (category: Sector): readonly ReportSection[] =>
  hasRuralTopics(category) ? ALL_REPORT_SECTIONS : REPORT_SECTIONS;

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Follow-up tasks a result creates [SEC-15, SEC-16]. */
export const TASK_KINDS = ['reminderTalk', 'rectification', 'orgHandling'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Every grade of every kind (the contract's mark and grade values); the kind's rules narrow it. */
export const ALL_GRADES = [
  ...ALL_SECRETARY_GRADES,
  ...DEMOCRATIC_GRADES.filter((g) => g !== 'excellent'),
  ...BRANCH_GRADES,
] as const;
export type AppraisalGrade = SecretaryGrade | DemocraticGrade | BranchGrade;

/** Every step of every kind: 双述双评 [SEC-07…10], 民主评议 [APR-02], 评组织 [FORT-20]. */
export type AppraisalStep = SecretaryStep | DemocraticStep | BranchStep;
