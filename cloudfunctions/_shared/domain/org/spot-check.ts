/**
 * Spot checks of the branches as pure rules [MTG-37]: how many a level of committee must check in
 * a year, how many a quarter's draw takes so the year's requirement is met by the fourth quarter,
 * and the draw itself — a pure function of a logged seed and the sorted branch ids, so anyone can
 * draw the same sample again from the seed [MTG-37]. No clock, no I/O: the seed comes from the
 * use case (a fresh random value) and is stored with every check it drew.
 */
import { createHash } from 'crypto';
import type { SpotLevel } from '../../contracts/org-oversight';

/** The yearly share of the branches a 县 and a 市 (or 行业) committee check, in percent [MTG-37]. */
export const SPOT_PERCENT: Record<Exclude<SpotLevel, 'baseCommittee'>, number> = {
  county: 10,
  city: 2,
};

export const SPOT_LEVEL_WORDS: Record<SpotLevel, string> = {
  baseCommittee: '基层党委',
  county: '县级党委',
  city: '市级或行业党委',
};

/**
 * The branches to check in a year [MTG-37]: a 基层党委 every one of its N branches; a 县
 * ceil(10% × N); a 市 ceil(2% × N). Integer arithmetic (0.1 × 30 is not 3 in floating point).
 */
export function requiredPerYear(level: SpotLevel, branches: number): number {
  if (branches <= 0) return 0;
  if (level === 'baseCommittee') return branches;
  return Math.ceil((SPOT_PERCENT[level] * branches) / 100);
}

export interface QuarterFacts {
  level: SpotLevel;
  quarter: number;
  /** The branches below the committee now. */
  branches: number;
  /** Of them, those already drawn this year (by an earlier quarter's sample). */
  checked: number;
}

/**
 * How many branches the quarter's draw takes [MTG-37]: what is still needed of the year's
 * requirement spread evenly over the quarters left (this one included), so the fourth quarter
 * takes all still needed; never fewer than one while there are branches (every level checks each
 * quarter; a 基层党委 must), never more than there are.
 */
export function quarterSize(f: QuarterFacts): number {
  if (f.branches <= 0) return 0;
  const stillNeeded = Math.max(0, requiredPerYear(f.level, f.branches) - f.checked);
  const quartersLeft = 5 - f.quarter;
  return Math.min(f.branches, Math.max(1, Math.ceil(stillNeeded / quartersLeft)));
}

/**
 * The seeded PRNG: a SHA-256 hash chain. Block 0 = sha256(seed), block i+1 = sha256(block i);
 * each block gives one 48-bit number. `below(m)` is uniform in [0, m): numbers of the last
 * incomplete multiple of m are skipped (rejection), so no index is favoured.
 */
function hashChain(seed: string) {
  let block = createHash('sha256').update(`spot-check:${seed}`).digest();
  const next = (): number => {
    const x = block.readUIntBE(0, 6);
    block = createHash('sha256').update(block).digest();
    return x;
  };
  const SPAN = 2 ** 48;
  return {
    below(m: number): number {
      const limit = Math.floor(SPAN / m) * m;
      for (;;) {
        const x = next();
        if (x < limit) return x % m;
      }
    },
  };
}

/**
 * k of the ids drawn at random from the seed [MTG-37]: the ids are sorted first (so the order they
 * come in never matters), then a partial Fisher–Yates shuffle driven by the hash chain picks k.
 * The same (seed, ids, k) always gives the same sample; the answer is sorted.
 */
export function drawSample(seed: string, ids: readonly string[], k: number): string[] {
  const pool = [...new Set(ids)].sort();
  const n = Math.min(Math.max(0, Math.floor(k)), pool.length);
  const rng = hashChain(seed);
  for (let i = 0; i < n; i++) {
    const j = i + rng.below(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n).sort();
}

/**
 * The quarter's sample [MTG-37]: drawn first from the branches not yet checked this year; when the
 * quarter takes more than those (a 基层党委's last quarter never does), the rest from the others.
 */
export function drawQuarter(
  seed: string,
  unchecked: readonly string[],
  checked: readonly string[],
  k: number,
): string[] {
  if (k <= unchecked.length) return drawSample(seed, unchecked, k);
  const rest = drawSample(seed, checked, k - unchecked.length);
  return [...new Set([...unchecked]), ...rest].sort();
}

export interface SpotYear {
  level: SpotLevel;
  year: number;
  branches: number;
  required: number;
  /** Branches with a recorded result this year. */
  checked: number;
  /** Drawn, result not recorded yet. */
  pending: number;
  /** Not drawn this year at all. */
  unchecked: number;
  failed: number;
}

/** The plain sentence of the spot-check page [MTG-37]. */
export function spotNote(s: SpotYear): string {
  if (s.branches === 0) return '本级党组织下还没有党支部，无需抽查。';
  const who = SPOT_LEVEL_WORDS[s.level];
  const rule =
    s.level === 'baseCommittee'
      ? `${who}每个季度至少抽查1个党支部，一年内${s.branches}个党支部都要抽查到`
      : `${who}每年至少抽查所属党支部的${SPOT_PERCENT[s.level]}%`;
  const parts = [
    `${rule}。本年度应抽查${s.required}个，已抽查${s.checked}个`,
    s.pending ? `已抽到、待登记结果的${s.pending}个` : '',
    s.failed ? `其中检查不合格的${s.failed}个` : '',
  ].filter(Boolean);
  const left = Math.max(0, s.required - s.checked - s.pending);
  const tail = left
    ? `还需抽查${left}个。`
    : s.checked >= s.required
      ? '本年度的抽查要求已经达到。'
      : '登记完已抽到支部的检查结果，即达到本年度的要求。';
  return `${parts.join('，')}；${tail}`;
}
