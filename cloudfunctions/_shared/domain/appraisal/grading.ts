/**
 * 评定等次 of a secretary review as pure rules [SEC-10, SEC-11, SEC-12, SEC-20]: the ballot
 * conversion, the components of the advisory weighted score, the advisory band and when a grade
 * needs a written reason. Quotas and ties are in quota.ts. No I/O, no clock.
 */
import type { Profile, Sector } from '../org/model';
import type { Failure } from '../shared/result';
import { fail } from '../shared/result';
import { needsMasses } from './steps';
import { type BallotBox, GRADE_WORDS, type SecretaryGrade, secretaryGrades } from './model';

/**
 * The SEC-12 conversion: 优秀 100, 称职 80, 基本称职 60, 不称职 0; the `jiaozuo` grades take the
 * values of the grade at the same rank (好 100, 较好 80, 一般 60, 差 0).
 */
export const GRADE_VALUES: Record<SecretaryGrade, number> = {
  excellent: 100,
  competent: 80,
  basicallyCompetent: 60,
  incompetent: 0,
  good: 100,
  fairlyGood: 80,
  average: 60,
  poor: 0,
};

export const DEFAULT_WEIGHTS = { daily: 30, evaluations: 30, verification: 40 } as const;
export type Weights = { daily: number; evaluations: number; verification: number };
export type Thresholds = { excellent: number; competent: number; basicallyCompetent: number };

/** Scores are shown and compared to one decimal (ties are ties of what the superior sees). */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A component is the mean of the ballot values [SEC-12]; null when nobody marked the subject. */
export function tallyMean(tally: Partial<Record<SecretaryGrade, number>> | null): number | null {
  if (!tally) return null;
  let n = 0;
  let sum = 0;
  for (const [g, c] of Object.entries(tally) as [SecretaryGrade, number][]) {
    if (!(g in GRADE_VALUES) || !c) continue;
    n += c;
    sum += c * GRADE_VALUES[g];
  }
  return n ? round1(sum / n) : null;
}

export const BOX_WORDS: Record<BallotBox, string> = {
  assembly: '支部党员大会测评',
  committee: '基层党委述职评议会测评',
  masses: '群众代表测评',
};

/**
 * The boxes a review must have: the assembly; the 述职评议会 except in `jiaozuo`; the 群众代表 in
 * 农村, 社区 and `jiaozuo` [SEC-08, SEC-09, SEC-17].
 */
export const requiredBoxes = (profile: Profile, category: Sector): BallotBox[] => [
  'assembly',
  ...(profile === 'jiaozuo' ? [] : (['committee'] as const)),
  ...(needsMasses(category, profile) ? (['masses'] as const) : []),
];

/** One box as grading sees it: not opened, open, void, or closed with the subject's tally (null: hidden below the minimum turnout). */
export interface BoxFacts {
  box: BallotBox;
  status: 'none' | 'open' | 'closed' | 'void';
  valid: number;
  tally: Partial<Record<SecretaryGrade, number>> | null;
}

/**
 * The evaluations component [SEC-11]: the mean of the box means, each box weighed equally. A
 * required box not closed, void, or hidden below the minimum turnout is missing; a 群众代表 box
 * counts once opened, and is missing while it cannot be counted.
 */
export function evaluationsOf(boxes: readonly BoxFacts[], required: readonly BallotBox[]) {
  const missing: string[] = [];
  const means: number[] = [];
  const rows = boxes.map((b) => ({
    ...b,
    mean: b.status === 'closed' ? tallyMean(b.tally) : null,
  }));
  const wanted = new Set<BallotBox>(required);
  for (const b of rows) if (b.status !== 'none') wanted.add(b.box);
  for (const box of wanted) {
    const row = rows.find((r) => r.box === box);
    if (row?.mean == null) missing.push(BOX_WORDS[box]);
    else means.push(row.mean);
  }
  const mean =
    missing.length || !means.length
      ? null
      : round1(means.reduce((s, m) => s + m, 0) / means.length);
  return { rows, mean, missing };
}

/**
 * Compliance as a 0–100 score: the share of the year's required 组织生活 not missed, over every
 * type (a period still running is not missed) [TD-01, MTG-08]; null when nothing is required.
 */
export function complianceScore(
  items: readonly { required: number; missing: readonly string[] }[],
): number | null {
  const required = items.reduce((s, i) => s + i.required, 0);
  if (!required) return null;
  const missed = items.reduce((s, i) => s + Math.min(i.missing.length, i.required), 0);
  return round1((100 * (required - missed)) / required);
}

/**
 * 日常考核 on 0–100 [SEC-10, SEC-11]: the mean of the 堡垒指数 (0–100; before the superior assessed
 * its 个性 part, the 共性 part 0–60 scaled to 100) and compliance. Null when either is unknown.
 */
export function dailyScore(f: {
  fortress: { total: number; common: number; assessed: boolean } | null;
  compliance: number | null;
}): number | null {
  if (!f.fortress || f.compliance === null) return null;
  const fortress = f.fortress.assessed ? f.fortress.total : (f.fortress.common * 100) / 60;
  return round1((Math.min(100, fortress) + f.compliance) / 2);
}

export const COMPONENT_WORDS = {
  daily: '日常考核',
  verification: '调查核实',
} as const;

/**
 * The advisory weighted score [SEC-11]: `Σ weight × component / Σ weight`, null while a component
 * the plan weighs (weight > 0) is missing, with the missing ones named in Chinese.
 */
export function weightedScore(
  c: {
    daily: number | null;
    evaluations: { mean: number | null; missing: string[] };
    verification: number | null;
  },
  w: Weights,
): { weighted: number | null; missing: string[] } {
  const missing = [
    ...(w.daily && c.daily === null ? [COMPONENT_WORDS.daily] : []),
    ...(w.evaluations ? c.evaluations.missing : []),
    ...(w.verification && c.verification === null ? [COMPONENT_WORDS.verification] : []),
  ];
  const total = w.daily + w.evaluations + w.verification;
  if (missing.length || !total) return { weighted: null, missing };
  const part = (weight: number, value: number | null) => (weight ? weight * (value ?? 0) : 0);
  const sum =
    part(w.daily, c.daily) +
    part(w.evaluations, c.evaluations.mean) +
    part(w.verification, c.verification);
  return { weighted: round1(sum / total), missing };
}

/**
 * The advisory band of the optional thresholds [SEC-20]: ≥ excellent the best grade, ≥ competent
 * the second, ≥ basicallyCompetent the third, below it the last (the `jiaozuo` grades by rank).
 * Null when the thresholds are off or the score is missing.
 */
export function advisoryGrade(
  weighted: number | null,
  thresholds: Thresholds | null,
  profile: Profile,
): SecretaryGrade | null {
  if (weighted === null || !thresholds) return null;
  const grades = secretaryGrades(profile);
  const bars = [thresholds.excellent, thresholds.competent, thresholds.basicallyCompetent];
  const rank = bars.findIndex((bar) => weighted >= bar);
  return grades[rank === -1 ? 3 : rank];
}

/** The grades of a profile; any other (a 好 under hunan) is refused [SEC-10, SEC-17]. */
export function checkGradeOf(profile: Profile, grade: SecretaryGrade): Failure | null {
  const grades = secretaryGrades(profile);
  return grades.includes(grade)
    ? null
    : fail(
        'APPRAISAL.GRADE_NOT_ALLOWED',
        `本次评议的等次只能是：${grades.map((g) => GRADE_WORDS[g]).join('、')}`,
        profile === 'jiaozuo' ? 'SEC-17' : 'SEC-10',
      );
}

/** A grade outside the advisory band needs a written reason [SEC-20]. */
export function checkBandReason(
  grade: SecretaryGrade,
  advisory: SecretaryGrade | null,
  reason: string | null,
): Failure | null {
  if (!advisory || advisory === grade || reason?.trim()) return null;
  return fail(
    'APPRAISAL.REASON_REQUIRED',
    `按评价方案的分数线，建议等次为“${GRADE_WORDS[advisory]}”；评为“${GRADE_WORDS[grade]}”请写明理由`,
    'SEC-20',
  );
}
