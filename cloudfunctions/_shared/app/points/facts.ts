import type { ActivityType } from '../../contracts/activity';
import { LedgerEntry, MemberFacts } from '../../domain/points/pioneer';
import { DEFAULT_ITEMS, StandardItem } from '../../domain/points/standard';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import {
  addMonths,
  localDate,
  localInstant,
  localMonth,
  yearsBetween,
} from '../../domain/shared/time';
import {
  ActivityDoc,
  AttendanceDoc,
  attendanceOfMany,
  listActivities,
} from '../../repos/activities';
import { _, db, getAll } from '../../repos/db';
import { MemberDoc } from '../../repos/members';

/** Sessions whose attendance makes up the 组织生活 base item [PTS-28]. */
const ORG_LIFE: ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
];
/** Sessions that count as 学时 (the theme day itself does not [EDU-03]). */
const STUDY: ActivityType[] = ['studySession', 'partyLecture'];
const ATTENDED = new Set(['present', 'late', 'remote']);

export interface StandardDoc {
  _id: string;
  orgId: string;
  year: number;
  version: number;
  effectiveFrom: string | null;
  items: StandardItem[];
  createdAt: Date;
}

export interface EntryDoc extends Omit<LedgerEntry, 'id'> {
  _id: string;
  orgId: string;
  memberId: string;
  year: number;
  note: string;
  declaredAt: Date;
  decidedBy: string | null;
  reason: string | null;
}

/** The standard in force for a year (the latest version), or the default one [PTS-10, PTS-13]. */
export async function standardFor(
  orgId: string,
  year: number,
): Promise<{
  items: StandardItem[];
  version: number;
  effectiveFrom: string | null;
  isDefault: boolean;
}> {
  const versions = await getAll<StandardDoc>(
    db.collection('pointStandards').where({ orgId, year }).orderBy('version', 'desc'),
  );
  const latest = versions[0];
  return latest
    ? {
        items: latest.items,
        version: latest.version,
        effectiveFrom: latest.effectiveFrom,
        isDefault: false,
      }
    : { items: DEFAULT_ITEMS, version: 0, effectiveFrom: null, isDefault: true };
}

interface DuesFacts {
  bases: { memberId: string; fromMonth: string; monthlyFen: number }[];
  payments: { memberId: string; month: string; amountFen: number; paidOn: Date }[];
}
interface ReadDoc {
  memberId: string;
  noticeId: string;
  at: Date;
  publishedAt: Date;
}

export interface BranchYear {
  activities: ActivityDoc[];
  attendance: Map<string, AttendanceDoc[]>; // by member
  entries: Map<string, EntryDoc[]>; // by member
  dues: DuesFacts;
  reads: Map<string, ReadDoc[]>; // by member
}

/** Everything a year of 先锋指数 is computed from, for one member or the whole branch, in a few reads. */
export async function loadBranchYear(
  orgId: string,
  year: number,
  memberId?: string,
): Promise<BranchYear> {
  const all = await listActivities(
    orgId,
    localInstant(`${year}-01-01`),
    localInstant(`${year + 1}-01-01`),
  );
  const activities = all.filter(
    (a) => a.status === 'closed' && (ORG_LIFE.includes(a.type) || STUDY.includes(a.type)),
  );
  const ids = activities.map((a) => a._id);
  const records = memberId
    ? ids.length
      ? await getAll<AttendanceDoc>(
          db
            .collection('attendance')
            .where({ _id: _.in(ids.map((id) => `${id}:${memberId}`)) })
            .orderBy('_id', 'asc'),
        )
      : []
    : await attendanceOfMany(ids);
  const entries = await getAll<EntryDoc>(
    db
      .collection('pointEntries')
      .where(memberId ? { memberId, year } : { orgId, year })
      .orderBy('_id', 'asc'),
    500_000,
  );
  const byMember = memberId ? { memberId } : { orgId };
  const [bases, payments, reads] = await Promise.all([
    getAll<DuesFacts['bases'][number]>(
      db
        .collection('duesBases')
        .where({ ...byMember, year })
        .orderBy('_id', 'asc'),
      100_000,
    ),
    getAll<DuesFacts['payments'][number]>(
      db
        .collection('duesPayments')
        .where({ ...byMember, year })
        .orderBy('_id', 'asc'),
      200_000,
    ),
    getAll<ReadDoc>(db.collection('noticeReads').where(byMember).orderBy('_id', 'asc'), 200_000),
  ]);
  const group = <T extends { memberId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.memberId, [...(m.get(x.memberId) ?? []), x]);
    return m;
  };
  const inYear = reads.filter((r) => localDate(r.publishedAt).startsWith(String(year)));
  return {
    activities,
    attendance: group(records),
    entries: group(entries),
    dues: { bases, payments },
    reads: group(inYear),
  };
}

export function memberFacts(
  m: MemberDoc,
  data: BranchYear,
  today: Date,
  untilMonth?: string,
): MemberFacts {
  const byId = new Map(data.activities.map((a) => [a._id, a]));
  const mine = (data.attendance.get(m._id) ?? []).filter((r) => byId.has(r.activityId));
  const within = (month: string) => !untilMonth || month <= untilMonth;
  const sessions = mine
    .map((r) => ({ r, a: byId.get(r.activityId)! }))
    .filter(({ a }) => ORG_LIFE.includes(a.type) && within(localMonth(a.startAt)))
    .map(({ r, a }) => ({ activityId: a._id, month: localMonth(a.startAt), status: r.status }));
  const studyHoursTenths = mine
    .map((r) => ({ r, a: byId.get(r.activityId)! }))
    .filter(
      ({ r, a }) =>
        STUDY.includes(a.type) && ATTENDED.has(r.status) && within(localMonth(a.startAt)),
    )
    .reduce((s, { a }) => s + Math.round((+a.endAt - +a.startAt) / 360_000), 0);
  const age = m.birthDate ? yearsBetween(m.birthDate, localDate(today)) : 0;
  return {
    memberId: m._id,
    exempt: m.exempt,
    simplified: m.mobile || age >= 70,
    committee: m.roles.some((r) => r.orgId === m.orgId && COMMITTEE_ROLES.includes(r.role)),
    sessions,
    studyHoursTenths,
    dues: duesFacts(m._id, data.dues, today, untilMonth),
    // 签阅 within 7 days of publication earns the small add item; not reading costs nothing [PTS-32, DIS-15]
    noticeReads: (data.reads.get(m._id) ?? [])
      .filter((r) => +r.at - +r.publishedAt <= 7 * 86400_000 && within(localMonth(r.at)))
      .map((r) => ({ id: r.noticeId, month: localMonth(r.at) })),
    ledger: (data.entries.get(m._id) ?? [])
      .filter((e) => within(e.month))
      .map((e) => ({ ...e, id: e._id })),
  };
}

/**
 * 党费 for the index [PTS-30]: months due so far (those with a confirmed amount) and months paid
 * in full by the end of the following month; null when no amount is confirmed (not applicable).
 */
function duesFacts(
  memberId: string,
  d: DuesFacts,
  today: Date,
  untilMonth?: string,
): MemberFacts['dues'] {
  const bases = d.bases
    .filter((b) => b.memberId === memberId)
    .sort((a, b) => a.fromMonth.localeCompare(b.fromMonth));
  if (!bases.length) return null;
  const last = untilMonth ?? localMonth(today);
  let monthsDue = 0;
  let monthsPaid = 0;
  const year = bases[0].fromMonth.slice(0, 4);
  for (let i = 1; i <= 12; i++) {
    const month = `${year}-${String(i).padStart(2, '0')}`;
    if (month > last) break;
    const base = bases.filter((b) => b.fromMonth <= month).pop();
    if (!base) continue;
    monthsDue += 1;
    const deadline = addMonths(`${month}-01`, 1).slice(0, 7);
    const paid = d.payments
      .filter(
        (p) => p.memberId === memberId && p.month === month && localMonth(p.paidOn) <= deadline,
      )
      .reduce((s, p) => s + p.amountFen, 0);
    if (paid >= base.monthlyFen) monthsPaid += 1;
  }
  return { monthsPaid, monthsDue };
}
