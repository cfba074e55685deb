import { randomUUID } from 'crypto';
import { orgContract, OrgOutput, OrgTreeNode } from '../../contracts/org';
import { branchAlerts } from '../../domain/org/alerts';
import { administeredOrgs, committeeSeats, switchRole } from '../../domain/org/committee';
import { isSuperiorKind } from '../../domain/org/model';
import { checkRoleChange, superiorGrantedRoles } from '../../domain/org/roles';
import { defaultTermYears, termAlerts, termEnd } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import {
  countByStatus,
  countByStatusIn,
  findMember,
  listRoleHolders,
  setRoles,
} from '../../repos/members';
import { insertOrg, OrgDoc, subtree } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, forbidden, orNotFound, orThrow } from '../../runtime/errors';

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
    await ctx.write(async (tx) => {
      await setRoles(member._id, roles, tx);
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

/** The superior's view: every org below, with member counts and the ORG alerts. */
export const orgTree = action({
  input: orgContract.orgTree.input,
  async run(ctx, input): Promise<OrgOutput<'orgTree'>> {
    const { member } = await ctx.caller();
    const rootId = input.orgId ?? administeredOrgs(member.roles)[0];
    if (!rootId) throw forbidden('只有上级党组织管理员可以查看组织架构');
    await ctx.require('org.administer', rootId);
    const orgs = await subtree(rootId);
    const ids = orgs.map((o) => o._id);
    const [counts, committees] = await Promise.all([
      countByStatusIn(ids),
      listRoleHolders(ids).then(committeeSeats),
    ]);
    const today = localDate(ctx.now);
    const nodes = new Map<string, OrgTreeNode>();
    for (const o of orgs) {
      const c = counts.get(o._id) ?? { full: 0, probationary: 0 };
      const seats = committees.get(o._id) ?? { size: 0, hasSecretary: false };
      const end = o.termStart ? termEnd(o.termStart, o.termYears) : null;
      nodes.set(o._id, {
        id: o._id,
        name: o.name,
        kind: o.kind,
        category: o.category,
        profile: o.profile,
        members: { ...c, total: c.full + c.probationary },
        committeeSize: seats.size,
        termEnd: end,
        alerts: [
          ...branchAlerts({
            kind: o.kind,
            fullMembers: c.full,
            probationaryMembers: c.probationary,
            committeeSize: seats.size,
            hasSecretary: seats.hasSecretary,
          }),
          ...termAlerts(o.kind, end, today),
        ],
        children: [],
      });
    }
    for (const o of orgs)
      if (o._id !== rootId && o.parentId) nodes.get(o.parentId)?.children.push(nodes.get(o._id)!);
    return nodes.get(rootId)!;
  },
});
