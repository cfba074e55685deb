import type { ActivityDoc } from './activities';
import type { AttendanceDoc } from './attendance';
import type { DuesBaseDoc, DuesPaymentDoc } from './dues';
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

/** Statuses of an attendance record that count as attended (`attended` of domain/activity/participants). */
const ATTENDED = ['present', 'late', 'remote'];

/**
 * The `$lookup`s of a branch year inside an aggregate of `orgs` [FORT-02 … FORT-18]. `narrow`
 * (many branches at once): each activity carries only what counting it needs and its attended
 * records reduced in the database to the first and the last attendee (`isCounted` asks for one
 * besides the host) — a year's 60,000 attendance rows never travel; payments are grouped per
 * member; members carry the fields the facts read.
 */
export function fortressLookups(year: number, narrow: boolean): object[] {
  const inYear = yearRange(year);
  const attendance = join('attendance', 'attendance', { aid: '$_id' }, [
    where(eq('activityId', 'aid')),
  ]);
  const activityFields = narrow
    ? [
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
          'record.minutes',
          'record.archived',
          'record.archivedAt',
          'groupId',
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
 * The 堡垒指数 view of many branches of a year in THREE aggregates per 1,000 orgs, whatever the
 * number of branches (the superior's dashboard and quotas): the orgs with their `$lookup`s, and,
 * apart, the year's attended records grouped per activity and the payments grouped per member.
 * A year's 60,000–100,000 attendance rows and 60,000 payments never travel and are never joined
 * one by one: a `$match` and a `$group` over the collection are cheaper than a correlated join per
 * activity. Each activity's `attendance` holds at most two attendees (the lowest and the highest
 * member id attended; one record per member and activity): enough for `isCounted` and the 堡垒指数,
 * NOT an attendance count. Members carry only the fields the facts read. `extra` lookups (`$lookup`
 * stages over the same org, `as` named in `extraKeys`) ride along with the orgs and come back
 * under `extra`. An unknown id is absent from the map.
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
    const [res, attended, paid] = await Promise.all([
      agg.end() as unknown as Promise<{ list: FortressRow[] }>,
      attendedOf(page, year),
      paymentsOf(page, year),
    ]);
    for (const row of res.list) {
      const { view, extra } = viewOf(decodeNarrow(row, attended, paid.get(row._id) ?? []), keys);
      out.set(row._id, { ...view, extra });
    }
  }
  return out;
}

type AttendedGroup = { _id: string; n: number; lo: string; hi: string };
type PaymentGroup = { _id: { orgId: string; memberId: string }; months: string[]; fens: number[] };

/**
 * The attended records of these orgs' activities of the year, per activity: how many, and the
 * lowest and highest member id. A record is written at or after the sign-in window opens (20
 * minutes before the start, CHK-09); a month of slack covers an activity moved into the year after
 * its first sign-ins (TD-04). Groups of other years' activities are ignored by the caller.
 */
async function attendedOf(orgIds: readonly string[], year: number) {
  const inYear = yearRange(year);
  const res = (await db
    .collection('attendance')
    .aggregate()
    .match({
      orgId: _.in([...orgIds]),
      status: _.in(ATTENDED),
      at: _.gte(new Date(+inYear.$gte - 31 * 86400_000)),
    })
    .group({
      _id: '$activityId',
      n: { $sum: 1 },
      lo: { $min: '$memberId' },
      hi: { $max: '$memberId' },
    })
    .limit(100_000)
    .end()) as unknown as { list: AttendedGroup[] };
  return new Map(res.list.map((g) => [g._id, g]));
}

/** The year's payments of these orgs, one row per member with the months and amounts paid. */
async function paymentsOf(orgIds: readonly string[], year: number) {
  const res = (await db
    .collection('duesPayments')
    .aggregate()
    .match({ orgId: _.in([...orgIds]), year })
    .group({
      _id: { orgId: '$orgId', memberId: '$memberId' },
      months: { $push: '$month' },
      fens: { $push: '$amountFen' },
    })
    .limit(100_000)
    .end()) as unknown as { list: PaymentGroup[] };
  const byOrg = new Map<string, PaymentGroup[]>();
  for (const p of res.list) {
    const list = byOrg.get(p._id.orgId);
    if (list) list.push(p);
    else byOrg.set(p._id.orgId, [p]);
  }
  return byOrg;
}

/** The narrowed rows back in the shapes the facts read (what `isCounted` and the ledger need). */
function decodeNarrow(
  row: FortressRow,
  attended: ReadonlyMap<string, AttendedGroup>,
  paid: readonly PaymentGroup[],
): FortressRow {
  const activities = row.activities.map((a) => {
    const g = attended.get(a._id);
    const ids = g ? [...new Set([g.lo, g.hi])] : [];
    const attendance = ids.map(
      (memberId) =>
        ({ activityId: a._id, memberId, status: 'present' }) as unknown as AttendanceDoc,
    );
    return { ...a, attendance };
  });
  const duesPayments = paid.flatMap((p) =>
    p.months.map(
      (month, i) =>
        ({
          orgId: row._id,
          memberId: p._id.memberId,
          month,
          amountFen: p.fens[i],
        }) as DuesPaymentDoc,
    ),
  );
  return { ...row, activities, duesPayments };
}
