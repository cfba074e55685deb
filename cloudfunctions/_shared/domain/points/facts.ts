import type { ActivityType, AttendanceStatus } from '../../contracts/activity';
import { COMMITTEE_ROLES, RoleGrant } from '../org/model';
import { addMonths, localDate, localMonth, yearsBetween } from '../shared/time';
import { LedgerEntry, MemberFacts } from './pioneer';

/** Sessions whose attendance makes up the 组织生活 base item [PTS-28]. */
export const ORG_LIFE: readonly ActivityType[] = [
  'themeDay',
  'branchAssembly',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
];
/** Sessions that count as 学时 (the theme day itself does not [EDU-03]). */
export const STUDY: readonly ActivityType[] = ['studySession', 'partyLecture'];
/** Every session type the 先锋指数 reads. */
export const INDEX_SESSION_TYPES: readonly ActivityType[] = [...new Set([...ORG_LIFE, ...STUDY])];

const ATTENDED = new Set<AttendanceStatus>(['present', 'late', 'remote']);
/** 签阅 within this many days of publication earns the small add item [PTS-32, DIS-15]. */
const READ_WITHIN_MS = 7 * 86400_000;
/** 老党员 from this age use the simplified variant [PTS-35]. */
const SIMPLIFIED_AGE = 70;

/** The records of a year a member's facts are taken from (one member's, or a whole branch's). */
export interface YearRecords {
  activities: {
    _id: string;
    type: ActivityType;
    startAt: Date;
    endAt: Date;
    attendance: { memberId: string; status: AttendanceStatus }[];
  }[];
  entries: (Omit<LedgerEntry, 'id'> & { _id: string; memberId: string })[];
  duesBases: { memberId: string; fromMonth: string; monthlyFen: number; revision?: number }[];
  duesPayments: { memberId: string; month: string; amountFen: number; paidOn: Date }[];
  noticeReads: { memberId: string; noticeId: string; at: Date; publishedAt: Date }[];
}

export interface FactsMember {
  _id: string;
  orgId: string;
  exempt: boolean;
  mobile: boolean;
  birthDate: string | null;
  roles: readonly RoleGrant[];
}

/**
 * One member's 先锋指数 facts from the finalised records [PTS-20], up to the end of `untilMonth`
 * when given (the monthly trend). Only closed sessions count (CHK-19); the caller passes those.
 */
export function memberFacts(
  m: FactsMember,
  data: YearRecords,
  today: Date,
  untilMonth?: string,
): MemberFacts {
  const within = (month: string) => !untilMonth || month <= untilMonth;
  const mine = data.activities.flatMap((a) =>
    a.attendance
      .filter((r) => r.memberId === m._id && within(localMonth(a.startAt)))
      .map((r) => ({ a, status: r.status })),
  );
  const sessions = mine
    .filter(({ a }) => ORG_LIFE.includes(a.type))
    .map(({ a, status }) => ({ activityId: a._id, month: localMonth(a.startAt), status }));
  const studyHoursTenths = mine
    .filter(({ a, status }) => STUDY.includes(a.type) && ATTENDED.has(status))
    .reduce((s, { a }) => s + Math.round((+a.endAt - +a.startAt) / 360_000), 0);
  const age = m.birthDate ? yearsBetween(m.birthDate, localDate(today)) : 0;
  return {
    memberId: m._id,
    exempt: m.exempt,
    simplified: m.mobile || age >= SIMPLIFIED_AGE,
    committee: m.roles.some((r) => r.orgId === m.orgId && COMMITTEE_ROLES.includes(r.role)),
    sessions,
    studyHoursTenths,
    dues: duesFacts(m._id, data, today, untilMonth),
    // not reading costs nothing [PTS-32, DIS-15]
    noticeReads: data.noticeReads
      .filter(
        (r) =>
          r.memberId === m._id &&
          +new Date(r.at) - +new Date(r.publishedAt) <= READ_WITHIN_MS &&
          within(localMonth(r.at)),
      )
      .map((r) => ({ id: r.noticeId, month: localMonth(r.at) })),
    ledger: data.entries
      .filter((e) => e.memberId === m._id && within(e.month))
      .map(({ _id, ...e }) => ({ ...e, id: _id })),
  };
}

/**
 * 党费 for the index [PTS-30]: months due so far (those with a confirmed amount) and months paid
 * in full by the end of the following month; null when no amount is confirmed (not applicable).
 */
function duesFacts(
  memberId: string,
  d: Pick<YearRecords, 'duesBases' | 'duesPayments'>,
  today: Date,
  untilMonth?: string,
): MemberFacts['dues'] {
  const bases = d.duesBases
    .filter((b) => b.memberId === memberId)
    .sort(
      (a, b) => a.fromMonth.localeCompare(b.fromMonth) || (a.revision ?? 0) - (b.revision ?? 0),
    ); // FEE-19
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
    const paid = d.duesPayments
      .filter(
        (p) => p.memberId === memberId && p.month === month && localMonth(p.paidOn) <= deadline,
      )
      .reduce((s, p) => s + p.amountFen, 0);
    if (paid >= base.monthlyFen) monthsPaid += 1;
  }
  return { monthsPaid, monthsDue };
}
