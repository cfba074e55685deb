import { randomUUID } from 'crypto';
import { duesContract } from '../../contracts/dues';
import { salariedBase, type Wages } from '../../domain/dues/base';
import { calculateFee, DuesCategory, firstDuesMonth } from '../../domain/dues/fee';
import { baseInForce, dueIn, nextRevision } from '../../domain/dues/ledger';
import { withPayment } from '../../domain/dues/paid-months';
import { DuesCycle, paymentOutcome, paymentRefusal } from '../../domain/dues/payment';
import { settingOf } from '../../domain/org/settings';
import { localDate, localMonth } from '../../domain/shared/time';
import {
  addBase,
  addPayment,
  baseId,
  basesOf,
  DuesBaseDoc,
  DuesPaymentDoc,
  monthPayments,
  findDuesYear,
  duesYearId,
  putDuesYear,
} from '../../repos/dues';
import { findMember, takeDuesTurn } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import { AppError, orNotFound, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';

/**
 * The base given, or worked out from a month's pay by item [FEE-02, FEE-03]; the member's own
 * social-insurance and housing-fund contributions come off where the branch chose so [FEE-04].
 */
function baseOf(
  org: OrgDoc,
  input: { category: DuesCategory; baseFen?: number; wages?: Wages },
): number {
  if (input.baseFen !== undefined) return input.baseFen;
  const deduct = settingOf(org, 'fee.deductSocialInsurance');
  return orThrow(salariedBase(input.category, input.wages!, deduct));
}

/**
 * The calculation helper: any member may work out an amount [FEE-05 … FEE-12], from a base or
 * from their pay by item under their branch's setting [FEE-02 … FEE-04]. Nothing is stored.
 */
export const calculate = action({
  input: duesContract.calculate.input,
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const org = await ctx.require('org.read', member.orgId);
    const baseFen = baseOf(org, input);
    const fee = orThrow(calculateFee(input.category, baseFen));
    return input.wages ? { ...fee, baseFen } : fee;
  },
});

/**
 * The 组织委员 (or 党费管理员) confirms a member's base for the year [FEE-17, FEE-27]; it never
 * leaves the backend [DIS-09]. Nobody sets their own [PRIV-21]. Every change is a new 核定 entry
 * with its effective month, in force from it on; earlier months keep their amount [FEE-16,
 * FEE-19]. The audit entry shows the entry in force before and the new one.
 */
export const setBase = action({
  input: duesContract.setBase.input,
  async run(ctx, input) {
    const member = orNotFound(await findMember(input.memberId), '党员');
    const org = await ctx.require('dues.record', member.orgId, { subject: member });
    const baseFen = baseOf(org, input);
    const fee = orThrow(calculateFee(input.category, baseFen));
    const fromMonth = firstDuesMonth(input.fromMonth ?? `${input.year}-01`, member);
    if (!fromMonth.startsWith(String(input.year)))
      throw new AppError('INPUT.INVALID', '起算月份须在该年度内', { fields: ['fromMonth'] });
    const shown = (b: Pick<DuesBaseDoc, 'category' | 'monthlyFen' | 'fromMonth'> | null) =>
      b && { category: b.category, monthlyFen: b.monthlyFen, fromMonth: b.fromMonth };
    return ctx.write(async (tx) => {
      const history = await basesOf({ memberId: member._id }, input.year, tx);
      const revision = nextRevision(history);
      const doc: DuesBaseDoc = {
        _id: baseId(member._id, input.year, revision),
        orgId: member.orgId,
        memberId: member._id,
        year: input.year,
        fromMonth,
        revision,
        category: input.category,
        baseFen,
        monthlyFen: fee.monthlyFen,
        setAt: ctx.now,
      };
      await addBase(doc, tx);
      return {
        audit: {
          orgId: member.orgId,
          entity: 'duesBases',
          entityId: doc._id,
          before: shown(baseInForce(history, fromMonth)),
          after: shown(doc),
        },
        result: { memberId: member._id, monthlyFen: fee.monthlyFen, fromMonth },
      };
    });
  },
});

const PROXY_REFUSED = '代交人须是本支部登记的党员；亲属或其他同志代交，请填写代交人姓名';

/**
 * Records a payment for a month, by the member or by a proxy whose identity is kept [FEE-21]: a
 * member of the same branch by id, anyone else (a relative, a member elsewhere) by name — the
 * organizer knows only their own roster, and the same refusal whether the id is unknown or of
 * another branch says nothing about other branches. The payment date is not in the future.
 * only the organizer records it (not the 书记) [FEE-27]. Voluntary extra is welcome (≥ 1000 yuan
 * flagged for remittance [FEE-13]); a make-up of a month more than 6 months back needs a note
 * [FEE-25]. Entries are appended, never edited [FEE-28].
 */
export const pay = action({
  input: duesContract.pay.input,
  async run(ctx, input) {
    const member = orNotFound(await findMember(input.memberId), '党员');
    const org = await ctx.require('dues.record', member.orgId);
    const thisMonth = localMonth(ctx.now);
    const method = input.method ?? 'cash';
    const paidAt = input.paidAt ? new Date(input.paidAt) : null;
    const refusal = paymentRefusal({
      month: input.month,
      today: localDate(ctx.now),
      cycle: settingOf(org, 'fee.cycle') as DuesCycle,
      paidOn: input.paidOn ?? (paidAt ? localDate(paidAt) : undefined),
      note: input.note,
      selfAsProxy: input.proxyMemberId === member._id,
      proxyName: input.proxyName,
      method,
      receiptNo: input.receiptNo,
      paidAtOrg: input.paidAtOrg,
      mobileMember: member.mobile,
    });
    if (refusal) throw AppError.from(refusal);
    const [bases, proxyMember] = await Promise.all([
      basesOf({ memberId: member._id }, Number(input.month.slice(0, 4))),
      input.proxyMemberId ? findMember(input.proxyMemberId) : Promise.resolve(null),
    ]);
    if (input.proxyMemberId && proxyMember?.orgId !== member.orgId)
      throw new AppError('INPUT.INVALID', PROXY_REFUSED, {
        ruleId: 'FEE-21',
        fields: ['proxyMemberId'],
      });
    const due = dueIn(bases, input.month) ?? 0;
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
      paidOn: paidAt ?? (input.paidOn ? new Date(`${input.paidOn}T12:00:00+08:00`) : ctx.now),
      recordedBy: actor._id,
      note: input.note ?? null,
      method,
      receiptNo: input.receiptNo ?? null,
      paidAtOrg: input.paidAtOrg ?? null,
      recordedAt: ctx.now,
    };
    // The month's earlier payments are read in the transaction that adds this one, after taking
    // the member's turn, so payments recorded at the same moment add up as if one after another.
    const { extraFen, flags } = await ctx.write(async (tx) => {
      await takeDuesTurn(member._id, tx);
      const [earlier, summary] = await Promise.all([
        monthPayments(member._id, input.month, tx),
        findDuesYear(doc.orgId, doc.memberId, doc.year, tx),
      ]);
      const outcome = paymentOutcome({
        month: input.month,
        thisMonth,
        dueFen: due,
        paidBeforeFen: earlier.reduce((s, p) => s + p.amountFen, 0),
        amountFen: input.amountFen,
      });
      await addPayment(doc, tx);
      // the paid months beside the payments, in the same transaction [FEE-24]
      const paid = withPayment(summary?.paid ?? {}, doc.month, doc.amountFen);
      const id = duesYearId(doc.orgId, doc.memberId, doc.year);
      await putDuesYear(
        { _id: id, orgId: doc.orgId, memberId: doc.memberId, year: doc.year, paid },
        tx,
      );
      return {
        audit: {
          orgId: member.orgId,
          entity: 'duesPayments',
          entityId: doc._id,
          after: {
            memberId: member._id,
            month: input.month,
            amountFen: input.amountFen,
            proxy,
            method,
            paidAtOrg: doc.paidAtOrg,
          },
        },
        result: outcome,
      };
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
