/**
 * The superior's compliance grid (issue 16), pure: each branch × obligation × period is held,
 * missing, due or n/a, derived from the records' facts [TD-01, MTG-01 … MTG-08, MTG-19, FEE-24,
 * FORT-12]. No I/O and no clock: `today` (the local date) is a parameter.
 */
import type { ActivityType } from '../../contracts/activity';
import type { CellState, Obligation } from '../../contracts/org-oversight';
import { OBLIGATIONS } from '../../contracts/org-oversight';
import { Frequency, periodOf, periodsOf } from '../activity/compliance';

export type Cells = Record<Obligation, Record<string, CellState>>;
export type Totals = Record<Obligation, { held: number; required: number }>;

/** The grid's column words (plain Chinese, as the pages and the xlsx print them). */
export const OBLIGATION_LABELS: Record<Obligation, string> = {
  themeDay: '主题党日',
  branchAssembly: '党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  orgLifeMeeting: '组织生活会',
  dues: '党费交纳',
  disclosure: '党务公开',
  recordsOnTime: '纪实按时归档',
};

/** One requirement as the branch's compliance page judges it (`complianceOf`'s item). */
export interface RequiredItem {
  type: ActivityType;
  frequency: string;
  /** Ended periods without a counted record, as the compliance page lists them [MTG-08]. */
  missing: readonly string[];
  /**
   * The periods held as the compliance page judges them — by every 党小组 where the branch holds
   * it by group [TD-11, MTG-03]; without it, any counted record of the type in the period.
   */
  heldPeriods?: readonly string[];
}

/** A dues month of the ledger: members owing something, and of them those not paid in full. */
export interface DuesMonth {
  month: string;
  owing: number;
  unpaid: number;
}

/** A 主题党日 or 三会一课 held (closed) and whether its 纪实 was filed on time [MTG-19]. */
export interface Filing {
  month: string;
  /** true / false once decided, null while still inside the filing window. */
  onTime: boolean | null;
}

export interface GridFacts {
  year: number;
  today: string;
  /** Local date the branch was set up: periods ending before it are n/a. */
  foundedOn: string;
  /** What the compliance page requires of the branch, with its missing periods. */
  required: readonly RequiredItem[];
  /** Counted activities (`isCounted`), by type and local date. */
  counted: readonly { type: ActivityType; date: string }[];
  dues: readonly DuesMonth[];
  /** Months (`YYYY-MM`) with a notice published or updated [FORT-12]. */
  disclosureMonths: ReadonlySet<string>;
  filings: readonly Filing[];
}

const ACTIVITY_OBLIGATIONS = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
] as const satisfies readonly Obligation[];

const monthsOf = (year: number) => periodsOf('monthly', year);

/**
 * The cells of an activity obligation: held where a counted record is in the period (or the
 * compliance page does not list an ended period as missing), n/a for a period that ended before
 * the branch was set up, missing once ended without, due while running [TD-01, MTG-08].
 */
function activityCells(f: GridFacts, type: ActivityType): Record<string, CellState> {
  const items = f.required.filter((r) => r.type === type);
  if (!items.length) return { [String(f.year)]: 'n/a' };
  const out: Record<string, CellState> = {};
  for (const item of items) {
    const freq = item.frequency as Frequency;
    const held = new Set<string | null>(
      item.heldPeriods ??
        f.counted.filter((c) => c.type === type).map((c) => periodOf(freq, c.date)),
    );
    const missing = new Set(item.missing);
    for (const p of periodsOf(freq, f.year)) {
      const ended = p.lastDay < f.today;
      out[p.label] =
        held.has(p.label) || (ended && !missing.has(p.label) && p.lastDay >= f.foundedOn)
          ? 'held'
          : p.lastDay < f.foundedOn
            ? 'n/a'
            : ended
              ? 'missing'
              : 'due';
    }
  }
  return out;
}

/**
 * 党费 by month [FEE-24]: month M is due by the end of M, so the running month and later ones are
 * due; an ended month is n/a when nobody owes, held when everyone owing paid it in full, missing
 * with arrears.
 */
function duesCells(f: GridFacts): Record<string, CellState> {
  const thisMonth = f.today.slice(0, 7);
  const byMonth = new Map(f.dues.map((d) => [d.month, d]));
  return Object.fromEntries(
    monthsOf(f.year).map(({ label }): [string, CellState] => {
      const d = byMonth.get(label);
      if (label >= thisMonth) return [label, 'due'];
      if (!d || d.owing === 0) return [label, 'n/a'];
      return [label, d.unpaid > 0 ? 'missing' : 'held'];
    }),
  );
}

/** 党务公开 by month [FORT-12, DIS-07]: held with a notice published or updated in the month. */
function disclosureCells(f: GridFacts): Record<string, CellState> {
  return Object.fromEntries(
    monthsOf(f.year).map(({ label, lastDay }): [string, CellState] => [
      label,
      f.disclosureMonths.has(label)
        ? 'held'
        : lastDay < f.foundedOn
          ? 'n/a'
          : lastDay < f.today
            ? 'missing'
            : 'due',
    ]),
  );
}

/**
 * 纪实 on time by month [MTG-19, FORT-13]: over the 主题党日 and 三会一课 held in the month,
 * missing when one was filed late, due while one is inside its window, held when all were on
 * time, n/a with none held.
 */
function recordsCells(f: GridFacts): Record<string, CellState> {
  return Object.fromEntries(
    monthsOf(f.year).map(({ label }): [string, CellState] => {
      const held = f.filings.filter((x) => x.month === label).map((x) => x.onTime);
      if (!held.length) return [label, 'n/a'];
      if (held.includes(false)) return [label, 'missing'];
      return [label, held.includes(null) ? 'due' : 'held'];
    }),
  );
}

/** Every cell of a branch's row. */
export function gridCells(f: GridFacts): Cells {
  const out = {} as Cells;
  for (const o of ACTIVITY_OBLIGATIONS) out[o] = activityCells(f, o);
  out.dues = duesCells(f);
  out.disclosure = disclosureCells(f);
  out.recordsOnTime = recordsCells(f);
  return out;
}

/**
 * Per obligation, held of the periods required so far: those ended (not n/a) and those already
 * held while still running — so a row reads "主题党日 11/11" on 1 December, and "12/12" once
 * December's is held.
 */
export function gridTotals(cells: Cells): Totals {
  const out = {} as Totals;
  for (const o of OBLIGATIONS) {
    const states = Object.values(cells[o]);
    const held = states.filter((s) => s === 'held').length;
    out[o] = { held, required: held + states.filter((s) => s === 'missing').length };
  }
  return out;
}

/** 1 = the highest 堡垒指数; equal totals by name [FORT-23]. */
export function rankOf<T extends { orgId: string; name: string; total: number }>(
  rows: readonly T[],
): Map<string, number> {
  const sorted = [...rows].sort(
    (a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  return new Map(sorted.map((r, i) => [r.orgId, i + 1]));
}

/** The ended months of the year with a missing 主题党日 (TD-01's alert), oldest first. */
export const missingThemeDayMonths = (cells: Cells): string[] =>
  Object.entries(cells.themeDay)
    .filter(([, s]) => s === 'missing')
    .map(([k]) => k)
    .sort();
