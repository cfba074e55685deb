/**
 * 焦作评组织 (`branchAppraisal`) as pure rules [FORT-19, FORT-20, FORT-21, FORT-24]: the grades,
 * the 先进 limit of 15% of the 基层党委's branches, the advisory grade from the 堡垒指数 stars
 * combined with the members' and 群众代表's rating and the work results, the steps, and what
 * happens to the mid-year and year-end results. The 基层党委 decides; nothing here grades.
 */
import { advancedGradeAllowed, FiveStatus } from '../org/five-standards';
import { advisedGrade, OrgGrade } from '../points/fortress-parts';
import { fail, ok, Result } from '../shared/result';

export const BRANCH_GRADES = ['advanced', 'first', 'second', 'third'] as const;
export type BranchGrade = (typeof BRANCH_GRADES)[number];
export const BRANCH_GRADE_WORDS: Record<BranchGrade, string> = {
  advanced: '先进',
  first: '一类',
  second: '二类',
  third: '三类',
};
const FROM_ORG_GRADE: Record<OrgGrade, BranchGrade> = {
  先进: 'advanced',
  一类: 'first',
  二类: 'second',
  三类: 'third',
};

/** FORT-20's steps, in order: 集中学习 → 工作述职 → 民主测评 → 组织评定 → 通报奖惩. */
export const BRANCH_STEPS = ['study', 'report', 'ballot', 'decision', 'publish'] as const;
export type BranchStep = (typeof BRANCH_STEPS)[number];
export const BRANCH_STEP_WORDS: Record<BranchStep, string> = {
  study: '集中学习',
  report: '工作述职',
  ballot: '民主测评',
  decision: '组织评定',
  publish: '通报奖惩',
};

/** The voters of 评组织: all members, and 群众 (服务对象) representatives [FORT-20]. */
export const BRANCH_BALLOT_BOXES = ['assembly', 'masses'] as const;

/** The 先进 limit: floor(15N/100) of the 基层党委's N branches [FORT-19]; 0 when N < 7. */
export function advancedLimit(branches: number): number {
  return branches > 0 ? Math.floor((15 * branches) / 100) : 0;
}

/** The plain sentence the quota console shows [FORT-19]. */
export function advancedLimitWords(branches: number): string {
  const k = advancedLimit(branches);
  return k === 0
    ? `本级下属党支部共${branches}个，不足7个。先进党支部不超过总数的15%，所以今年不能评先进党支部。`
    : `本级下属党支部共${branches}个，先进党支部不超过总数的15%，今年最多评${k}个。`;
}

/** FORT-20: the mid-year result is filed with the 基层党委; the year-end one is 公示 and filed upward. */
export type BranchPhase = 'midYear' | 'yearEnd';
export const phaseHandling = (phase: BranchPhase) =>
  phase === 'midYear'
    ? { publish: false, fileWith: 'baseCommittee' as const, words: '年中评议情况由基层党委备案' }
    : {
        publish: true,
        fileWith: 'upperLevel' as const,
        words: '年底评定结果进行公示，并报上一级党组织审核、备案',
      };

/** The 测评 of one box: valid ballots and how many rated the branch 先进 or 一类 (favourable). */
export interface BoxRating {
  valid: number;
  favourable: number;
}

/** The facts the 基层党委 weighs for one branch [FORT-19, FORT-21]. */
export interface BranchFacts {
  orgId: string;
  /** 堡垒指数 total and stars (FORT-18); a reverse item (FORT-15). */
  fortressTotal: number | null;
  stars: number;
  reverse: boolean;
  /** 五化 status of the year [ORG-26]. */
  fiveStatus: FiveStatus;
  members: BoxRating | null;
  masses: BoxRating | null;
  /** The superior's assessment of 中心工作 (工作实绩), 0–10 (FORT-14); null if not assessed. */
  centralWork: number | null;
}

/** Below this favourable share of the 测评, the advice goes one grade down. */
export const LOW_RATING = 0.6;
/** Below this 中心工作 score (of 10), the advice goes one grade down. */
export const LOW_WORK = 6;

/**
 * The favourable share of the 测评: the members' and the 群众代表's boxes each count half, so the
 * masses' voice is never drowned by the number of members; one box alone counts whole.
 */
export function ratingShare(f: Pick<BranchFacts, 'members' | 'masses'>): number | null {
  const share = (b: BoxRating | null) => (b && b.valid > 0 ? b.favourable / b.valid : null);
  const parts = [share(f.members), share(f.masses)].filter((x): x is number => x !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

export interface BranchAdvice {
  orgId: string;
  grade: BranchGrade;
  /** Why, in words (stars, rating, work, spot check, limit). */
  because: string[];
  /** In a tie at the 先进 limit: the superior chooses, with a reason. */
  tie: boolean;
}

const down = (g: BranchGrade): BranchGrade =>
  BRANCH_GRADES[Math.min(BRANCH_GRADES.indexOf(g) + 1, BRANCH_GRADES.length - 1)];

/**
 * The advisory grade of one branch before the limit: FORT-21's mapping from the stars (a reverse
 * item → 三类); one grade down if the 测评's favourable share is under 60%, and one more if the
 * 中心工作 score is under 6 of 10 (never lower than 三类, never raised); a branch that failed the
 * 五化 spot check is at best 一类 [FORT-24, ORG-30].
 */
export function branchAdvice(f: BranchFacts, year: number): BranchAdvice {
  const base = advisedGrade(f.stars, f.reverse);
  let grade = FROM_ORG_GRADE[base.grade];
  const because = [f.reverse ? '有反向情形' : `堡垒指数${f.stars}星`];
  const share = ratingShare(f);
  if (!f.reverse && share !== null && share < LOW_RATING) {
    grade = down(grade);
    because.push(`党员群众测评好评率${Math.round(share * 100)}%，不足${LOW_RATING * 100}%`);
  }
  if (!f.reverse && f.centralWork !== null && f.centralWork < LOW_WORK) {
    grade = down(grade);
    because.push(`中心工作评分${f.centralWork}分，不足${LOW_WORK}分`);
  }
  if (grade === 'advanced' && !advancedGradeAllowed(f.fiveStatus, year).ok) {
    grade = 'first';
    because.push('五化抽查不合格，当年不能评先进');
  }
  return { orgId: f.orgId, grade, because, tie: false };
}

/**
 * The advice for every branch of the 基层党委, within the 先进 limit [FORT-19]: the 先进
 * candidates ranked by 堡垒指数 total, then by the 测评 share; those outside the limit are advised
 * 一类; a group with equal total and share straddling the limit is advised 一类 with `tie`.
 */
export function branchAdvices(branches: readonly BranchFacts[], year: number): BranchAdvice[] {
  const limit = advancedLimit(branches.length);
  const advice = branches.map((b) => branchAdvice(b, year));
  const key = (i: number) => [branches[i].fortressTotal ?? 0, ratingShare(branches[i]) ?? 0];
  const cand = advice.map((_, i) => i).filter((i) => advice[i].grade === 'advanced');
  if (cand.length <= limit) return advice;
  const cmp = (a: number, b: number) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1];
  cand.sort(cmp);
  for (let r = 0; r < cand.length; r++) {
    const i = cand[r];
    const same = (j: number) => cmp(i, j) === 0;
    const better = cand.filter((j) => cmp(j, i) < 0).length;
    const group = cand.filter(same).length;
    if (better + group <= limit) continue;
    const tie = better < limit;
    advice[i] = {
      ...advice[i],
      grade: 'first',
      tie,
      because: [
        ...advice[i].because,
        limit === 0 ? '下属党支部不足7个，不能评先进' : `先进名额${limit}个已满`,
      ],
    };
  }
  return advice;
}

export interface BranchDecisionInput {
  year: number;
  branches: readonly BranchFacts[];
  grades: Readonly<Record<string, BranchGrade | null>>;
  reasons?: Readonly<Record<string, string>>;
}

/**
 * The 基层党委's grading [FORT-19, FORT-24]: every branch graded, 先进 within floor(15N/100), no
 * 先进 for a branch that failed the 五化 spot check, and a written reason for a grade other than
 * the advice (stars, 测评 and work results), or within a tie at the limit.
 */
export function validateBranchDecision(d: BranchDecisionInput): Result<void> {
  const n = d.branches.length;
  const limit = advancedLimit(n);
  const advice = new Map(branchAdvices(d.branches, d.year).map((a) => [a.orgId, a]));
  const sorted = [...d.branches].sort((a, b) => a.orgId.localeCompare(b.orgId));
  for (const b of sorted)
    if (!d.grades[b.orgId])
      return fail('APPRAISAL.GRADE_MISSING', '还有党支部没有评定等次', 'FORT-19', {
        orgId: b.orgId,
      });
  for (const id of Object.keys(d.grades))
    if (!d.branches.some((b) => b.orgId === id))
      return fail('INPUT.INVALID', '这个党支部不在本次评议中', 'FORT-19', { orgId: id });
  const advanced = sorted.filter((b) => d.grades[b.orgId] === 'advanced');
  if (100 * advanced.length > 15 * n)
    return fail('APPRAISAL.OVER_QUOTA', advancedLimitWords(n), 'FORT-19', {
      limit,
      graded: advanced.length,
    });
  for (const b of advanced) {
    const allowed = advancedGradeAllowed(b.fiveStatus, d.year);
    if (!allowed.ok) return { ...allowed, ruleId: 'FORT-24', details: { orgId: b.orgId } };
  }
  for (const b of sorted) {
    const a = advice.get(b.orgId)!;
    const g = d.grades[b.orgId]!;
    if ((a.grade !== g || a.tie) && !d.reasons?.[b.orgId]?.trim())
      return fail(
        'APPRAISAL.REASON_REQUIRED',
        a.tie
          ? '几个党支部条件相同，先进名额不够，须写明评定理由'
          : `参考等次为“${BRANCH_GRADE_WORDS[a.grade]}”，评为“${BRANCH_GRADE_WORDS[g]}”须写明理由`,
        'FORT-21',
        { orgId: b.orgId },
      );
  }
  return ok(undefined);
}
