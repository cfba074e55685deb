export interface RankRow {
  memberId: string;
  total: number;
  vetoed: boolean;
  deduct: number;
  flagged: boolean;
}

/**
 * Ranking among members with a score (exempt members are not ranked [PTS-02]); equal totals share
 * a rank. The top 20% without a veto are 评先评优 candidates [PTS-23]; the bottom 10% are flagged
 * only with a recorded problem (veto, deductions ≥ 10, an absence flag) [PTS-24]. Nothing here is
 * a grade [PTS-25].
 */
export function rank(rows: RankRow[]) {
  const sorted = [...rows].sort(
    (a, b) => b.total - a.total || a.memberId.localeCompare(b.memberId),
  );
  const n = sorted.length;
  // Members tied with the last one inside a share are inside it too: a tie is never split by id.
  const topTotal = n ? sorted[Math.ceil(n * 0.2) - 1].total : Infinity;
  const bottomTotal = n ? sorted[n - Math.ceil(n * 0.1)].total : -Infinity;
  let rankNo = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1].total !== r.total) rankNo = i + 1;
    const problem = r.vetoed || r.deduct >= 10 || r.flagged;
    return {
      ...r,
      rank: rankNo,
      candidate: r.total >= topTotal && !r.vetoed,
      needsTalk: r.total <= bottomTotal && problem,
    };
  });
}

/** Member stars from the year's total, when a branch turns them on [PTS-37]; FORT-18 uses the same bands. */
export function stars(total: number | null): number {
  if (total === null || total < 60) return 0;
  if (total >= 96) return 5;
  if (total >= 90) return 4;
  return Math.floor((total - 60) / 10) + 1;
}
