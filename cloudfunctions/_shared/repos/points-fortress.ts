import type { ActivityDoc } from './activities';
import type { AttendanceDoc } from './attendance';
import type { DuesBaseDoc, DuesPaymentDoc } from './dues';
import type { MemberDoc } from './members';
import type { OrgDoc } from './orgs';
import type { AssessmentDoc, EntryDoc } from './points';
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

/** Everything a branch's 堡垒指数 of a year is computed from, in one round trip [FORT-02 … FORT-18]. */
export async function fortressYear(orgId: string, year: number): Promise<FortressYearView | null> {
  const inYear = yearRange(year);
  const row = await one<
    OrgDoc & Omit<FortressYearView, 'org' | 'assessment'> & { assessment: AssessmentDoc[] }
  >('orgs', orgId, [
    join('fortressAssessments', 'assessment', ORG_VARS, [
      { $match: { year } },
      where(eq('orgId', 'orgId')),
    ]),
    join('members', 'members', ORG_VARS, [where(eq('orgId', 'orgId')), { $sort: { name: 1 } }]),
    join('activities', 'activities', ORG_VARS, [
      { $match: { startAt: inYear } },
      where(eq('orgId', 'orgId')),
      { $sort: { startAt: 1 } },
      {
        $lookup: join('attendance', 'attendance', { aid: '$_id' }, [
          where(eq('activityId', 'aid')),
        ]),
      },
    ]),
    join('duesBases', 'duesBases', ORG_VARS, [{ $match: { year } }, where(eq('orgId', 'orgId'))]),
    join('duesPayments', 'duesPayments', ORG_VARS, [
      { $match: { year } },
      where(eq('orgId', 'orgId')),
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
  ]);
  if (!row) return null;
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
    ...org
  } = row;
  return {
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
}
