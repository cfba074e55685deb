import {
  checkInvite,
  Invite,
  INVITE_TTL_DAYS,
  inviteCode,
  normaliseCode,
} from '../../domain/org/invite';
import { orgContract, MeOutput } from '../../contracts/org';
import { _, db, findById, insertOnce, updatedCount } from '../../repos/db';
import { findMember, updateMember } from '../../repos/members';
import { relatedOrgs } from '../../repos/orgs';
import { permissionMap } from '../../domain/org/policy';
import { action } from '../../runtime/handler';
import { AppError, notFound, orThrow } from '../../runtime/errors';

/** 我的: the bound member, their branch and roles. */
export const me = action({
  input: orgContract.me.input,
  access: 'member',
  async run(ctx): Promise<MeOutput> {
    const { member } = await ctx.caller();
    const orgs = await relatedOrgs(
      [member.orgId, ...member.roles.map((r) => r.orgId)],
      member.roles.filter((r) => r.role === 'superiorAdmin').map((r) => r.orgId),
    );
    const names = new Map(orgs.map((o) => [o._id, o.name]));
    const actor = { id: member._id, orgId: member.orgId, roles: member.roles };
    const nodes = orgs.map((o) => ({ id: o._id, kind: o.kind, ancestors: o.ancestors }));
    return {
      member: {
        id: member._id,
        name: member.name,
        orgId: member.orgId,
        orgName: names.get(member.orgId) ?? '',
        status: member.status,
        mobile: member.mobile,
        exempt: member.exempt,
      },
      roles: member.roles.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '' })),
      can: permissionMap(actor, nodes),
    };
  },
});

/** A committee member issues a single-use invite for a member of their branch. */
export const createInvite = action({
  input: orgContract.createInvite.input,
  access: 'member',
  async run(ctx, input) {
    const member = await findMember(input.memberId);
    if (!member) throw notFound('党员');
    await ctx.requireCommittee(member.orgId);
    if (member.openid) throw new AppError('CONFLICT', '该党员已绑定微信，无需再发邀请码');
    const expiresAt = new Date(+ctx.now + INVITE_TTL_DAYS * 86400_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = inviteCode(ctx.ports.random(8));
      const invite = {
        _id: code,
        memberId: member._id,
        orgId: member.orgId,
        expiresAt,
        usedAt: null,
        createdAt: ctx.now,
      };
      if (!(await insertOnce('invites', invite))) continue; // a code already taken: draw again
      await ctx.audit({
        orgId: member.orgId,
        entity: 'invites',
        entityId: code,
        after: { memberId: member._id, expiresAt },
      });
      return { code, expiresAt: expiresAt.toISOString() };
    }
    throw new AppError('INTERNAL');
  },
});

/**
 * Binds the caller's OPENID to the member an invite was issued for. The OPENID comes from the
 * platform only. Claiming the invite is a conditional update, so two phones racing for one code
 * get one binding and one INVITE.USED.
 */
export const bind = action({
  input: orgContract.bind.input,
  access: 'unbound',
  async run(ctx, input) {
    const openid = ctx.openid;
    if (!openid) throw new AppError('AUTH.UNBOUND', '无法识别微信身份，请在小程序内操作');
    if (await findById('bindings', openid)) throw new AppError('AUTH.ALREADY_BOUND');
    const code = normaliseCode(input.code);
    const invite = orThrow(checkInvite(await findById<Invite>('invites', code), ctx.now));
    const member = await findMember(invite.memberId);
    if (!member) throw new AppError('INVITE.INVALID', '邀请码对应的党员已不存在');
    if (member.openid) throw new AppError('INVITE.USED', '该邀请码已被使用，请向支部书记重新申请');
    const claimed = await updatedCount(
      db
        .collection('invites')
        .where({ _id: code, usedAt: null })
        .update({ data: { usedAt: ctx.now, usedBy: openid } }),
    );
    if (claimed !== 1) throw new AppError('INVITE.USED', '该邀请码已被使用，请向支部书记重新申请');
    if (!(await insertOnce('bindings', { _id: openid, memberId: member._id, boundAt: ctx.now }))) {
      // The same WeChat bound through another code a moment ago: give this invite back.
      await db
        .collection('invites')
        .doc(code)
        .update({ data: { usedAt: null, usedBy: _.remove() } });
      throw new AppError('AUTH.ALREADY_BOUND');
    }
    // The privacy notice is shown and accepted on the bind page before this call [PRIV-18].
    await updateMember(member._id, { openid, boundAt: ctx.now, privacyConsentAt: ctx.now });
    return { memberId: member._id };
  },
});
