import type { AppraisalDoc } from './appraisals';
import type { BranchAppraisalDoc } from './appraisal-branch';
import type { FiveStandardsDoc } from './five-standards';
import type { NoticeDoc } from './notices';
import { eq, fields, join, ORG_VARS, where } from './points-views';

/**
 * What the superior's dashboard reads of each branch besides its 堡垒指数 year (issue 16), as
 * `$lookup` stages that ride in the SAME aggregate of `orgs` as `fortressYears` (one round trip
 * for all branches): the last disclosure ever [DIS-07], the 五化 records up to the year [ORG-26,
 * ORG-30], and the appraisal campaigns of the year (双述双评 of its secretary, 评组织 that rates
 * it) — their steps only, never a box, a ballot or a grade. Reads the collections that
 * repos/notices.ts, five-standards.ts, appraisals.ts and appraisal-branch.ts own; writes nothing.
 */
export const DASHBOARD_EXTRA = [
  'lastNotice',
  'fiveStandards',
  'secretaryReviews',
  'branchAppraisals',
] as const;
export type DashboardExtraKey = (typeof DASHBOARD_EXTRA)[number];

export interface DashboardExtra {
  lastNotice: Pick<NoticeDoc, 'updatedAt'>[];
  fiveStandards: Pick<FiveStandardsDoc, 'year' | 'status'>[];
  secretaryReviews: Pick<AppraisalDoc, 'step' | 'profile'>[];
  branchAppraisals: Pick<BranchAppraisalDoc, 'phase' | 'step'>[];
}

export function dashboardLookups(year: number): { as: DashboardExtraKey }[] {
  return [
    join('notices', 'lastNotice', ORG_VARS, [
      where(eq('orgId', 'orgId')),
      { $sort: { updatedAt: -1 } },
      { $limit: 1 },
      fields('updatedAt'),
    ]),
    join('fiveStandards', 'fiveStandards', ORG_VARS, [
      where(eq('orgId', 'orgId')),
      { $match: { year: { $lte: year } } },
      fields('year', 'status'),
    ]),
    join('appraisals', 'secretaryReviews', ORG_VARS, [
      { $match: { year, kind: 'secretaryReview' } },
      where(eq('orgId', 'orgId')),
      fields('step', 'profile'),
    ]),
    // 评组织 names its branches in a list: a few campaigns a year, so no index is needed
    join('branchAppraisals', 'branchAppraisals', ORG_VARS, [
      { $match: { year } },
      { $match: { $expr: { $in: ['$$orgId', '$branches.orgId'] } } },
      { $sort: { _id: 1 } },
      fields('phase', 'step'),
    ]),
  ] as { as: DashboardExtraKey }[];
}

/** The extra facts of one loaded row (absent lookups read as empty). */
export const extraOf = (extra: Record<DashboardExtraKey, unknown>): DashboardExtra => ({
  lastNotice: (extra.lastNotice as DashboardExtra['lastNotice']) ?? [],
  fiveStandards: (extra.fiveStandards as DashboardExtra['fiveStandards']) ?? [],
  secretaryReviews: (extra.secretaryReviews as DashboardExtra['secretaryReviews']) ?? [],
  branchAppraisals: (extra.branchAppraisals as DashboardExtra['branchAppraisals']) ?? [],
});
