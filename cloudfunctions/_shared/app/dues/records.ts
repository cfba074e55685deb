import { randomUUID } from 'crypto';
import { duesContract } from '../../contracts/dues';
import { calculateFee, firstDuesMonth } from '../../domain/dues/fee';
import { dueIn, needsMakeUpNote, paymentOutcome } from '../../domain/dues/ledger';
import { localMonth } from '../../domain/shared/time';
import { addPayment, DuesBaseDoc, DuesPaymentDoc, memberMonth, saveBase } from '../../repos/dues';
import { findMember } from '../../repos/members';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';

/** The calculation helper: anyone may work out an amount [FEE-05 … FEE-12]. */
export const calculate = action({
  input: duesContract.calculate.input,
  async run(_ctx, input) {
    return orThrow(calculateFee(input.category, input.baseFen));
  },
});

/**
 * The 组织委员 (or 党费管理员) confirms a member's base for the year [FEE-17, FEE-27]; it never
 * leaves the backend [DIS-09]. Nobody sets their own [PRIV-21].
 */
export const setBase = action({
  input: duesContract.setBase.input,
  async run(ctx, input) {
    const member = orNotFound(await findMember(input.memberId), '党员');
    await ctx.require('dues.record', member.orgId, { subject: member });
    const fee = orThrow(calculateFee(input.category, input.baseFen));
    const fromMonth = firstDuesMonth(input.fromMonth ?? `${input.year}-01`, member);
    if (!fromMonth.startsWith(String(input.year)))
      throw new AppError('INPUT.INVALID', '起算月份须在该年度内', { fields: ['fromMonth'] });
    const doc: DuesBaseDoc = {
      _id: `${member._id}:${fromMonth}`,
      orgId: member.orgId,
      memberId: member._id,
      year: input.year,
      fromMonth,
      category: input.category,
      baseFen: input.baseFen,
      monthlyFen: fee.monthlyFen,
      setAt: ctx.now,
    };
    await saveBase(doc);
    await ctx.audit({
      orgId: member.orgId,
      entity: 'duesBases',
      entityId: doc._id,
      after: { category: doc.category, monthlyFen: doc.monthlyFen, fromMonth },
    });
    return { memberId: member._id, monthlyFen: fee.monthlyFen, fromMonth };
  },
});

/**
 * Records a payment for a month, by the member or by a proxy whose identity is kept [FEE-21];
 * only the organizer records it (not the 书记) [FEE-27]. Voluntary extra is welcome (≥ 1000 yuan
 * flagged for remittance [FEE-13]); a make-up of a month more than 6 months back needs a note
 * [FEE-25]. Entries are appended, never edited [FEE-28].
 */
export const pay = action({
  input: duesContract.pay.input,
  async run(ctx, input) {
    const member = orNotFound(await findMember(input.memberId), '党员');
    await ctx.require('dues.record', member.orgId);
    const thisMonth = localMonth(ctx.now);
    if (input.month > thisMonth)
      throw new AppError('INPUT.INVALID', '不能预交未来月份的党费', { fields: ['month'] });
    if (needsMakeUpNote(input.month, thisMonth) && !input.note)
      throw new AppError('DUES.NOTE_REQUIRED', '补交6个月以前的党费，请写明情况说明', {
        ruleId: 'FEE-25',
        fields: ['note'],
      });
    const [{ bases, payments }, proxyMember] = await Promise.all([
      memberMonth(member._id, input.month),
      input.proxyMemberId ? findMember(input.proxyMemberId) : Promise.resolve(null),
    ]);
    if (input.proxyMemberId && !proxyMember)
      throw new AppError('INPUT.INVALID', '代交人不是登记的党员，请填写代交人姓名', {
        fields: ['proxyMemberId'],
      });
    const due = dueIn(bases, input.month) ?? 0;
    const { extraFen, flags } = paymentOutcome({
      month: input.month,
      thisMonth,
      dueFen: due,
      paidBeforeFen: payments.reduce((s, p) => s + p.amountFen, 0),
      amountFen: input.amountFen,
    });
    const proxy: DuesPaymentDoc['proxy'] = proxyMember
      ? { memberId: proxyMember._id, name: proxyMember.name }
      : input.proxyName
        ? { memberId: null, name: input.proxyName }
        : null;
    const { member: actor } = await ctx.caller();
    const doc: DuesPaymentDoc = {
      _id: randomUUID().replace(/-/g, ''),
      orgId: member.orgId,
      memberId: member._id,
      month: input.month,
      year: Number(input.month.slice(0, 4)),
      amountFen: input.amountFen,
      dueFen: due,
      proxy,
      paidOn: input.paidOn ? new Date(`${input.paidOn}T12:00:00+08:00`) : ctx.now,
      recordedBy: actor._id,
      note: input.note ?? null,
    };
    await addPayment(doc);
    await ctx.audit({
      orgId: member.orgId,
      entity: 'duesPayments',
      entityId: doc._id,
      after: { memberId: member._id, month: input.month, amountFen: input.amountFen, proxy },
    });
    return {
      paymentId: doc._id,
      month: input.month,
      amountFen: input.amountFen,
      dueFen: due,
      extraFen,
      flags,
    };
  },
});
