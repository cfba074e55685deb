/** What other areas read of 党务公开 (read models). No actions here. */
import { staleness } from '../../domain/notice/disclosure';
import { pendingItems, type PendingItem } from '../../domain/notice/rules';
import { localInstant, localMonth } from '../../domain/shared/time';
import {
  latestNotice,
  latestUpdateByOrg,
  noticesForThemeDay,
  noticeTimesIn,
} from '../../repos/notices';

export type { PendingItem };

/** Months of a year in which the branch published or updated a disclosure [FORT-12, DIS-07]. */
export async function disclosureMonths(orgId: string, year: number): Promise<number> {
  const months = new Set(
    (await noticeTimesIn(orgId, year))
      .map((d) => localMonth(d))
      .filter((m) => m.startsWith(String(year))),
  );
  return months.size;
}

/** When the branch last published or updated a disclosure, or null (the scheduler's DIS-07). */
export async function lastDisclosureAt(orgId: string): Promise<Date | null> {
  const latest = await latestNotice(orgId);
  return latest ? new Date(latest.updatedAt) : null;
}

/**
 * When the branch last published or updated a disclosure and how many days ago, as
 * `notice.status` answers [DIS-07] (the 双述双评 report [SEC-06]); nulls: never published. One query.
 */
export async function disclosureFreshness(
  orgId: string,
  now: Date,
): Promise<{ last: Date | null; days: number | null }> {
  const last = await lastDisclosureAt(orgId);
  return { last, days: staleness(last, now).days };
}

/** `lastDisclosureAt` of many branches at once (absent: never published), in one aggregation. */
export const lastDisclosuresAt = (orgIds: readonly string[]): Promise<Map<string, Date>> =>
  latestUpdateByOrg(orgIds);

/**
 * What a theme day publishes, for its record to list [DIS-05]: items published (`new`) or updated
 * since `since` — the previous theme day; by default the start of `at`'s month — up to `at`, the
 * latest stage of every five-stage matter not yet at 办理结果 (`inProgress`), and public items
 * awaiting the 书记's approval (`awaitingApproval`). One query.
 */
export async function pendingDisclosures(
  orgId: string,
  at: Date,
  since: Date = localInstant(`${localMonth(at)}-01`),
): Promise<PendingItem[]> {
  return pendingItems(await noticesForThemeDay(orgId, since), since, at);
}
