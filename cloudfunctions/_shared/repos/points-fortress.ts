import type { ActivityDoc } from './activities';
import { ATTENDED } from '../domain/activity/participants';
import { type AttendanceTally, tallyRecords } from '../domain/activity/tally';
import { paidMonthsOf, type PaidMonths, paymentEntries } from '../domain/dues/paid-months';
import { groupBy } from '../domain/shared/group';
import { type AttendanceDoc, countedTalliesOfOrgs } from './attendance';
import { type DuesBaseDoc, type DuesPaymentDoc, duesYearsOf, paymentsByMember } from './dues';
import type { MemberDoc } from './members';
import type { OrgDoc } from './orgs';
import type { AssessmentDoc, EntryDoc } from './points';
import { _, db, PAGE } from './db';
import { eq, fields, join, one, ORG_VARS, where, yearRange } from './points-views';

/**
 * What a branch's 堡垒指数 of a year is computed from, in ONE round trip (an aggregate of the org
 * with `$lookup`s), as `points-views.ts` does for the 先锋指数.
 */

export interface FortressYearView {
  org: OrgDoc;
  assessment: AssessmentDoc | null;
  members: MemberDoc[];
  /** Every activity of the year (any type or state), with its attendance. */
  activities: (ActivityDoc & { attendance: AttendanceDoc[] })[];
  duesBases: DuesBaseDoc[];
  duesPayments: DuesPaymentDoc[];
  /** When the branch's notices were published or last updated. */
  notices: { publishedAt: Date; updatedAt: Date }[];
  /** The branch's party groups [FORT-07]. */
  groups: { _id: string }[];
  /** Half-year activity reports exported for the superior (audited exports) [FORT-13]. */
  reportExports: { after: { report?: string; half?: string } }[];
  /** Confirmed 弄虚作假 of the year, reported to the superior [PTS-26]. */
  integrityReports: Pick<EntryDoc, '_id' | 'memberId' | 'itemCode' | 'month' | 'declaredAt'>[];
  /** The year's 民主评议党员 campaign, its steps only (FORT-09, read by the appraisal area). */
  democratic: { step: string; stepsDone: Record<string, unknown> }[];
}

/**
 * The `$lookup`s of a branch year inside an aggregate of `orgs` [FORT-02 … FORT-18]. `narrow`
 * (many branches at once): each activity carries only what counting it needs, its records come
 * to its tally (kept on the activity by the close and every later change of a record) — a year's
 * 100,000 attendance rows are never read; payments come from the paid months kept per member;
 * members carry the fields the facts read.
 */
export function fortressLookups(year: number, narrow: boolean): object[] {
  const inYear = yearRange(year);
  const attendance = join('attendance', 'attendance', { aid: '$_id' }, [
    where(eq('activityId', 'aid')),
  ]);
  // The minutes' first character stands for the minutes: stored trimmed and never empty, it is
  // what "a record with minutes" asks — a year of minutes (up to 20,000 characters each) stays.
  const minutesHead = { $substrCP: [{ $ifNull: ['$record.minutes', ''] }, 0, 1] };
  const activityFields = narrow
    ? [
        { $addFields: { minutesHead } },
        fields(
          'orgId',
          'type',
          'title',
          'status',
          'agenda',
          'hostId',
          'lateRegistration',
          'startAt',
          'endAt',
          'minutesHead',
          'record.archived',
          'record.archivedAt',
          'groupId',
          'tally',
        ),
      ]
    : [];
  const memberFields = narrow
    ? [fields('orgId', 'name', 'status', 'roles', 'transfer', 'groupId', 'mobile', 'exempt')]
    : [];
  return [
    join('fortressAssessments', 'assessment', ORG_VARS, [
      { $match: { year } },
      where(eq('orgId', 'orgId')),
    ]),
    join('members', 'members', ORG_VARS, [
      where(eq('orgId', 'orgId')),
      ...(narrow ? memberFields : [{ $sort: { name: 1 } }]),
    ]),
    join('activities', 'activities', ORG_VARS, [
      { $match: { startAt: inYear } },
      where(eq('orgId', 'orgId')),
      { $sort: { startAt: 1 } },
      ...activityFields,
      ...(narrow ? [] : [{ $lookup: attendance }]),
    ]),
    join('duesBases', 'duesBases', ORG_VARS, [
      { $match: { year } },
      where(eq('orgId', 'orgId')),
      ...(narrow ? [fields('memberId', 'fromMonth', 'monthlyFen', 'revision')] : []),
    ]),
    // narrow: the payments come from one aggregate of their own (`paymentsOf`)
    ...(narrow
      ? []
      : [
          join('duesPayments', 'duesPayments', ORG_VARS, [
            { $match: { year } },
            where(eq('orgId', 'orgId')),
          ]),
        ]),
    join('notices', 'notices', ORG_VARS, [
      { $match: { $or: [{ publishedAt: inYear }, { updatedAt: inYear }] } },
      where(eq('orgId', 'orgId')),
      fields('publishedAt', 'updatedAt'),
    ]),
    join('orgs', 'groups', ORG_VARS, [
      { $match: { kind: 'partyGroup' } },
      where(eq('parentId', 'orgId')),
      fields('_id'),
    ]),
    join('auditLogs', 'reportExports', ORG_VARS, [
      { $match: { entity: 'exports', 'after.report': 'activity', at: { $gte: inYear.$gte } } },
      where(eq('orgId', 'orgId')),
      fields('after'),
    ]),
    join('pointEntries', 'integrityReports', ORG_VARS, [
      { $match: { year, reportToSuperior: true, status: 'approved' } },
      where(eq('orgId', 'orgId')),
      fields('memberId', 'itemCode', 'month', 'declaredAt'),
    ]),
    join('democraticAppraisals', 'democratic', ORG_VARS, [
      { $match: { year } },
      where(eq('orgId', 'orgId')),
      fields('step', 'stepsDone'),
    ]),
  ];
}

type FortressRow = OrgDoc &
  Omit<FortressYearView, 'org' | 'assessment'> & { assessment: AssessmentDoc[] };

function viewOf<X extends string>(
  row: FortressRow,
  extra: readonly X[] = [],
): { view: FortressYearView; extra: Record<X, unknown> } {
  const {
    assessment,
    members,
    activities,
    duesBases,
    duesPayments,
    notices,
    groups,
    reportExports,
    integrityReports,
    democratic,
    ...rest
  } = row;
  const org = { ...rest } as OrgDoc & Record<string, unknown>;
  const more = {} as Record<X, unknown>;
  for (const k of extra) {
    more[k] = org[k];
    delete org[k];
  }
  const view: FortressYearView = {
    org,
    assessment: assessment[0] ?? null,
    members,
    activities,
    duesBases,
    duesPayments,
    notices,
    groups,
    reportExports,
    integrityReports,
    democratic: democratic ?? [],
  };
  return { view, extra: more };
}

/** Everything a branch's 堡垒指数 of a year is computed from, in one round trip [FORT-02 … FORT-18]. */
export async function fortressYear(orgId: string, year: number): Promise<FortressYearView | null> {
  const row = await one<FortressRow>('orgs', orgId, fortressLookups(year, false));
  if (!row) return null;
  return viewOf(row).view;
}

/**
 * The 堡垒指数 view of many branches of a year in TWO queries per 1,000 orgs, whatever the number
 * of branches (the superior's dashboard and quotas): the orgs with their `$lookup`s, and the
 * members' paid months of the year (`duesYears`, one small document per member, kept by
 * `dues.pay`) — neither the attendance rows nor the payments are read. Each activity's
 * `attendance` holds at most two attendees, from its tally (`tallyRecords`): enough for
 * `isCounted` and the 堡垒指数, NOT an attendance count; a closed activity without a tally (closed
 * before tallies were kept) is counted from its records, in one more query only when there are
 * any. Each member's payments are one entry per month paid (the month's sum). Members carry only
 * the fields the facts read. `extra` lookups (`$lookup` stages over the same org, `as` named in
 * `extraKeys`) ride along with the orgs and come back under `extra`. An unknown id is absent from
 * the map.
 */
export async function fortressYears<X extends string = never>(
  orgIds: readonly string[],
  year: number,
  extraLookups: readonly { as: X }[] = [],
): Promise<Map<string, FortressYearView & { extra: Record<X, unknown> }>> {
  const ids = [...new Set(orgIds)];
  const out = new Map<string, FortressYearView & { extra: Record<X, unknown> }>();
  const lookups = [...fortressLookups(year, true), ...extraLookups];
  const keys = extraLookups.map((l) => l.as);
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = ids.slice(i, i + PAGE);
    let agg = db
      .collection('orgs')
      .aggregate()
      .match({ _id: _.in(page) })
      .limit(PAGE);
    for (const l of lookups) agg = agg.lookup(l);
    const [res, kept] = await Promise.all([
      agg.end() as unknown as Promise<{ list: FortressRow[] }>,
      paidOf(page, year),
    ]);
    // orgs from before the summaries, until the nightly job rebuilt them: their records themselves
    const [counted, unkept] = await Promise.all([
      untalliedCounts(res.list, year),
      paidFromPayments(res.list, year),
    ]);
    for (const row of res.list) {
      const paid = (row.paidMonthsKept ? kept : unkept).get(row._id) ?? [];
      const { view, extra } = viewOf(decodeNarrow(row, counted, paid), keys);
      out.set(row._id, { ...view, extra });
    }
  }
  return out;
}

type NarrowActivity = FortressRow['activities'][number];

/**
 * The tallies of closed activities that carry none (closed before tallies were kept, until the
 * nightly job counted them), counted in the database for their orgs' records of the year — one
 * round trip, only when there are any. A record is written at or after the sign-in window opens
 * (CHK-09); a month of slack covers an activity moved into the year after its first sign-ins (TD-04).
 */
async function untalliedCounts(rows: readonly FortressRow[], year: number) {
  const orgIds = rows
    .filter((r) => r.activities.some((a) => a.status === 'closed' && !a.tally))
    .map((r) => r._id);
  if (!orgIds.length) return new Map<string, AttendanceTally>();
  const since = new Date(+yearRange(year).$gte - 31 * 86400_000);
  return countedTalliesOfOrgs(orgIds, ATTENDED, since);
}

/**
 * The year's payments of the orgs whose paid months are not kept yet, grouped per member in the
 * database, as ledger entries — one round trip only when there are such orgs.
 */
async function paidFromPayments(rows: readonly FortressRow[], year: number) {
  const ids = rows.filter((r) => !r.paidMonthsKept).map((r) => r._id);
  const groups = await paymentsByMember(ids, year);
  return entriesByOrg(
    groups.map(({ _id, months, fens }) => ({
      ..._id,
      paid: paidMonthsOf(months.map((month, i) => ({ month, amountFen: fens[i] }))),
    })),
  );
}

/** The year's paid months of these orgs' members (one small document per member), as entries. */
const paidOf = async (orgIds: readonly string[], year: number) =>
  entriesByOrg(await duesYearsOf(orgIds, year));

/**
 * Members' paid months per org as the entries the ledger reads (member, month, the month's sum)
 * — not whole payment documents.
 */
function entriesByOrg(rows: readonly { orgId: string; memberId: string; paid: PaidMonths }[]) {
  const out = new Map<string, DuesPaymentDoc[]>();
  for (const [orgId, list] of groupBy(rows, (r) => r.orgId))
    out.set(orgId, list.flatMap((d) => paymentEntries(d.memberId, d.paid)) as DuesPaymentDoc[]);
  return out;
}

/** The narrowed rows back in the shapes the facts read (what `isCounted` and the ledger need). */
function decodeNarrow(
  row: FortressRow,
  untallied: ReadonlyMap<string, AttendanceTally>,
  duesPayments: DuesPaymentDoc[],
): FortressRow {
  const activities = row.activities.map((narrowed: NarrowActivity & { minutesHead?: string }) => {
    const { minutesHead, ...a } = narrowed;
    const tally = a.tally ?? untallied.get(a._id);
    const attendance = tallyRecords(tally).map(
      (r) => ({ ...r, activityId: a._id }) as unknown as AttendanceDoc,
    );
    const record = a.record ? { ...a.record, minutes: minutesHead ?? '' } : a.record;
    return { ...a, record, attendance };
  });
  return { ...row, activities, duesPayments };
}
