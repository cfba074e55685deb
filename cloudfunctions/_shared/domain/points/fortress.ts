import type { Sector } from '../org/model';
import { localMonth } from '../shared/time';
import {
  advisedGrade,
  FORTRESS_GROUP_NAMES,
  FORTRESS_GROUPS,
  FortressGroup,
  ITEM_GROUP,
  personalItems,
} from './fortress-parts';
import { stars } from './pioneer';

export interface FortressFacts {
  themeDayMonths: number; // months with a counted theme day [FORT-04]
  assembly: { compliant: number; required: number };
  committee: { months: number } | null; // null without a committee [FORT-06]
  /** 党小组会: null without party groups [FORT-07]. */
  groups?: { count: number; compliantGroupMonths: number } | null;
  lecture: { held: number; required: number };
  orgLifeHeld: boolean;
  appraisalDone: boolean | null; // null until 民主评议 is recorded in the app
  dues: { paid: number; due: number } | null;
  termOk: boolean;
  disclosureMonths: number | null; // null until 党务公开 is in use
  /** Records of held activities whose filing window is over, and those finalised in time [FORT-13]. */
  records?: { onTime: number; total: number } | null;
  /** Half-year reports filed, of those due (2 per half: theme days, 三会一课) [FORT-13]. */
  reports?: { filed: number; due: number } | null;
}

export interface FortressAssessment {
  evaluation: number; // 党员群众测评 0–20
  fiveStandards: number; // 0 or 10
  centralWork: number; // 0–10
  reverse: string[]; // FORT-15 codes confirmed by the superior
}

export interface FortressItem {
  code: string;
  name: string;
  points: number;
  max: number;
  ruleId: string;
  group: FortressGroup;
}

const ratio = (max: number, part: number, whole: number) =>
  whole ? Math.floor((max * Math.min(part, whole)) / whole) : max;

/**
 * 堡垒指数, one per branch and year [FORT-01]: 共性 60 computed from recorded facts only, dropping
 * items that do not apply and renormalising [FORT-02, FORT-03 … FORT-13]; 个性 40 by sector and
 * reverse items set by the superior only [FORT-02, FORT-14, FORT-16]; stars from the total
 * [FORT-18]; any reverse item makes the branch 三类 (后进) at once [FORT-02, FORT-15]; the advisory
 * 评组织 grade [FORT-21]. The 咸宁 groups sum the 共性 items [FORT-01].
 */
export function fortressIndex(
  f: FortressFacts,
  a: FortressAssessment | null,
  sector: Sector = 'organ',
) {
  const items: FortressItem[] = [];
  const add = (code: string, name: string, points: number, max: number, ruleId: string) =>
    items.push({ code, name, points, max, ruleId, group: ITEM_GROUP[code] });
  add('themeDay', '每月开展主题党日', Math.min(12, f.themeDayMonths), 12, 'FORT-04');
  add(
    'assembly',
    '支部党员大会',
    ratio(4, f.assembly.compliant, f.assembly.required),
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
  if (f.groups && f.groups.count > 0)
    add(
      'groupMeeting',
      '党小组会',
      ratio(4, f.groups.compliantGroupMonths, 12 * f.groups.count),
      4,
      'FORT-07',
    );
  add('lecture', '党课', ratio(4, f.lecture.held, f.lecture.required), 4, 'FORT-08');
  add('orgLife', '组织生活会', f.orgLifeHeld ? 4 : 0, 4, 'FORT-09');
  if (f.appraisalDone !== null)
    add('appraisal', '民主评议党员', f.appraisalDone ? 4 : 0, 4, 'FORT-09');
  if (f.dues) add('dues', '党费收缴', ratio(8, f.dues.paid, f.dues.due), 8, 'FORT-10');
  add('term', '按期换届', f.termOk ? 4 : 0, 4, 'FORT-11');
  if (f.disclosureMonths !== null)
    add(
      'disclosure',
      '党务公开及时',
      Math.floor((4 * Math.min(12, f.disclosureMonths)) / 12),
      4,
      'FORT-12',
    );
  if (f.records && f.records.total > 0)
    add('records', '纪实按时归档', ratio(4, f.records.onTime, f.records.total), 4, 'FORT-13');
  if (f.reports)
    add('reports', '半年报告按时报送', ratio(2, f.reports.filed, f.reports.due), 2, 'FORT-13');
  const earned = items.reduce((s, i) => s + i.points, 0);
  const applicable = items.reduce((s, i) => s + i.max, 0);
  const common = applicable ? Math.floor((60 * earned) / applicable) : 0;
  const personal = a ? a.evaluation + a.fiveStandards + a.centralWork : 0;
  const total = common + personal;
  const reverse = a?.reverse ?? [];
  const starCount = reverse.length ? 0 : stars(total);
  const groups = FORTRESS_GROUPS.map((g) => {
    const mine = items.filter((i) => i.group === g);
    return {
      code: g,
      name: FORTRESS_GROUP_NAMES[g],
      points: mine.reduce((s, i) => s + i.points, 0),
      max: mine.reduce((s, i) => s + i.max, 0),
    };
  });
  return {
    common,
    personal,
    total,
    items,
    personalItems: personalItems(sector, a),
    groups,
    assessed: !!a,
    reverse,
    /** A reverse item makes the branch 后进 whatever its score [FORT-02, FORT-15]. */
    backward: reverse.length > 0,
    stars: starCount,
    grade: reverse.length ? '三类' : null,
    advice: { ...advisedGrade(starCount, reverse.length > 0), ruleId: 'FORT-21' },
  };
}

/** Months of a year in which the branch published or updated a disclosure [FORT-12, DIS-07]. */
export function disclosureMonthsOf(times: readonly (Date | string)[], year: number): number {
  return new Set(times.map((t) => localMonth(new Date(t))).filter((m) => m.startsWith(`${year}-`)))
    .size;
}

/**
 * 党小组会 [FORT-07]: group meetings are recorded on the branch (groups are not yet the unit of an
 * activity), so a month counts for as many groups as it had counted group meetings, at most all.
 */
export function groupMonths(meetingMonths: readonly string[], groups: number): number {
  const perMonth = new Map<string, number>();
  for (const m of meetingMonths) perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
  return [...perMonth.values()].reduce((s, n) => s + Math.min(n, groups), 0);
}

/**
 * Half-year reports [FORT-13]: each half due once its report date is past (07-15, 01-15 of the
 * next year) or once filed; one export covers both reports (theme days and 三会一课), so it
 * files two. Null when none is due yet.
 */
export function reportsFiled(
  year: number,
  exportedHalves: readonly string[],
  today: string,
): { filed: number; due: number } | null {
  const halves = [
    { half: `${year}-H1`, due: `${year}-07-15` },
    { half: `${year}-H2`, due: `${year + 1}-01-15` },
  ];
  let filed = 0;
  let due = 0;
  for (const h of halves) {
    const done = exportedHalves.includes(h.half);
    if (done || today > h.due) due += 2;
    if (done) filed += 2;
  }
  return due ? { filed, due } : null;
}
