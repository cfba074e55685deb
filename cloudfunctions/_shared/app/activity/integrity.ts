import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, InflationSession } from '../../contracts/activity';
import { correctorInflation, sessionInflation } from '../../domain/activity/inflation';
import { settingOf } from '../../domain/org/settings';
import { localDate, localInstant } from '../../domain/shared/time';
import { listAuditEntries } from '../../repos/audit';
import { action } from '../../runtime/handler';
import { branchActivities } from './queries';

/** The quarter `YYYY-Qn` as an instant range [from, to). */
function quarterRange(quarter: string): readonly [Date, Date] {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const start = (yy: number, m: number) => localInstant(`${yy}-${String(m).padStart(2, '0')}-01`);
  return [start(y, q * 3 - 2), q === 4 ? start(y + 1, 1) : start(y, q * 3 + 1)];
}

/** At most this many corrections are read for one branch's quarter. */
const MAX_CORRECTIONS = 2000;

/**
 * The anti-刷分 warning to the superior [CHK-14]: sessions where the host marked or corrected
 * more than `chk.inflationSessionPct` (30%) of those present, and administrators who corrected
 * more than `chk.inflationQuarterPct` (20%) of the branch's attendance in the quarter. A warning
 * only: nothing is changed or refused.
 */
export const integrity = action({
  input: activityContract.integrity.input,
  async run(ctx, input): Promise<ActivityOutput<'integrity'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const [from, to] = quarterRange(input.quarter);
    const sessionPct = settingOf(org, 'chk.inflationSessionPct');
    const quarterPct = settingOf(org, 'chk.inflationQuarterPct');
    const [data, audit] = await Promise.all([
      branchActivities(org._id, from, to),
      listAuditEntries({
        orgIds: [org._id],
        from,
        to,
        entity: 'attendance',
        offset: 0,
        limit: MAX_CORRECTIONS,
      }),
    ]);
    const sessions: InflationSession[] = [];
    let records = 0;
    for (const a of data.activities) {
      const rows = data.byActivity.get(a._id) ?? [];
      records += rows.length;
      const s = sessionInflation(rows, sessionPct);
      if (s.flagged)
        sessions.push({
          activityId: a._id,
          title: a.title,
          date: localDate(a.startAt),
          attended: s.attended,
          handEntered: s.handEntered,
          pct: s.pct,
        });
    }
    const corrections = audit
      .filter((e) => e.action === 'activity.setAttendance')
      .map((e) => e.actor.memberId);
    const names = new Map(data.members.map((m) => [m._id, m.name]));
    const correctors = correctorInflation(corrections, records, quarterPct).map((c) => ({
      ...c,
      name: names.get(c.memberId) ?? '',
    }));
    return {
      orgId: org._id,
      quarter: input.quarter,
      thresholds: { sessionPct, quarterPct },
      sessions,
      correctors,
      ruleId: 'CHK-14',
    };
  },
});
