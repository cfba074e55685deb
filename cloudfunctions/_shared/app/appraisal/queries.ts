/**
 * What other areas read of 双述双评 (read models): the follow-ups a published grade created
 * [SEC-15, SEC-16], for the to-do list (`org.todo`) of the secretary and of the superior, until
 * done. No actions here.
 */
import { handlingReason, TASK_RULES } from '../../domain/appraisal/consequences';
import { BRANCH_STEP_WORDS, type BranchStep } from '../../domain/appraisal/branch-grading';
import {
  DEMOCRATIC_STEP_WORDS,
  DEMOCRATIC_STEPS,
  democraticFiled,
  type DemocraticStep,
} from '../../domain/appraisal/democratic-model';
import { STEP_WORDS, type SecretaryStep } from '../../domain/appraisal/model';
import type { TaskKind } from '../../domain/appraisal/model';
import { openFollowUps } from '../../repos/appraisal-decisions';
import { hasQuota, QUOTA_GRADE } from '../../domain/appraisal/quota';
import { branchAppraisalsUnder, type BranchAppraisalDoc } from '../../repos/appraisal-branch';
import { appraisalsUnder, type AppraisalDoc } from '../../repos/appraisals';
import { rectificationFollowUps, type RectificationAsk } from './rectification-queries';

const BOARD = '/subpackages/appraisal/board/index';
const REPORT = '/subpackages/appraisal/report/index';

const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

export interface FollowUp {
  campaignId: string;
  kind: TaskKind;
  title: string;
  page: string;
  level: 'info' | 'warning' | 'alert';
  ruleId: string;
}

function titleOf(doc: AppraisalDoc, t: AppraisalDoc['tasks'][number], mine: boolean): string {
  const by = t.due ? `（${dayText(t.due)}前）` : '';
  const who = `${doc.orgName}书记${doc.subjectName}同志`;
  if (t.kind === 'rectification')
    return mine
      ? `请按评议意见整改，并在${dayText(t.due ?? '')}前报告整改情况`
      : `${who}的整改${by}`;
  if (t.kind === 'reminderTalk')
    return mine && doc.subjectId !== t.ownerId
      ? `上级党组织将与您进行提醒谈话${by}`
      : `与${who}进行提醒谈话${by}`;
  return `${who}${handlingReason(doc.decision?.grade ?? 'incompetent', null)}`;
}

/**
 * The caller's open follow-ups of 双述双评 [SEC-15, SEC-16]: the secretary's rectification and the
 * 提醒谈话 they are to have; for the superior (`superior`: they hold `appraisal.decide` on `orgId`),
 * every open follow-up of the campaigns of that org or graded by it, the 组织处理 flag included.
 * The flag is never shown to the secretary. With `rectification`, the reports due and the items
 * late on the branch's rectification list that the caller reports for come first [APR-18], read
 * from the org as loaded (no query). One query.
 */
export async function appraisalFollowUps(
  memberId: string,
  orgId: string,
  superior: boolean,
  /** The branch as loaded and the caller: its rectification list's to-dos too, at no query. */
  rectification?: RectificationAsk,
): Promise<FollowUp[]> {
  const docs = await openFollowUps(memberId, superior ? [orgId] : []);
  const out: FollowUp[] = rectification ? rectificationFollowUps(rectification) : [];
  for (const doc of docs) {
    const mine = doc.subjectId === memberId;
    const oversees = superior && (doc.orgId === orgId || doc.committeeId === orgId);
    for (const t of doc.tasks ?? []) {
      if (t.done) continue;
      const shown = mine ? t.kind !== 'orgHandling' : t.ownerId === memberId || oversees;
      if (!shown) continue;
      out.push({
        campaignId: doc._id,
        kind: t.kind,
        title: titleOf(doc, t, mine),
        page: `${mine ? REPORT : BOARD}?id=${doc._id}`,
        level: t.kind === 'orgHandling' ? 'alert' : 'warning',
        ruleId: TASK_RULES[t.kind],
      });
    }
  }
  return out;
}

/**
 * FORT-09's 民主评议 half of the 堡垒指数: whether the branch's 民主评议党员 of the year is done and
 * filed (every APR-02 step through 报告基层党委 and 记入个人档案), from the campaign's steps as the
 * 积分 area's year view carries them; null when the branch has no campaign in the app that year.
 */
export function democraticFiledOf(
  campaigns: readonly { stepsDone?: Partial<Record<string, unknown>> | null }[],
): boolean | null {
  if (!campaigns.length) return null;
  const c = campaigns[0];
  return democraticFiled(DEMOCRATIC_STEPS.filter((s) => !!c.stepsDone?.[s]));
}

/**
 * The 评组织 (焦作 branchAppraisal) 先进 of a year under an org, for the cross-branch quota console
 * [FORT-19, FORT-23]: per 基层党委 the year-end decision where made, else the mid-year one; the
 * branches graded 先进 in it. `opened`: campaigns of the year; `decided`: of them with a decision.
 * One query.
 */
export async function branchAdvancedUnder(
  orgId: string,
  year: number,
): Promise<{ opened: number; decided: number; advanced: string[] }> {
  const docs = await branchAppraisalsUnder(orgId, year);
  const byCommittee = new Map<string, BranchAppraisalDoc>();
  for (const d of docs) {
    if (!d.decision) continue;
    const held = byCommittee.get(d.committeeId);
    if (!held || (held.phase === 'midYear' && d.phase === 'yearEnd'))
      byCommittee.set(d.committeeId, d);
  }
  const advanced = [...byCommittee.values()].flatMap((d) =>
    Object.entries(d.decision?.grades ?? {})
      .filter(([, g]) => g === 'advanced')
      .map(([id]) => id),
  );
  return {
    opened: docs.length,
    decided: byCommittee.size,
    advanced: [...new Set(advanced)].sort(),
  };
}

/**
 * The 双述双评 secretary reviews of a year under an org, for the 好 quota [SEC-18]: how many are
 * reviewed, how many decided 好, and whether any is under a profile that caps 好 (`jiaozuo`).
 * One query.
 */
export async function secretaryGoodUnder(
  orgId: string,
  year: number,
): Promise<{ of: number; good: number; capped: boolean }> {
  const docs = await appraisalsUnder(orgId, year, 'secretaryReview');
  return {
    of: docs.length,
    good: docs.filter((d) => d.decision?.grade === QUOTA_GRADE).length,
    capped: docs.some((d) => hasQuota(d.profile)),
  };
}

/** What the superior's dashboard reads of a branch's campaigns of a year: their steps only. */
export interface CampaignSteps {
  /** 双述双评 of the branch's secretary (`appraisals`, kind secretaryReview). */
  secretaryReviews: readonly { step: string }[];
  /** 民主评议党员 of the branch. */
  democratic: readonly { step: string }[];
  /** 评组织 campaigns that rate the branch (mid-year, year-end). */
  branchAppraisals: readonly { phase: string; step: string }[];
}

/**
 * The step each appraisal of a branch's year has reached, in its Chinese word, by kind
 * (`secretaryReview` 双述双评, `democraticAppraisal` 民主评议, `branchAppraisal` 评组织); a kind not
 * opened is absent. Never a box, a ballot or a grade. The campaigns are read with the branches'
 * year in one aggregate (repos/dashboard-scan.ts); this turns their steps into words.
 */
export function appraisalStepWords(c: CampaignSteps): Record<string, string> {
  const out: Record<string, string> = {};
  const sec = c.secretaryReviews[0];
  if (sec) out.secretaryReview = STEP_WORDS[sec.step as SecretaryStep | 'done'] ?? sec.step;
  const dem = c.democratic[0];
  if (dem)
    out.democraticAppraisal =
      DEMOCRATIC_STEP_WORDS[dem.step as DemocraticStep | 'done'] ?? dem.step;
  // the year-end campaign once opened, else the mid-year one
  const branch =
    c.branchAppraisals.find((x) => x.phase === 'yearEnd') ?? c.branchAppraisals[0] ?? null;
  if (branch)
    out.branchAppraisal =
      branch.step === 'done'
        ? '已完成'
        : (BRANCH_STEP_WORDS[branch.step as BranchStep] ?? branch.step);
  return out;
}
