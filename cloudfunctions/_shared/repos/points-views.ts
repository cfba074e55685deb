import type { ActivityType } from '../contracts/activity';
import { localInstant } from '../domain/shared/time';
import type { ActivityDoc } from './activities';
import type { AttendanceDoc } from './attendance';
import type { CollectionName } from './collections';
import { db } from './db';
import type { DuesBaseDoc, DuesPaymentDoc } from './dues';
import type { MemberDoc } from './members';
import type { NoticeReadDoc } from './notices';
import type { OrgDoc } from './orgs';
import type { EntryDoc, PointYearDoc, PublicationDoc, StandardDoc } from './points';

/**
 * What the 先锋指数 and the 堡垒指数 are computed from, each read in ONE round trip: an aggregate of
 * the member (or the org) with `$lookup`s of the points documents and of the finalised records
 * (attendance, dues, notice reads) [PTS-20]. CloudBase runs `lookup` with `let`/`pipeline` from
 * wx-server-sdk 1.3.0; the emulator runs it with mingo. Each sub-pipeline is bounded by the org
 * and the year, so no view loads an unbounded collection; a branch year is a few thousand small
 * documents, well inside the 16 MB a result document may hold.
 */

export type ActivityFact = Pick<
  ActivityDoc,
  '_id' | 'type' | 'title' | 'startAt' | 'endAt' | 'status'
> & { attendance: Pick<AttendanceDoc, 'activityId' | 'memberId' | 'status'>[] };

/** The finalised records of a year, of one member or of a whole branch. */
export interface YearFacts {
  year?: number;
  /** Closed sessions of the given types, each with its attendance (the member's, or everyone's). */
  activities: ActivityFact[];
  entries: EntryDoc[];
  duesBases: Pick<DuesBaseDoc, 'memberId' | 'fromMonth' | 'monthlyFen' | 'revision'>[];
  duesPayments: Pick<DuesPaymentDoc, 'memberId' | 'month' | 'amountFen' | 'paidOn'>[];
  /** Reads of the notices published in the year. */
  noticeReads: Pick<NoticeReadDoc, 'memberId' | 'noticeId' | 'at' | 'publishedAt'>[];
}

export type Stage = Record<string, unknown>;
export const join = (from: CollectionName, as: string, vars: Stage, pipeline: Stage[]) => ({
  from,
  let: vars,
  pipeline,
  as,
});
export const eq = (field: string, variable: string) => ({ $eq: [`$${field}`, `$$${variable}`] });
export const where = (...conditions: object[]) => ({
  $match: { $expr: conditions.length === 1 ? conditions[0] : { $and: conditions } },
});
export const fields = (...names: string[]) => ({
  $project: Object.fromEntries(names.map((n) => [n, 1])),
});
export const yearRange = (year: number) => ({
  $gte: localInstant(`${year}-01-01`),
  $lt: localInstant(`${year + 1}-01-01`),
});

/** Joined inside an aggregate of `orgs` (`$$orgId` = the org) or `members` (and `$$memberId`). */
export const ORG_VARS = { orgId: '$_id' };
const MEMBER_VARS = { orgId: '$orgId', memberId: '$_id' };

function factLookups(year: number, types: readonly ActivityType[], member: boolean): Stage[] {
  const vars = member ? MEMBER_VARS : ORG_VARS;
  const whose = member ? eq('memberId', 'memberId') : eq('orgId', 'orgId');
  // inside an activity, `$_id` is the activity's: the member is passed on from the outer variable
  const inner = member ? { aid: '$_id', memberId: '$$memberId' } : { aid: '$_id' };
  const attendance = join('attendance', 'attendance', inner, [
    where(eq('activityId', 'aid'), ...(member ? [eq('memberId', 'memberId')] : [])),
    fields('activityId', 'memberId', 'status'),
  ]);
  return [
    join('activities', 'activities', vars, [
      { $match: { status: 'closed', type: { $in: [...types] }, startAt: yearRange(year) } },
      where(eq('orgId', 'orgId')),
      { $sort: { startAt: 1 } },
      { $lookup: attendance },
      fields('type', 'title', 'startAt', 'endAt', 'status', 'attendance'),
    ]),
    join('pointEntries', 'entries', vars, [
      { $match: { year } },
      where(whose),
      { $sort: { _id: 1 } },
    ]),
    join('duesBases', 'duesBases', vars, [
      { $match: { year } },
      where(whose),
      fields('memberId', 'fromMonth', 'monthlyFen', 'revision'),
    ]),
    join('duesPayments', 'duesPayments', vars, [
      { $match: { year } },
      where(whose),
      fields('memberId', 'month', 'amountFen', 'paidOn'),
    ]),
    join('noticeReads', 'noticeReads', vars, [
      { $match: { publishedAt: yearRange(year) } },
      where(whose),
      fields('memberId', 'noticeId', 'at', 'publishedAt'),
    ]),
  ];
}

const standardLookup = (year: number, vars: Stage) =>
  join('pointStandards', 'standard', vars, [
    { $match: { year } },
    where(eq('orgId', 'orgId')),
    { $sort: { version: 1 } },
  ]);
const publicationsLookup = (vars: Stage) =>
  join('pointPublications', 'publications', vars, [
    where(eq('orgId', 'orgId')),
    { $sort: { _id: 1 } },
  ]);
const orgLookup = { from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' };

export async function one<T>(from: 'orgs' | 'members', _id: string, lookups: object[]) {
  let agg = db.collection(from).aggregate().match({ _id }).limit(1);
  for (const l of lookups) agg = agg.lookup(l);
  const res = (await agg.end()) as unknown as { list: T[] };
  return res.list[0] ?? null;
}
const strip = <T extends object, K extends string>(row: T, keys: K[]): Omit<T, K> => {
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as Omit<T, K>;
};
const FACT_KEYS = ['activities', 'entries', 'duesBases', 'duesPayments', 'noticeReads'] as const;
const factsOf = (row: YearFacts, year: number): YearFacts => ({
  year,
  activities: row.activities,
  entries: row.entries,
  duesBases: row.duesBases,
  duesPayments: row.duesPayments,
  noticeReads: row.noticeReads,
});

type Joined<T> = T & { org?: OrgDoc[]; standard: StandardDoc[]; publications?: PublicationDoc[] };

const latest = (versions: StandardDoc[]) => versions[versions.length - 1] ?? null;

/** A branch and every version of its standard for a year, oldest first (and the latest) [PTS-13]. */
export async function orgWithStandard(orgId: string, year: number) {
  const row = await one<Joined<OrgDoc>>('orgs', orgId, [standardLookup(year, ORG_VARS)]);
  return row
    ? { org: strip(row, ['standard']), standard: latest(row.standard), standards: row.standard }
    : null;
}

/** A branch with its quarterly publications [PTS-18]. */
export async function orgWithPublications(orgId: string) {
  const row = await one<Joined<OrgDoc>>('orgs', orgId, [publicationsLookup(ORG_VARS)]);
  return row ? { org: strip(row, ['publications']), publications: row.publications ?? [] } : null;
}

/** A member, their org and its standard in force for a year. */
export async function memberWithStandard(memberId: string, year: number) {
  const row = await one<Joined<MemberDoc>>('members', memberId, [
    orgLookup,
    standardLookup(year, MEMBER_VARS),
  ]);
  return row
    ? {
        member: strip(row, ['org', 'standard']),
        org: row.org?.[0] ?? null,
        standard: latest(row.standard),
        standards: row.standard,
      }
    : null;
}

export interface MemberYearView {
  member: MemberDoc;
  org: OrgDoc | null;
  standard: StandardDoc | null;
  /** Every version of the year's standard, oldest first [PTS-13]. */
  standards: StandardDoc[];
  publications: PublicationDoc[];
  facts: YearFacts;
}

/** Everything one member's 先锋指数 of a year is computed from, in one round trip. */
export async function memberYear(
  memberId: string,
  year: number,
  types: readonly ActivityType[],
): Promise<MemberYearView | null> {
  const row = await one<Joined<MemberDoc> & YearFacts>('members', memberId, [
    orgLookup,
    standardLookup(year, MEMBER_VARS),
    publicationsLookup(MEMBER_VARS),
    ...factLookups(year, types, true),
  ]);
  if (!row) return null;
  return {
    member: strip(row, ['org', 'standard', 'publications', ...FACT_KEYS]),
    org: row.org?.[0] ?? null,
    standard: latest(row.standard),
    standards: row.standard,
    publications: row.publications ?? [],
    facts: factsOf(row, year),
  };
}

export interface BranchYearView {
  org: OrgDoc;
  members: MemberDoc[];
  standard: StandardDoc | null;
  /** Every version of the year's standard, oldest first [PTS-13]. */
  standards: StandardDoc[];
  publications: PublicationDoc[];
  published: PointYearDoc | null;
  facts: YearFacts;
}

/** Everything a branch's 先锋指数 of a year (every member's) is computed from, in one round trip. */
export async function branchYear(
  orgId: string,
  year: number,
  types: readonly ActivityType[],
): Promise<BranchYearView | null> {
  const row = await one<
    Joined<OrgDoc> & YearFacts & { members: MemberDoc[]; published: PointYearDoc[] }
  >('orgs', orgId, [
    join('members', 'members', ORG_VARS, [where(eq('orgId', 'orgId')), { $sort: { name: 1 } }]),
    standardLookup(year, ORG_VARS),
    publicationsLookup(ORG_VARS),
    join('pointYears', 'published', ORG_VARS, [{ $match: { year } }, where(eq('orgId', 'orgId'))]),
    ...factLookups(year, types, false),
  ]);
  if (!row) return null;
  return {
    org: strip(row, ['members', 'standard', 'publications', 'published', ...FACT_KEYS]),
    members: row.members,
    standard: latest(row.standard),
    standards: row.standard,
    publications: row.publications ?? [],
    published: row.published[0] ?? null,
    facts: factsOf(row, year),
  };
}
