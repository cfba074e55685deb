import { duesContract } from '../../contracts/dues';
import { baseInForce, nextRevision } from '../../domain/dues/ledger';
import { reliefEnds, reliefRefusal } from '../../domain/dues/relief';
import { addBase, baseId, basesOf, DuesBaseDoc } from '../../repos/dues';
import { findMember } from '../../repos/members';
import { AppError, orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';

/**
 * Records a hardship reduction or waiver [FEE-11]: only with the branch's decision and the
 * 上一级党委's approval number. It is a 核定 entry like any other [FEE-19] — the reduced amount
 * (0: waived) from `fromMonth` — followed, when it ends within the year, by an entry restoring the
 * amount confirmed before. So the approved months are due at the reduced amount and count as paid
 * once that is paid (a waived month at once), in the ledger, the arrears and every index. The
 * organiser records it; never for themselves [PRIV-21].
 */
export const relieve = action({
  input: duesContract.relieve.input,
  async run(ctx, input) {
    const member = orNotFound(await findMember(input.memberId), '党员');
    await ctx.require('dues.record', member.orgId, { subject: member });
    const toMonth = input.toMonth ?? `${input.year}-12`;
    return ctx.write(async (tx) => {
      const history = await basesOf({ memberId: member._id }, input.year, tx);
      const inForce = baseInForce(history, input.fromMonth);
      const refusal = reliefRefusal({ ...input, toMonth }, inForce, history);
      if (refusal) throw AppError.from(refusal);
      const before = inForce!;
      const revision = nextRevision(history);
      const common = {
        orgId: member.orgId,
        memberId: member._id,
        year: input.year,
        category: before.category,
        baseFen: before.baseFen,
        setAt: ctx.now,
      };
      const relief: DuesBaseDoc = {
        ...common,
        _id: baseId(member._id, input.year, revision),
        fromMonth: input.fromMonth,
        revision,
        monthlyFen: input.monthlyFen,
        relief: {
          branchDecision: input.branchDecision!,
          approvalId: input.approvalId!,
          toMonth,
        },
      };
      await addBase(relief, tx);
      const resume = reliefEnds(toMonth);
      const after = resume ? baseInForce(history, resume) : null;
      if (resume && after)
        await addBase(
          {
            ...common,
            _id: baseId(member._id, input.year, revision + 1),
            fromMonth: resume,
            revision: revision + 1,
            category: after.category,
            baseFen: after.baseFen,
            monthlyFen: after.monthlyFen,
          },
          tx,
        );
      return {
        audit: {
          orgId: member.orgId,
          entity: 'duesBases',
          entityId: relief._id,
          before: { monthlyFen: before.monthlyFen, fromMonth: before.fromMonth },
          after: {
            monthlyFen: input.monthlyFen,
            fromMonth: input.fromMonth,
            toMonth,
            approvalId: input.approvalId,
          },
          reason: input.branchDecision,
        },
        result: {
          memberId: member._id,
          fromMonth: input.fromMonth,
          toMonth,
          monthlyFen: input.monthlyFen,
          resumesFen: after?.monthlyFen ?? null,
        },
      };
    });
  },
});
