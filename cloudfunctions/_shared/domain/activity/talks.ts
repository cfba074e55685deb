import type { Alert } from '../shared/result';
import type { RoleGrant } from '../org/model';
import { sitsOnCommittee } from './participants';

/**
 * The pair categories of 谈心谈话 [MTG-32]: 书记↔支委 and 党小组长; 支委 and 党小组长↔党员;
 * 党员↔党员. Two 支委 (neither the 书记) talk as peers.
 */
export const PAIR_CATEGORIES = ['secretaryCommittee', 'committeeMember', 'peer'] as const;
export type PairCategory = (typeof PAIR_CATEGORIES)[number];
export const PAIR_LABELS: Record<PairCategory, string> = {
  secretaryCommittee: '书记与支委、党小组长',
  committeeMember: '支委、党小组长与党员',
  peer: '党员之间',
};

export interface TalkPerson {
  _id: string;
  roles: readonly RoleGrant[];
}

/** 2: the 书记; 1: a 支委 or 党小组长; 0: a member. */
function rank(p: TalkPerson, orgId: string): 0 | 1 | 2 {
  if (p.roles.some((r) => r.orgId === orgId && r.role === 'secretary')) return 2;
  if (
    sitsOnCommittee(p, orgId) ||
    p.roles.some((r) => r.orgId === orgId && r.role === 'groupLeader')
  )
    return 1;
  return 0;
}

export function pairCategory(a: TalkPerson, b: TalkPerson, orgId: string): PairCategory {
  const [hi, lo] = [rank(a, orgId), rank(b, orgId)].sort((x, y) => y - x);
  if (hi === 2 && lo === 1) return 'secretaryCommittee';
  if (hi >= 1 && lo === 0) return 'committeeMember';
  return 'peer';
}

/** The categories a member takes part in: the 书记 and 支委 in the first two, members in the last two. */
export function categoriesOf(p: TalkPerson, orgId: string): PairCategory[] {
  return rank(p, orgId) === 0
    ? ['committeeMember', 'peer']
    : ['secretaryCommittee', 'committeeMember'];
}

export interface TalkFact {
  date: string;
  memberIds: readonly [string, string];
  category: PairCategory;
}

export interface Coverage {
  memberId: string;
  counts: Record<PairCategory, number>;
  missing: PairCategory[];
}

/**
 * Each member's coverage per pair category in a year, against the branch's `talk.perPairCategory`
 * (default ≥ 1 a year) [MTG-32].
 */
export function coverage(
  roster: readonly TalkPerson[],
  orgId: string,
  talks: readonly TalkFact[],
  perYear: number,
): Coverage[] {
  return roster.map((m) => {
    const counts = { secretaryCommittee: 0, committeeMember: 0, peer: 0 };
    for (const t of talks) if (t.memberIds.includes(m._id)) counts[t.category] += 1;
    const missing = categoriesOf(m, orgId).filter((c) => counts[c] < perYear);
    return { memberId: m._id, counts, missing };
  });
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * 谈心谈话不正常 [MTG-35]: every talk of the year falls within the 30 days before one of the
 * year's 组织生活会 — talks held only to tick the box before the meeting.
 */
export function crammedTalks(talks: readonly TalkFact[], orgLifeDates: readonly string[]): Alert[] {
  if (!talks.length || !orgLifeDates.length) return [];
  const near = (t: TalkFact) =>
    orgLifeDates.some((d) => {
      const gap = dayNumber(d) - dayNumber(t.date);
      return gap >= 0 && gap <= 30;
    });
  if (!talks.every(near)) return [];
  return [
    {
      ruleId: 'MTG-35',
      level: 'warning',
      message: '今年的谈心谈话都集中在组织生活会前30天内，谈心谈话不正常，平时也要经常开展',
    },
  ];
}

/**
 * `xianning` [MTG-33]: before the June and December theme days the 书记 talks with each committee
 * member — in the half-year of the theme day, on or before its date. Raised in the 30 days before the
 * theme day, counting the committee members not yet talked with.
 */
export function talksBeforeThemeDays(f: {
  themeDays: readonly string[];
  today: string;
  secretaryId: string | null;
  committee: readonly string[];
  talks: readonly TalkFact[];
}): Alert[] {
  const out: Alert[] = [];
  if (!f.secretaryId) return out;
  for (const day of f.themeDays) {
    const month = day.slice(5, 7);
    if (month !== '06' && month !== '12') continue;
    const ahead = dayNumber(day) - dayNumber(f.today);
    if (ahead < 0 || ahead > 30) continue;
    const halfStart = `${day.slice(0, 4)}-${month === '06' ? '01' : '07'}-01`;
    const talked = new Set(
      f.talks
        .filter((t) => t.date >= halfStart && t.date <= day && t.memberIds.includes(f.secretaryId!))
        .flatMap((t) => t.memberIds),
    );
    const missing = f.committee.filter((id) => id !== f.secretaryId && !talked.has(id));
    if (missing.length)
      out.push({
        ruleId: 'MTG-33',
        level: 'warning',
        message: `${Number(month)}月主题党日（${day}）前，书记还需与${missing.length}名支委谈心谈话`,
      });
  }
  return out;
}
