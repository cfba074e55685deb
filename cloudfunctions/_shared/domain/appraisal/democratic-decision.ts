/**
 * 组织评定 of 民主评议党员 as pure rules: the grades the branch decides, checked against the quota
 * [APR-05], the 预备党员 rule [APR-06], completeness [APR-09], the unqualified-candidate flags
 * [APR-10], the tally's clear majority, boundary ties and imported results [APR-20]. Also the
 * 自行脱党 candidate over monthly facts [APR-14, FEE-23]. Tallies never become grades here.
 */
import type { Profile } from '../org/model';
import { addMonths } from '../shared/time';
import type { ErrorCode } from '../../contracts/errors';
import { fail, ok, Result } from '../shared/result';
import { DEMOCRATIC_GRADE_WORDS, DemocraticGrade, democraticGrades } from './democratic-model';
import {
  boundaryTie,
  clearMajority,
  gradedHere,
  Participant,
  quotaOf,
  TallyResult,
} from './democratic';

/** Why a member is a candidate for 不合格: TD-22 absences, APR-14 自行脱党, PTS-24 bottom. */
export const FLAG_REASONS = {
  themeDayAbsence: { ruleId: 'TD-22', words: '无正当理由连续3次或累计6次不参加主题党日' },
  selfLapse: { ruleId: 'APR-14', words: '连续6个月不参加组织生活、不交纳党费或不做党所分配的工作' },
  pointsBottom: { ruleId: 'PTS-24', words: '先锋指数排名靠后且存在突出问题' },
} as const;
export type FlagReason = keyof typeof FLAG_REASONS;

export interface UnqualifiedFlag {
  memberId: string;
  reason: FlagReason;
}

export interface DecisionInput {
  profile: Profile;
  participants: readonly Participant[];
  grades: Readonly<Record<string, DemocraticGrade | null>>;
  reasons?: Readonly<Record<string, string>>;
  /** The closed 测评 ballot's tally; null when none (then nothing departs from it). */
  tally: TallyResult | null;
  flags: readonly UnqualifiedFlag[];
}

export interface DecisionProblem {
  code: ErrorCode;
  ruleId: string;
  memberId: string | null;
  message: string;
}

const hasReason = (d: DecisionInput, id: string) => !!d.reasons?.[id]?.trim();

/**
 * Every problem of a decision, in member-id order (never entry order). `final` adds the close
 * checks: a grade for every 正式党员 graded here [APR-09] and a decision on every flag [APR-10];
 * without it a partial decision may be saved. Within the quota [APR-05], 预备 null [APR-06],
 * imported results not graded again [APR-20], the profile's grades only [APR-03, APR-04], and a
 * written reason for a grade off the tally's clear majority, for a split boundary tie, and for
 * an 优秀 given while a member with more 优秀 votes is not 优秀.
 */
export function decisionProblems(d: DecisionInput, final: boolean): DecisionProblem[] {
  const out: DecisionProblem[] = [];
  const add = (code: ErrorCode, ruleId: string, memberId: string | null, message: string) =>
    out.push({ code, ruleId, memberId, message });
  const byId = new Map(d.participants.map((p) => [p.memberId, p]));
  const allowed = democraticGrades(d.profile);
  for (const id of Object.keys(d.grades).sort()) {
    const g = d.grades[id];
    const p = byId.get(id);
    if (!p) add('INPUT.INVALID', 'APR-09', id, '这位同志不在本次评议的党员中');
    else if (p.status === 'probationary' && g !== null)
      add('APPRAISAL.PROBATIONARY', 'APR-06', id, '预备党员参加评议，但不评定等次');
    else if (p.imported && g !== null)
      add(
        'APPRAISAL.IMPORTED',
        'APR-20',
        id,
        `这位同志已在${p.imported.orgName}参加评议，直接采用那里的结果，不再重复评定`,
      );
    else if (g !== null && !allowed.includes(g))
      add(
        'APPRAISAL.GRADE_NOT_ALLOWED',
        allowed.length === 3 ? 'APR-04' : 'APR-03',
        id,
        `这次评议只能评：${allowed.map((x) => DEMOCRATIC_GRADE_WORDS[x]).join('、')}`,
      );
  }
  const graded = gradedHere(d.participants);
  const quota = quotaOf(d.participants);
  const excellent = graded.filter((p) => d.grades[p.memberId] === 'excellent').length;
  if (excellent > quota)
    add(
      'APPRAISAL.OVER_QUOTA',
      'APR-05',
      null,
      quota === 0
        ? `本支部参加评定的正式党员只有${graded.length}名，不足3名，这次不能评“优秀”`
        : `本支部参加评定的正式党员${graded.length}名，“优秀”最多${quota}名，现在评了${excellent}名`,
    );
  for (const p of [...graded].sort((a, b) => a.memberId.localeCompare(b.memberId))) {
    const g = d.grades[p.memberId] ?? null;
    if (g === null) {
      if (final) add('APPRAISAL.GRADE_MISSING', 'APR-09', p.memberId, '这位正式党员还没有评定等次');
      continue;
    }
    const majority = d.tally ? clearMajority(d.tally, p.memberId) : null;
    if (majority && majority !== g && !hasReason(d, p.memberId))
      add(
        'APPRAISAL.REASON_REQUIRED',
        'APR-10',
        p.memberId,
        `测评中过半数的票评为“${DEMOCRATIC_GRADE_WORDS[majority]}”，评为“${DEMOCRATIC_GRADE_WORDS[g]}”须写明理由`,
      );
  }
  const tie = d.tally ? boundaryTie(d.tally, d.participants) : null;
  if (tie) {
    const chosen = tie.memberIds.filter((id) => d.grades[id] === 'excellent');
    // A split tie: some of the group 优秀 and some not. Each of them needs the reason written.
    if (chosen.length > 0 && chosen.length < tie.memberIds.length)
      for (const id of tie.memberIds)
        if (!hasReason(d, id) && d.grades[id] != null && !out.some((x) => x.memberId === id))
          add(
            'APPRAISAL.REASON_REQUIRED',
            'APR-05',
            id,
            `有${tie.memberIds.length}名同志“优秀”票数相同（各${tie.votes}票），名额只剩${tie.seats}个，须写明评定理由`,
          );
  }
  // 优秀 given past a member with more 优秀 votes who is not 优秀: the choice needs its reason.
  if (d.tally) {
    const t = d.tally;
    const v = (id: string) => t.tally[id]?.excellent ?? 0;
    const passed = graded.filter(
      (p) => d.grades[p.memberId] != null && d.grades[p.memberId] !== 'excellent',
    );
    for (const p of [...graded].sort((a, b) => a.memberId.localeCompare(b.memberId)))
      if (
        d.grades[p.memberId] === 'excellent' &&
        !hasReason(d, p.memberId) &&
        !out.some((x) => x.memberId === p.memberId) &&
        passed.some((q) => v(q.memberId) > v(p.memberId))
      )
        add(
          'APPRAISAL.REASON_REQUIRED',
          'APR-10',
          p.memberId,
          '有“优秀”得票更多的同志没有评为“优秀”，评这位同志为“优秀”须写明理由',
        );
  }
  if (final)
    for (const f of [...d.flags].sort((a, b) => a.memberId.localeCompare(b.memberId))) {
      const p = byId.get(f.memberId);
      if (!p || p.status !== 'full' || p.imported) continue;
      if (d.grades[f.memberId] !== 'unqualified' && !hasReason(d, f.memberId))
        add(
          'APPRAISAL.FLAG_UNDECIDED',
          FLAG_REASONS[f.reason].ruleId,
          f.memberId,
          `这位同志有“${FLAG_REASONS[f.reason].words}”的情况，须评为不合格，或写明不这样评的理由`,
        );
    }
  return out;
}

/** The decision as a Result: the first problem's code and message, all of them in details. */
export function validateDecision(d: DecisionInput, final: boolean): Result<void> {
  const problems = decisionProblems(d, final);
  if (!problems.length) return ok(undefined);
  const [first] = problems;
  return fail(first.code, first.message, first.ruleId, { problems });
}

/** One month of a member's record (`YYYY-MM`), from the activity, dues and work records. */
export interface MonthFacts {
  month: string;
  orgLife: boolean;
  /** Dues paid that month (FEE-23: nothing paid = false; a waived month counts as paid). */
  duesPaid: boolean;
  /** Assigned work done; null when no work was assigned that month. */
  work: boolean | null;
  /** A recorded 正当理由 (illness, approved leave): the month counts for nothing. */
  excused?: boolean;
}

export const SELF_LAPSE_MONTHS = 6;
export type LapseKind = 'orgLife' | 'dues' | 'work';
export const LAPSE_WORDS: Record<LapseKind, string> = {
  orgLife: '不参加党的组织生活',
  dues: '不交纳党费',
  work: '不做党所分配的工作',
};

export interface SelfLapseCandidate {
  memberId: string;
  ruleId: 'APR-14';
  /** Each kind with a run of ≥ 6 consecutive months, and the months of its longest run. */
  runs: { kind: LapseKind; months: string[] }[];
  message: string;
}

/**
 * The 自行脱党 candidate [APR-14, FEE-23]: 6 consecutive calendar months without organisational
 * life, or without dues, or without doing assigned work. A month missing from the facts, an
 * excused month, and (for work) a month with nothing assigned break the run: only what is
 * recorded counts. An alert for the branch to decide (assembly resolution plus superior
 * approval); never automatic. Null when no run reaches 6.
 */
export function selfLapseCandidate(
  memberId: string,
  facts: readonly MonthFacts[],
): SelfLapseCandidate | null {
  const sorted = [...facts].sort((a, b) => a.month.localeCompare(b.month));
  const lapsed: Record<LapseKind, (f: MonthFacts) => boolean> = {
    orgLife: (f) => !f.orgLife,
    dues: (f) => !f.duesPaid,
    work: (f) => f.work === false,
  };
  const runs: SelfLapseCandidate['runs'] = [];
  for (const kind of Object.keys(lapsed) as LapseKind[]) {
    let run: string[] = [];
    let longest: string[] = [];
    let prev: string | null = null;
    for (const f of sorted) {
      const follows = prev !== null && addMonths(`${prev}-01`, 1).slice(0, 7) === f.month;
      if (!follows) run = [];
      if (!f.excused && lapsed[kind](f)) run.push(f.month);
      else run = [];
      if (run.length > longest.length) longest = [...run];
      prev = f.month;
    }
    if (longest.length >= SELF_LAPSE_MONTHS) runs.push({ kind, months: longest });
  }
  if (!runs.length) return null;
  const parts = runs.map(
    (r) =>
      `${r.months[0]}至${r.months[r.months.length - 1]}连续${r.months.length}个月${LAPSE_WORDS[r.kind]}`,
  );
  return {
    memberId,
    ruleId: 'APR-14',
    runs,
    message: `${parts.join('；')}，可能属于自行脱党情形，请支部核实有无正当理由后作出决定`,
  };
}

/** The columns of the 《民主评议党员登记表》 [APR-11]. */
export const REGISTRATION_FIELDS = {
  selfEvaluation: '个人自评',
  mutualSummary: '党员互评情况',
  ballotSummary: '民主测评情况',
  branchOpinion: '党支部认定意见',
} as const;
export type RegistrationField = keyof typeof REGISTRATION_FIELDS;

export interface RegistrationEntry {
  status: 'full' | 'probationary';
  /** By the member, or recorded by the committee for a member without a phone. */
  selfEvaluation: string | null;
  mutualSummary: string | null;
  ballotSummary: string | null;
  /** The grade decided (null for a 预备党员 [APR-06]) and whether the opinion is signed. */
  grade: DemocraticGrade | null;
  signed: boolean;
  /** An imported 流入地 result fills the 认定意见 [APR-20]. */
  imported?: boolean;
}

/**
 * The blank columns of one member's 登记表 [APR-11]; the appraisal cannot close while any is
 * blank. A 预备党员's 认定意见 is complete without a grade (参加评议，不评定等次) once signed.
 */
export function registrationGaps(e: RegistrationEntry): RegistrationField[] {
  const blank = (s: string | null) => !s || !s.trim();
  const out: RegistrationField[] = [];
  if (blank(e.selfEvaluation)) out.push('selfEvaluation');
  if (blank(e.mutualSummary)) out.push('mutualSummary');
  if (blank(e.ballotSummary)) out.push('ballotSummary');
  const opinion = e.imported || (e.signed && (e.status === 'probationary' || e.grade !== null));
  if (!opinion) out.push('branchOpinion');
  return out;
}
