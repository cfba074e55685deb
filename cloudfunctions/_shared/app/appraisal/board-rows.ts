/**
 * The grading board's rows, computed from the records [SEC-10, SEC-11, SEC-12, SEC-18, SEC-20]:
 * one row per secretary review the 基层党委 grades this year (the quota and the ties compare them
 * all), each with both evaluations, the daily assessment (堡垒指数 and compliance, read through the
 * 积分 and 组织生活 read models), the 调查核实 and the advisory weighted score. `board` and
 * `decide` share it, so the score the superior sees is the score the decision checks.
 */
import type { BoardOut } from '../../contracts/appraisal';
import {
  advisoryGrade,
  complianceScore,
  dailyScore,
  evaluationsOf,
  requiredBoxes,
  weightedScore,
  type BoxFacts,
} from '../../domain/appraisal/grading';
import { isWeak } from '../../domain/appraisal/consequences';
import { BALLOT_BOXES, GRADE_WORDS, secretaryGrades } from '../../domain/appraisal/model';
import {
  boundaryTies,
  hasQuota,
  QUOTA_GRADE,
  quotaLimit,
  quotaMeter,
} from '../../domain/appraisal/quota';
import type { Sector } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import type { AppraisalDoc, BallotBoxDoc } from '../../repos/appraisals';
import { committeeReviews, boxesOfReviews, previousReviews } from '../../repos/appraisal-decisions';
import { visibleTally } from '../../domain/ballot/rules';
import { complianceOf } from '../activity/queries';
import { closedOut, minBallotsOf } from './support';
import { branchYearRecords, fortressOf } from '../points/queries';

type Row = BoardOut['subjects'][number];
type Daily = Row['daily'];

const EMPTY_DAILY: Daily = { fortress: null, stars: null, compliance: null, score: null };

/** A branch's daily assessment of a year (its 堡垒指数 and compliance) and sector, in one round trip. */
export async function dailyOf(
  orgId: string,
  year: number,
  now: Date,
): Promise<{ daily: Daily; category: Sector }> {
  const records = await branchYearRecords(orgId, year, now);
  if (!records) return { daily: EMPTY_DAILY, category: 'organ' };
  const { view } = records;
  const fortress = fortressOf(view, year, now);
  const roster = view.members.filter((m) => !m.transfer);
  const byActivity = new Map(view.activities.map((a) => [a._id, a.attendance]));
  const items = complianceOf(
    view.org,
    { activities: view.activities, members: roster, byActivity },
    year,
    { now },
  );
  const compliance = complianceScore(items);
  const daily = {
    fortress: fortress.total,
    stars: fortress.stars,
    compliance,
    score: dailyScore({ fortress, compliance }),
  };
  return { daily, category: view.org.category };
}

/**
 * A box as grading sees the subject in it [SEC-19]: the tally once closed, hidden (null) below the
 * campaign's minimum of valid ballots (CORE's `visibleTally`); a void box is not usable.
 */
export function boxFactsOf(doc: AppraisalDoc, boxes: ReadonlyMap<string, BallotBoxDoc>) {
  return BALLOT_BOXES.map((box): BoxFacts => {
    const id = doc.boxes?.[box]?.id ?? doc.boxIds?.[box];
    const b = id ? boxes.get(id) : undefined;
    if (!b) return { box, status: 'none', valid: 0, tally: null };
    const valid = b.result?.valid ?? 0;
    const shown =
      b.status === 'closed' && b.result ? visibleTally(b.result, minBallotsOf(doc)).tally : null;
    return { box, status: b.status, valid, tally: shown ? (shown[doc.subjectId] ?? {}) : null };
  });
}

/**
 * Why a box's tally is not on the board, in plain words; null when it is shown [SEC-19]: below
 * the minimum turnout (closeBallot's sentence), void, still open, or not held yet.
 */
export function hiddenOf(
  doc: AppraisalDoc,
  boxes: ReadonlyMap<string, BallotBoxDoc>,
  box: BoxFacts['box'],
): string | null {
  const id = doc.boxes?.[box]?.id ?? doc.boxIds?.[box];
  const b = id ? boxes.get(id) : undefined;
  if (!b) return '这项测评还没有进行';
  if (b.status === 'open') return '这项测评还在进行，结束投票后才显示票数';
  return closedOut(b, minBallotsOf(doc)).hidden;
}

/** One row of the board for a campaign, with `verification` given (decide) or as decided. */
export function rowOf(
  doc: AppraisalDoc,
  boxes: ReadonlyMap<string, BallotBoxDoc>,
  branch: { daily: Daily; category: Sector },
  verification: number | null = doc.decision?.verification ?? null,
): Row {
  const { daily } = branch;
  const facts = boxFactsOf(doc, boxes);
  const required = requiredBoxes(doc.profile, branch.category);
  const ev = evaluationsOf(facts, required);
  const { weighted, missing } = weightedScore(
    { daily: daily.score, evaluations: ev, verification },
    doc.plan.weights,
  );
  return {
    subjectId: doc.subjectId,
    name: doc.subjectName,
    orgName: doc.orgName,
    evaluations: ev.rows
      .filter((r) => r.status !== 'none' || required.includes(r.box))
      .map((r) => ({
        box: r.box,
        valid: r.valid,
        tally: r.tally,
        mean: r.mean,
        hidden: r.tally ? null : hiddenOf(doc, boxes, r.box),
      })),
    daily,
    verification,
    weighted,
    missing,
    advisory: advisoryGrade(weighted, doc.plan.thresholds, doc.profile),
    leaderComment: doc.leaderComment?.text ?? null,
    grade: doc.decision?.grade ?? null,
    flags: [],
  };
}

export interface Board {
  rows: Row[];
  /** The committee's secretary reviews of the year (N of the quota) and those decided 好 besides `doc`. */
  of: number;
  usedByOthers: number;
  quota: BoardOut['quota'];
  ties: BoardOut['ties'];
}

/**
 * The committee's board of the year around `doc` (its row first) [SEC-18]: `override` replaces
 * the current campaign's 调查核实 (what `decide` is about to record). Round trips: the committee's
 * campaigns, their boxes and last year's reviews of the same people (one query each), and one
 * per branch for the daily assessment, all in parallel after the first. `scope: 'self'` reads
 * this campaign's row only (deciding where no quota compares the rows).
 */
export async function committeeBoard(
  doc: AppraisalDoc,
  now: Date,
  override?: { verification: number | null },
  scope: 'committee' | 'self' = 'committee',
): Promise<Board> {
  const all = scope === 'self' ? [doc] : await committeeReviews(doc.committeeId, doc.year);
  const docs = [doc, ...all.filter((d) => d._id !== doc._id)];
  const orgIds = [...new Set(docs.map((d) => d.orgId))];
  const [boxes, previous, dailies] = await Promise.all([
    boxesOfReviews(docs),
    previousReviews(docs),
    Promise.all(orgIds.map((o) => dailyOf(o, doc.year, now))),
  ]);
  const dailyBy = new Map(orgIds.map((o, i) => [o, dailies[i]]));
  const rows = docs.map((d, i) =>
    rowOf(
      d,
      boxes,
      dailyBy.get(d.orgId) ?? { daily: EMPTY_DAILY, category: 'organ' },
      i === 0 && override ? override.verification : undefined,
    ),
  );
  const quotaOn = hasQuota(doc.profile);
  const of = docs.length;
  const usedByOthers = docs.slice(1).filter((d) => d.decision?.grade === QUOTA_GRADE).length;
  const used = usedByOthers + (rows[0].grade === QUOTA_GRADE ? 1 : 0);
  const ties = quotaOn
    ? boundaryTies(
        rows.map((r) => ({ subjectId: r.subjectId, score: r.weighted })),
        quotaLimit(of),
      )
    : [];
  for (const r of rows) {
    const last = previous.get(r.subjectId);
    if (last?.decision && last.publishedAt && isWeak(last.decision.grade))
      r.flags.push({
        ruleId: 'SEC-16',
        message: `上一年度评定为“${GRADE_WORDS[last.decision.grade]}”，如本年度再评此等次，须提请组织处理`,
      });
    if (ties.some((t) => t.subjectIds.includes(r.subjectId)))
      r.flags.push({
        ruleId: 'SEC-18',
        message: `参考得分与其他书记相同，处在“${GRADE_WORDS[QUOTA_GRADE]}”的名额线上，评为“${GRADE_WORDS[QUOTA_GRADE]}”须写明理由`,
      });
  }
  return { rows, of, usedByOthers, quota: quotaOn ? quotaMeter(of, used) : null, ties };
}

/** The board as `board` answers it. */
export const boardOut = (doc: AppraisalDoc, b: Board): BoardOut => ({
  kind: 'secretaryReview',
  id: doc._id,
  grades: [...secretaryGrades(doc.profile)],
  subjects: b.rows,
  quota: b.quota,
  ties: b.ties,
  weights: doc.plan.weights,
  thresholds: doc.plan.thresholds,
});

/** The rectification period of a campaign: fixed in its plan, else the branch's setting [SEC-15]. */
export const rectifyMonthsOf = (doc: AppraisalDoc, org: Parameters<typeof settingOf>[0]): number =>
  doc.plan.rectifyMonths ?? settingOf(org, 'sec.rectifyMonths');
