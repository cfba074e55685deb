import type { ActivityType, AttendanceStatus } from '../../contracts/activity';
import { COMMITTEE_ROLES, RoleGrant } from '../org/model';
import { addMonths, localDate, localMonth, yearsBetween } from '../shared/time';
import { LedgerEntry, MemberFacts } from './pioneer';
import { entryDate } from './versions';

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
  /** The year the records are of (else the year of `today`). */
  year?: number;
  activities: {
    _id: string;
    type: ActivityType;
    startAt: Date;
    endAt: Date;
    attendance: { memberId: string; status: AttendanceStatus }[];
  }[];
  entries: (Omit<LedgerEntry, 'id'> & { _id: string; memberId: string; declaredAt?: Date })[];
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
  /** 入党 (or transfer-in) date: only the time on the roster from it is expected [PTS-36]. */
  joinedAt?: string | null;
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
  const year = data.year ?? Number(localDate(today).slice(0, 4));
  const onRoster = rosterFrom(m, year);
  const mine = data.activities.flatMap((a) =>
    a.attendance
      .filter(
        (r) =>
          r.memberId === m._id && within(localMonth(a.startAt)) && localDate(a.startAt) >= onRoster, // before joining: not expected [PTS-36]
      )
      .map((r) => ({ a, status: r.status })),
  );
  const sessions = mine
    .filter(({ a }) => ORG_LIFE.includes(a.type))
    .map(({ a, status }) => ({
      activityId: a._id,
      month: localMonth(a.startAt),
      date: localDate(a.startAt),
      themeDay: a.type === 'themeDay',
      status,
    }));
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
    rosterMonths: 13 - Number(onRoster.slice(5, 7)),
    dues: duesFacts(m._id, data, today, untilMonth, onRoster.slice(0, 7)),
    // not reading costs nothing [PTS-32, DIS-15]
    noticeReads: data.noticeReads
      .filter(
        (r) =>
          r.memberId === m._id &&
          +new Date(r.at) - +new Date(r.publishedAt) <= READ_WITHIN_MS &&
          within(localMonth(r.at)),
      )
      .map((r) => ({ id: r.noticeId, month: localMonth(r.at), date: localDate(r.at) })),
    ledger: data.entries
      .filter((e) => e.memberId === m._id && within(e.month))
      .map(({ _id, memberId: _m, declaredAt, ...e }) => ({
        ...e,
        id: _id,
        date: entryDate(e.month, declaredAt),
      })),
  };
}

/** The first day of `year` the member is on the roster: 1 January, or their joining date [PTS-36]. */
function rosterFrom(m: FactsMember, year: number): string {
  const start = `${year}-01-01`;
  if (!m.joinedAt || m.joinedAt <= start) return start;
  return m.joinedAt > `${year}-12-31` ? `${year}-12-31` : m.joinedAt;
}

const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/**
 * 党费 for the index [PTS-30]: of the months with a confirmed amount since the member joined
 * [PTS-36], a month is due once its grace period is over — paid in full by the end of the
 * following month counts — and a month paid in full in time counts as paid (and due) at once.
 * The running month and last month, still inside the grace period, are never "unpaid"; months
 * not yet come are not counted at all. Null when no amount is confirmed (not applicable).
 * With `untilMonth` (the monthly trend) the state at the end of that month.
 */
export function duesFacts(
  memberId: string,
  d: Pick<YearRecords, 'duesBases' | 'duesPayments'>,
  today: Date,
  untilMonth?: string,
  fromMonth = '0000-00',
): MemberFacts['dues'] {
  const bases = d.duesBases
    .filter((b) => b.memberId === memberId)
    .sort(
      (a, b) => a.fromMonth.localeCompare(b.fromMonth) || (a.revision ?? 0) - (b.revision ?? 0),
    ); // FEE-19
  if (!bases.length) return null;
  const running = localMonth(today);
  const last = untilMonth && untilMonth < running ? untilMonth : running;
  // the month being lived in: a grace period ending before it is over
  const current = untilMonth && untilMonth < running ? nextMonth(untilMonth) : running;
  let monthsDue = 0;
  let monthsPaid = 0;
  const year = bases[0].fromMonth.slice(0, 4);
  for (let i = 1; i <= 12; i++) {
    const month = `${year}-${String(i).padStart(2, '0')}`;
    if (month > last) break;
    if (month < fromMonth) continue;
    const base = bases.filter((b) => b.fromMonth <= month).pop();
    if (!base) continue;
    const deadline = nextMonth(month);
    const paid = d.duesPayments
      .filter((p) => {
        const on = localMonth(p.paidOn);
        return p.memberId === memberId && p.month === month && on <= deadline && on <= last;
      })
      .reduce((s, p) => s + p.amountFen, 0);
    if (paid >= base.monthlyFen) {
      monthsPaid += 1;
      monthsDue += 1;
    } else if (deadline < current) monthsDue += 1; // the grace period is over: unpaid (or short, FEE-24)
  }
  return { monthsPaid, monthsDue };
}
