/**
 * The superior's anomaly hints on 民主评议党员 (issue 14 item 9) for the branches below an org in
 * a year: the 优秀 rate near or above 1/3, or a jump from last year [APR-05]; ballots that mark
 * everyone 优秀, as far as the stored tallies honestly tell [APR-05, APR-21]; 优秀 rotating
 * through members regardless of points (轮流坐庄) [APR-10]. Hints only, per branch, never a
 * ranking of branches or of members [PRIV-09]. For the superior (`appraisal.decide`). Three
 * round trips whatever the number of branches.
 */
import type { AppraisalOutput } from '../../contracts/appraisal';
import type { HintOut } from '../../contracts/appraisal-decision';
import {
  allExcellentBallots,
  allExcellentHint,
  rateHints,
  rotationHint,
  ROTATION_MAX_YEARS,
  type RotationYear,
  type YearOutcome,
} from '../../domain/appraisal/anomalies';
import { awardWarning, ballotForm, gradedHere } from '../../domain/appraisal/democratic';
import { democraticOfCommittee, democraticOfOrg } from '../../repos/appraisal-democratic';
import { boxesByIds } from '../../repos/ballots';
import type { Ctx } from '../../runtime/context';
import {
  closedBoxIds,
  gradeOf,
  loadDemocratic,
  participantOf,
  participantsOf,
  tallyFrom,
  type DemocraticDoc,
} from './democratic-view';

/** A year's outcome, counted once the decision is final (a draft says nothing yet). */
function outcomeOf(doc: DemocraticDoc): YearOutcome | null {
  if (!doc.decision?.final) return null;
  const graded = gradedHere(participantsOf(doc));
  const excellent = graded.filter((p) => doc.decision?.grades?.[p.memberId] === 'excellent');
  return { fullMembers: graded.length, excellent: excellent.length };
}

function rotationYearOf(doc: DemocraticDoc): RotationYear {
  const grades = doc.decision?.final ? doc.decision.grades : {};
  return {
    year: doc.year,
    excellent: Object.keys(grades)
      .filter((id) => grades[id] === 'excellent')
      .sort(),
    points: doc.pointsAtDecision ?? {},
  };
}

export async function hints(
  ctx: Ctx,
  input: { orgId: string; year: number },
): Promise<AppraisalOutput<'hints'>> {
  await ctx.require('appraisal.decide', input.orgId);
  const years = Array.from({ length: ROTATION_MAX_YEARS }, (_, i) => input.year - i);
  const [below, own] = await Promise.all([
    democraticOfCommittee(input.orgId, years),
    democraticOfOrg(input.orgId, years),
  ]);
  const all = new Map<string, DemocraticDoc>();
  for (const d of [...below, ...own] as DemocraticDoc[]) all.set(d._id, d);
  const docs = [...all.values()];
  const current = docs
    .filter((d) => d.year === input.year)
    .sort((a, b) => a.orgId.localeCompare(b.orgId));
  const boxIds = current.flatMap(closedBoxIds);
  const boxes = new Map((boxIds.length ? await boxesByIds(boxIds) : []).map((b) => [b._id, b]));
  const branches = current.map((doc) => {
    const out: HintOut[] = [];
    const now = outcomeOf(doc);
    const lastDoc = docs.find((d) => d.orgId === doc.orgId && d.year === input.year - 1);
    const last = lastDoc ? outcomeOf(lastDoc) : null;
    if (now) out.push(...rateHints(now, last));
    const t = tallyFrom(doc, boxes);
    // By 党小组 each ballot marks only its group: the whole-branch bound would not hold [APR-08].
    if (t.result && !doc.groups?.length) {
      const markable = ballotForm(doc.profile, participantsOf(doc)).markable;
      const bounds = allExcellentBallots(markable, t.result.valid, t.result.tally, null);
      const h = allExcellentHint(t.returned, bounds);
      if (h) out.push(h);
    }
    const history = docs.filter((d) => d.orgId === doc.orgId).map(rotationYearOf);
    const r = rotationHint(history);
    if (r) out.push(r);
    return {
      orgId: doc.orgId,
      orgName: doc.orgName,
      campaignId: doc._id,
      of: now?.fullMembers ?? gradedHere(participantsOf(doc)).length,
      excellent: now?.excellent ?? null,
      hints: out.map((a) => ({ ruleId: a.ruleId, level: a.level, message: a.message })),
    };
  });
  return { orgId: input.orgId, year: input.year, branches };
}

/**
 * APR-13: a superior's 优秀党员 award normally goes to a member the branch graded 优秀 (or whose
 * imported result is 优秀); otherwise a warning, never a refusal. The superior only
 * (`appraisal.decide`), and only the grade once the decision is final.
 */
export async function awardCheck(
  ctx: Ctx,
  input: { id: string; memberId: string },
): Promise<AppraisalOutput<'awardCheck'>> {
  const doc = await loadDemocratic(input.id);
  await ctx.require('appraisal.decide', doc.orgId);
  const p = participantOf(doc, input.memberId);
  const imported = doc.imported?.[p.memberId];
  const grade = imported ? imported.grade : doc.decision?.final ? gradeOf(doc, p.memberId) : null;
  const w = awardWarning(grade);
  return {
    memberId: p.memberId,
    grade,
    warning: w ? { ruleId: w.ruleId, level: w.level, message: w.message } : null,
  };
}
