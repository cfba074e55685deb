import { randomUUID } from 'crypto';
import { orgContract, OrgTreeNode } from '../../contracts/org';
import { branchAlerts } from '../../domain/org/alerts';
import { COMMITTEE_ROLES, isSuperiorKind, Role } from '../../domain/org/model';
import { checkRoleChange, superiorGrantedRoles } from '../../domain/org/roles';
import { defaultTermYears, termAlerts, termEnd } from '../../domain/org/term';
import { localDate } from '../../domain/shared/time';
import { db, getAll, _ } from '../../repos/db';
import {
  countByStatus,
  findMember,
  listRoleHolders,
  MemberDoc,
  setRoles,
} from '../../repos/members';
import { findOrg, insertOrg, OrgDoc, subtree } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, forbidden, notFound, orThrow } from '../../runtime/errors';

/** A superior sets up an org below one it administers. */
export const createOrg = action({
  input: orgContract.createOrg.input,
  access: 'member',
  async run(ctx, input) {
    const parent = await ctx.requireSuperior(input.parentId);
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
      settings: { pointsEnabled: false, membersSeeRanking: false },
      createdAt: ctx.now,
    };
    await insertOrg(doc);
    await ctx.audit({ orgId: parent._id, entity: 'orgs', entityId: doc._id, after: doc });
    return { id: doc._id };
  },
});

/**
 * Grants or removes a role. The secretary manages the duties of their branch; the 书记 and
 * 副书记 themselves, and superior administrators, are set by the superior [ORG-15].
 */
export const setRole = action({
  input: orgContract.setRole.input,
  access: 'member',
  async run(ctx, input) {
    const org = await findOrg(input.orgId);
    if (!org) throw notFound('组织');
    const { member: actor } = await ctx.caller();
    const superiorOnly = superiorGrantedRoles.includes(input.role);
    if (superiorOnly) await ctx.requireSuperior(org._id);
    else if (!actor.roles.some((r) => r.orgId === org._id && r.role === 'secretary'))
      await ctx.requireSuperior(org._id);
    const member = await findMember(input.memberId);
    if (!member) throw notFound('党员');
    const holders = (await listRoleHolders(org._id)).flatMap((m) =>
      m.roles.filter((r) => r.orgId === org._id).map((r) => ({ memberId: m._id, role: r.role })),
    );
    const { full } = await countByStatus(org._id);
    orThrow(
      checkRoleChange({
        role: input.role,
        on: input.on,
        member: { id: member._id, orgId: member.orgId, status: member.status },
        org: { id: org._id, kind: org.kind, fullMembers: full },
        holders,
      }),
    );
    const others = member.roles.filter((r) => !(r.orgId === org._id && r.role === input.role));
    const roles = input.on ? [...others, { orgId: org._id, role: input.role }] : others;
    await setRoles(member._id, roles);
    await ctx.audit({
      orgId: org._id,
      entity: 'members.roles',
      entityId: member._id,
      before: member.roles,
      after: roles,
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
  access: 'member',
  async run(ctx, input): Promise<OrgTreeNode> {
    const { member } = await ctx.caller();
    const rootId = input.orgId ?? member.roles.find((r) => r.role === 'superiorAdmin')?.orgId;
    if (!rootId) throw forbidden('只有上级党组织管理员可以查看组织架构');
    await ctx.requireSuperior(rootId);
    const orgs = await subtree(rootId);
    const ids = orgs.map((o) => o._id);
    const counts = await memberCounts(ids);
    const committees = await committeeSizes(ids);
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

async function memberCounts(orgIds: string[]) {
  const res = await db
    .collection('members')
    .aggregate()
    .match({ orgId: _.in(orgIds) })
    .group({ _id: { orgId: '$orgId', status: '$status' }, n: { $sum: 1 } })
    .limit(10_000)
    .end();
  const out = new Map<string, { full: number; probationary: number }>();
  for (const row of (
    res as { list: { _id: { orgId: string; status: 'full' | 'probationary' }; n: number }[] }
  ).list) {
    const c = out.get(row._id.orgId) ?? { full: 0, probationary: 0 };
    c[row._id.status] = row.n;
    out.set(row._id.orgId, c);
  }
  return out;
}

async function committeeSizes(orgIds: string[]) {
  const holders = await getAll<MemberDoc>(
    db
      .collection('members')
      .where({ roles: _.elemMatch({ orgId: _.in(orgIds) }) })
      .orderBy('_id', 'asc'),
  );
  const out = new Map<string, { size: number; hasSecretary: boolean }>();
  for (const m of holders) {
    for (const orgId of new Set(
      m.roles.filter((r) => COMMITTEE_ROLES.includes(r.role as Role)).map((r) => r.orgId),
    )) {
      const s = out.get(orgId) ?? { size: 0, hasSecretary: false };
      s.size += 1;
      s.hasSecretary ||= m.roles.some((r) => r.orgId === orgId && r.role === 'secretary');
      out.set(orgId, s);
    }
  }
  return out;
}
