import type { AppraisalOutput, CampaignOut } from '../../contracts/appraisal';
import { nearestCommittee } from '../../domain/appraisal/campaign';
import { democraticGrades, timingAlerts } from '../../domain/appraisal/democratic-model';
import { isBranchKind, type OrgKind } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import { localDate } from '../../domain/shared/time';
import {
  democraticId,
  democraticUnder,
  findDemocratic,
  insertDemocratic,
  type DemocraticAppraisalDoc,
} from '../../repos/appraisal-democratic';
import { branchAppraisalsOfBranch } from '../../repos/appraisal-branch';
import { appraisalsUnder } from '../../repos/appraisals';
import { listOrgMembers } from '../../repos/members';
import { relatedOrgs, type OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import {
  democraticOrg,
  democraticOutOf,
  democraticStanding,
  loadDemocratic,
  requireDemocraticReader,
  votedDemocratic,
} from './democratic-support';

/**
 * 民主评议党员 campaigns (kind `democraticAppraisal`): opened by the branch committee or the
 * superior for a branch and a year, read by its participants, listed on the superior's console.
 * Called by the generic `open` / `get` / `list` (campaign.ts) for this kind.
 */

/**
 * Opens the year's 民主评议 of a branch [APR-01, APR-02]: the participants are fixed now from the
 * roster — 正式 and 预备 [APR-06], 流动党员 included (their 流入地 result may be imported later,
 * APR-20), exempt members included (they are members; 民主评议 is not points), members
 * transferred out excluded [PRIV-20].
 */
export async function openDemocratic(
  ctx: Ctx,
  input: { orgId: string; year: number },
): Promise<AppraisalOutput<'open'>> {
  const org = await ctx.require('appraisal.decideMembers', input.orgId);
  if (!isBranchKind(org.kind))
    throw new AppError(
      'APPRAISAL.KIND_NOT_AVAILABLE',
      '民主评议党员以党支部为单位开展，请在党支部里组织',
      {
        ruleId: 'APR-02',
      },
    );
  const nowYear = Number(localDate(ctx.now).slice(0, 4));
  if (input.year !== nowYear && input.year !== nowYear - 1)
    throw new AppError('APPRAISAL.WRONG_YEAR', '只能组织本年度或上一年度的民主评议党员', {
      ruleId: 'APR-01',
    });
  const [ancestors, roster] = await Promise.all([
    relatedOrgs(org.ancestors, []),
    listOrgMembers(org._id),
  ]);
  const kinds = new Map<string, OrgKind>(ancestors.map((o) => [o._id, o.kind]));
  const { member } = await ctx.caller();
  const id = democraticId(org._id, input.year);
  const doc: DemocraticAppraisalDoc = {
    _id: id,
    kind: 'democraticAppraisal',
    year: input.year,
    orgId: org._id,
    orgName: org.name,
    committeeId: nearestCommittee(org.ancestors, kinds),
    orgPath: [...org.ancestors, org._id],
    profile: org.profile,
    participants: [...roster]
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((m) => ({
        memberId: m._id,
        name: m.name,
        status: m.status,
        mobile: !!m.mobile,
        exempt: !!m.exempt,
      })),
    plan: {
      grades: [...democraticGrades(org.profile)],
      probationaryBallot: settingOf(org, 'apr.probationaryBallot'),
      month: settingOf(org, 'apr.month'),
      minBallots: settingOf(org, 'sec.minBallots'),
    },
    step: 'study',
    stepsDone: {},
    selfDone: [],
    mutualDone: [],
    groups: [],
    boxes: [],
    imported: {},
    decision: null,
    publishedAt: null,
    openedBy: member._id,
    createdAt: ctx.now,
  };
  await ctx.write(async (tx) => {
    if (await findDemocratic(id, tx))
      throw new AppError('CONFLICT', `${org.name}${input.year}年度的民主评议党员已经组织过了`, {
        ruleId: 'APR-01',
      });
    await insertDemocratic(doc, tx);
    return {
      audit: {
        org,
        entity: 'democraticAppraisals',
        entityId: id,
        after: { year: doc.year, participants: doc.participants.length, plan: doc.plan },
      },
    };
  });
  return { id, subjectId: org._id, predecessors: [] };
}

/**
 * The soft timing reminders of APR-01, from the first 测评 box's meeting (none before one is
 * opened): off the month, not at the xianning 主题党日, not with the hunan 组织生活会, and under
 * jiaozuo before the year's 评书记 and year-end 评组织 are finished.
 */
async function timingOf(doc: DemocraticAppraisalDoc): Promise<CampaignOut['alerts']> {
  const held = doc.boxes.find((b) => b.heldOn);
  if (!held?.heldOn) return [];
  let secretaryReviewDone: boolean | undefined;
  let branchAppraisalDone: boolean | undefined;
  if (doc.profile === 'jiaozuo') {
    const [reviews, branch] = await Promise.all([
      appraisalsUnder(doc.orgId, doc.year, 'secretaryReview'),
      branchAppraisalsOfBranch(doc.orgId, doc.year),
    ]);
    secretaryReviewDone = reviews.some((r) => r.orgId === doc.orgId && r.step === 'done');
    // the year-end 评组织 (its 公示) is the one 民主评议 follows
    branchAppraisalDone = branch.some((c) => c.phase === 'yearEnd' && c.step === 'done');
  }
  return timingAlerts(
    doc.profile,
    {
      year: doc.year,
      heldOn: held.heldOn,
      onThemeDay: held.activityType === 'themeDay',
      withOrgLifeMeeting: held.activityType === 'orgLifeMeeting',
      secretaryReviewDone,
      branchAppraisalDone,
    },
    doc.plan.month,
  ).map((a) => ({ ...a }));
}

export async function getDemocratic(ctx: Ctx, id: string): Promise<CampaignOut> {
  const doc = await loadDemocratic(id);
  const s = await requireDemocraticReader(ctx, doc, await democraticOrg(doc));
  const [voted, alerts] = await Promise.all([votedDemocratic([doc], s.me), timingOf(doc)]);
  return democraticOutOf(doc, s, voted, alerts);
}

/** The policy reads an org's id and ancestors only; a campaign carries both (`orgPath`). */
const orgOfPath = (doc: DemocraticAppraisalDoc): OrgDoc =>
  ({ _id: doc.orgId, kind: 'branch', ancestors: doc.orgPath.slice(0, -1) }) as unknown as OrgDoc;

/**
 * The 民主评议 campaigns of an org and below in a year, for a caller allowed to list them (the
 * generic `list` checked `appraisal.conduct` on the root): one query, plus the caller's voted
 * flags only when they may vote in one. Timing hints are left to `get`.
 */
export async function listDemocratic(ctx: Ctx, root: OrgDoc, year: number): Promise<CampaignOut[]> {
  const docs = await democraticUnder(root._id, year);
  if (!docs.length) return [];
  const { member } = await ctx.caller();
  const voted = await votedDemocratic(docs, member._id);
  const out: CampaignOut[] = [];
  for (const doc of docs) {
    const s = await democraticStanding(ctx, doc, doc.orgId === root._id ? root : orgOfPath(doc));
    out.push(democraticOutOf(doc, s, voted));
  }
  return out;
}
