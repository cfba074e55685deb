import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import {
  checkReviewable,
  checkYear,
  nearestCommittee,
  planOf,
  predecessorsOf,
  type OfficeChange,
} from '../../domain/appraisal/campaign';
import type { OrgKind, RoleGrant } from '../../domain/org/model';
import { localDate, localInstant } from '../../domain/shared/time';
import {
  appraisalId,
  appraisalsUnder,
  findAppraisal,
  insertAppraisal,
  type AppraisalDoc,
} from '../../repos/appraisals';
import { listAuditEntries } from '../../repos/audit';
import { listRoleHolders, memberNames } from '../../repos/members';
import { relatedOrgs, type OrgDoc } from '../../repos/orgs';
import { AppError, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { getBranch, isBranchCampaign, listBranch, openBranch } from './branch-hooks';
import { getDemocratic, listDemocratic, openDemocratic } from './democratic-campaign';
import { isDemocraticId } from '../../repos/appraisal-democratic';
import {
  campaignOrg,
  campaignOutOf,
  loadCampaign,
  requireParticipant,
  standing,
  votedBoxes,
} from './support';

const isSecretary = (roles: unknown, orgId: string) =>
  Array.isArray(roles) &&
  (roles as RoleGrant[]).some((r) => r.orgId === orgId && r.role === 'secretary');

/** Who held 书记 of the org when, from the audited role changes of the year (`org.setRole`). */
async function officeChanges(orgId: string, year: number): Promise<OfficeChange[]> {
  const entries = await listAuditEntries({
    orgIds: [orgId],
    entity: 'members.roles',
    from: localInstant(`${year}-01-01`),
    to: localInstant(`${year + 1}-01-01`),
    offset: 0,
    limit: 500,
  });
  return entries.flatMap((e) => {
    const was = isSecretary(e.before, orgId);
    const is = isSecretary(e.after, orgId);
    return was === is ? [] : [{ memberId: e.entityId, date: localDate(e.at), on: is }];
  });
}

/**
 * The 基层党委 opens the review of a secretary for a year [SEC-01, SEC-02, SEC-03]: keyed by the
 * person, with the plan fixed from the settings now [SEC-10, SEC-11, SEC-20] and anyone else who
 * held the office this year named [SEC-01].
 */
export const open = action({
  input: appraisalContract.open.input,
  async run(ctx, input): Promise<AppraisalOutput<'open'>> {
    if (input.kind === 'democraticAppraisal') return openDemocratic(ctx, input);
    if (input.kind === 'branchAppraisal') return openBranch(ctx, input);
    const org = await ctx.require('appraisal.decide', input.orgId);
    const [ancestors, holders, changes] = await Promise.all([
      relatedOrgs(org.ancestors, []),
      listRoleHolders(org._id),
      officeChanges(org._id, input.year),
    ]);
    const kinds = new Map<string, OrgKind>(ancestors.map((o) => [o._id, o.kind]));
    const committeeId = nearestCommittee(org.ancestors, kinds);
    orThrow(checkReviewable(input.kind, org, committeeId));
    orThrow(checkYear(input.year, Number(localDate(ctx.now).slice(0, 4))));
    const secretary = holders.find((m) => isSecretary(m.roles, org._id));
    if (!secretary) throw new AppError('APPRAISAL.NO_SECRETARY', undefined, { ruleId: 'SEC-01' });
    await ctx.require('appraisal.decide', org, { subject: secretary });
    const found = predecessorsOf(input.year, secretary._id, changes);
    const names = found.length ? await memberNames(found.map((p) => p.memberId)) : new Map();
    const predecessors = found.map((p) => ({ ...p, name: names.get(p.memberId) ?? '' }));
    const { member } = await ctx.caller();
    const id = appraisalId(input.kind, secretary._id, input.year);
    const doc: AppraisalDoc = {
      _id: id,
      kind: input.kind,
      year: input.year,
      orgId: org._id,
      committeeId: committeeId!,
      subjectId: secretary._id,
      profile: org.profile,
      orgPath: [...org.ancestors, org._id],
      orgName: org.name,
      subjectName: secretary.name,
      predecessors,
      boxes: {},
      step: 'report',
      stepsDone: {},
      report: {
        status: 'draft',
        sections: {},
        comment: null,
        submittedAt: null,
        decidedAt: null,
        decidedBy: null,
        facts: null,
      },
      boxIds: {},
      leaderComment: null,
      plan: planOf(org, input.year),
      decision: null,
      publishedAt: null,
      noticeId: null,
      tasks: [],
      openedBy: member._id,
      createdAt: ctx.now,
    };
    await ctx.write(async (tx) => {
      if (await findAppraisal(id, tx))
        throw new AppError(
          'CONFLICT',
          `${secretary.name}同志${input.year}年度的述职评议已经组织过了`,
          {
            ruleId: 'SEC-02',
          },
        );
      await insertAppraisal(doc, tx);
      return { audit: { org, entity: 'appraisals', entityId: id, after: doc } };
    });
    return {
      id,
      subjectId: secretary._id,
      predecessors: predecessors.map((p) => ({ ...p })),
    };
  },
});

/** One campaign for a participant: the subject, the committee, the superior, its voters. */
export const get = action({
  input: appraisalContract.get.input,
  async run(ctx, input): Promise<AppraisalOutput<'get'>> {
    if (isDemocraticId(input.id)) return getDemocratic(ctx, input.id);
    if (isBranchCampaign(input.id)) return getBranch(ctx, input.id);
    const doc = await loadCampaign(ctx, input.id);
    const s = await requireParticipant(ctx, doc, await campaignOrg(doc));
    return campaignOutOf(doc, s, await votedBoxes([doc], s.me));
  },
});

/**
 * The policy reads an org's id and ancestors only; a campaign carries both (`orgPath`), so the
 * console needs no read of the orgs.
 */
const orgOfPath = (doc: AppraisalDoc): OrgDoc =>
  ({ _id: doc.orgId, kind: 'branch', ancestors: doc.orgPath.slice(0, -1) }) as unknown as OrgDoc;

/** Campaigns of an org and every org below it in a year (the superior's console). */
export const list = action({
  input: appraisalContract.list.input,
  async run(ctx, input): Promise<AppraisalOutput<'list'>> {
    const root = await ctx.require('appraisal.conduct', input.orgId);
    // Every kind of the year on one console: one query per kind, in parallel.
    const [docs, democratic, branch] = await Promise.all([
      appraisalsUnder(input.orgId, input.year, 'secretaryReview'),
      listDemocratic(ctx, root, input.year),
      listBranch(ctx, input.orgId, input.year),
    ]);
    const { member } = await ctx.caller();
    const voted = await votedBoxes(docs, member._id);
    const out = [];
    for (const doc of docs) {
      const s = await standing(ctx, doc, doc.orgId === root._id ? root : orgOfPath(doc));
      out.push(campaignOutOf(doc, s, voted));
    }
    return [...out, ...democratic, ...branch];
  },
});
