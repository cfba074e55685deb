import { randomUUID } from 'crypto';
import { orgContract, OrgOutput } from '../../contracts/org';
import { isBranchKind, Role } from '../../domain/org/model';
import {
  checkGroup,
  checkMoveTarget,
  dutiesAfterMove,
  rolesAfterMove,
} from '../../domain/org/moves';
import { personKey } from '../../domain/org/roster';
import { localDate } from '../../domain/shared/time';
import { insertMemberMove } from '../../repos/member-moves';
import {
  findMember,
  listRoleHolders,
  moveMemberDoc,
  personKeyTaken,
  setMemberGroupId,
} from '../../repos/members';
import { findOrg, subtree, updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { refuseTransferred } from './transfer-rules';

/**
 * A superior above both branches moves a member to another branch of the tree, with a reason
 * [PRIV-20]. From now the member is on the new branch's roster, expected at its activities and in
 * its dues ledger; their roles and 分工 in the old branch (and its 党小组) go, the seats they leave
 * empty fall vacant [ORG-16], and they are in no 党小组. Their records stay where they were:
 * attendance, payments and the old branch's activities are its history, read-only. A
 * `memberMoves` document records from, to, when, by whom and why; both branches' logs show it.
 */
export const moveMember = action({
  input: orgContract.moveMember.input,
  async run(ctx, input): Promise<OrgOutput<'moveMember'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const from = await ctx.require('org.administer', member.orgId, { subject: member });
    if (!isBranchKind(from.kind)) {
      throw new AppError('INPUT.INVALID', '只能调动党支部的党员', { fields: ['memberId'] });
    }
    const target = await findOrg(input.toOrgId);
    const administers = !!target && (await ctx.may('org.administer', target));
    orThrow(checkMoveTarget(target, from._id, administers));
    const to = target!;
    const [below, holders] = await Promise.all([subtree(from._id), listRoleHolders(from._id)]);
    const leftOrgIds = new Set(below.map((o) => o._id));
    const today = localDate(ctx.now);
    const othersHold = new Set<Role>(
      holders
        .filter((h) => h._id !== member._id)
        .flatMap((h) => h.roles.filter((r) => r.orgId === from._id).map((r) => r.role)),
    );
    const vacantBefore = from.vacancies ?? {};
    const { roles, removed, vacancies } = rolesAfterMove({
      roles: member.roles,
      leftOrgIds,
      fromOrgId: from._id,
      vacancies: vacantBefore,
      othersHold,
      today,
    });
    const key = personKey(to._id, {
      name: member.name,
      birthDate: member.birthDate ?? undefined,
      joinedAt: member.joinedAt,
    });
    const move = {
      _id: randomUUID().replace(/-/g, ''),
      memberId: member._id,
      fromOrgId: from._id,
      toOrgId: to._id,
      at: ctx.now,
      on: today,
      by: (await ctx.caller()).member._id,
      reason: input.reason,
    };
    await ctx.write(async (tx) => {
      if (await personKeyTaken(key, tx)) {
        throw new AppError(
          'CONFLICT',
          '调入的支部名册里已有这位党员（姓名和出生日期相同），请先核对名册',
          {
            ruleId: 'PRIV-20',
          },
        );
      }
      await moveMemberDoc(
        member,
        {
          orgId: to._id,
          personKey: key,
          fromOrgId: from._id,
          roles,
          duties: dutiesAfterMove(member.duties, leftOrgIds),
        },
        tx,
      );
      if (removed.length && vacancies !== vacantBefore) {
        await updateOrgFacts(from._id, { vacancies }, tx);
      }
      await insertMemberMove(move, tx);
      const before = { orgId: from._id, roles: member.roles, groupId: member.groupId ?? null };
      const after = { orgId: to._id, roles, groupId: null };
      const entry = { entity: 'members.move', entityId: member._id, before, after };
      return {
        audit: [
          { org: from, ...entry, reason: input.reason },
          { org: to, ...entry, reason: input.reason },
        ],
      };
    });
    return { memberId: member._id, fromOrgId: from._id, toOrgId: to._id };
  },
});

/**
 * The secretary, deputy, 组织委员 or a superior puts a member in one of the branch's 党小组 (an
 * org of kind partyGroup directly under the branch), or takes them out (null) [ORG-23]. A
 * group's theme day and 党小组会 then expect its members [TD-11, MTG-03].
 */
export const setMemberGroup = action({
  input: orgContract.setMemberGroup.input,
  async run(ctx, input): Promise<OrgOutput<'setMemberGroup'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const org = await ctx.require('group.assign', member.orgId);
    const group = input.groupId === null ? null : ((await findOrg(input.groupId)) ?? undefined);
    orThrow(checkGroup(group, org._id));
    const before = member.groupId ?? null;
    if (before === input.groupId) return { memberId: member._id, groupId: before };
    await ctx.write(async (tx) => {
      await setMemberGroupId(member._id, input.groupId, tx);
      return {
        audit: {
          org,
          entity: 'members.groupId',
          entityId: member._id,
          before: { groupId: before },
          after: { groupId: input.groupId },
        },
      };
    });
    return { memberId: member._id, groupId: input.groupId };
  },
});
