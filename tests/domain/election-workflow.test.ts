import {
  checkCanRequest,
  checkNewCommittee,
  checkNoneOpen,
  checkSeats,
  checkStep,
  committeeGrants,
  ELECTION_STEP_LABELS,
  ElectedMember,
  isOwnElectionCase,
} from '../../cloudfunctions/_shared/domain/org/election-workflow';
import { checkTermShift } from '../../cloudfunctions/_shared/domain/org/term';
import { ELECTION_STEPS } from '../../cloudfunctions/_shared/contracts/org-oversight';
import type { Role } from '../../cloudfunctions/_shared/domain/org/model';

const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe('the steps of a 换届 [ORG-20]', () => {
  it('moves only forward: 请示 → 批复 → (选举) → 登记, never back or twice [ORG-20]', () => {
    expect(code(checkStep('requested', 'approved'))).toBe('ok');
    expect(code(checkStep('requested', 'rejected'))).toBe('ok');
    expect(code(checkStep('approved', 'recorded'))).toBe('ok');
    expect(code(checkStep('elected', 'recorded'))).toBe('ok');
    for (const [from, to] of [
      ['requested', 'recorded'],
      ['approved', 'approved'],
      ['approved', 'rejected'],
      ['rejected', 'approved'],
      ['rejected', 'recorded'],
      ['recorded', 'recorded'],
    ] as const) {
      const r = checkStep(from, to);
      expect(r).toMatchObject({ ok: false, code: 'ELECTION.STEP_ORDER', ruleId: 'ORG-20' });
    }
  });

  it('labels every step in plain Chinese [ORG-20]', () => {
    for (const s of ELECTION_STEPS) expect(ELECTION_STEP_LABELS[s]).toMatch(/^[\u4e00-\u9fa5，]+$/);
  });

  it('keeps one 请示 open: a returned or finished one does not block the next [ORG-20]', () => {
    expect(code(checkNoneOpen([]))).toBe('ok');
    expect(code(checkNoneOpen(['rejected', 'recorded']))).toBe('ok');
    expect(code(checkNoneOpen(['recorded', 'requested']))).toBe('ELECTION.PENDING');
    expect(code(checkNoneOpen(['approved']))).toBe('ELECTION.PENDING');
  });

  it('is filed by 党支部 only; temporary branches and 党小组 have no 换届 [ORG-20, ORG-08]', () => {
    expect(code(checkCanRequest('branch'))).toBe('ok');
    expect(code(checkCanRequest('jointBranch'))).toBe('ok');
    for (const k of ['tempBranch', 'partyGroup', 'baseCommittee'] as const)
      expect(code(checkCanRequest(k))).toBe('INPUT.INVALID');
  });

  it('asks for seats the branch may have: ≤ 2 below 7 正式党员, else 3–7 [ORG-10, ORG-11]', () => {
    expect(code(checkSeats(2, 6))).toBe('ok');
    expect(checkSeats(3, 6)).toMatchObject({ code: 'ROLE.NO_COMMITTEE', ruleId: 'ORG-10' });
    expect(code(checkSeats(3, 7))).toBe('ok');
    expect(code(checkSeats(7, 30))).toBe('ok');
    expect(checkSeats(2, 7)).toMatchObject({ code: 'ROLE.COMMITTEE_FULL', ruleId: 'ORG-11' });
    expect(checkSeats(8, 30)).toMatchObject({ code: 'ROLE.COMMITTEE_FULL', ruleId: 'ORG-11' });
  });

  it('allows a planned date up to one year either side of the term end [ORG-21]', () => {
    expect(code(checkTermShift('branch', '2027-06-01', '2028-06-01'))).toBe('ok');
    expect(code(checkTermShift('branch', '2027-06-01', '2026-06-01'))).toBe('ok');
    expect(checkTermShift('branch', '2027-06-01', '2028-06-02')).toMatchObject({
      code: 'TERM.SHIFT_TOO_LARGE',
      ruleId: 'ORG-21',
    });
  });
});

describe('who decides [PRIV-21]', () => {
  const request = { orgId: 'b1', requestedBy: 'm-filer' };
  it('is never the one who filed, a member of the branch or one of its committee [PRIV-21]', () => {
    const sup = (over: object = {}) => ({
      id: 'm-sup',
      orgId: 'root',
      roles: [{ orgId: 'root', role: 'superiorAdmin' as Role }],
      ...over,
    });
    expect(isOwnElectionCase(sup(), request)).toBe(false);
    expect(isOwnElectionCase(sup({ id: 'm-filer' }), request)).toBe(true);
    expect(isOwnElectionCase(sup({ orgId: 'b1' }), request)).toBe(true);
    const seated = sup({
      roles: [...sup().roles, { orgId: 'b1', role: 'disciplineCommissioner' }],
    });
    expect(isOwnElectionCase(seated, request)).toBe(true);
    const scorer = sup({ roles: [...sup().roles, { orgId: 'b1', role: 'scorer' }] });
    expect(isOwnElectionCase(scorer, request)).toBe(false); // a duty role is not the committee
  });
});

describe('the new committee [ORG-20, ORG-10, ORG-11, ORG-13]', () => {
  const full = (id: string, extra: Partial<ElectedMember> = {}): [string, ElectedMember] => [
    id,
    { id, orgId: 'b1', status: 'full', transferred: false, ...extra },
  ];
  const members = new Map([
    full('a'),
    full('b'),
    full('c'),
    full('d'),
    full('p', { status: 'probationary' }),
    full('x', { orgId: 'b2' }),
    full('t', { transferred: true }),
  ]);
  const check = (committee: { memberId: string; role: Role }[], fullMembers = 13, seats = 5) =>
    checkNewCommittee({
      org: { id: 'b1', kind: 'branch', fullMembers },
      seats,
      committee,
      members,
    });
  const three = [
    { memberId: 'a', role: 'secretary' as Role },
    { memberId: 'b', role: 'deputySecretary' as Role },
    { memberId: 'c', role: 'orgCommissioner' as Role },
  ];

  it('accepts 正式党员 of the branch with exactly one 书记; one person may hold several roles [ORG-13]', () => {
    expect(code(check(three))).toBe('ok');
    expect(code(check([...three, { memberId: 'c', role: 'publicityCommissioner' }]))).toBe('ok');
  });

  it('refuses anyone not a 正式党员 still on the branch roster [ORG-20]', () => {
    for (const id of ['p', 'x', 't', 'nobody'])
      expect(check([...three, { memberId: id, role: 'disciplineCommissioner' }])).toMatchObject({
        code: 'ELECTION.NOT_ELECTED',
      });
  });

  it('wants exactly one 书记 and at most one 副书记 [ORG-13]', () => {
    expect(check(three.slice(1))).toMatchObject({ code: 'CONFLICT', ruleId: 'ORG-13' });
    expect(check([...three, { memberId: 'd', role: 'secretary' }])).toMatchObject({
      code: 'CONFLICT',
    });
    expect(check([...three, { memberId: 'd', role: 'deputySecretary' }])).toMatchObject({
      code: 'CONFLICT',
      ruleId: 'ORG-13',
    });
  });

  it('keeps within the seats approved, 3 to 7 people, and no commissioners below 7 正式党员 [ORG-10, ORG-11]', () => {
    expect(
      check([...three, { memberId: 'd', role: 'publicityCommissioner' }], 13, 3),
    ).toMatchObject({ code: 'ROLE.COMMITTEE_FULL', ruleId: 'ORG-11' });
    expect(check(three.slice(0, 2))).toMatchObject({
      code: 'ROLE.COMMITTEE_FULL',
      ruleId: 'ORG-11',
    });
    expect(code(check(three.slice(0, 2), 6, 2))).toBe('ok');
    expect(check(three, 6, 3)).toMatchObject({ code: 'ROLE.NO_COMMITTEE', ruleId: 'ORG-10' });
  });

  it('gives exactly the new committee roles, keeping duty roles and grants elsewhere [ORG-20]', () => {
    const current = [
      { id: 'old', roles: [{ orgId: 'b1', role: 'secretary' as Role }] },
      {
        id: 'a',
        roles: [
          { orgId: 'b1', role: 'orgCommissioner' as Role },
          { orgId: 'b1', role: 'scorer' as Role },
          { orgId: 'g1', role: 'groupLeader' as Role },
        ],
      },
      { id: 'c', roles: [{ orgId: 'b1', role: 'orgCommissioner' as Role }] },
      { id: 'b', roles: [] },
    ];
    const changes = committeeGrants('b1', current, three);
    expect(changes.get('old')?.after).toEqual([]);
    expect(changes.get('a')?.after).toEqual([
      { orgId: 'b1', role: 'scorer' },
      { orgId: 'g1', role: 'groupLeader' },
      { orgId: 'b1', role: 'secretary' },
    ]);
    expect(changes.get('b')?.after).toEqual([{ orgId: 'b1', role: 'deputySecretary' }]);
    expect(changes.has('c')).toBe(false); // unchanged: not rewritten, not audited
  });
});
