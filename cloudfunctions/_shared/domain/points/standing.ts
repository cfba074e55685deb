import type { AttendanceStatus } from '../../contracts/activity';
import { absenceFlags } from '../activity/absence';
import { FactsMember, memberFacts, YearRecords } from './facts';
import { pioneerIndex, rank } from './pioneer';
import { StandardItem } from './standard';
import type { StandardVersion } from './versions';

export interface StandingRow {
  memberId: string;
  name: string;
  total: number;
  rank: number;
  candidate: boolean;
  needsTalk: boolean;
  vetoed: boolean;
}

/**
 * A branch's 先锋指数 ranking of a year: every member scored from the same records, exempt members
 * left out [PTS-02]; 评先评优 candidates and those to talk to marked [PTS-23, PTS-24], the latter
 * only with a recorded problem such as a theme-day absence flag [TD-22].
 */
export function branchStanding(
  members: readonly (FactsMember & { name: string })[],
  records: YearRecords,
  items: StandardItem[] | readonly StandardVersion[],
  year: number,
  today: Date,
): StandingRow[] {
  const themeDays = records.activities
    .filter((a) => a.type === 'themeDay')
    .sort((a, b) => +new Date(a.startAt) - +new Date(b.startAt));
  const statuses = new Map<string, Map<string, AttendanceStatus>>();
  for (const a of themeDays)
    for (const r of a.attendance)
      statuses.set(r.memberId, (statuses.get(r.memberId) ?? new Map()).set(a._id, r.status));
  const flagged = new Set(
    absenceFlags(
      themeDays.map((a) => a._id),
      statuses,
    ).map((f) => f.memberId),
  );
  const names = new Map(members.map((m) => [m._id, m.name]));
  const rows = members
    .filter((m) => !m.exempt)
    .map((m) => {
      const r = pioneerIndex(memberFacts(m, records, today), items, year);
      return {
        memberId: m._id,
        total: r.total ?? 0,
        vetoed: r.vetoed,
        deduct: r.deduct,
        flagged: flagged.has(m._id),
      };
    });
  return rank(rows).map((r) => ({
    memberId: r.memberId,
    name: names.get(r.memberId) ?? '',
    total: r.total,
    rank: r.rank,
    candidate: r.candidate,
    needsTalk: r.needsTalk,
    vetoed: r.vetoed,
  }));
}
