import {
  addMonths,
  localDate,
  localInstant,
} from '../../cloudfunctions/_shared/domain/shared/time';
import type { Role } from '../../cloudfunctions/_shared/domain/org/model';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';
import type { OrgDoc } from '../../cloudfunctions/_shared/repos/orgs';
import type { BranchPlan, CommitteePlan } from './committee-plan';
import { chineseName, dateIn, Rng } from './committee-random';
import { member } from './members';
import { org } from './orgs';

/** The generated 党总支 and branches, as `org.createOrg` writes them (set up five years before). */
export function committeeOrgs(plan: CommitteePlan, now: Date): OrgDoc[] {
  const createdAt = localInstant(addMonths(localDate(now), -60));
  const general = plan.generalBranches.map((g) =>
    org(
      {
        _id: g.orgId,
        name: g.name,
        kind: 'generalBranch',
        parentId: 'demo-committee',
        ancestors: ['demo-committee'],
        termStart: addMonths(localDate(now), -12).slice(0, 8) + '01',
        createdAt,
      },
      now,
    ),
  );
  const branches = plan.branches.map((b, i) =>
    org(
      {
        _id: b.orgId,
        name: b.name,
        kind: 'branch',
        parentId: b.parentId,
        ancestors:
          b.parentId === 'demo-committee' ? ['demo-committee'] : ['demo-committee', b.parentId],
        category: i % 3 === 2 ? 'institution' : 'organ',
        profile: b.profile,
        termStart: b.termStart,
        createdAt,
      },
      now,
    ),
  );
  return [...general, ...branches];
}

/** Committee seats by position in the roster (m01 书记 …). */
function seats(b: BranchPlan): Role[] {
  if (!b.hasCommittee) return ['secretary'];
  const three: Role[] = ['secretary', 'orgCommissioner', 'publicityCommissioner'];
  return b.members >= 30 ? [...three, 'deputySecretary', 'disciplineCommissioner'] : three;
}

/**
 * One branch's members: m01 the 书记 (and m02… the committee where ≥ 7 full members), two 预备党员
 * who joined within the year (one in a small branch), one or two 流动党员. The 书记 and the 组织委员
 * are bound (OPENID = their id) so tests can act as them.
 */
export function branchMembers(b: BranchPlan, now: Date, r: Rng): MemberDoc[] {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const names = new Set<string>();
  const roles = seats(b);
  const probationary = b.members >= 10 ? 2 : 1;
  const out: MemberDoc[] = [];
  for (let i = 1; i <= b.members; i++) {
    const id = `${b.orgId}-m${String(i).padStart(2, '0')}`;
    const role = roles[i - 1];
    const prob = i > b.members - probationary;
    const mobile = i === b.members - probationary || (b.members >= 30 && i === 20);
    const birthDate = prob ? dateIn(r, year - r.int(24, 32)) : dateIn(r, year - r.int(30, 70));
    const joinedAt = prob
      ? addMonths(today, -(i === b.members ? 4 : 8)).slice(0, 8) + '06'
      : dateIn(r, Math.min(year - 2, Number(birthDate.slice(0, 4)) + r.int(22, 35)));
    out.push(
      member(
        id,
        b.orgId,
        chineseName(r, names),
        {
          bound: i <= 2,
          status: prob ? 'probationary' : 'full',
          birthDate,
          joinedAt,
          mobile,
          phone:
            r.next() < 0.5
              ? `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999999999)).padStart(9, '0')}`
              : null,
          roles: role ? [{ orgId: b.orgId, role }] : [],
          createdAt: prob ? localInstant(joinedAt, '10:00') : localInstant(addMonths(today, -60)),
        },
        now,
      ),
    );
  }
  return out;
}
