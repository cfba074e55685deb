import type { ActivityType, ComplianceItem } from '../../contracts/activity';
import type { Profile, Sector } from '../org/model';
import { TEMPLATE_ITEMS } from './schedule';

export type Frequency =
  'monthly' | 'quarterly' | 'halfYearly' | 'yearlyQ4' | 'juneDecember' | 'julyFirst';

/** The branch's own choices over the profile's defaults (settings `mtg.*`). */
export interface RequirementOptions {
  /** 党课 frequency set by the superior (`mtg.lecture`) [MTG-04]. */
  lecture?: Frequency;
  /** 党小组会 frequency where the branch has 党小组 (`mtg.group`); null: no groups [MTG-03]. */
  group?: Frequency | null;
  /** The 七一 lecture, 15 June–15 July (`mtg.julyFirstLecture`) [MTG-06]. */
  julyFirst?: boolean;
}

export interface Requirement {
  type: ActivityType;
  frequency: Frequency;
  ruleId: string;
}

/**
 * What a branch must hold, by profile and sector [TD-01, MTG-01, MTG-02, MTG-03, MTG-04, MTG-05,
 * MTG-06, MTG-28, MTG-29]. Where the branch has 党小组 (orgs of kind partyGroup with members),
 * the theme day and the 党小组会 are judged per group (`compliance`, `groups`) [TD-11, MTG-03];
 * a branch with group leaders but no such orgs is judged as a whole, as before.
 */
export function requirements(
  profile: Profile,
  sector: Sector,
  hasCommittee: boolean,
  opts: RequirementOptions = {},
): Requirement[] {
  const profileLecture: Frequency =
    profile === 'hunan'
      ? 'halfYearly'
      : profile === 'xianning' && (sector === 'organ' || sector === 'institution')
        ? 'monthly'
        : 'quarterly';
  const lecture = opts.lecture ?? profileLecture;
  return [
    { type: 'themeDay', frequency: 'monthly', ruleId: 'TD-01' },
    {
      type: 'branchAssembly',
      frequency: profile === 'xianning' ? 'monthly' : 'quarterly',
      ruleId: 'MTG-01',
    },
    ...(hasCommittee
      ? [{ type: 'committeeMeeting' as const, frequency: 'monthly' as const, ruleId: 'MTG-02' }]
      : []),
    {
      type: 'partyLecture',
      frequency: lecture,
      ruleId: profile === 'default' || lecture !== profileLecture ? 'MTG-04' : 'MTG-05',
    },
    ...(opts.group
      ? [{ type: 'groupMeeting' as const, frequency: opts.group, ruleId: 'MTG-03' }]
      : []),
    {
      type: 'orgLifeMeeting',
      frequency: profile === 'xianning' ? 'juneDecember' : 'yearlyQ4',
      ruleId: profile === 'xianning' ? 'MTG-29' : 'MTG-28',
    },
    ...(opts.julyFirst
      ? [{ type: 'partyLecture' as const, frequency: 'julyFirst' as const, ruleId: 'MTG-06' }]
      : []),
  ];
}

/** The period label of a local date under a frequency, or null when the date is in no period. */
export function periodOf(frequency: Frequency, date: string): string | null {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  switch (frequency) {
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'halfYearly':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'yearlyQ4':
      return m >= 10 ? `${y}-Q4` : null;
    case 'juneDecember':
      return m === 6 || m === 12 ? date.slice(0, 7) : null;
    case 'julyFirst': {
      const md = date.slice(5);
      return md >= '06-15' && md <= '07-15' ? `${y}-七一` : null;
    }
  }
}

/** Every period of a year, with the local date on which it ends. */
export function periodsOf(
  frequency: Frequency,
  year: number,
): { label: string; lastDay: string }[] {
  const last = (m: number) =>
    `${year}-${String(m).padStart(2, '0')}-${new Date(Date.UTC(year, m, 0)).getUTCDate()}`;
  const months = (ms: number[], label: (m: number) => string) =>
    ms.map((m) => ({ label: label(m), lastDay: last(m) }));
  const all = Array.from({ length: 12 }, (_, i) => i + 1);
  switch (frequency) {
    case 'monthly':
      return months(all, (m) => `${year}-${String(m).padStart(2, '0')}`);
    case 'quarterly':
      return months([3, 6, 9, 12], (m) => `${year}-Q${m / 3}`);
    case 'halfYearly':
      return months([6, 12], (m) => `${year}-H${m / 6}`);
    case 'yearlyQ4':
      return months([12], () => `${year}-Q4`);
    case 'juneDecember':
      return months([6, 12], (m) => `${year}-${String(m).padStart(2, '0')}`);
    case 'julyFirst':
      return [{ label: `${year}-七一`, lastDay: `${year}-07-15` }];
  }
}

export interface HeldActivity {
  type: ActivityType;
  /** Local date of the start. */
  date: string;
  counts: boolean;
  /** The 党小组 that held it; absent or null for the whole branch [TD-11]. */
  groupId?: string | null;
}

/** A 党小组 of the branch, with whom it holds its meetings for [ORG-23]. */
export interface GroupFacts {
  id: string;
  memberIds: readonly string[];
  /** Local date from which the group owes its meetings (set up then); absent: all year. */
  since?: string | null;
}

/**
 * The branch's 党小组 as its roster shows them: each group with its members (of `orgId` when
 * given) [ORG-23]. A group nobody is in yet owes nothing.
 */
export function groupsOfRoster(
  members: readonly { _id: string; orgId: string; groupId?: string | null }[],
  orgId?: string,
): GroupFacts[] {
  const by = new Map<string, string[]>();
  for (const m of members) {
    if ((orgId && m.orgId !== orgId) || !m.groupId) continue;
    by.set(m.groupId, [...(by.get(m.groupId) ?? []), m._id]);
  }
  return [...by].map(([id, memberIds]) => ({ id, memberIds }));
}

/** The types judged per 党小组 where the branch has groups [TD-11, MTG-03]. */
const BY_GROUP: readonly ActivityType[] = ['themeDay', 'groupMeeting'];

/**
 * The periods held of a requirement [TD-11, MTG-03]. Without 党小组 (or for other types): any
 * counted activity of the type in the period. With groups, a period is held when every group
 * that owed it (set up before its end) held a counted one of its own in it; a theme day of the
 * whole branch also holds the month for everyone. A 党小组会 naming no group holds none.
 */
export function heldPeriodsOf(
  r: Pick<Requirement, 'type' | 'frequency'>,
  held: readonly HeldActivity[],
  year: number,
  groups: readonly GroupFacts[] = [],
): Set<string> {
  const counted = held.filter((h) => h.type === r.type && h.counts);
  const periodsWith = (list: readonly HeldActivity[]) =>
    new Set(list.map((h) => periodOf(r.frequency, h.date)).filter((p): p is string => !!p));
  const withMembers = groups.filter((g) => g.memberIds.length > 0);
  if (!withMembers.length || !BY_GROUP.includes(r.type)) return periodsWith(counted);
  const out: Set<string> =
    r.type === 'themeDay' ? periodsWith(counted.filter((h) => !h.groupId)) : new Set();
  const byGroup = new Map(
    withMembers.map((g) => [g.id, periodsWith(counted.filter((h) => h.groupId === g.id))]),
  );
  for (const p of periodsOf(r.frequency, year)) {
    const owing = withMembers.filter((g) => !g.since || g.since <= p.lastDay);
    if (out.has(p.label)) continue;
    if (!owing.length) {
      if (periodsWith(counted).has(p.label)) out.add(p.label);
    } else if (owing.every((g) => byGroup.get(g.id)!.has(p.label))) out.add(p.label);
  }
  return out;
}

/**
 * Whether a held activity counts for its frequency: closed, with a theme and minutes and at least
 * one attendee besides the host [MTG-27]; a theme day needs at least one template item on its
 * agenda [TD-30]; a late registration only once the superior approved it [MTG-18].
 */
export interface CountFacts {
  type: ActivityType;
  status: string;
  title: string;
  agenda: string[];
  minutes: string | null;
  attendedBesidesHost: number;
  lateRegistration: { approved: boolean } | null;
  /** A 党小组会 of a branch with 党小组 names its group [MTG-03]; absent: not asked. */
  ungroupedMeeting?: boolean;
}

/**
 * Why a held activity does not count, in words for the secretary; empty when it counts. Each
 * reason names what to fix: the close, the 纪实, the template item, the attendance, the approval.
 */
export function notCountedReasons(a: CountFacts): string[] {
  const out: string[] = [];
  if (a.status !== 'closed') out.push('活动尚未结束登记考勤');
  if (!a.title.trim()) out.push('缺少活动主题');
  if (!a.minutes?.trim()) out.push('没有填写纪实（会议记录）');
  if (a.status === 'closed' && a.attendedBesidesHost < 1) out.push('除主持人外没有党员参加');
  if (a.lateRegistration && !a.lateRegistration.approved) out.push('补录尚未经上级党组织同意');
  if (a.type === 'themeDay' && !a.agenda.some((x) => TEMPLATE_ITEMS.has(x)))
    out.push('议程中没有主题党日的规定内容');
  if (a.ungroupedMeeting && a.type === 'groupMeeting') out.push('没有写明是哪个党小组召开的');
  return out;
}

export function activityCounts(a: CountFacts): boolean {
  return notCountedReasons(a).length === 0;
}

/** A held activity that does not count, with why [MTG-27, MTG-18, TD-30]. */
export interface NotCounted {
  activityId: string;
  type: ActivityType;
  title: string;
  date: string;
  reasons: string[];
}

/**
 * Required vs held per type; a period is missing once it has ended with nothing counted in it
 * [MTG-08] (with 党小组: once a group that owed it held none [TD-11, MTG-03]). Periods still
 * running are not missing yet.
 */
export function compliance(
  reqs: Requirement[],
  held: HeldActivity[],
  year: number,
  today: string,
  notCounted: readonly NotCounted[] = [],
  groups: readonly GroupFacts[] = [],
): ComplianceItem[] {
  const listed = new Set<ActivityType>();
  return reqs.map((r) => {
    const first = !listed.has(r.type);
    listed.add(r.type);
    const periods = periodsOf(r.frequency, year);
    const heldPeriods = heldPeriodsOf(r, held, year, groups);
    return {
      type: r.type,
      frequency: r.frequency,
      required: periods.length,
      held: periods.filter((p) => heldPeriods.has(p.label)).length,
      missing: periods
        .filter((p) => p.lastDay < today && !heldPeriods.has(p.label))
        .map((p) => p.label),
      ruleId: r.ruleId,
      // each such activity once, under the first requirement of its type
      notCounted: first
        ? notCounted
            .filter((n) => n.type === r.type)
            .map(({ activityId, title, date, reasons }) => ({ activityId, title, date, reasons }))
        : [],
    };
  });
}
