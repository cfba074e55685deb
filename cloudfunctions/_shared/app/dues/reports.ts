import { duesContract } from '../../contracts/dues';
import {
  arrearsOf,
  baseInForce,
  lastDueMonth,
  LedgerRow,
  ledgerRows,
  monthsOf,
  shownUntil,
} from '../../domain/dues/ledger';
import { needsMakeUpNote } from '../../domain/dues/payment';
import { localMonth } from '../../domain/shared/time';
import { basesOf, paymentsOf } from '../../repos/dues';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { ledgerBook } from '../export/dues-books';
import { renderElsewhere } from '../export/remote';
import { exportDir } from '../media/paths';
import type { ExportFile } from '../export/spec';
import { branchRows } from './load';
import { duesCollectionOf, memberArrears } from './queries';

/**
 * The branch ledger for a year, as JSON or xlsx (export audited [PRIV-07]); never anyone's base
 * [DIS-09]. `needsNote`: the months of it for which a payment recorded now needs a note [FEE-25].
 */
export const ledger = action({
  input: duesContract.ledger.input,
  async run(ctx, input) {
    const org = await ctx.require('dues.read', input.orgId);
    const thisMonth = localMonth(ctx.now);
    const months = monthsOf(input.year, shownUntil(input.year, thisMonth));
    const [rows] = await branchRows(org._id, [{ year: input.year, months }]);
    if (input.format === 'xlsx') return exportLedger(ctx, org, input.year, rows);
    return {
      orgId: org._id,
      year: input.year,
      rows,
      totals: {
        dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
        paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
      },
      needsNote: months.filter((m) => needsMakeUpNote(m, thisMonth)),
    };
  },
});

async function exportLedger(
  ctx: Ctx,
  org: OrgDoc,
  year: number,
  rows: LedgerRow[],
): Promise<ExportFile> {
  // Rendered by the export function, so this bundle carries no spreadsheet library.
  const file = await renderElsewhere(exportDir(org._id, 'dues'), ledgerBook(org.name, year, rows));
  // The export is the file; its entry is the one database write it makes [PRIV-07].
  await ctx.write(async () => ({
    audit: {
      org,
      entity: 'exports',
      entityId: file.fileId,
      after: { ledger: year, fileName: file.fileName },
    },
  }));
  return file;
}

/**
 * Months still owed, as of a month (never the running one [FEE-24]); six in a row with nothing
 * paid raise the 自行脱党 procedure alert for the branch to look into, never an automatic step
 * [FEE-23]. An underpaid month is owed but breaks the run.
 */
export const arrears = action({
  input: duesContract.arrears.input,
  async run(ctx, input) {
    const org = await ctx.require('dues.read', input.orgId);
    return memberArrears(org._id, input.asOf, ctx.now);
  },
});

/**
 * A month's dues collection, opened by the theme day [TD-18, FEE-26]: every member sees how many
 * have paid; who has paid is for those who keep or read the ledger.
 */
export const collection = action({
  input: duesContract.collection.input,
  async run(ctx, input) {
    const org = await ctx.require('org.read', input.orgId);
    const c = await duesCollectionOf(org._id, input.month);
    return { ...c, lines: (await ctx.may('dues.read', org)) ? c.lines : null };
  },
});

/** My dues: the monthly amount, months paid and the payment history (the base is not shown). */
export const mine = action({
  input: duesContract.mine.input,
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const scope = { memberId: member._id };
    const [bases, payments] = await Promise.all([
      basesOf(scope, input.year),
      paymentsOf(scope, input.year),
    ]);
    const thisMonth = localMonth(ctx.now);
    const months = monthsOf(input.year, shownUntil(input.year, thisMonth));
    const [row] = ledgerRows([member], bases, payments, months);
    const base = baseInForce(bases, months[months.length - 1] ?? `${input.year}-12`);
    return {
      monthlyFen: row.monthlyFen,
      category: base?.category ?? null,
      months: row.months,
      payments: payments.map((p) => ({
        month: p.month,
        amountFen: p.amountFen,
        paidOn: new Date(p.paidOn).toISOString(),
        proxy: p.proxy?.name ?? null,
        method: p.method ?? 'cash',
        receiptNo: p.receiptNo ?? null,
        paidAtOrg: p.paidAtOrg ?? null,
      })),
      owedMonths: arrearsOf(row.months.filter((m) => m.month <= lastDueMonth(thisMonth)))
        .unpaidMonths,
    };
  },
});
