/**
 * The `jiaozuo` 评书记 quota [SEC-17, SEC-18]: 好 ≤ 15% of the secretaries under the 基层党委, the
 * quota meter, and the subjects tied at the boundary. Entry order never decides: a 好 beyond the
 * limit is refused however it is entered, and a tie at the boundary is broken only with a reason.
 */
import type { Profile } from '../org/model';
import { fail, type Failure } from '../shared/result';
import type { SecretaryGrade } from './model';

export const QUOTA_GRADE: SecretaryGrade = 'good';

/** `100 × count(好) ≤ 15 × N`: at most ⌊15·N/100⌋ [SEC-18]. */
export const quotaLimit = (of: number): number => Math.floor((15 * of) / 100);

/** Whether a profile caps a grade (only `jiaozuo` 评书记 does). */
export const hasQuota = (profile: Profile): boolean => profile === 'jiaozuo';

/** The quota meter of the board [SEC-18]: N = the secretaries reviewed by the committee this year. */
export function quotaMeter(of: number, used: number) {
  const limit = quotaLimit(of);
  const left = Math.max(0, limit - used);
  const note =
    limit === 0
      ? `本年度评议书记${of}名，不足7名书记，本年度不能评“好”`
      : `本年度评议书记${of}名，“好”最多${limit}名（不超过15%），已评${used}名，还可评${left}名`;
  return { grade: QUOTA_GRADE, limit, used, left, of, note };
}

/**
 * Granting 好 to one more subject [SEC-18]: `usedByOthers` counts the committee's other
 * campaigns of the year decided 好 (this campaign's own earlier 好 is not counted twice).
 */
export function checkQuota(
  grade: SecretaryGrade | null,
  of: number,
  usedByOthers: number,
): Failure | null {
  if (grade !== QUOTA_GRADE) return null;
  const limit = quotaLimit(of);
  if (usedByOthers + 1 <= limit) return null;
  return fail(
    'APPRAISAL.OVER_QUOTA',
    limit === 0
      ? `本年度评议书记${of}名，不足7名书记，不能评“好”`
      : `“好”最多${limit}名，已经评了${usedByOthers}名；如要评给这位书记，请先调整其他书记的等次`,
    'SEC-18',
    { limit, used: usedByOthers, of },
  );
}

export interface Ranked {
  subjectId: string;
  score: number | null;
}

/**
 * The subjects tied at the quota boundary [SEC-18]: ranked by the advisory score, if the last
 * place within the limit shares its score with the first place beyond it, every subject with
 * that score is tied. None when the limit is 0 or every scored subject fits.
 */
export function boundaryTies(
  rows: readonly Ranked[],
  limit: number,
): { subjectIds: string[]; score: number }[] {
  const scored = rows
    .filter((r): r is { subjectId: string; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score);
  if (limit <= 0 || scored.length <= limit) return [];
  const score = scored[limit - 1].score;
  if (scored[limit].score !== score) return [];
  const subjectIds = scored.filter((r) => r.score === score).map((r) => r.subjectId);
  return [{ subjectIds: subjectIds.sort(), score }];
}

/** Granting 好 to a subject tied at the boundary needs a written reason [SEC-18]. */
export function checkTieReason(
  grade: SecretaryGrade | null,
  subjectId: string,
  ties: readonly { subjectIds: string[]; score: number }[],
  reason: string | null,
): Failure | null {
  if (grade !== QUOTA_GRADE || reason?.trim()) return null;
  const tie = ties.find((t) => t.subjectIds.includes(subjectId));
  if (!tie) return null;
  return fail(
    'APPRAISAL.REASON_REQUIRED',
    `有${tie.subjectIds.length}名书记参考得分同为${tie.score}分，处在“好”的名额线上；评为“好”请写明理由`,
    'SEC-18',
    { subjectIds: tie.subjectIds },
  );
}
