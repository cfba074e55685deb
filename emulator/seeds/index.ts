import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/repos/collections';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import type { Doc } from '../store';
import { seedActivities } from './activities';
import { seedCommittee } from './committee';
import { demoMembers, superiorMember } from './members';
import { committeeOrg, demoBranches } from './orgs';
import { addSummaries } from './summaries';

/**
 * The seeds of the emulator (api.md §2, "Demo seed"), built around one instant `now`: orgs.ts
 * (the committee and its branches), members.ts (the demo identities), activities.ts (this
 * month's theme day and last month's, closed, with its attendance). `committee` and
 * `committee-large` are the demo seed plus a 基层党委 of many generated branches with a year of
 * records (committee.ts; its plan of deliberate gaps: `committeePlan`).
 */
export type SeedName = 'demo' | 'empty' | 'committee' | 'committee-large';
export const SEED_NAMES: readonly SeedName[] = ['demo', 'empty', 'committee', 'committee-large'];
export const isSeedName = (s: unknown): s is SeedName => SEED_NAMES.includes(s as SeedName);
export type SeedData = Record<string, Doc[]>;

/** The demo identities (X-WX-OPENID values) printed at start-up. */
export const DEMO_IDENTITIES: [string, string][] = [
  ['demo-superior', '示范学院党委 管理员（上级党组织）'],
  ['demo-secretary', '机关第一党支部 书记'],
  ['demo-organizer', '组织委员、记分员'],
  ['demo-member-1 … demo-member-8', '正式党员'],
  ['demo-probationary', '预备党员'],
  ['demo-mobile', '流动党员'],
  ['demo-elder', '正式党员，75岁，经决定免于积分'],
  ['demo-secretary-2', '机关第二党支部 书记'],
  ['（任意未绑定 OPENID）', '用邀请码 DEMO-INVITE 绑定为 赵新'],
];

export function buildSeed(name: SeedName, now: Date): SeedData {
  const data: SeedData = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [] as Doc[]]));
  data.orgs.push(committeeOrg(now) as unknown as Doc);
  const members: MemberDoc[] = [superiorMember(now)];

  if (name !== 'empty') {
    data.orgs.push(...demoBranches(now));
    members.push(...demoMembers(now));
    seedActivities(data, now, members);
    data.invites.push({
      _id: 'DEMO-INVITE',
      memberId: 'demo-newcomer',
      orgId: 'demo-branch',
      expiresAt: new Date(+now + 3650 * 86400_000),
      usedAt: null,
      createdAt: now,
    });
  }
  if (name === 'committee' || name === 'committee-large') seedCommittee(data, now, name, members);

  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m._id)) continue;
    seen.add(m._id);
    data.members.push(m as unknown as Doc);
    data.personKeys.push({ _id: m.personKey, memberId: m._id });
    if (m.openid) data.bindings.push({ _id: m.openid, memberId: m._id, boundAt: now });
  }
  addSummaries(data);
  return data;
}
