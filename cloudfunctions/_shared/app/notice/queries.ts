/** What other areas read of 党务公开 (read models). No actions here. */
import { localMonth } from '../../domain/shared/time';
import { noticeTimesIn } from '../../repos/notices';

/** Months of a year in which the branch published or updated a disclosure [FORT-12, DIS-07]. */
export async function disclosureMonths(orgId: string, year: number): Promise<number> {
  const months = new Set(
    (await noticeTimesIn(orgId, year))
      .map((d) => localMonth(d))
      .filter((m) => m.startsWith(String(year))),
  );
  return months.size;
}
