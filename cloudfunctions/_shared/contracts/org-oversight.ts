import { z } from 'zod';
import { calendarDate, id, orgYear, publicText, year } from './common';

/*
 * The superior's view over many branches (issue 16), merged into `orgContract`: the compliance
 * grid (`dashboard`, api.md), a branch's drill-down, spot checks [MTG-37, ORG-30, FORT-24], the
 * cross-branch quotas [FORT-23, SEC-18], moving members and 党小组 [PRIV-20, TD-11, MTG-03, ORG-23],
 * and the 换届 workflow [ORG-20, ORG-21].
 */

/** The obligations of the grid, in the order of its columns. */
export const OBLIGATIONS = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
  'dues',
  'disclosure',
  'recordsOnTime',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** A cell: held (a counted record), missing (the period ended without one), due, n/a. */
export const CELL_STATES = ['held', 'missing', 'due', 'n/a'] as const;
export type CellState = (typeof CELL_STATES)[number];

/** The results a spot check records [MTG-37, ORG-30]. */
export const SPOT_RESULTS = ['pass', 'fail'] as const;
export type SpotResult = (typeof SPOT_RESULTS)[number];

/** Who draws: a 基层党委 (each quarter ≥ 1, every branch once a year), a 县 (≥ 10%), a 市 (≥ 2%). */
export const SPOT_LEVELS = ['baseCommittee', 'county', 'city'] as const;
export type SpotLevel = (typeof SPOT_LEVELS)[number];

export const ELECTION_STEPS = ['requested', 'approved', 'rejected', 'elected', 'recorded'] as const;
export type ElectionStep = (typeof ELECTION_STEPS)[number];

const quarter = z.number().int().min(1).max(4);

export const orgOversightContract = {
  /** api.md: the compliance grid of every branch below `orgId`, from the records. */
  dashboard: { input: orgYear },
  /** One branch's counts and records of the year (drill-down; never a ballot or a score). */
  branchDetail: { input: orgYear },
  /** The year's spot checks of the orgs below `orgId`, drawn and recorded. */
  spotChecks: { input: orgYear },
  /** Draw the quarter's sample: reproducible from the seed it logs [MTG-37]. */
  drawSpotChecks: { input: z.object({ orgId: id, year, quarter }).strict() },
  /** Record one drawn check's result; a failed 五化 check marks the branch [ORG-30, FORT-24]. */
  recordSpotCheck: {
    input: z
      .object({
        id,
        result: z.enum(SPOT_RESULTS),
        fiveStandardsFailed: z.boolean().optional(),
        findings: publicText(500),
      })
      .strict(),
  },
  /** 先进 ≤ 15% and 好 ≤ 15% across the branches below, used and left [FORT-23, SEC-18]. */
  quotas: { input: orgYear },
  /** Move a member to another branch of the same tree; records stay where they were [PRIV-20]. */
  moveMember: {
    input: z.object({ memberId: id, toOrgId: id, reason: publicText(200) }).strict(),
  },
  /** Put a member in one of the branch's 党小组 (an org of kind partyGroup), or none [ORG-23]. */
  setMemberGroup: { input: z.object({ memberId: id, groupId: id.nullable() }).strict() },
  /** The branch files its 换届选举请示 with the superior [ORG-20]. */
  requestElection: {
    input: z
      .object({
        orgId: id,
        plannedDate: calendarDate,
        seats: z.number().int().min(1).max(15),
        reason: publicText(300),
      })
      .strict(),
  },
  /** The superior approves or returns the 请示 [ORG-20, ORG-21]. */
  decideElection: {
    input: z.object({ id, approve: z.boolean(), note: publicText(300) }).strict(),
  },
  /** The 换届 requests of an org and of the orgs below it, newest first. */
  elections: { input: z.object({ orgId: id }).strict() },
  /** After the election meeting: the new committee with its roles; the term starts again. */
  recordCommittee: {
    input: z
      .object({
        id,
        electionActivityId: id,
        electedOn: calendarDate,
        committee: z
          .array(
            z
              .object({
                memberId: id,
                role: z.enum([
                  'secretary',
                  'deputySecretary',
                  'orgCommissioner',
                  'publicityCommissioner',
                  'disciplineCommissioner',
                ]),
              })
              .strict(),
          )
          .min(1)
          .max(15),
      })
      .strict(),
  },
} as const;

type In<K extends keyof typeof orgOversightContract> = z.input<
  (typeof orgOversightContract)[K]['input']
>;

export type DashboardAlert = {
  /** `inactive` FORT-22, `missingMonth` TD-01, `termExpiry` ORG-22, `size` ORG-0x, `arrears` FEE-x,
   * `staleDisclosure` DIS-x, `lateRecords` MTG-19, `spotCheckFailed` ORG-30 … */
  kind: string;
  ruleId: string;
  /** Local date from which it holds, when known. */
  since: string | null;
  message: string;
};

export type DashboardBranch = {
  orgId: string;
  name: string;
  kind: string;
  /** The general branch it sits under, or null directly under the dashboard's org. */
  parentId: string | null;
  members: number;
  /** obligation → period label (`2026-03`, `2026-Q1`, `2026-H1`, `2026-七一`) → state. */
  cells: Record<Obligation, Record<string, CellState>>;
  /** Per obligation: held of required periods so far, for the row's text. */
  totals: Record<Obligation, { held: number; required: number }>;
  fortress: { total: number; stars: number };
  /** kind → the step reached (its Chinese word), absent where the kind is not opened. */
  appraisal: Record<string, string>;
  alerts: DashboardAlert[];
  fiveStandards: string;
  /** The last spot check of the year, if any. */
  spotCheck: { on: string; result: SpotResult } | null;
  /** 1 = highest 堡垒指数; the superior only [FORT-23]. */
  rank: number;
};

export type DashboardOutput = {
  orgId: string;
  name: string;
  year: number;
  /** The local date the grid is computed for. */
  today: string;
  obligations: { key: Obligation; label: string }[];
  branches: DashboardBranch[];
};

export type BranchDetailOutput = {
  orgId: string;
  name: string;
  year: number;
  members: { full: number; probationary: number; mobile: number };
  committee: { name: string; roles: string[] }[];
  /** The year's activities: counts and whether each counted, never attendance by name. */
  records: {
    activityId: string;
    type: string;
    title: string;
    date: string;
    counted: boolean;
    attended: number;
    expected: number;
    filedOnTime: boolean | null;
  }[];
  /** `state`: the grid's cell of the month (held, missing, due while running, n/a). */
  dues: { months: { month: string; paid: number; due: number; state: CellState }[] };
  disclosures: { month: string; count: number; state: CellState }[];
  fortress: { total: number; stars: number };
  alerts: DashboardAlert[];
};

export type SpotCheckRow = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  quarter: number;
  /** The seed the sample was drawn with, so anyone can draw it again [MTG-37]. */
  seed: string;
  drawnOn: string;
  result: SpotResult | null;
  fiveStandardsFailed: boolean;
  findings: string | null;
  recordedOn: string | null;
};

export type SpotChecksOutput = {
  orgId: string;
  year: number;
  level: SpotLevel;
  branches: number;
  /** The year's required minimum and how many branches are checked so far. */
  required: number;
  checkedBranches: number;
  /** Branches not yet checked this year (a 基层党委 checks every one). */
  unchecked: { orgId: string; name: string }[];
  checks: SpotCheckRow[];
  note: string;
  /** The quarters of the year already drawn (each is drawn once) [MTG-37]. */
  drawnQuarters?: number[];
};

export type QuotaMeter = {
  limit: number;
  used: number;
  left: number;
  of: number;
  note: string;
  /** false where the profile sets no such limit (then `limit` = `of`, and `note` says so). */
  applies?: boolean;
};
export type QuotasOutput = {
  orgId: string;
  year: number;
  /** 先进党支部 ≤ 15% of the branches [FORT-21, ORG-30]. */
  advanced: QuotaMeter;
  /** 评书记 “好” ≤ 15% of the secretaries reviewed [SEC-18]. */
  good: QuotaMeter;
  /** Branches by 堡垒指数 (superior only [FORT-23]). */
  ranking: { rank: number; orgId: string; name: string; total: number; stars: number }[];
};

export type ElectionRow = {
  id: string;
  orgId: string;
  orgName: string;
  step: ElectionStep;
  stepLabel: string;
  plannedDate: string;
  seats: number;
  reason: string;
  termEnd: string | null;
  requestedOn: string;
  decidedOn: string | null;
  note: string | null;
  electionActivityId: string | null;
  electedOn: string | null;
};

export type OrgOversightApi = {
  dashboard: { input: In<'dashboard'>; output: DashboardOutput };
  branchDetail: { input: In<'branchDetail'>; output: BranchDetailOutput };
  spotChecks: { input: In<'spotChecks'>; output: SpotChecksOutput };
  drawSpotChecks: { input: In<'drawSpotChecks'>; output: { seed: string; checks: SpotCheckRow[] } };
  recordSpotCheck: { input: In<'recordSpotCheck'>; output: SpotCheckRow };
  quotas: { input: In<'quotas'>; output: QuotasOutput };
  moveMember: {
    input: In<'moveMember'>;
    output: { memberId: string; fromOrgId: string; toOrgId: string };
  };
  setMemberGroup: {
    input: In<'setMemberGroup'>;
    output: { memberId: string; groupId: string | null };
  };
  requestElection: { input: In<'requestElection'>; output: ElectionRow };
  decideElection: { input: In<'decideElection'>; output: ElectionRow };
  elections: { input: In<'elections'>; output: ElectionRow[] };
  recordCommittee: { input: In<'recordCommittee'>; output: ElectionRow };
};
