/**
 * Every collection, its indexes and its permission, declared once. The deploy script
 * (scripts/deploy-db.ts) creates them in CloudBase; the emulator creates them on reset.
 * Permission for all: clients may neither read nor write — only cloud functions.
 */
export interface CollectionSpec {
  readonly name: string;
  readonly indexes: readonly {
    readonly name: string;
    readonly keys: Readonly<Record<string, 1 | -1>>;
    readonly unique?: boolean;
  }[];
}

/** Declared `const` so that the names form a type (`CollectionName`) the repos are typed by. */
const DECLARED = <const>[
  {
    name: 'orgs',
    indexes: [
      { name: 'parent', keys: { parentId: 1 } },
      { name: 'ancestors', keys: { ancestors: 1 } },
    ],
  },
  {
    name: 'members',
    indexes: [
      { name: 'org', keys: { orgId: 1, name: 1 } },
      { name: 'openid', keys: { openid: 1 } },
      { name: 'personKey', keys: { personKey: 1 } },
      { name: 'roles', keys: { 'roles.orgId': 1 } },
    ],
  },
  { name: 'personKeys', indexes: [] },
  { name: 'fiveStandards', indexes: [{ name: 'org_year', keys: { orgId: 1, year: 1 } }] },
  {
    name: 'spotChecks',
    indexes: [
      { name: 'root_year', keys: { rootId: 1, year: 1 } },
      { name: 'org_year', keys: { orgId: 1, year: 1 } },
    ],
  },
  { name: 'spotCheckDraws', indexes: [{ name: 'root_year', keys: { rootId: 1, year: 1 } }] },
  {
    name: 'electionRequests',
    indexes: [
      { name: 'org', keys: { orgId: 1, requestedAt: -1 } },
      { name: 'ancestors', keys: { ancestors: 1 } },
    ],
  },
  { name: 'memberMoves', indexes: [{ name: 'member', keys: { memberId: 1, at: -1 } }] },
  { name: 'bindings', indexes: [{ name: 'member', keys: { memberId: 1 } }] },
  { name: 'invites', indexes: [{ name: 'member', keys: { memberId: 1 } }] },
  { name: 'auditLogs', indexes: [{ name: 'org_at', keys: { orgId: 1, at: -1 } }] },
  { name: 'subscriptionQuotas', indexes: [{ name: 'member', keys: { memberId: 1 } }] },
  {
    name: 'activities',
    indexes: [
      { name: 'org_start', keys: { orgId: 1, startAt: 1 } },
      { name: 'start', keys: { startAt: 1 } },
    ],
  },
  {
    name: 'attendance',
    indexes: [
      { name: 'activity', keys: { activityId: 1 } },
      { name: 'member', keys: { memberId: 1 } },
    ],
  },
  { name: 'leaveRequests', indexes: [{ name: 'activity', keys: { activityId: 1 } }] },
  { name: 'votes', indexes: [{ name: 'activity', keys: { activityId: 1 } }] },
  { name: 'voterExclusions', indexes: [{ name: 'org', keys: { orgId: 1 } }] },
  { name: 'discussions', indexes: [{ name: 'activity', keys: { activityId: 1 } }] },
  { name: 'elections', indexes: [{ name: 'activity', keys: { activityId: 1 } }] },
  { name: 'talks', indexes: [{ name: 'org_year', keys: { orgId: 1, year: 1 } }] },
  {
    name: 'orgLifeSteps',
    indexes: [
      { name: 'activity', keys: { activityId: 1 } },
      { name: 'org_step', keys: { orgId: 1, step: 1 } },
    ],
  },
  { name: 'activityPlans', indexes: [] },
  { name: 'holidayCalendars', indexes: [] },
  { name: 'reminderLog', indexes: [{ name: 'activity', keys: { activityId: 1 } }] },
  { name: 'pointStandards', indexes: [{ name: 'org_year', keys: { orgId: 1, year: 1 } }] },
  {
    name: 'pointEntries',
    indexes: [
      { name: 'member_year', keys: { memberId: 1, year: 1 } },
      { name: 'org_status', keys: { orgId: 1, status: 1 } },
    ],
  },
  { name: 'pointPublications', indexes: [] },
  { name: 'pointYears', indexes: [] },
  { name: 'pointAppeals', indexes: [{ name: 'org', keys: { orgId: 1 } }] },
  { name: 'fortressAssessments', indexes: [] },
  {
    name: 'notices',
    indexes: [
      { name: 'org_updated', keys: { orgId: 1, updatedAt: -1 } },
      { name: 'matter', keys: { matterId: 1 } },
    ],
  },
  { name: 'noticeVersions', indexes: [{ name: 'notice', keys: { noticeId: 1 } }] },
  {
    name: 'noticeReads',
    indexes: [
      { name: 'notice', keys: { noticeId: 1 } },
      { name: 'member', keys: { memberId: 1 } },
    ],
  },
  { name: 'duesBases', indexes: [{ name: 'member_year', keys: { memberId: 1, year: 1 } }] },
  {
    name: 'duesPayments',
    indexes: [
      { name: 'org_month', keys: { orgId: 1, month: 1 } },
      { name: 'member', keys: { memberId: 1 } },
    ],
  },
  { name: 'duesSheets', indexes: [{ name: 'org', keys: { orgId: 1 } }] },
  { name: 'duesYears', indexes: [{ name: 'org_year', keys: { orgId: 1, year: 1 } }] },
  { name: 'outbox', indexes: [{ name: 'sentAt', keys: { sentAt: -1 } }] },
  {
    name: 'appraisals',
    indexes: [
      { name: 'committee_year', keys: { committeeId: 1, year: 1 } },
      { name: 'org_year', keys: { orgId: 1, year: 1 } },
      { name: 'subject', keys: { subjectId: 1, year: 1 } },
    ],
  },
  {
    name: 'ballotBoxes',
    indexes: [
      { name: 'owner', keys: { ownerId: 1 } },
      { name: 'activity', keys: { activityId: 1 } },
    ],
  },
  { name: 'ballotVoters', indexes: [{ name: 'box', keys: { boxId: 1 } }] },
  { name: 'ballots', indexes: [{ name: 'box', keys: { boxId: 1 } }] },
  {
    name: 'democraticAppraisals',
    indexes: [
      { name: 'org_year', keys: { orgId: 1, year: 1 } },
      { name: 'committee_year', keys: { committeeId: 1, year: 1 } },
      { name: 'path_year', keys: { orgPath: 1, year: 1 } },
      { name: 'year', keys: { year: 1 } },
    ],
  },
  { name: 'democraticEntries', indexes: [{ name: 'campaign', keys: { campaignId: 1 } }] },
  { name: 'rectificationLists', indexes: [{ name: 'year_open', keys: { year: 1, open: 1 } }] },
  {
    name: 'branchAppraisals',
    indexes: [
      { name: 'path_year', keys: { orgPath: 1, year: 1 } },
      { name: 'branch_year', keys: { 'branches.orgId': 1, year: 1 } },
      { name: 'year', keys: { year: 1 } },
    ],
  },
  {
    name: 'mediaFiles',
    indexes: [
      { name: 'fileId', keys: { fileId: 1 } },
      { name: 'trace', keys: { 'check.traceId': 1 } },
      { name: 'org_at', keys: { orgId: 1, createdAt: -1 } },
    ],
  },
];

export const COLLECTIONS: readonly CollectionSpec[] = DECLARED;
/** The name of a declared collection: a repo cannot name a collection that is not declared. */
export type CollectionName = (typeof DECLARED)[number]['name'];
export const COLLECTION_NAMES: CollectionName[] = DECLARED.map((c) => c.name);
