import { paidMonthsOf, type PaidMonths } from '../../domain/dues/paid-months';
import { groupBy } from '../../domain/shared/group';
import {
  duesYearId,
  duesYearsOfOrg,
  type DuesYearDoc,
  insertDuesYears,
  memberYearPayments,
  paymentsOfOrg,
  putDuesYear,
} from '../../repos/dues';
import { takeDuesTurn } from '../../repos/members';
import { markPaidMonthsKept, orgsWithoutPaidMonths } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';

/** Orgs rebuilt per nightly run: a 基层党委's branches from before the summaries, over a few days. */
export const ORGS_PER_RUN = 20;
/**
 * Documents rebuilt in a transaction per night (about 5 requests each; inserts go 1,000 at a
 * time): an org whose rebuilds would pass it waits for the next night, unless it is the first.
 */
export const REBUILDS_PER_RUN = 200;

const sameMonths = (a: PaidMonths | undefined, b: PaidMonths) =>
  !!a &&
  Object.keys(a).length === Object.keys(b).length &&
  Object.keys(b).every((m) => a[m] === b[m]);

/**
 * The nightly job's part for dues: the paid months of orgs from before they were kept (no
 * `paidMonthsKept`) rebuilt from their payments, then the org marked — until then its readers read
 * the payments themselves [FEE-24]. A member-year without a document is inserted in a batch; one
 * that a payment created meanwhile, or that differs, is rebuilt in the member's dues turn, as
 * `dues.pay` writes it, so a payment at the same moment is counted exactly once.
 */
export async function rebuildPaidMonths(ctx: Ctx): Promise<{ orgs: number; rebuilt: number }> {
  const orgs = await orgsWithoutPaidMonths(ORGS_PER_RUN);
  let rebuilt = 0;
  let redone = 0;
  let done = 0;
  for (const org of orgs) {
    // the documents first, then the payments: a payment between the two reads (amounts are
    // positive) makes its document differ, and it is rebuilt in the member's turn
    const existing = await duesYearsOfOrg(org._id);
    const payments = await paymentsOfOrg(org._id);
    const byYear = groupBy(payments, (p) => duesYearId(org._id, p.memberId, p.year));
    const have = new Map(existing.map((d) => [d._id, d.paid]));
    const fresh: DuesYearDoc[] = [];
    const redo: DuesYearDoc[] = [];
    for (const [_id, list] of byYear) {
      const { memberId, year } = list[0];
      const doc = { _id, orgId: org._id, memberId, year, paid: paidMonthsOf(list) };
      if (!have.has(_id)) fresh.push(doc);
      else if (!sameMonths(have.get(_id), doc.paid)) redo.push(doc);
    }
    const raced = new Set(await insertDuesYears(fresh));
    const again = [...redo, ...fresh.filter((d) => raced.has(d._id))];
    // bounded per night: an org not finished tonight is not marked and is taken up again
    if (redone + again.length > REBUILDS_PER_RUN && redone > 0) break;
    for (const doc of again) {
      await ctx.write(async (tx) => {
        await takeDuesTurn(doc.memberId, tx);
        const paid = paidMonthsOf(await memberYearPayments(org._id, doc.memberId, doc.year, tx));
        await putDuesYear({ ...doc, paid }, tx);
        return { audit: null, result: null };
      });
    }
    redone += again.length;
    rebuilt += fresh.length + redo.length;
    await markPaidMonthsKept(org._id);
    done += 1;
  }
  return { orgs: done, rebuilt };
}
