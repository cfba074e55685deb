import type { ActivityType } from '../../cloudfunctions/_shared/contracts/activity';
import type { FiveStatus } from '../../cloudfunctions/_shared/domain/org/five-standards';
import type { Profile } from '../../cloudfunctions/_shared/domain/org/model';
import { addMonths, localDate, localMonth } from '../../cloudfunctions/_shared/domain/shared/time';

/**
 * The layout of the generated 基层党委 and its PLAN of deliberate gaps, computed from the seed's
 * instant alone: what each generated branch holds, and what was left out on purpose, so tests can
 * compare a dashboard with the records (tests/functions/dashboard-records.test.ts).
 *
 * The records cover the twelve whole months before the seed's month (`months`); the seed's own
 * month has nothing yet (its cells are due). Each branch k follows pattern (k − 1) mod 12.
 */
export type CommitteeSize = 'committee' | 'committee-large';

export interface PlannedActivity {
  type: ActivityType;
  month: string;
  activityId: string;
}

export interface BranchPlan {
  orgId: string;
  name: string;
  /** The 党总支 it sits under, or 'demo-committee'. */
  parentId: string;
  profile: Profile;
  members: number;
  /** More than one 支委 (≥ 7 full members): 支委会 are required [MTG-02]. */
  hasCommittee: boolean;
  /** Not held at all (the activity does not exist). */
  skipped: { type: ActivityType; month: string }[];
  /** Held and closed but never recorded: no minutes, so it does not count [MTG-27]. */
  noMinutes: PlannedActivity[];
  /** Counted, but archived after the filing window (mtg.finaliseWithinDays = 3) [MTG-19]. */
  lateFiled: PlannedActivity[];
  /** Members with months left unpaid (arrears) [FEE-24]. */
  arrears: { memberId: string; months: string[] }[];
  /** No 党务公开 for more than 60 days [DIS-07]: notices stop after `lastNoticeMonth`. */
  staleDisclosure: boolean;
  lastNoticeMonth: string;
  /** Nothing held for more than 30 days [FORT-22]: the last month of records is skipped. */
  inactive: boolean;
  /** The term ended before the seed's instant [ORG-22]. */
  termExpired: boolean;
  termStart: string;
  /** This year's 五化 record, or null when none was declared. */
  fiveStandards: FiveStatus | null;
}

export interface CommitteePlan {
  size: CommitteeSize;
  now: string;
  /** The months with records, oldest first (the twelve before the seed's month). */
  months: string[];
  generalBranches: { orgId: string; name: string }[];
  branches: BranchPlan[];
}

export const GENERAL_BRANCHES = [
  { orgId: 'c-general-1', name: '机关党总支' },
  { orgId: 'c-general-2', name: '后勤党总支' },
];

const NAMES = [
  '党政办公室党支部',
  '组织人事处党支部',
  '教务处党支部',
  '财务处党支部',
  '后勤服务中心党支部',
  '图书馆党支部',
  '保卫处党支部',
  '学生工作处党支部',
  '科研处党支部',
  '离退休党支部',
  '继续教育学院党支部',
  '信息中心党支部',
];

const ALL_TYPES: ActivityType[] = [
  'themeDay',
  'committeeMeeting',
  'branchAssembly',
  'partyLecture',
  'orgLifeMeeting',
];

/** The calendar months in which each kind is held (the 党课 of June is the 七一 lecture). */
export const HELD_IN: Record<string, readonly number[]> = {
  themeDay: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  committeeMeeting: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  branchAssembly: [2, 5, 8, 11],
  partyLecture: [3, 6, 9, 11],
  orgLifeMeeting: [10],
};

export const activityIdOf = (orgId: string, type: ActivityType, month: string) =>
  `${orgId}-${type}-${month}`;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The plan of one size built around `now`. */
export function committeePlan(size: CommitteeSize, now: Date): CommitteePlan {
  const large = size === 'committee-large';
  const count = large ? 100 : 12;
  const thisMonth = localMonth(now);
  const today = localDate(now);
  const months = Array.from({ length: 12 }, (_, i) =>
    addMonths(`${thisMonth}-01`, i - 12).slice(0, 7),
  );
  const at = (offset: number) => months[12 + offset];
  const calendar = (type: ActivityType, m: number) =>
    months.find((x) => Number(x.slice(5)) === m && HELD_IN[type].includes(m)) ?? at(-1);
  const branches: BranchPlan[] = [];
  for (let k = 1; k <= count; k++) {
    const p = (k - 1) % 12;
    const orgId = `c-branch-${pad(k, large ? 3 : 2)}`;
    const inFirst = large ? k <= 20 : k <= 3;
    const inSecond = large ? k > 20 && k <= 35 : k > 3 && k <= 5;
    const members = large ? 50 : p === 10 ? 6 : 16 + ((k * 7) % 9);
    const planned = (type: ActivityType, month: string) => ({
      type,
      month,
      activityId: activityIdOf(orgId, type, month),
    });
    const b: BranchPlan = {
      orgId,
      name: large ? `第${k}党支部` : NAMES[k - 1],
      parentId: inFirst ? 'c-general-1' : inSecond ? 'c-general-2' : 'demo-committee',
      profile: p === 2 || p === 10 ? 'default' : 'hunan',
      members,
      hasCommittee: members - 2 >= 7,
      skipped: [],
      noMinutes: [],
      lateFiled: [],
      arrears: [],
      staleDisclosure: p === 4,
      lastNoticeMonth: p === 4 ? at(-3) : at(-1),
      inactive: p === 5,
      termExpired: p === 6,
      termStart: addMonths(today, p === 6 ? -38 : -(12 + p)).slice(0, 8) + '01',
      fiveStandards: p === 6 ? null : p === 8 ? 'declared' : 'met',
    };
    const mid = (m: number) => `${orgId}-m${pad(m, 2)}`;
    if (p === 0) b.skipped.push({ type: 'themeDay', month: at(-9) });
    if (p === 1) b.noMinutes.push(planned('themeDay', at(-7)));
    if (p === 2) b.skipped.push({ type: 'partyLecture', month: calendar('partyLecture', 9) });
    if (p === 3) b.lateFiled.push(planned('committeeMeeting', at(-8)), planned('themeDay', at(-5)));
    if (p === 5) b.skipped.push(...ALL_TYPES.map((type) => ({ type, month: at(-1) })));
    if (p === 7) {
      b.arrears.push({ memberId: mid(6), months: [at(-3), at(-2), at(-1)] });
      b.arrears.push({ memberId: mid(7), months: [at(-1)] });
      b.skipped.push({ type: 'branchAssembly', month: calendar('branchAssembly', 5) });
    }
    if (p === 8) b.skipped.push({ type: 'committeeMeeting', month: at(-4) });
    if (p === 11) {
      b.skipped.push({ type: 'themeDay', month: at(-2) });
      b.noMinutes.push(planned('branchAssembly', calendar('branchAssembly', 2)));
    }
    if (!b.hasCommittee) b.skipped = b.skipped.filter((s) => s.type !== 'committeeMeeting');
    branches.push(b);
  }
  return { size, now: now.toISOString(), months, generalBranches: GENERAL_BRANCHES, branches };
}

/** Whether the plan holds an activity of this kind in this month for the branch. */
export function plannedHeld(b: BranchPlan, type: ActivityType, month: string): boolean {
  if (type === 'committeeMeeting' && !b.hasCommittee) return false;
  if (!HELD_IN[type].includes(Number(month.slice(5)))) return false;
  return !b.skipped.some((s) => s.type === type && s.month === month);
}
