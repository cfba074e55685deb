import { orgContract, OrgOutput } from '../../contracts/org';
import { COMMITTEE_ROLES, isBranchKind } from '../../domain/org/model';
import { checkTermShift, termEnd } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import { findMember, setDuty as writeDuty } from '../../repos/members';
import { updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { refuseTransferred } from './transfer-rules';

/**
 * A superior records the units a 联合党支部 covers [ORG-03] and names the branch's liaison, a
 * member of an org above it [ORG-25] (null takes the liaison back).
 */
export const updateOrg = action({
  input: orgContract.updateOrg.input,
  async run(ctx, input): Promise<OrgOutput<'updateOrg'>> {
    const org = await ctx.require('org.administer', input.orgId);
    if (input.units !== undefined && org.kind !== 'jointBranch') {
      throw new AppError('INPUT.INVALID', '只有联合党支部需要填写覆盖的单位数', {
        fields: ['units'],
      });
    }
    if (input.liaisonId) {
      if (!isBranchKind(org.kind)) {
        throw new AppError('INPUT.INVALID', '联系指导人是为党支部明确的', {
          fields: ['liaisonId'],
        });
      }
      const liaison = orNotFound(await findMember(input.liaisonId), '党员');
      refuseTransferred(liaison);
      const above = [liaison.orgId, ...liaison.roles.map((r) => r.orgId)];
      if (!above.some((id) => org.ancestors.includes(id))) {
        throw new AppError('ROLE.NOT_ELIGIBLE', '联系指导人须是上级党组织的同志', {
          ruleId: 'ORG-25',
        });
      }
    }
    const patch = {
      ...(input.units !== undefined ? { units: input.units } : {}),
      ...(input.liaisonId !== undefined ? { liaisonId: input.liaisonId } : {}),
    };
    const before = { units: org.units ?? null, liaisonId: org.liaisonId ?? null };
    await ctx.write(async (tx) => {
      await updateOrgFacts(org._id, patch, tx);
      return { audit: { org, entity: 'orgs', entityId: org._id, before, after: patch } };
    });
    return { orgId: org._id };
  },
});

/** The secretary writes a 支委's 分工 [ORG-14]. */
export const setDuty = action({
  input: orgContract.setDuty.input,
  async run(ctx, input): Promise<OrgOutput<'setDuty'>> {
    const org = await ctx.require('role.assignDuty', input.orgId);
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const seated = member.roles.some(
      (r) => r.orgId === org._id && COMMITTEE_ROLES.includes(r.role),
    );
    if (!seated) throw new AppError('ROLE.NOT_ALLOWED', '只有支部委员需要填写分工');
    await ctx.write(async (tx) => {
      await writeDuty(member._id, org._id, input.duty, tx);
      return {
        audit: {
          org,
          entity: 'members.duties',
          entityId: member._id,
          before: member.duties?.[org._id] ?? null,
          after: input.duty,
        },
      };
    });
    return { memberId: member._id };
  },
});

/** The superior approves a postponed or early 换届: at most one year from the term's end [ORG-21]. */
export const shiftTerm = action({
  input: orgContract.shiftTerm.input,
  async run(ctx, input): Promise<OrgOutput<'shiftTerm'>> {
    const org = await ctx.require('org.administer', input.orgId);
    const end = termEnd(org.termStart, org.termYears);
    orThrow(checkTermShift(org.kind, end, input.electionDate));
    const approvedElection = {
      date: input.electionDate,
      reason: input.reason,
      approvedOn: localDate(ctx.now),
    };
    await ctx.write(async (tx) => {
      await updateOrgFacts(org._id, { approvedElection }, tx);
      return {
        audit: {
          org,
          entity: 'orgs.term',
          entityId: org._id,
          before: org.approvedElection ?? null,
          after: approvedElection,
          reason: input.reason,
        },
      };
    });
    return { orgId: org._id, termEnd: end, electionDate: input.electionDate };
  },
});
