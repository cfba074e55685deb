/** The superior's console: every branch of the year, with or without its review. */
import type { BoardOut, CampaignOut } from '../../../services/appraisal';
import { campaignRow, gradeWord, type CampaignRow, type GradeLabels } from '../view';

export interface BranchRow {
  orgId: string;
  orgName: string;
  campaigns: CampaignRow[];
}

/** Branches in the tree's order; a campaign of an org not in the tree still shows, last. */
export function branchRows(
  branches: { id: string; name: string }[],
  campaigns: CampaignOut[],
): BranchRow[] {
  const rows = branches.map((b) => ({
    orgId: b.id,
    orgName: b.name,
    campaigns: campaigns.filter((c) => c.orgId === b.id).map(campaignRow),
  }));
  const known = new Set(branches.map((b) => b.id));
  for (const c of campaigns.filter((x) => !known.has(x.orgId))) {
    const row = rows.find((r) => r.orgId === c.orgId);
    if (row) row.campaigns.push(campaignRow(c));
    else rows.push({ orgId: c.orgId, orgName: c.orgName, campaigns: [campaignRow(c)] });
  }
  return rows;
}

/** 好：名额3名，已评2名，还剩1名（共20名书记）, and the bar's width. */
export function quotaView(q: NonNullable<BoardOut['quota']>, labels: GradeLabels | undefined) {
  const word = gradeWord(q.grade, labels);
  return {
    text: `“${word}”名额${q.limit}名，已评定${q.used}名，还剩${q.left}名`,
    of: `共${q.of}名书记参加评定`,
    note: q.note,
    percent: q.limit ? Math.min(100, Math.round((q.used / q.limit) * 100)) : 100,
    full: q.left <= 0,
  };
}

export type QuotaView = ReturnType<typeof quotaView>;

/** Who must report when the office changed hands during the year [SEC-01]. */
export function predecessorText(p: CampaignOut['predecessors']): string {
  if (!p.length) return '';
  const names = p.map((x) => x.name).join('、');
  return `本年度${names}也曾担任书记，请按规定明确由谁述职。`;
}
