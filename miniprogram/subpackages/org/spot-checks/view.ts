/** View helpers of 抽查: the requirement, each quarter's draw and checks, in plain words. */
import type { SpotCheckRow, SpotChecksOutput } from '../../../services/oversight';

const QUARTER_WORDS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** What each level of committee must check in a year [MTG-37]. */
export const LEVEL_WORDS: Record<string, string> = {
  baseCommittee: '基层党委每个季度至少抽查1个党支部，一年内每个党支部都要抽查到',
  county: '县级党委每年至少抽查所属党支部的10%',
  city: '市级或行业党委每年至少抽查所属党支部的2%',
};

export function quarterWord(q: number): string {
  return QUARTER_WORDS[q] ?? `第${q}季度`;
}

/** The quarter (1–4) of an instant in Beijing. */
export function quarterOf(now = Date.now()): number {
  const month = new Date(now + 8 * 3600_000).getUTCMonth();
  return Math.floor(month / 3) + 1;
}

/** 2026-12-01 → 12月1日 (the year is the page's). */
export function dayText(date: string | null): string {
  if (!date) return '';
  const [, m, d] = date.slice(0, 10).split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** An id as a class name (ids may hold `:`), for finding a row. */
export const classKey = (id: string) => id.replace(/[^\w-]/g, '-');

export interface CheckView {
  id: string;
  key: string;
  name: string;
  stateText: string;
  tone: 'ok' | 'bad' | 'wait';
  pending: boolean;
  fiveText: string;
  findings: string;
  dates: string;
}

export interface QuarterView {
  quarter: number;
  title: string;
  /** Drawn already (its seed), or still to draw. */
  drawn: boolean;
  seedText: string;
  /** May be drawn now: this quarter of this year, not yet drawn (a past quarter cannot be redone). */
  drawable: boolean;
  drawLabel: string;
  checks: CheckView[];
}

export interface SpotView {
  title: string;
  requirement: string;
  progress: string;
  progressTone: 'ok' | 'wait';
  note: string;
  quarters: QuarterView[];
  unchecked: { orgId: string; name: string }[];
  uncheckedTitle: string;
}

export function checkView(c: SpotCheckRow): CheckView {
  const pending = c.result === null;
  const stateText = pending ? '… 待登记结果' : c.result === 'pass' ? '✓ 合格' : '✗ 不合格';
  const dates = [
    `${dayText(c.drawnOn)}抽取`,
    c.recordedOn ? `${dayText(c.recordedOn)}登记结果` : '',
  ].filter(Boolean);
  return {
    id: c.id,
    key: classKey(c.id),
    name: c.orgName,
    stateText,
    tone: pending ? 'wait' : c.result === 'pass' ? 'ok' : 'bad',
    pending,
    fiveText: c.fiveStandardsFailed ? '五化检查不合格：今年不能评为先进党支部' : '',
    findings: c.findings ? `发现的情况：${c.findings}` : '',
    dates: dates.join('，'),
  };
}

/** The page of one year: the current quarter is `quarterNow` when the year is this year. */
export function spotView(out: SpotChecksOutput, thisYear: number, quarterNow: number): SpotView {
  const lastOpen = out.year < thisYear ? 4 : out.year > thisYear ? 0 : quarterNow;
  const quarters = [1, 2, 3, 4].map((q): QuarterView => {
    const checks = out.checks.filter((c) => c.quarter === q);
    const seed = checks[0]?.seed ?? '';
    return {
      quarter: q,
      title: quarterWord(q),
      drawn: checks.length > 0,
      seedText: seed ? `抽取种子：${seed}，可据此复核` : '',
      drawable: checks.length === 0 && q === lastOpen && out.year === thisYear,
      drawLabel: `抽取${quarterWord(q)}要抽查的支部`,
      checks: checks.map(checkView),
    };
  });
  const met = out.checkedBranches >= out.required;
  return {
    title: `${out.year}年度抽查`,
    requirement: LEVEL_WORDS[out.level] ?? '',
    progress: `共${out.branches}个党支部，今年至少应抽查${out.required}个，已抽查${out.checkedBranches}个`,
    progressTone: met ? 'ok' : 'wait',
    note: out.note,
    // Quarters not yet begun and with nothing drawn say nothing.
    quarters: quarters.filter((q) => q.drawn || q.drawable || q.quarter <= lastOpen),
    unchecked: out.unchecked,
    uncheckedTitle: out.unchecked.length
      ? `今年还没有抽查的党支部（${out.unchecked.length}个）`
      : '今年每个党支部都已抽查过',
  };
}
