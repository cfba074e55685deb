import { fail, ok, Result } from '../shared/result';

/**
 * The sealed ballot, as pure rules (双述双评 now, 民主评议 next): what a ballot may say, how a box
 * is tallied, how a paper count is checked, and when per-subject tallies may be shown [SEC-19].
 * Grades are listed best first; `maxBest` caps how many subjects one ballot may give the best.
 */
export interface BallotSpec {
  subjectIds: readonly string[];
  grades: readonly string[];
  maxBest: number | null;
}

export type Marks = Record<string, string>;

/** The best grade in words for the refusals (a member reads “优秀”, not “最高等次”). */
const BEST_WORDS: Record<string, string> = { excellent: '优秀', good: '好', advanced: '先进' };
const bestWord = (spec: BallotSpec) => `“${BEST_WORDS[spec.grades[0]] ?? spec.grades[0]}”`;
const overQuota = (spec: BallotSpec, tail = '') =>
  spec.maxBest === 0
    ? `这次测评人数较少，不能评${bestWord(spec)}${tail}`
    : `每张票最多只能评${spec.maxBest}人为${bestWord(spec)}${tail}`;
export type TallyCounts = Record<string, Record<string, number>>;

export interface BoxResult {
  issued: number;
  returned: number;
  valid: number;
  tally: TallyCounts;
}

/**
 * A ballot's marks are valid: at least one, each for a listed subject with an allowed grade,
 * none for the voter [SEC-13], and no more than `maxBest` of the best grade.
 */
export function checkMarks(spec: BallotSpec, voterId: string, marks: Marks): Result<Marks> {
  const entries = Object.entries(marks);
  if (!entries.length) return fail('APPRAISAL.MARKS_INVALID', '请至少为一位同志选择等次');
  if (voterId in marks) return fail('APPRAISAL.MARKS_INVALID', '不能给自己投票', 'SEC-13');
  for (const [subjectId, grade] of entries) {
    if (!spec.subjectIds.includes(subjectId))
      return fail('APPRAISAL.MARKS_INVALID', '选票上有不在这次测评名单中的人');
    if (!spec.grades.includes(grade))
      return fail('APPRAISAL.MARKS_INVALID', '选票上有这次测评没有的等次');
  }
  const best = entries.filter(([, g]) => g === spec.grades[0]).length;
  if (spec.maxBest !== null && best > spec.maxBest)
    return fail('APPRAISAL.OVER_QUOTA', overQuota(spec));
  return ok(marks);
}

/** An empty tally: every subject, every grade, zero. */
export function emptyTally(spec: BallotSpec): TallyCounts {
  return Object.fromEntries(
    spec.subjectIds.map((s) => [s, Object.fromEntries(spec.grades.map((g) => [g, 0]))]),
  );
}

/** Tallies the cast ballots of an in-app box (at close, never before) [SEC-19]. */
export function tallyBallots(
  spec: BallotSpec,
  eligible: number,
  ballots: readonly Marks[],
): BoxResult {
  const tally = emptyTally(spec);
  for (const marks of ballots)
    for (const [subjectId, grade] of Object.entries(marks))
      if (tally[subjectId] && grade in tally[subjectId]) tally[subjectId][grade] += 1;
  return { issued: eligible, returned: ballots.length, valid: ballots.length, tally };
}

export interface PaperCount {
  issued: number;
  returned: number;
  counts: Record<string, Partial<Record<string, number>>>;
}

/**
 * A paper count: returned > issued voids the ballot (answered, not refused: the void is
 * recorded); otherwise each subject's marks add up to at most the ballots returned, only listed
 * subjects and grades appear, and the best grade fits `maxBest` per ballot on the whole.
 */
export function checkPaper(
  spec: BallotSpec,
  count: PaperCount,
): Result<{ void: true } | { void: false; result: BoxResult }> {
  if (count.returned > count.issued) return ok({ void: true });
  const tally = emptyTally(spec);
  let best = 0;
  for (const [subjectId, grades] of Object.entries(count.counts)) {
    if (!tally[subjectId]) return fail('APPRAISAL.TALLY_INVALID', '票数中有不在这次测评名单中的人');
    let sum = 0;
    for (const [grade, n] of Object.entries(grades)) {
      if (!(grade in tally[subjectId]))
        return fail('APPRAISAL.TALLY_INVALID', '票数中有这次测评没有的等次');
      tally[subjectId][grade] = n ?? 0;
      sum += n ?? 0;
      if (grade === spec.grades[0]) best += n ?? 0;
    }
    if (sum > count.returned)
      return fail(
        'APPRAISAL.TALLY_INVALID',
        '票数对不上：同一个人各等次的票数加起来，不能多于收回的票数',
      );
  }
  if (spec.maxBest !== null && best > spec.maxBest * count.returned)
    return fail('APPRAISAL.OVER_QUOTA', overQuota(spec, '，票数超出了'));
  return ok({
    void: false,
    result: { issued: count.issued, returned: count.returned, valid: count.returned, tally },
  });
}

/**
 * What of a closed box may be shown [SEC-19]: below `minBallots` valid ballots the per-subject
 * tallies could reveal how one person voted, so they are withheld with a plain reason.
 */
export function visibleTally(
  result: Pick<BoxResult, 'valid' | 'tally'>,
  minBallots: number,
): { tally: TallyCounts | null; hidden: string | null } {
  if (result.valid >= minBallots) return { tally: result.tally, hidden: null };
  return {
    tally: null,
    hidden: `有效票只有${result.valid}张，少于${minBallots}张，为保护投票人，不显示各等次的票数`,
  };
}
