import { randomUUID } from 'crypto';
import { orgContract, OrgOutput } from '../../contracts/org';
import { vacanciesAfter } from '../../domain/org/committee-alerts';
import { switchRole } from '../../domain/org/committee';
import { isSuperiorKind } from '../../domain/org/model';
import { checkRoleChange, superiorGrantedRoles } from '../../domain/org/roles';
import { defaultTermYears } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import { countByStatus, findMember, listRoleHolders, setRoles } from '../../repos/members';
import { insertOrg, OrgDoc, updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { refuseTransferred } from './transfer-rules';

export { orgTree } from './tree';

/** A superior sets up an org below one it administers. */
export const createOrg = action({
  input: orgContract.createOrg.input,
  async run(ctx, input): Promise<OrgOutput<'createOrg'>> {
    const parent = await ctx.require('org.administer', input.parentId);
    if (!isSuperiorKind(parent.kind) && input.kind !== 'partyGroup') {
      throw new AppError('INPUT.INVALID', '党支部下只能设立党小组', { fields: ['kind'] });
    }
    const doc: OrgDoc = {
      _id: randomUUID().replace(/-/g, ''),
      name: input.name,
      kind: input.kind,
      parentId: parent._id,
      ancestors: [...parent.ancestors, parent._id],
      category: input.category,
      profile: input.profile ?? parent.profile,
      termStart: input.termStart,
      termYears: input.termYears ?? defaultTermYears(input.kind, input.category),
      settings: {},
      ...(input.units !== undefined ? { units: input.units } : {}),
      createdAt: ctx.now,
    };
    await ctx.write(async (tx) => {
      await insertOrg(doc, tx);
      return { audit: { org: parent, entity: 'orgs', entityId: doc._id, after: doc } };
    });
    return { id: doc._id };
  },
});

/**
 * Grants or removes a role. The secretary manages the duties of their branch; the 书记 and
 * 副书记 themselves, and superior administrators, are set by the superior [ORG-15].
 */
export const setRole = action({
  input: orgContract.setRole.input,
  async run(ctx, input): Promise<OrgOutput<'setRole'>> {
    const org = await ctx.require(
      superiorGrantedRoles.includes(input.role) ? 'org.administer' : 'role.assignDuty',
      input.orgId,
    );
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const [roleHolders, { full }] = await Promise.all([
      listRoleHolders(org._id),
      countByStatus(org._id),
    ]);
    const holders = roleHolders.flatMap((m) =>
      m.roles.filter((r) => r.orgId === org._id).map((r) => ({ memberId: m._id, role: r.role })),
    );
    orThrow(
      checkRoleChange({
        role: input.role,
        on: input.on,
        member: { id: member._id, orgId: member.orgId, status: member.status },
        org: { id: org._id, kind: org.kind, fullMembers: full },
        holders,
      }),
    );
    const roles = switchRole(member.roles, { orgId: org._id, role: input.role, on: input.on });
    const vacantBefore = org.vacancies ?? {};
    const vacancies = vacanciesAfter(
      vacantBefore,
      {
        role: input.role,
        on: input.on,
        heldIt: member.roles.some((r) => r.orgId === org._id && r.role === input.role),
        othersHoldIt: holders.some((h) => h.memberId !== member._id && h.role === input.role),
      },
      localDate(ctx.now),
    );
    await ctx.write(async (tx) => {
      await setRoles(member._id, roles, tx);
      if (vacancies !== vacantBefore) await updateOrgFacts(org._id, { vacancies }, tx);
      return {
        audit: {
          org,
          entity: 'members.roles',
          entityId: member._id,
          before: member.roles,
          after: roles,
        },
      };
    });
    return {
      memberId: member._id,
      roles: roles.filter((r) => r.orgId === org._id).map((r) => r.role),
    };
  },
});
