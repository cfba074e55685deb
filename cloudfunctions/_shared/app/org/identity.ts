import { orgContract, OrgOutput } from '../../contracts/org';
import { administeredOrgs, ownOrgs } from '../../domain/org/committee';
import { checkInvite, INVITE_TTL_DAYS, inviteCode, normaliseCode } from '../../domain/org/invite';
import { permissionMap } from '../../domain/org/policy';
import { findBinding, insertBinding, removeBinding } from '../../repos/bindings';
import {
  claimInvite,
  findInvite,
  insertInvite,
  InviteDoc,
  releaseInvite,
} from '../../repos/invites';
import { claimMember, findMember } from '../../repos/members';
import { relatedOrgs } from '../../repos/orgs';
import { refuseTransferred } from './transfer-rules';
import { action } from '../../runtime/handler';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';

/** 我的: the bound member, their branch and roles, and what the policy lets them do where. */
export const me = action({
  input: orgContract.me.input,
  async run(ctx): Promise<OrgOutput<'me'>> {
    const { member } = await ctx.caller();
    const orgs = await relatedOrgs(ownOrgs(member), administeredOrgs(member.roles));
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
  async run(ctx, input): Promise<OrgOutput<'createInvite'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const org = await ctx.require('member.manage', member.orgId, { subject: member });
    if (member.openid) throw new AppError('CONFLICT', '该党员已绑定微信，无需再发邀请码');
    const expiresAt = new Date(+ctx.now + INVITE_TTL_DAYS * 86400_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = inviteCode(ctx.ports.random(8));
      const invite: InviteDoc = {
        _id: code,
        memberId: member._id,
        orgId: member.orgId,
        expiresAt,
        usedAt: null,
        createdAt: ctx.now,
      };
      // The invite and its entry land together [PRIV-06]; a code already taken: draw again.
      const issued = await ctx.write(async (tx) => {
        if ((await findInvite(code, tx)) || !(await insertInvite(invite, tx)))
          return { audit: null, result: false };
        const after = { memberId: member._id, expiresAt };
        return { audit: { org, entity: 'invites', entityId: code, after }, result: true };
      });
      if (issued) return { code, expiresAt: expiresAt.toISOString() };
    }
    throw new AppError('INTERNAL');
  },
});

const memberBound = () =>
  new AppError(
    'INVITE.MEMBER_BOUND',
    '这位党员已在另一部手机的微信上绑定，每位党员只能绑定一个微信；如需换绑，请联系支部书记',
    { ruleId: 'CHK-08' },
  );

/**
 * Binds the caller's OPENID to the member an invite was issued for. The OPENID comes from the
 * platform only. Three claims, each a conditional write that only one racer can win: the invite
 * (`usedAt: null`), the OPENID (`bindings._id`) and the member (`openid: null`) [CHK-08]. A racer
 * that loses a later claim gives the earlier ones back, so a refused bind leaves nothing behind
 * and its invite unused.
 */
export const bind = action({
  input: orgContract.bind.input,
  access: 'unbound',
  async run(ctx, input): Promise<OrgOutput<'bind'>> {
    const openid = ctx.openid;
    if (!openid) throw new AppError('AUTH.UNBOUND', '无法识别微信身份，请在小程序内操作');
    if (await findBinding(openid)) throw new AppError('AUTH.ALREADY_BOUND');
    const code = normaliseCode(input.code);
    const doc = await findInvite(code);
    const invite = orThrow(checkInvite(doc && { ...doc, code: doc._id }, ctx.now));
    const member = await findMember(invite.memberId);
    if (!member) throw new AppError('INVITE.INVALID', '邀请码对应的党员已不存在');
    if (member.openid) throw memberBound();
    if (!(await claimInvite(code, openid, ctx.now)))
      throw new AppError('INVITE.USED', '该邀请码已被使用，请向支部书记重新申请');
    if (!(await insertBinding({ _id: openid, memberId: member._id, boundAt: ctx.now }))) {
      // The same WeChat bound through another code a moment ago: give this invite back.
      await releaseInvite(code, openid);
      throw new AppError('AUTH.ALREADY_BOUND');
    }
    // The privacy notice is shown and accepted on the bind page before this call [PRIV-18].
    if (!(await claimMember(member._id, { openid, boundAt: ctx.now, privacyConsentAt: ctx.now }))) {
      // Another phone bound this member through another invite a moment ago.
      await removeBinding(openid, member._id);
      await releaseInvite(code, openid);
      throw memberBound();
    }
    return { memberId: member._id };
  },
});
