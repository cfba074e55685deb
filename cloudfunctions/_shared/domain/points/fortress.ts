import { localMonth } from '../shared/time';
import { stars } from './pioneer';

export interface FortressFacts {
  themeDayMonths: number; // months with a counted theme day [FORT-04]
  assembly: { compliant: number; required: number };
  committee: { months: number } | null; // null without a committee [FORT-06]
  lecture: { held: number; required: number };
  orgLifeHeld: boolean;
  appraisalDone: boolean | null; // null until 民主评议 is recorded in the app
  dues: { paid: number; due: number } | null;
  termOk: boolean;
  disclosureMonths: number | null; // null until 党务公开 is in use
}

export interface FortressAssessment {
  evaluation: number; // 党员群众测评 0–20
  fiveStandards: number; // 0 or 10
  centralWork: number; // 0–10
  reverse: string[]; // FORT-15 codes confirmed by the superior
}

/**
 * 堡垒指数: 共性 60 computed from recorded facts only, dropping items that do not apply and
 * renormalising [FORT-02, FORT-03 … FORT-12]; 个性 40 and reverse items set by the superior only
 * [FORT-14, FORT-16]; stars from the total [FORT-18]; any reverse item makes the branch 三类 [FORT-15].
 */
export function fortressIndex(f: FortressFacts, a: FortressAssessment | null) {
  const items: { code: string; name: string; points: number; max: number; ruleId: string }[] = [];
  const add = (code: string, name: string, points: number, max: number, ruleId: string) =>
    items.push({ code, name, points, max, ruleId });
  add('themeDay', '每月开展主题党日', Math.min(12, f.themeDayMonths), 12, 'FORT-04');
  add(
    'assembly',
    '支部党员大会',
    f.assembly.required ? Math.floor((4 * f.assembly.compliant) / f.assembly.required) : 4,
    4,
    'FORT-05',
  );
  if (f.committee)
    add(
      'committee',
      '支委会',
      Math.floor((6 * Math.min(12, f.committee.months)) / 12),
      6,
      'FORT-06',
    );
  add(
    'lecture',
    '党课',
    f.lecture.required
      ? Math.floor((4 * Math.min(f.lecture.held, f.lecture.required)) / f.lecture.required)
      : 4,
    4,
    'FORT-08',
  );
  add('orgLife', '组织生活会', f.orgLifeHeld ? 4 : 0, 4, 'FORT-09');
  if (f.appraisalDone !== null)
    add('appraisal', '民主评议党员', f.appraisalDone ? 4 : 0, 4, 'FORT-09');
  if (f.dues)
    add(
      'dues',
      '党费收缴',
      f.dues.due ? Math.floor((8 * f.dues.paid) / f.dues.due) : 8,
      8,
      'FORT-10',
    );
  add('term', '按期换届', f.termOk ? 4 : 0, 4, 'FORT-11');
  if (f.disclosureMonths !== null)
    add(
      'disclosure',
      '党务公开及时',
      Math.floor((4 * Math.min(12, f.disclosureMonths)) / 12),
      4,
      'FORT-12',
    );
  const earned = items.reduce((s, i) => s + i.points, 0);
  const applicable = items.reduce((s, i) => s + i.max, 0);
  const common = applicable ? Math.floor((60 * earned) / applicable) : 0;
  const personal = a ? a.evaluation + a.fiveStandards + a.centralWork : 0;
  const total = common + personal;
  const reverse = a?.reverse ?? [];
  return {
    common,
    personal,
    total,
    items,
    assessed: !!a,
    reverse,
    stars: reverse.length ? 0 : stars(total),
    grade: reverse.length ? '三类' : null,
  };
}

/** Months of a year in which the branch published or updated a disclosure [FORT-12, DIS-07]. */
export function disclosureMonthsOf(times: readonly (Date | string)[], year: number): number {
  return new Set(times.map((t) => localMonth(new Date(t))).filter((m) => m.startsWith(`${year}-`)))
    .size;
}
