/**
 * What follows a 民主评议 grade [APR-15], the disposal options for an 不合格 正式党员 with their
 * resolution records [APR-16], and the DEV route for a 预备党员 [APR-17]. Nothing here is applied
 * by itself: the branch decides, these rules say what a decision needs.
 */
import type { MemberStatus } from '../org/model';
import { fail, ok, Result } from '../shared/result';
import { addMonths, isCalendarDate } from '../shared/time';
import type { DemocraticGrade } from './democratic-model';

export type ConsequenceKind = 'praise' | 'encourage' | 'helpPlan' | 'educateOrDispose';

export interface Consequence {
  kind: ConsequenceKind;
  words: string;
  /** A follow-up the branch records: a help plan (基本合格) or a handling decision (不合格). */
  task: 'helpPlan' | 'unqualifiedHandling' | null;
  ruleId: 'APR-15';
}

const CONSEQUENCES: Record<DemocraticGrade, Consequence> = {
  excellent: {
    kind: 'praise',
    words: '支部以适当方式予以表扬',
    task: null,
    ruleId: 'APR-15',
  },
  qualified: {
    kind: 'encourage',
    words: '引导向优秀党员看齐，不断提高自己',
    task: null,
    ruleId: 'APR-15',
  },
  basicallyQualified: {
    kind: 'helpPlan',
    words: '指出差距，制定帮扶计划，帮助改进',
    task: 'helpPlan',
    ruleId: 'APR-15',
  },
  unqualified: {
    kind: 'educateOrDispose',
    words: '进行教育转化，或由支部稳妥慎重地作出组织处置',
    task: 'unqualifiedHandling',
    ruleId: 'APR-15',
  },
};

/** The consequence of a grade [APR-15]; none for a 预备党员 (no grade) [APR-06]. */
export const consequenceOf = (grade: DemocraticGrade | null): Consequence | null =>
  grade ? CONSEQUENCES[grade] : null;

/** How an 不合格 正式党员 is handled: 教育转化, or one of the disposal options [APR-15, APR-16]. */
export const HANDLING_OPTIONS = ['educate', 'correction', 'persuadeWithdraw', 'expel'] as const;
export type HandlingOption = (typeof HANDLING_OPTIONS)[number];
export const HANDLING_WORDS: Record<HandlingOption, string> = {
  educate: '教育转化',
  correction: '限期改正',
  persuadeWithdraw: '劝退',
  expel: '除名',
};

export const MAX_CORRECTION_MONTHS = 12;

/** A resolution record: the 支部党员大会's resolution, the superior's approval. */
export interface ResolutionRecord {
  /** The record's id (the minutes or the approval document). */
  ref: string;
  on: string;
}

export interface HandlingInput {
  status: MemberStatus;
  grade: DemocraticGrade | null;
  option: HandlingOption;
  /** 限期改正: the months given, 1–12. */
  months?: number;
  assemblyResolution?: ResolutionRecord | null;
  superiorApproval?: ResolutionRecord | null;
}

export interface Handling {
  option: HandlingOption;
  /** 限期改正: the date by which the member must have corrected (start = the resolution). */
  correctBy: string | null;
}

const recorded = (r: ResolutionRecord | null | undefined): r is ResolutionRecord =>
  !!r && !!r.ref.trim() && isCalendarDate(r.on);

/**
 * The handling of an 不合格 正式党员 [APR-15, APR-16]. 教育转化 needs no resolution. 限期改正 needs
 * the assembly resolution and 1–12 months. 劝退 and 除名 need the assembly resolution and the
 * superior's approval, not before it. A 预备党员 is never disposed of (DEV route) [APR-06, APR-17].
 */
export function validateHandling(h: HandlingInput): Result<Handling> {
  if (h.status === 'probationary')
    return fail(
      'APPRAISAL.NOT_UNQUALIFIED',
      '预备党员存在问题，按预备党员的规定延长预备期或取消预备党员资格，不作组织处置',
      'APR-17',
    );
  if (h.grade !== 'unqualified')
    return fail('APPRAISAL.NOT_UNQUALIFIED', '只有评为不合格的党员才作组织处置', 'APR-15');
  if (h.option === 'educate') return ok({ option: h.option, correctBy: null });
  if (!recorded(h.assemblyResolution))
    return fail(
      'APPRAISAL.RESOLUTION_MISSING',
      `${HANDLING_WORDS[h.option]}须有支部党员大会的决议记录`,
      'APR-16',
    );
  if (h.option === 'correction') {
    const m = h.months;
    if (m === undefined || !Number.isInteger(m) || m < 1 || m > MAX_CORRECTION_MONTHS)
      return fail(
        'APPRAISAL.CORRECTION_TOO_LONG',
        `限期改正的期限为1到${MAX_CORRECTION_MONTHS}个月`,
        'APR-16',
      );
    return ok({ option: h.option, correctBy: addMonths(h.assemblyResolution.on, m) });
  }
  if (!recorded(h.superiorApproval))
    return fail(
      'APPRAISAL.RESOLUTION_MISSING',
      `${HANDLING_WORDS[h.option]}须经支部党员大会讨论决定，并报上级党组织批准`,
      'APR-16',
    );
  if (h.superiorApproval.on < h.assemblyResolution.on)
    return fail(
      'APPRAISAL.RESOLUTION_MISSING',
      '上级党组织的批准应在支部党员大会作出决议之后',
      'APR-16',
    );
  return ok({ option: h.option, correctBy: null });
}

/** The 限期改正 period is over and not yet followed up: the branch decides again [APR-16]. */
export function correctionOverdue(correctBy: string, today: string, closed: boolean): boolean {
  return !closed && today > correctBy;
}

/**
 * A 预备党员 with problems [APR-17]: a flag for the DEV rules (extend probation by 6–12 months
 * once, or cancel — DEV-28), never a disposal and never a grade [APR-06].
 */
export interface DevRoute {
  memberId: string;
  route: 'dev';
  options: readonly ('extendProbation' | 'cancelProbation')[];
  message: string;
  ruleId: 'APR-17';
}

export function probationaryRoute(memberId: string, status: MemberStatus): DevRoute | null {
  if (status !== 'probationary') return null;
  return {
    memberId,
    route: 'dev',
    options: ['extendProbation', 'cancelProbation'],
    message: '预备党员在评议中发现的问题，转入预备党员考察：可延长预备期，或取消预备党员资格',
    ruleId: 'APR-17',
  };
}
