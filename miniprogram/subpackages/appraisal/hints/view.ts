/**
 * The superior's 民主评议 overview [APR-05, APR-10, issue 14 item 9]: each branch's 优秀 against
 * its 正式党员, and the backend's hints (rate near or above 1/3, a jump from last year, ballots
 * marking everyone 优秀, 轮流坐庄) with a mark and words, never colour alone. No ranking [PRIV-09].
 */
import type { HintsOut } from '../../../services/appraisal';

const LEVEL: Record<string, { mark: string; word: string }> = {
  info: { mark: 'ⓘ', word: '提示' },
  warning: { mark: '!', word: '请留意' },
  alert: { mark: '!!', word: '请核实' },
};

/** Every branch below (from the org tree), with its hints where the backend has a campaign. */
export function hintRows(h: HintsOut, branches: { id: string; name: string }[]) {
  const known = new Set(h.branches.map((b) => b.orgId));
  const rows = [
    ...h.branches,
    ...branches
      .filter((b) => !known.has(b.id))
      .map((b) => ({
        orgId: b.id,
        orgName: b.name,
        campaignId: null,
        of: 0,
        excellent: null,
        hints: [],
      })),
  ];
  return rows.map((b) => ({
    orgId: b.orgId,
    orgName: b.orgName,
    campaignId: b.campaignId ?? '',
    line: !b.campaignId
      ? '本年度还没有开始民主评议'
      : b.excellent === null
        ? `正式党员${b.of}人，还没有评定等次`
        : `正式党员${b.of}人，评为优秀${b.excellent}人`,
    hints: b.hints.map((x, i) => ({
      key: `${x.ruleId}:${i}`,
      level: x.level,
      mark: (LEVEL[x.level] ?? LEVEL.info).mark,
      word: (LEVEL[x.level] ?? LEVEL.info).word,
      message: x.message,
    })),
    quiet: !b.hints.length && b.excellent !== null,
  }));
}

export type HintRow = ReturnType<typeof hintRows>[number];
