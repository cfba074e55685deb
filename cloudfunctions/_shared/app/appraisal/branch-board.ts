import type { BranchBoardOut, BranchRatingOut } from '../../contracts/appraisal-branch';
import {
  advancedLimit,
  advancedLimitWords,
  BRANCH_GRADE_WORDS,
  branchAdvices,
  phaseHandling,
  ratingShare,
  type BoxRating,
  type BranchFacts,
} from '../../domain/appraisal/branch-grading';
import { advancedGradeAllowed } from '../../domain/org/five-standards';
import type { BranchAppraisalDoc, BranchBoxSummary } from '../../repos/appraisal-branch';
import { fiveStandardsStatuses } from '../org/queries';
import { branchFortress } from '../points/queries';
import { gradeOptions } from './branch-support';

/** Favourable = rated 先进 or 一类 [FORT-21 advice]; only a closed box counts. */
const boxRating = (b: BranchBoxSummary | undefined): BoxRating | null =>
  b?.status === 'closed' && b.result
    ? {
        valid: b.result.valid,
        favourable: (b.result.tally.advanced ?? 0) + (b.result.tally.first ?? 0),
      }
    : null;

const ratingOut = (b: BranchBoxSummary | undefined): BranchRatingOut | null =>
  b
    ? {
        mode: b.mode,
        status: b.status,
        issued: b.result?.issued ?? (b.mode === 'app' ? b.eligible.length : 0),
        returned: b.result?.returned ?? 0,
        valid: b.result?.valid ?? 0,
        favourable: boxRating(b)?.favourable ?? 0,
        // Only a closed box has a count; none moves while it is open [SEC-19].
        tally: b.status === 'closed' && b.result ? { ...b.result.tally } : null,
      }
    : null;

/**
 * The facts of every branch of the campaign, from the records [FORT-19, FORT-21, ORG-30]: the two
 * boxes (on the campaign), the 堡垒指数 with its stars, reverse items and 中心工作 score (the points
 * area, one query per branch), and the 五化 status (the org area, one query), all in parallel.
 */
export async function branchFactsOf(
  doc: BranchAppraisalDoc,
  now: Date,
): Promise<{ facts: BranchFacts[]; fiveLabels: Map<string, string> }> {
  const [fortresses, fives] = await Promise.all([
    Promise.all(doc.branches.map((b) => branchFortress(b.orgId, doc.year, now))),
    fiveStandardsStatuses(
      doc.branches.map((b) => b.orgId),
      doc.year,
    ),
  ]);
  const rows = doc.branches.map((b, i) => {
    const fortress = fortresses[i];
    const five = fives.get(b.orgId)!;
    const work = fortress?.personalItems.find((x) => x.code === 'centralWork')?.points ?? null;
    const facts: BranchFacts = {
      orgId: b.orgId,
      fortressTotal: fortress ? fortress.total : null,
      stars: fortress?.stars ?? 0,
      reverse: !!fortress?.backward,
      fiveStatus: five.status,
      members: boxRating(doc.boxes?.[b.orgId]?.assembly),
      masses: boxRating(doc.boxes?.[b.orgId]?.masses),
      centralWork: work,
    };
    return { facts, label: five.label };
  });
  return {
    facts: rows.map((r) => r.facts),
    fiveLabels: new Map(rows.map((r) => [r.facts.orgId, r.label])),
  };
}

/** The board, from the facts: the advice, the limit, the ties and the superior's ranking. */
export function branchBoardOut(
  doc: BranchAppraisalDoc,
  facts: readonly BranchFacts[],
  fiveLabels: ReadonlyMap<string, string>,
): BranchBoardOut {
  const advices = new Map(branchAdvices(facts, doc.year).map((a) => [a.orgId, a]));
  const byId = new Map(facts.map((f) => [f.orgId, f]));
  const key = (f: BranchFacts) => [f.fortressTotal ?? 0, ratingShare(f) ?? 0];
  const ranked = [...facts].sort(
    (a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1] || a.orgId.localeCompare(b.orgId),
  );
  const rankOf = new Map<string, number>();
  ranked.forEach((f, i) => {
    const prev = ranked[i - 1];
    const same = prev && key(prev)[0] === key(f)[0] && key(prev)[1] === key(f)[1];
    rankOf.set(f.orgId, same ? rankOf.get(prev.orgId)! : i + 1);
  });
  const tieIds = facts.filter((f) => advices.get(f.orgId)?.tie).map((f) => f.orgId);
  const tieGroups = new Map<string, string[]>();
  for (const id of tieIds) {
    const k = key(byId.get(id)!).join(':');
    tieGroups.set(k, [...(tieGroups.get(k) ?? []), id]);
  }
  const grades = doc.decision?.grades ?? {};
  const n = facts.length;
  return {
    kind: 'branchAppraisal',
    id: doc._id,
    year: doc.year,
    phase: doc.phase,
    phaseWords: phaseHandling(doc.phase).words,
    step: doc.step,
    grades: gradeOptions(),
    branches: doc.branches.map((b) => {
      const f = byId.get(b.orgId)!;
      const a = advices.get(b.orgId)!;
      const boxes = doc.boxes?.[b.orgId] ?? {};
      return {
        orgId: b.orgId,
        name: b.name,
        rank: rankOf.get(b.orgId)!,
        rating: {
          members: ratingOut(boxes.assembly),
          masses: ratingOut(boxes.masses),
          share: ratingShare(f),
        },
        work: f.centralWork,
        fortress: { total: f.fortressTotal, stars: f.stars, reverse: f.reverse },
        five: {
          status: f.fiveStatus,
          label: fiveLabels.get(b.orgId) ?? '',
          advancedAllowed: advancedGradeAllowed(f.fiveStatus, doc.year).ok,
        },
        advice: {
          grade: a.grade,
          label: BRANCH_GRADE_WORDS[a.grade],
          because: a.because,
          tie: a.tie,
        },
        grade: grades[b.orgId] ?? null,
        reason: doc.decision?.reasons?.[b.orgId] ?? null,
      };
    }),
    quota: {
      limit: advancedLimit(n),
      used: Object.values(grades).filter((g) => g === 'advanced').length,
      of: n,
      words: advancedLimitWords(n),
    },
    ties: [...tieGroups.values()].map((g) => g.sort()),
    decidedAt: doc.decision ? new Date(doc.decision.at).toISOString() : null,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
  };
}
