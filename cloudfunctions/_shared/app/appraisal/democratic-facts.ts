/**
 * The records the 民主评议 board puts beside the tally [APR-10], read through the other areas' read
 * models: the branch's year (activities with attendance, dues) through 积分's `branchYearRecords`
 * (one round trip) and the 先锋指数 standing through `pioneerStanding` (one). From them the
 * unqualified-candidate flags: TD-22 theme-day absences, APR-14 自行脱党 candidates over monthly
 * facts (组织生活 and dues, FEE-23), and PTS-24's bottom share with a recorded problem.
 */
import type { AttendanceStatus } from '../../contracts/activity';
import type { DemocraticFlagOut } from '../../contracts/appraisal-decision';
import { absenceFlags } from '../../domain/activity/absence';
import { candidateFlags } from '../../domain/appraisal/democratic';
import {
  FLAG_REASONS,
  selfLapseCandidate,
  type MonthFacts,
  type SelfLapseCandidate,
  type UnqualifiedFlag,
} from '../../domain/appraisal/democratic-decision';
import { localMonth } from '../../domain/shared/time';
import { branchYearRecords, pioneerStanding, type StandingRow } from '../points/queries';
import type { DemocraticDoc } from './democratic-view';

/** Sessions of 组织生活 whose attendance counts for APR-14's months. */
const ORG_LIFE = [
  'themeDay',
  'branchAssembly',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
] as const;
const TOOK_PART: readonly AttendanceStatus[] = ['present', 'late', 'remote'];
const EXCUSED: readonly AttendanceStatus[] = ['excused', 'exempt'];

type Records = NonNullable<Awaited<ReturnType<typeof branchYearRecords>>>['view'];

/** The months of `year` up to the current month (the whole year once it is over). */
function monthsOf(year: number, now: Date): string[] {
  const last = localMonth(now);
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
  }
  return out;
}

/**
 * One member's months [APR-14, FEE-23]. A month in which the branch held no 组织生活 is not a
 * lapse (nothing to attend); an excused or exempt absence excuses the month; dues count as paid
 * where the member has no dues base this year (nothing recorded is never a lapse). Work is not
 * recorded by the product (null: never a lapse).
 */
export function monthFactsOf(
  view: Records,
  memberId: string,
  exempt: boolean,
  year: number,
  now: Date,
): MonthFacts[] {
  const sessions = view.activities.filter(
    (a) => (ORG_LIFE as readonly string[]).includes(a.type) && a.status === 'closed',
  );
  const hasBase = view.duesBases.some((b) => b.memberId === memberId);
  const paid = new Set(
    view.duesPayments.filter((p) => p.memberId === memberId).map((p) => p.month),
  );
  return monthsOf(year, now).map((month) => {
    const held = sessions.filter((a) => localMonth(a.startAt) === month);
    const mine = held.flatMap((a) => a.attendance.filter((r) => r.memberId === memberId));
    const tookPart = !held.length || mine.some((r) => TOOK_PART.includes(r.status));
    return {
      month,
      orgLife: tookPart,
      duesPaid: !hasBase || paid.has(month),
      work: null,
      excused: exempt || (!tookPart && mine.some((r) => EXCUSED.includes(r.status))),
    };
  });
}

export interface BoardFacts {
  flags: UnqualifiedFlag[];
  flagsOut: Map<string, DemocraticFlagOut[]>;
  points: Map<string, { total: number; rank: number }> | null;
  lapses: SelfLapseCandidate[];
}

/** The flags and points of the campaign's participants. Two round trips, in parallel. */
export async function boardFacts(doc: DemocraticDoc, now: Date): Promise<BoardFacts> {
  const [records, standing] = await Promise.all([
    branchYearRecords(doc.orgId, doc.year, now),
    pioneerStanding(doc.orgId, doc.year, now).catch((): StandingRow[] => []),
  ]);
  const ids = new Set(doc.participants.map((p) => p.memberId));
  const lapses: SelfLapseCandidate[] = [];
  let absences: { memberId: string; ruleId: string }[] = [];
  if (records) {
    const view = records.view;
    for (const p of doc.participants) {
      const c = selfLapseCandidate(
        p.memberId,
        monthFactsOf(view, p.memberId, p.exempt, doc.year, now),
      );
      if (c) lapses.push(c);
    }
    const themeDays = view.activities.filter((a) => a.type === 'themeDay' && a.status === 'closed');
    const statuses = new Map<string, Map<string, AttendanceStatus>>();
    for (const a of themeDays)
      for (const r of a.attendance) {
        if (!ids.has(r.memberId)) continue;
        if (!statuses.has(r.memberId)) statuses.set(r.memberId, new Map());
        statuses.get(r.memberId)!.set(a._id, r.status);
      }
    absences = absenceFlags(
      themeDays.map((a) => a._id),
      statuses,
    );
  }
  const ranks = standing.filter((r) => ids.has(r.memberId));
  const flags = candidateFlags({ absences, lapses, ranks });
  const flagsOut = new Map<string, DemocraticFlagOut[]>();
  for (const f of flags) {
    const rule = FLAG_REASONS[f.reason];
    const lapse = lapses.find((l) => l.memberId === f.memberId);
    const message = f.reason === 'selfLapse' && lapse ? lapse.message : rule.words;
    const list = flagsOut.get(f.memberId) ?? [];
    list.push({ reason: f.reason, ruleId: rule.ruleId, message });
    flagsOut.set(f.memberId, list);
  }
  const points = standing.length
    ? new Map(ranks.map((r) => [r.memberId, { total: r.total, rank: r.rank }]))
    : null;
  return { flags, flagsOut, points, lapses };
}
