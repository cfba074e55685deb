/**
 * Anomaly hints for the superior's quota console (issue 14, item 9): a 优秀 rate near or above
 * 1/3 [APR-05] or one that jumped from last year; the share of ballots that mark everyone 优秀;
 * 优秀 rotating through the members regardless of points (轮流坐庄) [APR-10]. Hints only: they
 * never refuse and never change a grade. Ballots are sealed and only tallies are stored
 * [APR-21], so everything here is computed from tallies, counts and decided grades.
 */
import type { Alert } from '../shared/result';
import type { DemocraticTally } from './democratic';

/** A year's outcome in a branch: N (正式党员 graded there) and how many were graded 优秀. */
export interface YearOutcome {
  fullMembers: number;
  excellent: number;
}

/** "Near" 1/3: a rate of 30% or more (HPartySystem's cap, and 90% of the 1/3 cap). */
export const NEAR_RATE = 0.3;
/** A jump: the rate rose by 15 percentage points or more, and by at least 2 members. */
export const JUMP_POINTS = 0.15;
export const JUMP_MEMBERS = 2;
/** The share of all-优秀 ballots that is worth a hint: 20% of the ballots returned. */
export const ALL_EXCELLENT_SHARE = 0.2;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const rate = (o: YearOutcome) => (o.fullMembers > 0 ? o.excellent / o.fullMembers : 0);

/**
 * The 优秀 rate against 1/3 [APR-05]: above it is an alert (only possible in imported or paper
 * records, since the decision refuses it); 30% up to 1/3 is a hint (the quota was used in full or
 * nearly). A jump from last year of ≥ 15 points and ≥ 2 members is a hint too.
 */
export function rateHints(now: YearOutcome, lastYear: YearOutcome | null): Alert[] {
  const out: Alert[] = [];
  if (now.fullMembers <= 0) return out;
  const r = rate(now);
  if (3 * now.excellent > now.fullMembers)
    out.push({
      ruleId: 'APR-05',
      level: 'alert',
      message: `“优秀”${now.excellent}名，占正式党员${now.fullMembers}名的${pct(r)}，超过了1/3`,
    });
  else if (r >= NEAR_RATE)
    out.push({
      ruleId: 'APR-05',
      level: 'info',
      message: `“优秀”${now.excellent}名，占正式党员的${pct(r)}，接近1/3的上限`,
    });
  if (lastYear && lastYear.fullMembers > 0) {
    const before = rate(lastYear);
    if (r - before >= JUMP_POINTS && now.excellent - lastYear.excellent >= JUMP_MEMBERS)
      out.push({
        ruleId: 'APR-05',
        level: 'warning',
        message: `“优秀”比例由去年的${pct(before)}升到今年的${pct(r)}，升幅较大`,
      });
  }
  return out;
}

/**
 * What can honestly be said about ballots marking every markable member 优秀, from what is stored:
 * `counted` — the number the tellers (paper) or the server (app, at the moment of casting, as a
 * bare counter in the ballot's tally) counted when the ballot closed; otherwise bounds from the
 * tally alone: at least max(0, E − valid × (N − 1)) ballots (E = all 优秀 marks) and at most the
 * fewest 优秀 marks any member got. Under APR-05 such a ballot is over the quota whenever N ≥ 1,
 * so in the app it is refused and the counter stays 0; on paper it is a 废票 and is counted.
 */
export function allExcellentBallots(
  markable: readonly string[],
  valid: number,
  tally: DemocraticTally,
  counted: number | null,
): { atLeast: number; atMost: number; exact: boolean } {
  if (counted !== null) return { atLeast: counted, atMost: counted, exact: true };
  const n = markable.length;
  if (n === 0 || valid <= 0) return { atLeast: 0, atMost: 0, exact: true };
  const e = markable.map((id) => tally[id]?.excellent ?? 0);
  const total = e.reduce((a, b) => a + b, 0);
  const atLeast = Math.max(0, total - valid * (n - 1));
  const atMost = Math.min(valid, ...e);
  return { atLeast, atMost, exact: atLeast === atMost };
}

/**
 * The hint on all-优秀 ballots: when at least 20% of the ballots returned certainly marked
 * everyone 优秀 (the lower bound, never the upper one: a hint is never a guess).
 */
export function allExcellentHint(
  returned: number,
  ballots: { atLeast: number; exact: boolean },
): Alert | null {
  if (returned <= 0 || ballots.atLeast / returned < ALL_EXCELLENT_SHARE) return null;
  return {
    ruleId: 'APR-05',
    level: 'warning',
    message: `收回的${returned}张测评票中，${ballots.exact ? '' : '至少'}${ballots.atLeast}张把所有人都评为“优秀”（${pct(ballots.atLeast / returned)}），测评可能流于形式`,
  };
}

/** One past year of a branch: who was graded 优秀, and the members' 先锋指数 totals that year. */
export interface RotationYear {
  year: number;
  excellent: readonly string[];
  points: Readonly<Record<string, number>>;
}

/** 轮流坐庄 is looked for over the latest 3 to 5 consecutive years. */
export const ROTATION_MIN_YEARS = 3;
export const ROTATION_MAX_YEARS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * 轮流坐庄: over the latest consecutive years (at least 3, at most 5), each year with 优秀 members,
 * nobody was 优秀 twice, and in at least 2 of those years a member graded 优秀 had points below
 * that year's median. Years without points data cannot show "regardless of points" and end the
 * window. A hint for the superior [APR-10: 不简单以票取人, nor by turns].
 */
export function rotationHint(history: readonly RotationYear[]): Alert | null {
  const years = [...history].sort((a, b) => b.year - a.year);
  const window: RotationYear[] = [];
  for (const y of years) {
    const last = window[window.length - 1];
    if (last && last.year !== y.year + 1) break;
    if (!y.excellent.length || !Object.keys(y.points).length) break;
    window.push(y);
    if (window.length === ROTATION_MAX_YEARS) break;
  }
  if (window.length < ROTATION_MIN_YEARS) return null;
  const seen = new Set<string>();
  for (const y of window)
    for (const id of y.excellent) {
      if (seen.has(id)) return null;
      seen.add(id);
    }
  const belowMedian = window.filter((y) => {
    const m = median(Object.values(y.points));
    return y.excellent.some((id) => (y.points[id] ?? -Infinity) < m);
  }).length;
  if (belowMedian < 2) return null;
  const from = window[window.length - 1].year;
  const to = window[0].year;
  return {
    ruleId: 'APR-10',
    level: 'warning',
    message: `${from}—${to}年每年的“优秀”都是不同的人，其中${belowMedian}年有先锋指数积分低于中位数的党员被评为“优秀”，可能存在“轮流坐庄”`,
  };
}
