import { orgContract, OrgOutput } from '../../contracts/org';
import { vacanciesAfter } from '../../domain/org/committee-alerts';
import { Role } from '../../domain/org/model';
import { maskPhone } from '../../domain/shared/privacy';
import { localDate, localMonth } from '../../domain/shared/time';
import { removeBindingIn } from '../../repos/bindings';
import {
  findMember,
  listRoleHolders,
  listTransferredMembers,
  recordTransfer,
  TransferRecord,
} from '../../repos/members';
import { updateOrgFacts } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { AppError, orNotFound } from '../../runtime/errors';
import { memberPaidThrough } from '../dues/queries';
import { refuseTransferred } from './transfer-rules';

/**
 * The committee transfers a member's 组织关系 out [PRIV-20]. From this month the member is off the
 * roster, expected attendance and the dues ledger; their records stay, read-only; roles, duties
 * and the WeChat binding go; the month their dues are paid through travels on the record [FEE-29].
 * Seats they leave empty fall vacant [ORG-16].
 */
export const transferOut = action({
  input: orgContract.transferOut.input,
  async run(ctx, input): Promise<OrgOutput<'transferOut'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const org = await ctx.require('member.manage', member.orgId, { subject: member });
    const [paidThrough, holders] = await Promise.all([
      memberPaidThrough(member, ctx.now),
      listRoleHolders(org._id),
    ]);
    const today = localDate(ctx.now);
    const held = member.roles.filter((r) => r.orgId === org._id).map((r) => r.role);
    const vacancies = held.reduce(
      (v, role: Role) =>
        vacanciesAfter(
          v,
          {
            role,
            on: false,
            heldIt: true,
            othersHoldIt: holders.some(
              (h) =>
                h._id !== member._id && h.roles.some((r) => r.orgId === org._id && r.role === role),
            ),
          },
          today,
        ),
      org.vacancies ?? {},
    );
    const transfer: TransferRecord = {
      toOrgName: input.toOrgName,
      reason: input.reason,
      on: today,
      month: localMonth(ctx.now),
      paidThrough,
      acceptedOn: null,
    };
    await ctx.write(async (tx) => {
      await recordTransfer(member._id, transfer, { clearContact: false }, tx);
      if (member.openid) await removeBindingIn(member.openid, tx);
      if (held.length) await updateOrgFacts(org._id, { vacancies }, tx);
      return {
        audit: {
          org,
          entity: 'members.transfer',
          entityId: member._id,
          before: { roles: member.roles },
          after: transfer,
          reason: input.reason,
        },
      };
    });
    return { memberId: member._id, paidThrough };
  },
});

/** The receiving branch accepted the transfer: the member's contact fields are cleared [PRIV-20]. */
export const acceptTransfer = action({
  input: orgContract.acceptTransfer.input,
  async run(ctx, input): Promise<OrgOutput<'acceptTransfer'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    const org = await ctx.require('member.manage', member.orgId, { subject: member });
    if (!member.transfer) {
      throw new AppError('INPUT.INVALID', '这位党员没有转出的记录', { fields: ['memberId'] });
    }
    if (member.transfer.acceptedOn) return { memberId: member._id };
    const transfer = { ...member.transfer, acceptedOn: localDate(ctx.now) };
    await ctx.write(async (tx) => {
      await recordTransfer(member._id, transfer, { clearContact: true }, tx);
      return {
        audit: {
          org,
          entity: 'members.transfer',
          entityId: member._id,
          before: member.transfer,
          after: { ...transfer, phone: null },
        },
      };
    });
    return { memberId: member._id };
  },
});

/** Members transferred out, with where to and the dues paid through [PRIV-20, FEE-29]. */
export const transferredMembers = action({
  input: orgContract.transferredMembers.input,
  async run(ctx, input): Promise<OrgOutput<'transferredMembers'>> {
    await ctx.require('member.manage', input.orgId);
    return (await listTransferredMembers(input.orgId)).map((m) => ({
      id: m._id,
      name: m.name,
      status: m.status,
      toOrgName: m.transfer!.toOrgName,
      reason: m.transfer!.reason,
      on: m.transfer!.on,
      paidThrough: m.transfer!.paidThrough,
      acceptedOn: m.transfer!.acceptedOn,
      phone: maskPhone(m.phone),
    }));
  },
});
