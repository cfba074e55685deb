/**
 * 民主评议党员: the 优秀 quota [APR-05], who is marked and who marks on the 测评 ballot [APR-06,
 * APR-07], the tally's clear majority and advisory grade, ties at the quota boundary, imported
 * 流入地 results [APR-20] and the superior's award warning [APR-13]. Pure; the decision rules are
 * in democratic-decision.ts.
 */
import type { MemberStatus, Profile } from '../org/model';
import { Alert, fail, ok, Result } from '../shared/result';
import {
  DEMOCRATIC_GRADE_WORDS,
  DemocraticGrade,
  democraticGrades,
  gradeRank,
} from './democratic-model';
import type { UnqualifiedFlag } from './democratic-decision';

/**
 * The 优秀 quota: floor(N/3), N = the 正式党员 the branch grades [APR-05]. No "at least 1": N = 1
 * or 2 gives 0, N = 3 gives 1.
 */
export function excellentQuota(fullMembers: number): number {
  return fullMembers > 0 ? Math.floor(fullMembers / 3) : 0;
}

/** One member of the branch in the appraisal. */
export interface Participant {
  memberId: string;
  status: MemberStatus;
  /**
   * A 流动党员 appraised at the 流入地: that result, imported and not graded again [APR-20].
   * (A probationary member's import carries no grade either [APR-06].)
   */
  imported?: { grade: DemocraticGrade | null; orgName: string } | null;
}

/** Graded by this branch: the 正式党员 without an imported result [APR-05, APR-09, APR-20]. */
export const gradedHere = (ps: readonly Participant[]): Participant[] =>
  ps.filter((p) => p.status === 'full' && !p.imported);

/** The quota of a branch's appraisal: over the members it grades itself [APR-05, APR-20]. */
export const quotaOf = (ps: readonly Participant[]): number =>
  excellentQuota(gradedHere(ps).length);

/** Who fills in the 测评表: 正式党员, and 预备党员 when `apr.probationaryBallot` [APR-06, APR-07]. */
export const mayVote = (status: MemberStatus, probationaryBallot: boolean): boolean =>
  status === 'full' || probationaryBallot;

/** The 测评表 of one appraisal: who can be marked, with what, and how many 优秀 at most. */
export interface BallotForm {
  /** Members a ballot may mark: those graded here; never a 预备党员 [APR-06]. */
  markable: string[];
  grades: readonly DemocraticGrade[];
  maxExcellent: number;
}

export function ballotForm(profile: Profile, ps: readonly Participant[]): BallotForm {
  const markable = gradedHere(ps)
    .map((p) => p.memberId)
    .sort();
  return {
    markable,
    grades: democraticGrades(profile),
    maxExcellent: excellentQuota(markable.length),
  };
}

/**
 * A ballot's marks against its form: only markable members [APR-06, APR-20], only the profile's
 * grades [APR-03, APR-04], at most floor(N/3) 优秀 [APR-05]. Unmarked members are allowed (弃权).
 */
export function checkMarks(form: BallotForm, marks: Record<string, string>): Result<void> {
  for (const [memberId, g] of Object.entries(marks)) {
    if (!form.markable.includes(memberId))
      return fail(
        'APPRAISAL.NOT_MARKABLE',
        '预备党员和已在流入地参加评议的党员不在这张票上，不能给他们划票',
        'APR-06',
      );
    if (!(form.grades as readonly string[]).includes(g))
      return fail(
        'APPRAISAL.GRADE_NOT_ALLOWED',
        `这次评议只能选：${form.grades.map((x) => DEMOCRATIC_GRADE_WORDS[x]).join('、')}`,
        form.grades.length === 3 ? 'APR-04' : 'APR-03',
      );
  }
  const excellent = Object.values(marks).filter((g) => g === 'excellent').length;
  if (excellent > form.maxExcellent)
    return fail(
      'APPRAISAL.OVER_QUOTA',
      form.maxExcellent === 0
        ? '本支部正式党员不足3名，这次不能评“优秀”'
        : `每张票最多评${form.maxExcellent}名“优秀”，这张票评了${excellent}名`,
      'APR-05',
      { maxExcellent: form.maxExcellent, marked: excellent },
    );
  return ok(undefined);
}

/** Counts per member per grade, and how many ballots were valid. Only tallies exist [APR-21]. */
export type DemocraticTally = Record<string, Partial<Record<DemocraticGrade, number>>>;
export interface TallyResult {
  valid: number;
  tally: DemocraticTally;
  /** Voting by 党小组 [APR-08]: the valid ballots that could mark each member. */
  validBy?: Record<string, number>;
}

/**
 * The tally of a branch that voted by 党小组 [APR-08]: the groups' tallies summed. Each group's
 * ballot marks its own members (ballotForm over the group: at most floor(n/3) 优秀 each), so a
 * member's majority is judged against their own group's valid ballots (`validBy`); the branch's
 * quota floor(N/3) still governs the decision.
 */
export function mergeTallies(
  parts: readonly { members: readonly string[]; result: TallyResult }[],
): TallyResult {
  const tally: DemocraticTally = {};
  const validBy: Record<string, number> = {};
  for (const { members, result } of parts) {
    for (const id of members) validBy[id] = (validBy[id] ?? 0) + result.valid;
    for (const [id, counts] of Object.entries(result.tally)) {
      const into = (tally[id] ??= {});
      for (const [g, n] of Object.entries(counts) as [DemocraticGrade, number][])
        into[g] = (into[g] ?? 0) + n;
    }
  }
  return { valid: parts.reduce((s, p) => s + p.result.valid, 0), tally, validBy };
}

const votesOf = (t: TallyResult, memberId: string, g: DemocraticGrade): number =>
  t.tally[memberId]?.[g] ?? 0;

/**
 * The tally's clear majority for a member: the grade marked on more than half of the VALID
 * ballots (a ballot that left the member unmarked counts against every grade). Null when none.
 */
export function clearMajority(t: TallyResult, memberId: string): DemocraticGrade | null {
  const counts = t.tally[memberId] ?? {};
  const valid = t.validBy?.[memberId] ?? t.valid;
  for (const [g, n] of Object.entries(counts) as [DemocraticGrade, number][])
    if (2 * n > valid) return g;
  return null;
}

/**
 * The median of the marks, best to worst: the first grade at which the marks from the best
 * reach more than half of all marks for the member. Null without marks.
 */
function medianGrade(t: TallyResult, memberId: string, grades: readonly DemocraticGrade[]) {
  const total = grades.reduce((s, g) => s + votesOf(t, memberId, g), 0);
  if (!total) return null;
  let run = 0;
  for (const g of grades) {
    run += votesOf(t, memberId, g);
    if (2 * run > total) return g;
  }
  return null;
}

/** Members with equal 优秀 votes straddling the quota: some seats left for more members. */
export interface BoundaryTie {
  votes: number;
  memberIds: string[];
  /** How many of them could still be 优秀 within the quota. */
  seats: number;
}

/**
 * The tie at the quota boundary, if any: ranking the members graded here by 优秀 votes, the
 * group with equal votes that holds both the last seat inside the quota and the first outside
 * it. Ties with 0 votes are no tie. Entry order never decides: the group is returned whole.
 */
export function boundaryTie(t: TallyResult, ps: readonly Participant[]): BoundaryTie | null {
  const members = gradedHere(ps).map((p) => p.memberId);
  const quota = excellentQuota(members.length);
  if (quota === 0 || members.length <= quota) return null;
  const votes = members.map((id) => votesOf(t, id, 'excellent')).sort((a, b) => b - a);
  const last = votes[quota - 1];
  if (last === 0 || votes[quota] !== last) return null;
  const above = votes.filter((v) => v > last).length;
  const memberIds = members.filter((id) => votesOf(t, id, 'excellent') === last).sort();
  return { votes: last, memberIds, seats: quota - above };
}

export interface Advice {
  memberId: string;
  /** Null for a 预备党员 [APR-06] and for an imported result [APR-20]; otherwise from the tally. */
  grade: DemocraticGrade | null;
  /** `majority`: more than half of the valid ballots; `median`: the middle of the marks. */
  basis: 'majority' | 'median' | 'imported' | 'none';
  /** In a tie at the quota boundary: the committee chooses, with a reason. */
  tie: boolean;
}

/**
 * The advisory grade of each participant, shown on the board and never applied [APR-10]:
 * the clear majority, else the median of the marks; 优秀 only within the quota — those below it
 * by 优秀 votes are advised 合格, and a boundary tie is advised 合格 with `tie` for all of it.
 */
export function advisoryGrades(
  profile: Profile,
  t: TallyResult,
  ps: readonly Participant[],
): Advice[] {
  const grades = democraticGrades(profile);
  const quota = quotaOf(ps);
  const tie = boundaryTie(t, ps);
  const raw = new Map<string, Advice>();
  for (const p of ps) {
    if (p.status !== 'full')
      raw.set(p.memberId, { memberId: p.memberId, grade: null, basis: 'none', tie: false });
    else if (p.imported)
      raw.set(p.memberId, {
        memberId: p.memberId,
        grade: p.imported.grade,
        basis: 'imported',
        tie: false,
      });
    else {
      const m = clearMajority(t, p.memberId);
      const g = m && grades.includes(m) ? m : medianGrade(t, p.memberId, grades);
      raw.set(p.memberId, {
        memberId: p.memberId,
        grade: g,
        basis: g === null ? 'none' : g === m ? 'majority' : 'median',
        tie: tie?.memberIds.includes(p.memberId) ?? false,
      });
    }
  }
  // 优秀 advice within the quota: the members with the most 优秀 votes; a split tie is left open.
  const wanting = [...raw.values()].filter(
    (a) => a.basis !== 'imported' && a.grade === 'excellent',
  );
  if (wanting.length > quota) {
    const v = (a: Advice) => votesOf(t, a.memberId, 'excellent');
    const sorted = [...wanting].sort((a, b) => v(b) - v(a));
    const cut = quota > 0 ? v(sorted[quota - 1]) : Infinity;
    const atOrAbove = sorted.filter((a) => v(a) >= cut).length;
    for (const a of sorted) {
      const keep = v(a) > cut || (v(a) === cut && atOrAbove <= quota);
      if (!keep) raw.set(a.memberId, { ...a, grade: 'qualified', tie: a.tie || v(a) === cut });
    }
  }
  return ps.map((p) => raw.get(p.memberId)!);
}

/**
 * APR-13: a superior's 优秀党员 award normally goes to a member the branch graded 优秀 (or whose
 * imported result is 优秀). Anyone else raises a warning; never a refusal.
 */
export function awardWarning(grade: DemocraticGrade | null): Alert | null {
  if (grade === 'excellent') return null;
  return {
    ruleId: 'APR-13',
    level: 'warning',
    message:
      grade === null
        ? '这位同志本年度没有评定等次，上级评选的优秀党员原则上应从支部评为“优秀”的党员中产生'
        : `这位同志本年度被支部评为“${DEMOCRATIC_GRADE_WORDS[grade]}”，上级评选的优秀党员原则上应从支部评为“优秀”的党员中产生`,
  };
}

/** Whether a grade is worse than another (for "departs downward" on the board). */
export const worseThan = (a: DemocraticGrade, b: DemocraticGrade): boolean =>
  gradeRank(a) > gradeRank(b);

/**
 * The board's unqualified-candidate flags from what the other areas computed: TD-22 absence flags,
 * APR-14 自行脱党 candidates, PTS-24 (a bottom-share member with a recorded problem: `needsTalk`).
 * One flag per member and reason, in member-id order [APR-10].
 */
export function candidateFlags(src: {
  absences?: readonly { memberId: string; ruleId: string }[];
  lapses?: readonly { memberId: string }[];
  ranks?: readonly { memberId: string; needsTalk: boolean }[];
}): UnqualifiedFlag[] {
  const out = new Map<string, UnqualifiedFlag>();
  const put = (memberId: string, reason: UnqualifiedFlag['reason']) =>
    out.set(`${memberId}:${reason}`, { memberId, reason });
  for (const a of src.absences ?? []) if (a.ruleId === 'TD-22') put(a.memberId, 'themeDayAbsence');
  for (const l of src.lapses ?? []) put(l.memberId, 'selfLapse');
  for (const r of src.ranks ?? []) if (r.needsTalk) put(r.memberId, 'pointsBottom');
  const order = ['themeDayAbsence', 'selfLapse', 'pointsBottom'];
  return [...out.values()].sort(
    (a, b) =>
      a.memberId.localeCompare(b.memberId) || order.indexOf(a.reason) - order.indexOf(b.reason),
  );
}
