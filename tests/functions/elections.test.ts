import { Backend, snapshot, startBackend } from '../support/backend';
import { approvedElection, ballot, electionAssembly } from '../support/elect-kit';
import { found } from '../support/narrow';
import { orgTreeOf } from '../support/org-rules';

/** The 换届 workflow: 请示 → 批复 → election → the new committee [ORG-20, ORG-21, ORG-22, PRIV-21]. */
let b: Backend;
let t: ReturnType<typeof orgTreeOf>;
beforeAll(async () => {
  b = await startBackend();
  t = orgTreeOf(b);
});
afterAll(() => b.close());
beforeEach(async () => {
  await b.reset('demo'); // the seed is built around the demo instant, 2026-12-01
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // then Fri 14:30 in Shanghai
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SUP = 'demo-superior';
const ORG = 'demo-branch'; // 13 正式党员, term 2024-06-01 → 2027-06-01
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const request = (extra: object = {}) => ({
  orgId: ORG,
  plannedDate: '2027-06-01',
  seats: 5,
  reason: '本届支部委员会任期将满，申请按期换届',
  ...extra,
});
const assembly = (day?: string) => electionAssembly(b, day);
const committee = [
  { memberId: 'demo-member-1', role: 'secretary' as const }, // 陈明
  { memberId: 'demo-secretary', role: 'deputySecretary' as const }, // 李红
  { memberId: 'demo-organizer', role: 'orgCommissioner' as const }, // 张伟
];
const doc = (collection: string, id: string) =>
  found(
    b.docs(collection).find((d) => d._id === id),
    `${collection} ${id}`,
  );

describe('an election needs an approved 请示 [ORG-20]', () => {
  it('refuses the tallies of a meeting held before the approval, or for more seats than approved [ORG-20]', async () => {
    const early = await assembly(); // held 4 December 15:00
    at('2026-12-05T02:00:00Z'); // the 请示 is approved afterwards
    await approvedElection(b, { seats: 5 });
    const before = snapshot(b);
    expect(await b.err('activity', 'elect', ballot(early), SEC)).toMatchObject({
      code: 'ELECTION.NOT_APPROVED',
      message: '选举大会须在上级党组织批准换届请示之后召开',
    });
    expect(snapshot(b)).toBe(before);
    const later = await electionAssembly(b, '2026-12-08');
    expect(
      (await b.err('activity', 'elect', { ...ballot(later), seats: 6 }, SEC)).message,
    ).toContain('上级党组织批准的应选人数是5名');
    expect((await b.ok('activity', 'elect', ballot(later), SEC)).elected).toHaveLength(3);
  });

  it('refuses the tallies before a 请示, while it waits and once it is returned, writing nothing [ORG-20]', async () => {
    const id = await assembly();
    const refused = async () => {
      const before = snapshot(b);
      expect(await b.err('activity', 'elect', ballot(id), SEC)).toMatchObject({
        code: 'ELECTION.NOT_APPROVED',
        details: { ruleId: 'ORG-20' },
      });
      expect(snapshot(b)).toBe(before);
    };
    await refused();
    const filed = await b.ok('org', 'requestElection', request(), SEC);
    expect(filed).toMatchObject({
      step: 'requested',
      termEnd: '2027-06-01',
      orgName: '机关第一党支部',
    });
    await refused();
    await b.ok(
      'org',
      'decideElection',
      { id: filed.id, approve: false, note: '请补充候选人情况' },
      SUP,
    );
    await refused();
    await approvedElection(b);
    expect((await b.ok('activity', 'elect', ballot(id), SEC)).elected).toEqual([
      '李红',
      '张伟',
      '陈明',
    ]);
  });

  it('keeps one 请示 open at a time and checks the steps in order [ORG-20]', async () => {
    const first = await b.ok('org', 'requestElection', request(), SEC);
    expect(await b.err('org', 'requestElection', request(), SEC)).toMatchObject({
      code: 'ELECTION.PENDING',
    });
    const rec = { id: first.id, electionActivityId: 'x', electedOn: '2026-12-04', committee };
    expect((await b.err('org', 'recordCommittee', rec, SUP)).code).toBe('ELECTION.STEP_ORDER');
    await b.ok('org', 'decideElection', { id: first.id, approve: false, note: '请重新研究' }, SUP);
    const again = { id: first.id, approve: true, note: '同意' };
    expect((await b.err('org', 'decideElection', again, SUP)).code).toBe('ELECTION.STEP_ORDER');
    const second = await b.ok('org', 'requestElection', request({ seats: 3 }), SEC);
    expect(second.id).not.toBe(first.id);
    expect((await b.err('org', 'recordCommittee', { ...rec, id: first.id }, SUP)).code).toBe(
      'ELECTION.STEP_ORDER',
    );
  });

  it('refuses seats the branch cannot have and dates in the past [ORG-10, ORG-11]', async () => {
    expect(await b.err('org', 'requestElection', request({ seats: 8 }), SEC)).toMatchObject({
      code: 'ROLE.COMMITTEE_FULL',
      details: { ruleId: 'ORG-11' },
    });
    const small = { orgId: 'demo-branch-2', seats: 3, plannedDate: '2027-03-01' };
    expect(await b.err('org', 'requestElection', request(small), 'demo-secretary-2')).toMatchObject(
      {
        code: 'ROLE.NO_COMMITTEE',
        details: { ruleId: 'ORG-10' },
      },
    );
    const past = await b.err('org', 'requestElection', request({ plannedDate: '2026-12-01' }), SEC);
    expect(past).toMatchObject({ code: 'INPUT.INVALID', details: { fields: ['plannedDate'] } });
    expect(b.docs('electionRequests')).toEqual([]);
  });
});

describe('postponing or bringing forward [ORG-21, ORG-22]', () => {
  it('refuses a planned date more than a year from the term end, writing nothing [ORG-21]', async () => {
    const before = snapshot(b);
    for (const plannedDate of ['2028-06-02', '2026-05-31'])
      expect(await b.err('org', 'requestElection', request({ plannedDate }), SEC)).toMatchObject({
        code: 'TERM.SHIFT_TOO_LARGE',
        details: { ruleId: 'ORG-21' },
      });
    expect(snapshot(b)).toBe(before);
    expect(
      (await b.ok('org', 'requestElection', request({ plannedDate: '2028-06-01' }), SEC)).step,
    ).toBe('requested');
  });

  it('approving a postponed date holds off the 超任期 alert until that date [ORG-21, ORG-22]', async () => {
    at('2027-01-10T02:00:00Z'); // demo-branch-2's term ended 2026-12-01
    expect(await t.alertsOf('demo-branch-2', 'ORG-22')).toHaveLength(1);
    const filed = await b.ok(
      'org',
      'requestElection',
      { orgId: 'demo-branch-2', plannedDate: '2027-03-01', seats: 2, reason: '书记病休，推迟换届' },
      'demo-secretary-2',
    );
    expect(await t.alertsOf('demo-branch-2', 'ORG-22')).toHaveLength(1); // filing is not approval
    const decided = await b.ok(
      'org',
      'decideElection',
      { id: filed.id, approve: true, note: '同意' },
      SUP,
    );
    expect(decided).toMatchObject({ step: 'approved', decidedOn: '2027-01-10', note: '同意' });
    expect(doc('orgs', 'demo-branch-2').approvedElection).toMatchObject({ date: '2027-03-01' });
    expect(await t.alertsOf('demo-branch-2', 'ORG-22')).toEqual([]);
    expect((await t.alertsOf('demo-branch-2', 'ORG-21'))[0].message).toContain('2027-03-01前换届');
    const audit = b.docs('auditLogs').filter((a) => a.action === 'org.decideElection');
    expect(audit.map((a) => a.entity).sort()).toEqual(['electionRequests', 'orgs.term']);
  });
});

describe('nobody decides their own 请示 [PRIV-21]', () => {
  it('refuses the superior who filed it and the branch itself, writing nothing [PRIV-21]', async () => {
    const filed = await b.ok('org', 'requestElection', request(), SUP);
    const before = snapshot(b);
    const decide = { id: filed.id, approve: true, note: '同意' };
    expect(await b.err('org', 'decideElection', decide, SUP)).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      details: { ruleId: 'PRIV-21' },
    });
    const own = await b.err('org', 'decideElection', decide, SEC);
    expect(own.code).toBe('AUTH.FORBIDDEN');
    expect(own.message).not.toMatch(/[A-Za-z]/);
    expect(snapshot(b)).toBe(before);
  });
});

describe('the new committee [ORG-20, ORG-13, ORG-18, ORG-22]', () => {
  it('records the elected committee in one write: roles, a new term, the 请示 closed [ORG-20, ORG-18]', async () => {
    at('2027-06-05T02:00:00Z'); // demo-branch's term ended 2027-06-01: 超任期
    expect(await t.alertsOf(ORG, 'ORG-22')).toHaveLength(1);
    const id = await approvedElection(b, { plannedDate: '2027-06-08' });
    expect(doc('orgs', ORG).approvedElection).toMatchObject({ date: '2027-06-08' });
    const meeting = await assembly('2027-06-08');
    await b.ok('activity', 'elect', ballot(meeting), SEC);
    const [row] = await b.ok('org', 'elections', { orgId: ORG }, SEC);
    expect(row).toMatchObject({ id, step: 'elected', electionActivityId: meeting });
    const rec = { id, electionActivityId: meeting, electedOn: '2027-06-08', committee };
    const done = await b.ok('org', 'recordCommittee', rec, SUP);
    expect(done).toMatchObject({
      step: 'recorded',
      stepLabel: '新一届支委会已产生',
      electedOn: '2027-06-08',
    });
    const roles = (mid: string) => doc('members', mid).roles;
    expect(roles('demo-member-1')).toEqual([{ orgId: ORG, role: 'secretary' }]);
    expect(roles('demo-secretary')).toEqual([{ orgId: ORG, role: 'deputySecretary' }]);
    expect(roles('demo-organizer')).toEqual(
      expect.arrayContaining([
        { orgId: ORG, role: 'orgCommissioner' },
        { orgId: ORG, role: 'scorer' }, // a duty role stays
      ]),
    );
    expect(doc('orgs', ORG)).toMatchObject({
      termStart: '2027-06-08',
      approvedElection: null,
      vacancies: {},
    });
    expect(doc('electionRequests', id)).toMatchObject({
      step: 'recorded',
      electionActivityId: meeting,
    });
    const audit = b.docs('auditLogs').filter((a) => a.action === 'org.recordCommittee');
    expect(audit.map((a) => `${a.entity}:${a.entityId}`).sort()).toEqual(
      [
        `electionRequests:${id}`,
        'members.roles:demo-member-1',
        'members.roles:demo-secretary',
        `orgs.term:${ORG}`,
      ].sort(),
    );
    expect(await t.alertsOf(ORG, 'ORG-22')).toEqual([]); // new term to 2030-06-08
    expect((await b.err('org', 'recordCommittee', rec, SUP)).code).toBe('ELECTION.STEP_ORDER');
  });

  it('refuses people not elected, not 正式党员 of the branch, and a committee without one 书记 [ORG-20, ORG-13]', async () => {
    const id = await approvedElection(b);
    const meeting = await assembly();
    const rec = (c: { memberId: string; role: string }[], activityId = meeting) =>
      ({ id, electionActivityId: activityId, electedOn: '2026-12-04', committee: c }) as never;
    const noTally = await assembly();
    expect((await b.err('org', 'recordCommittee', rec(committee, noTally), SUP)).code).toBe(
      'ELECTION.STEP_ORDER',
    );
    await b.ok('activity', 'elect', ballot(meeting), SEC);
    const before = snapshot(b);
    const cases: [typeof committee, string][] = [
      [
        [...committee, { memberId: 'demo-probationary', role: 'orgCommissioner' as never }],
        'ELECTION.NOT_ELECTED',
      ],
      [
        [...committee, { memberId: 'demo-secretary-2', role: 'orgCommissioner' as never }],
        'ELECTION.NOT_ELECTED',
      ],
      [
        [...committee, { memberId: 'demo-member-2', role: 'publicityCommissioner' as never }],
        'ELECTION.NOT_ELECTED',
      ], // 刘洋
      [[...committee, { memberId: 'demo-secretary', role: 'secretary' as never }], 'CONFLICT'],
      [committee.filter((c) => c.role !== 'secretary'), 'CONFLICT'],
    ];
    for (const [c, code] of cases)
      expect((await b.err('org', 'recordCommittee', rec(c), SUP)).code).toBe(code);
    expect((await b.err('org', 'recordCommittee', rec(committee), SEC)).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
  });
});

describe('the list of 请示 [ORG-20]', () => {
  it('shows a superior its subtree newest first, a branch only its own, in a few round trips [ORG-20]', async () => {
    const one = await approvedElection(b);
    at('2026-12-04T08:00:00Z');
    const two = await b.ok(
      'org',
      'requestElection',
      { orgId: 'demo-branch-2', plannedDate: '2026-12-20', seats: 2, reason: '任期届满，申请换届' },
      'demo-secretary-2',
    );
    const rows = await b.ok('org', 'elections', { orgId: 'demo-committee' }, SUP);
    expect(rows.map((r) => [r.id, r.orgName, r.stepLabel])).toEqual([
      [two.id, '机关第二党支部', '已请示，等待上级批复'],
      [one, '机关第一党支部', '上级已同意，待召开选举大会'],
    ]);
    expect(rows[0].termEnd).toBe('2026-12-01');
    expect(
      (await b.ok('org', 'elections', { orgId: ORG }, 'demo-member-1')).map((r) => r.id),
    ).toEqual([one]);
    expect((await b.err('org', 'elections', { orgId: 'demo-branch-2' }, SEC)).code).toBe(
      'AUTH.FORBIDDEN',
    );
    const { roundTrips } = await b.roundTrips('org', 'elections', { orgId: 'demo-committee' }, SUP);
    expect(roundTrips).toBeLessThanOrEqual(5);
  });

  it('lists every branch’s 请示 to the superior only, not to a plain member of the 党委 [ORG-20]', async () => {
    await approvedElection(b);
    const { created } = await b.ok(
      'org',
      'importMembers',
      {
        orgId: 'demo-committee',
        members: [{ name: '党委干事', status: 'full', joinedAt: '2010-07-01' }],
      },
      SUP,
    );
    const { code } = await b.ok('org', 'createInvite', { memberId: created[0] }, SUP);
    await b.ok('org', 'bind', { code }, 'committee-clerk');
    expect(
      (await b.err('org', 'elections', { orgId: 'demo-committee' }, 'committee-clerk')).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(await b.ok('org', 'elections', { orgId: 'demo-committee' }, SUP)).toHaveLength(1);
  });
});
