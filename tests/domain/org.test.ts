import { branchAlerts } from '../../cloudfunctions/_shared/domain/org/alerts';
import {
  administeredOrgs,
  committeeSeats,
  ownOrgs,
  switchRole,
} from '../../cloudfunctions/_shared/domain/org/committee';
import { checkInvite, inviteCode } from '../../cloudfunctions/_shared/domain/org/invite';
import { may } from '../../cloudfunctions/_shared/domain/org/policy';
import { checkRoleChange, RoleChange } from '../../cloudfunctions/_shared/domain/org/roles';
import { personKey } from '../../cloudfunctions/_shared/domain/org/roster';
import {
  defaultTermYears,
  termAlerts,
  termEnd,
} from '../../cloudfunctions/_shared/domain/org/term';

const branch = { id: 'b1', kind: 'branch' as const, ancestors: ['c1'] };
const actor = (roles: { orgId: string; role: any }[], orgId = 'b1') => ({ id: 'a', orgId, roles });

describe('access by role and org [PRIV-05]', () => {
  it('counts the secretary and commissioners of the org itself as committee', () => {
    expect(may('activity.manage', actor([{ orgId: 'b1', role: 'secretary' }]), branch)).toBe(true);
    expect(may('activity.manage', actor([{ orgId: 'b1', role: 'orgCommissioner' }]), branch)).toBe(
      true,
    );
  });
  it('refuses the committee of another branch and plain duty holders', () => {
    expect(may('activity.manage', actor([{ orgId: 'b2', role: 'secretary' }], 'b2'), branch)).toBe(
      false,
    );
    expect(may('activity.manage', actor([{ orgId: 'b1', role: 'scorer' }]), branch)).toBe(false);
    expect(may('points.award', actor([{ orgId: 'b1', role: 'scorer' }]), branch)).toBe(true);
  });
  it('lets a superior administrator of an ancestor act, but not of a sibling', () => {
    expect(
      may('activity.manage', actor([{ orgId: 'c1', role: 'superiorAdmin' }], 'c1'), branch),
    ).toBe(true);
    expect(
      may('org.administer', actor([{ orgId: 'c2', role: 'superiorAdmin' }], 'c2'), branch),
    ).toBe(false);
  });
});

describe('committee seats and the orgs a member relates to', () => {
  it('counts one seat per person and notes whether a 书记 is set [ORG-12, ORG-13]', () => {
    const seats = committeeSeats([
      {
        roles: [
          { orgId: 'b1', role: 'secretary' },
          { orgId: 'b1', role: 'orgCommissioner' },
        ],
      },
      { roles: [{ orgId: 'b1', role: 'publicityCommissioner' }] },
      {
        roles: [
          { orgId: 'b2', role: 'deputySecretary' },
          { orgId: 'b2', role: 'scorer' },
        ],
      },
      { roles: [{ orgId: 'b3', role: 'scorer' }] },
    ]);
    expect(seats.get('b1')).toEqual({ size: 2, hasSecretary: true });
    expect(seats.get('b2')).toEqual({ size: 1, hasSecretary: false });
    expect(seats.has('b3')).toBe(false); // a 记分员 holds no committee seat
  });
  it('relates a member to their branch, their grants and what they administer', () => {
    const m = {
      orgId: 'b1',
      roles: [
        { orgId: 'b1', role: 'scorer' as const },
        { orgId: 'c1', role: 'superiorAdmin' as const },
      ],
    };
    expect(ownOrgs(m)).toEqual(['b1', 'c1']);
    expect(administeredOrgs(m.roles)).toEqual(['c1']);
  });
  it('switches one role of one org on or off, each grant held once', () => {
    const grants = [{ orgId: 'b1', role: 'scorer' as const }];
    expect(switchRole(grants, { orgId: 'b1', role: 'scorer', on: true })).toEqual(grants);
    expect(switchRole(grants, { orgId: 'b2', role: 'scorer', on: true })).toHaveLength(2);
    expect(switchRole(grants, { orgId: 'b1', role: 'scorer', on: false })).toEqual([]);
  });
});

describe('roles of the branch committee', () => {
  const base: RoleChange = {
    role: 'secretary',
    on: true,
    member: { id: 'm2', orgId: 'b1', status: 'full' },
    org: { id: 'b1', kind: 'branch', fullMembers: 12 },
    holders: [{ memberId: 'm1', role: 'secretary' }],
  };
  it('refuses a second 书记 [ORG-13]', () => {
    const r = checkRoleChange(base);
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', ruleId: 'ORG-13' });
  });
  it('refuses a second 副书记 but allows the first [ORG-13]', () => {
    expect(checkRoleChange({ ...base, role: 'deputySecretary', holders: [] }).ok).toBe(true);
    expect(
      checkRoleChange({
        ...base,
        role: 'deputySecretary',
        holders: [{ memberId: 'm9', role: 'deputySecretary' }],
      }),
    ).toMatchObject({ ruleId: 'ORG-13' });
  });
  it('refuses commissioner seats in a branch under 7 正式党员 [ORG-10]', () => {
    const r = checkRoleChange({
      ...base,
      role: 'orgCommissioner',
      holders: [],
      org: { ...base.org, fullMembers: 6 },
    });
    expect(r).toMatchObject({ ok: false, code: 'ROLE.NO_COMMITTEE', ruleId: 'ORG-10' });
    expect(
      checkRoleChange({
        ...base,
        role: 'orgCommissioner',
        holders: [],
        org: { ...base.org, fullMembers: 7 },
      }).ok,
    ).toBe(true);
  });
  it('refuses an eighth committee member [ORG-11]', () => {
    const holders = Array.from({ length: 7 }, (_, i) => ({
      memberId: `h${i}`,
      role: 'publicityCommissioner' as const,
    }));
    expect(checkRoleChange({ ...base, role: 'disciplineCommissioner', holders })).toMatchObject({
      ruleId: 'ORG-11',
    });
    // one of the seven taking a second duty does not grow the committee
    expect(
      checkRoleChange({
        ...base,
        member: { ...base.member, id: 'h0' },
        role: 'disciplineCommissioner',
        holders,
      }).ok,
    ).toBe(true);
  });
  it('refuses a 预备党员 as 党小组长 [ORG-24]', () => {
    const r = checkRoleChange({
      ...base,
      role: 'groupLeader',
      holders: [],
      member: { ...base.member, status: 'probationary' },
    });
    expect(r).toMatchObject({ ok: false, ruleId: 'ORG-24' });
  });
  it('allows removing any role', () => {
    expect(checkRoleChange({ ...base, on: false }).ok).toBe(true);
  });
  it('refuses a role for someone outside the org', () => {
    expect(
      checkRoleChange({ ...base, holders: [], member: { ...base.member, orgId: 'b2' } }),
    ).toMatchObject({ code: 'ROLE.NOT_IN_ORG' });
  });
});

describe('branch size and committee alerts', () => {
  const facts = {
    kind: 'branch' as const,
    fullMembers: 10,
    probationaryMembers: 0,
    committeeSize: 3,
    hasSecretary: true,
  };
  it('flags a branch with fewer than 3 正式党员 [ORG-02]', () => {
    expect(branchAlerts({ ...facts, fullMembers: 2 }).map((a) => a.ruleId)).toContain('ORG-02');
    expect(branchAlerts(facts).map((a) => a.ruleId)).not.toContain('ORG-02');
  });
  it('pre-alerts from 45 and alerts at 50 members [ORG-04]', () => {
    expect(
      branchAlerts({ ...facts, fullMembers: 44 }).find((a) => a.ruleId === 'ORG-04'),
    ).toBeUndefined();
    expect(
      branchAlerts({ ...facts, fullMembers: 40, probationaryMembers: 5 }).find(
        (a) => a.ruleId === 'ORG-04',
      )?.level,
    ).toBe('info');
    expect(
      branchAlerts({ ...facts, fullMembers: 50 }).find((a) => a.ruleId === 'ORG-04')?.level,
    ).toBe('alert');
  });
  it('honours a configured pre-alert threshold [ORG-04]', () => {
    expect(
      branchAlerts({ ...facts, fullMembers: 41, nearLimit: 40 }).find((a) => a.ruleId === 'ORG-04')
        ?.level,
    ).toBe('info');
  });
  it('asks for a committee from 7 正式党员 [ORG-09]', () => {
    expect(
      branchAlerts({ ...facts, fullMembers: 7, committeeSize: 1 }).map((a) => a.ruleId),
    ).toContain('ORG-09');
    expect(
      branchAlerts({ ...facts, fullMembers: 6, committeeSize: 1 }).map((a) => a.ruleId),
    ).not.toContain('ORG-09');
  });
  it('warns about an even or oversized committee [ORG-12]', () => {
    expect(branchAlerts({ ...facts, committeeSize: 4 }).map((a) => a.ruleId)).toContain('ORG-12');
    expect(branchAlerts({ ...facts, committeeSize: 7 }).map((a) => a.ruleId)).toContain('ORG-12');
    expect(branchAlerts({ ...facts, committeeSize: 5 }).map((a) => a.ruleId)).not.toContain(
      'ORG-12',
    );
  });
  it('says nothing about committees of a 党委', () => {
    expect(branchAlerts({ ...facts, kind: 'baseCommittee', fullMembers: 1 })).toEqual([]);
  });
});

describe('terms', () => {
  it('gives 5 years to a 党委 and 3 to a branch, 5 in villages and communities [ORG-18]', () => {
    expect(defaultTermYears('baseCommittee', 'organ')).toBe(5);
    expect(defaultTermYears('branch', 'organ')).toBe(3);
    expect(defaultTermYears('branch', 'village')).toBe(5);
    expect(termEnd('2024-02-29', 3)).toBe('2027-02-28');
  });
  it('reminds from six months before the term ends [ORG-19]', () => {
    expect(termAlerts('branch', '2027-06-01', '2026-11-30')).toEqual([]);
    expect(termAlerts('branch', '2027-06-01', '2026-12-01')[0].ruleId).toBe('ORG-19');
  });
  it('keeps a standing alert once the term has passed without an election [ORG-22]', () => {
    expect(termAlerts('branch', '2026-06-01', '2026-06-02')[0]).toMatchObject({
      ruleId: 'ORG-22',
      level: 'alert',
    });
  });
  it('has no 换届 for a temporary branch [ORG-08]', () => {
    expect(termAlerts('tempBranch', '2020-01-01', '2026-01-01')).toEqual([]);
  });
});

describe('invites', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  const invite = {
    code: 'ABC',
    memberId: 'm',
    expiresAt: new Date('2026-11-29T00:00:00Z'),
    usedAt: null,
  };
  it('accepts a fresh invite and refuses unknown, used and expired ones', () => {
    expect(checkInvite(invite, now).ok).toBe(true);
    expect(checkInvite(null, now)).toMatchObject({ code: 'INVITE.INVALID' });
    expect(checkInvite({ ...invite, usedAt: now }, now)).toMatchObject({ code: 'INVITE.USED' });
    expect(checkInvite(invite, new Date('2026-11-29T00:00:00Z'))).toMatchObject({
      code: 'INVITE.EXPIRED',
    });
  });
  it('draws codes without look-alike characters', () => {
    const code = inviteCode(new Uint8Array([0, 8, 14, 30, 31, 200, 255, 17]));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });
});

describe('one person, one record', () => {
  it('identifies a person by name and birth date, ignoring spaces', () => {
    expect(personKey('b', { name: '李 红', birthDate: '1975-03-12', joinedAt: '1998-07-01' })).toBe(
      personKey('b', { name: '李红', birthDate: '1975-03-12', joinedAt: '2000-01-01' }),
    );
    expect(personKey('b', { name: '李红', joinedAt: '1998-07-01' })).not.toBe(
      personKey('b', { name: '李红', joinedAt: '1999-07-01' }),
    );
  });
});
