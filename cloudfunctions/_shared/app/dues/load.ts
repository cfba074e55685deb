import { LedgerRow, ledgerRows } from '../../domain/dues/ledger';
import { duesOfYears } from '../../repos/dues';
import { listOrgMembers, MemberDoc } from '../../repos/members';

/**
 * The ledger rows of a branch for some months of one or more years: members, bases and payments
 * in three queries, the rows from the domain. Bases are confirmed per year [FEE-17], so each
 * year's months are built from that year's bases only.
 */
export async function branchRows(
  orgId: string,
  spans: readonly { year: number; months: readonly string[] }[],
  members?: readonly Pick<MemberDoc, '_id' | 'name'>[],
): Promise<LedgerRow[][]> {
  const [roster, dues] = await Promise.all([
    members ?? listOrgMembers(orgId),
    duesOfYears(
      orgId,
      spans.map((s) => s.year),
    ),
  ]);
  return spans.map((s) =>
    ledgerRows(
      roster,
      dues.bases.filter((b) => b.year === s.year),
      dues.payments.filter((p) => p.year === s.year),
      s.months,
    ),
  );
}
