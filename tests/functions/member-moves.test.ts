import { Backend, snapshot, startBackend } from '../support/backend';
import { orgTreeOf, SEC, SUP } from '../support/org-rules';

// Moving a member between the branches of one tree [PRIV-20], through the real functions: the
// roster, roles and vacancies, the move's record and audit, and the old branch's records kept as
// read-only history.
let b: Backend;
let t: ReturnType<typeof orgTreeOf>;
beforeAll(async () => {
  b = await startBackend();
  t = orgTreeOf(b);
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const move = (
  memberId: string,
  toOrgId = 'demo-branch-2',
  reason = '工作调动到第二党支部所在部门',
) => ({ memberId, toOrgId, reason }) as const;
const memberDoc = (id: string) => b.docs('members').find((m) => m._id === id)!;
const rosterIds = async (orgId: string) =>
  (await b.ok('org', 'listMembers', { orgId }, SUP)).map((m) => m.id);
const counts = async (id: string) => (await b.ok('activity', 'get', { id }, SEC)).counts;

describe('org.moveMember [PRIV-20]', () => {
  it('moves a member to another branch of the tree, recorded and audited in both branches [PRIV-20]', async () => {
    const res = await b.ok('org', 'moveMember', move('demo-member-4'), SUP);
    expect(res).toEqual({
      memberId: 'demo-member-4',
      fromOrgId: 'demo-branch',
      toOrgId: 'demo-branch-2',
    });
    const doc = memberDoc('demo-member-4');
    expect(doc).toMatchObject({
      orgId: 'demo-branch-2',
      groupId: null,
      movedFrom: ['demo-branch'],
    });
    expect(doc.personKey.startsWith('demo-branch-2|')).toBe(true);
    const keys = b.docs('personKeys').filter((k) => k.memberId === 'demo-member-4');
    expect(keys.map((k) => k._id)).toEqual([doc.personKey]);
    const moves = b.docs('memberMoves');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      memberId: 'demo-member-4',
      fromOrgId: 'demo-branch',
      toOrgId: 'demo-branch-2',
      by: SUP,
      on: '2026-12-01',
      reason: '工作调动到第二党支部所在部门',
    });
    const audit = b.docs('auditLogs').filter((a) => a.action === 'org.moveMember');
    expect(audit.map((a) => a.orgId).sort()).toEqual(['demo-branch', 'demo-branch-2']);
    expect(audit[0]).toMatchObject({ entityId: 'demo-member-4', reason: moves[0].reason });
    // the roster of the branch it went to has the member from now on, the old one does not
    expect(await rosterIds('demo-branch-2')).toContain('demo-member-4');
    expect(await rosterIds('demo-branch')).not.toContain('demo-member-4');
    // the person still signs in, now as a member of the new branch
    const me: any = await b.ok('org', 'me', {}, 'demo-member-4');
    expect(JSON.stringify(me)).toContain('demo-branch-2');
  });

  it('keeps the old branch records as read-only history; the new branch expects the member [PRIV-20]', async () => {
    const history = () => b.docs('attendance').filter((a) => a.memberId === 'demo-member-4');
    const before = { rows: history(), last: await counts('demo-theme-day-last') };
    const nowExpected = (await counts('demo-theme-day')).expected;
    const compliance = async () =>
      (await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2026 }, SEC)).items;
    const complianceBefore = await compliance();
    await b.ok('org', 'moveMember', move('demo-member-4'), SUP);
    // November's theme day, closed before the move: the attendance and its counts stay
    expect(history()).toEqual(before.rows);
    expect(history()).toHaveLength(1);
    expect(await counts('demo-theme-day-last')).toEqual(before.last);
    expect(await compliance()).toEqual(complianceBefore);
    // this month's, still open: the member is no longer expected in the old branch
    expect((await counts('demo-theme-day')).expected).toBe(nowExpected - 1);
    // nothing in the old branch can be changed for them afterwards
    const frozen = snapshot(b);
    for (const status of ['absent', 'excused'] as const) {
      const err = await b.err(
        'activity',
        'setAttendance',
        { activityId: 'demo-theme-day-last', memberId: 'demo-member-4', status, reason: '补记' },
        SEC,
      );
      expect([err.code, err.details?.ruleId]).toEqual(['MEMBER.TRANSFERRED', 'PRIV-20']);
    }
    expect(snapshot(b)).toBe(frozen);
    // the new branch's activity expects them
    const { id } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch-2',
        type: 'themeDay',
        title: '12月主题党日',
        startAt: '2026-12-20T15:00:00+08:00',
        endAt: '2026-12-20T17:00:00+08:00',
        agenda: ['组织学习讨论'],
      },
      'demo-secretary-2',
    );
    const list = await b.ok('activity', 'attendance', { activityId: id }, 'demo-secretary-2');
    expect(list.map((r) => r.memberId)).toContain('demo-member-4');
  });

  it('takes away the roles and 分工 of the old branch; the seats left empty fall vacant [PRIV-20, ORG-16]', async () => {
    expect(memberDoc('demo-organizer').roles).toHaveLength(2);
    await b.ok('org', 'moveMember', move('demo-organizer'), SUP);
    expect(memberDoc('demo-organizer').roles).toEqual([]);
    expect((await t.alertsOf('demo-branch', 'ORG-16'))[0].message).toContain('组织委员');
    expect(b.docs('orgs').find((o) => o._id === 'demo-branch').vacancies).toEqual({
      orgCommissioner: '2026-12-01',
    });
  });

  it('clears the 党小组 of a member who moves [PRIV-20, ORG-23]', async () => {
    const { id: group } = await b.ok(
      'org',
      'createOrg',
      {
        parentId: 'demo-branch',
        name: '第一党小组',
        kind: 'partyGroup',
        category: 'organ',
        termStart: '2026-01-01',
      },
      SUP,
    );
    await b.ok('org', 'setMemberGroup', { memberId: 'demo-member-4', groupId: group }, SEC);
    expect(memberDoc('demo-member-4').groupId).toBe(group);
    await b.ok('org', 'moveMember', move('demo-member-4'), SUP);
    expect(memberDoc('demo-member-4').groupId).toBeNull();
  });

  it('refuses a branch secretary, a target outside the branches of the tree, the same branch, and a transferred member [PRIV-20]', async () => {
    const { id: group } = await b.ok(
      'org',
      'createOrg',
      {
        parentId: 'demo-branch-2',
        name: '第二支部党小组',
        kind: 'partyGroup',
        category: 'organ',
        termStart: '2026-01-01',
      },
      SUP,
    );
    const before = snapshot(b);
    const refused = async (data: unknown, who = SUP) => b.err('org', 'moveMember', data, who);
    expect((await refused(move('demo-member-4'), SEC)).code).toBe('AUTH.FORBIDDEN');
    expect((await refused(move('demo-member-4'), 'demo-secretary-2')).code).toBe('AUTH.FORBIDDEN');
    for (const toOrgId of ['demo-committee', group, 'no-such-org']) {
      const err = await refused(move('demo-member-4', toOrgId));
      expect(err).toMatchObject({ code: 'ORG.NOT_IN_TREE', details: { ruleId: 'PRIV-20' } });
      expect(err.message).toBe('只能调到本级党组织管辖的党支部');
    }
    expect((await refused(move('demo-member-4', 'demo-branch'))).code).toBe('INPUT.INVALID');
    expect((await refused(move('demo-superior', 'demo-branch'))).code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'org',
      'transferOut',
      { memberId: 'demo-member-5', toOrgName: '某街道第二党支部', reason: '工作调动' },
      SEC,
    );
    expect((await refused(move('demo-member-5'))).code).toBe('MEMBER.TRANSFERRED');
  });

  it('refuses a superior of a general branch moving a member out of its part of the tree [PRIV-20]', async () => {
    const general = await t.newBranch('机关总支', { kind: 'generalBranch' });
    const inside = await t.newBranch('总支第一支部', { parentId: general });
    // Fixture: an administrator of the general branch only (granting it is tested in org tests).
    const members = b.emulator.store.ensure('members');
    const admin = members.get('demo-member-6')! as any;
    members.set('demo-member-6', {
      ...admin,
      roles: [{ orgId: general, role: 'superiorAdmin' }],
    });
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId: inside, members: [{ name: '总支党员', status: 'full', joinedAt: '2012-07-01' }] },
      SUP,
    );
    const newcomer = created[0];
    // within its part of the tree it may not pick a branch outside it
    const err = await b.err('org', 'moveMember', move(newcomer, 'demo-branch-2'), 'demo-member-6');
    expect(err.code).toBe('ORG.NOT_IN_TREE');
    // the superior above both may
    await b.ok('org', 'moveMember', move(newcomer, 'demo-branch-2'), SUP);
    expect(memberDoc(newcomer).orgId).toBe('demo-branch-2');
  });
});
