/**
 * The vocabulary of 民主评议党员 (`democraticAppraisal`, api.md "appraisal"): grades per profile
 * [APR-03, APR-04], the steps of APR-02 in order, and when the appraisal is held [APR-01].
 * Constants and pure functions only.
 */
import type { Profile } from '../org/model';
import type { SettingSpec } from '../shared/setting-spec';
import { Alert, fail, ok, Result } from '../shared/result';

/** Best first [APR-03]. */
export const DEMOCRATIC_GRADES = [
  'excellent',
  'qualified',
  'basicallyQualified',
  'unqualified',
] as const;
export type DemocraticGrade = (typeof DEMOCRATIC_GRADES)[number];
/** `jiaozuo` and `xianning`: 优秀, 合格, 不合格 [APR-04]. */
export const THREE_DEMOCRATIC_GRADES = ['excellent', 'qualified', 'unqualified'] as const;

export const DEMOCRATIC_GRADE_WORDS: Record<DemocraticGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basicallyQualified: '基本合格',
  unqualified: '不合格',
};

/** Profiles whose 民主评议 has three grades [APR-04]; every other profile has four [APR-03]. */
export const THREE_GRADE_PROFILES: readonly Profile[] = ['jiaozuo', 'xianning'];

export const democraticGrades = (profile: Profile): readonly DemocraticGrade[] =>
  THREE_GRADE_PROFILES.includes(profile) ? THREE_DEMOCRATIC_GRADES : DEMOCRATIC_GRADES;

export const isDemocraticGrade = (profile: Profile, g: unknown): g is DemocraticGrade =>
  (democraticGrades(profile) as readonly unknown[]).includes(g);

/** Position of a grade, 0 = best; for comparing grades. */
export const gradeRank = (g: DemocraticGrade): number => DEMOCRATIC_GRADES.indexOf(g);

/**
 * The steps of APR-02, in order; none may be skipped: 学习 → 个人自评 → 党员互评 → 民主测评
 * (secret 划票) → 组织评定 → 反馈 → 报告基层党委 → 归档 (personal file).
 */
export const DEMOCRATIC_STEPS = [
  'study',
  'selfEvaluation',
  'mutualEvaluation',
  'ballot',
  'decision',
  'feedback',
  'report',
  'archive',
] as const;
export type DemocraticStep = (typeof DEMOCRATIC_STEPS)[number];

export const DEMOCRATIC_STEP_WORDS: Record<DemocraticStep | 'done', string> = {
  study: '学习',
  selfEvaluation: '个人自评',
  mutualEvaluation: '党员互评',
  ballot: '民主测评',
  decision: '组织评定',
  feedback: '向党员反馈结果',
  report: '报告基层党委',
  archive: '记入个人档案',
  done: '已完成',
};

/** The first step not yet done, or 'done' [APR-02]. */
export function currentDemocraticStep(done: readonly DemocraticStep[]): DemocraticStep | 'done' {
  return DEMOCRATIC_STEPS.find((s) => !done.includes(s)) ?? 'done';
}

/**
 * Whether `step` may be completed now: only the current step, never one already done, never one
 * with an earlier step open [APR-02].
 */
export function democraticStepAllowed(
  step: DemocraticStep,
  done: readonly DemocraticStep[],
): Result<void> {
  const current = currentDemocraticStep(done);
  if (current === step) return ok(undefined);
  if (done.includes(step))
    return fail(
      'APPRAISAL.STEP_ORDER',
      `“${DEMOCRATIC_STEP_WORDS[step]}”已经完成，不能重复进行`,
      'APR-02',
    );
  return fail(
    'APPRAISAL.STEP_ORDER',
    `请先完成“${DEMOCRATIC_STEP_WORDS[current as DemocraticStep]}”，再进行“${DEMOCRATIC_STEP_WORDS[step]}”`,
    'APR-02',
  );
}

/**
 * FORT-09's 民主评议 points (0 or 4) need the appraisal completed and filed: every step done,
 * through 报告基层党委 and 记入个人档案 [APR-02, APR-12].
 */
export const democraticFiled = (done: readonly DemocraticStep[]): boolean =>
  currentDemocraticStep(done) === 'done';

/** What the appraisal is held with or after [APR-01]. */
export type TimingAnchor = 'month' | 'themeDay' | 'orgLifeMeeting' | 'afterBranchAndSecretary';

export interface DemocraticTiming {
  month: number;
  anchor: TimingAnchor;
  /** The campaigns that must be finished first (`jiaozuo`: 评组织 and 评书记). */
  after: readonly ('branchAppraisal' | 'secretaryReview')[];
  words: string;
  ruleId: 'APR-01';
}

/**
 * When 民主评议 is held [APR-01]: once a year, by default in month `apr.month` (December);
 * `xianning` at the December 主题党日+; `hunan` with the year-end 组织生活会; `jiaozuo` right after
 * 评组织 and 评书记 of the same year.
 */
export function democraticTiming(profile: Profile, month = 12): DemocraticTiming {
  const base = { month, after: [] as const, ruleId: 'APR-01' as const };
  switch (profile) {
    case 'xianning':
      return { ...base, month: 12, anchor: 'themeDay', words: '每年12月的“主题党日+”上开展' };
    case 'hunan':
      return { ...base, anchor: 'orgLifeMeeting', words: '结合年底召开的组织生活会开展' };
    case 'jiaozuo':
      return {
        ...base,
        anchor: 'afterBranchAndSecretary',
        after: ['branchAppraisal', 'secretaryReview'],
        words: '评组织、评书记结束后随即开展',
      };
    default:
      return { ...base, anchor: 'month', words: `每年${month}月开展` };
  }
}

export interface TimingFacts {
  year: number;
  /** The date the 民主测评 is held (YYYY-MM-DD). */
  heldOn: string;
  /** `xianning`: whether that date is a 主题党日 of the branch. */
  onThemeDay?: boolean;
  /** `hunan`: whether it is held with the year's 组织生活会. */
  withOrgLifeMeeting?: boolean;
  /** `jiaozuo`: whether 评组织 and 评书记 of the year are finished. */
  branchAppraisalDone?: boolean;
  secretaryReviewDone?: boolean;
}

/** Soft: a reminder when the appraisal is held off its profile's time [APR-01]. Never refuses. */
export function timingAlerts(profile: Profile, f: TimingFacts, month = 12): Alert[] {
  const t = democraticTiming(profile, month);
  const [y, m] = f.heldOn.split('-').map(Number);
  const out: Alert[] = [];
  const warn = (message: string) => out.push({ ruleId: 'APR-01', level: 'warning', message });
  if (y !== f.year) warn(`这是${f.year}年度的民主评议，测评日期不在${f.year}年`);
  else if (t.anchor !== 'afterBranchAndSecretary' && m !== t.month)
    warn(`民主评议一般${t.words}，这次安排在${m}月`);
  if (t.anchor === 'themeDay' && f.onThemeDay === false)
    warn('民主评议一般在12月的“主题党日+”上开展，这一天不是主题党日');
  if (t.anchor === 'orgLifeMeeting' && f.withOrgLifeMeeting === false)
    warn('民主评议一般结合年底的组织生活会开展，还没有关联组织生活会');
  if (t.anchor === 'afterBranchAndSecretary') {
    const open = [
      f.branchAppraisalDone === false ? '评组织' : null,
      f.secretaryReviewDone === false ? '评书记' : null,
    ].filter(Boolean);
    if (open.length) warn(`民主评议党员应在${open.join('、')}结束后开展，目前还没有结束`);
  }
  return out;
}

/** Settings of 民主评议 (for the registry of domain/org/settings.ts) [APR-01, APR-07]. */
export const DEMOCRATIC_SETTINGS = {
  'apr.month': {
    type: 'int',
    min: 1,
    max: 12,
    unit: '月',
    ruleId: 'APR-01',
    label: '每年几月开展民主评议党员',
    by: 'branch',
    default: 12,
  },
  'apr.probationaryBallot': {
    type: 'boolean',
    ruleId: 'APR-07',
    label: '预备党员参加民主测评划票（不被评定等次）',
    by: 'branch',
    default: true,
  },
} satisfies Record<string, SettingSpec>;
