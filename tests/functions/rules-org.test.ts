import { Backend, snapshot, startBackend } from '../support/backend';
import { orgTreeOf, person, SEC, SUP } from '../support/org-rules';

let b: Backend;
let t: ReturnType<typeof orgTreeOf>;
beforeAll(async () => {
  b = await startBackend();
  t = orgTreeOf(b);
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
const nodeOf = (orgId: string) => t.nodeOf(orgId);
const alertsOf = (orgId: string, ruleId: string) => t.alertsOf(orgId, ruleId);
const newBranch = (...a: Parameters<typeof t.newBranch>) => t.newBranch(...a);
const memberId = (name: string) => t.memberId(name);

describe('committee duties, vacancies and the 书记 [ORG-14, ORG-16, ORG-17]', () => {
  it('warns of unassigned 宣传/纪检 roles and of 支委 without a written duty until both are set [ORG-14]', async () => {
    const before = (await alertsOf('demo-branch', 'ORG-14')).map((a: any) => a.message);
    expect(before).toEqual(
      expect.arrayContaining([
        '宣传委员尚未明确',
        '纪检委员尚未明确',
        expect.stringContaining('尚无书面分工'),
      ]),
    );
    expect(before.join()).not.toContain('组织委员尚未明确');
    for (const [id, role] of [
      ['demo-member-2', 'publicityCommissioner'],
      ['demo-member-3', 'disciplineCommissioner'],
    ] as const)
      await b.ok('org', 'setRole', { memberId: id, orgId: 'demo-branch', role, on: true }, SEC);
    for (const id of ['demo-secretary', 'demo-organizer', 'demo-member-2', 'demo-member-3'])
      await b.ok(
        'org',
        'setDuty',
        { memberId: id, orgId: 'demo-branch', duty: '负责党员教育管理' },
        SEC,
      );
    expect(await alertsOf('demo-branch', 'ORG-14')).toEqual([]);
  });
  it('takes a duty only for a 支委, from the secretary [ORG-14]', async () => {
    const data = { memberId: 'demo-member-4', orgId: 'demo-branch', duty: '负责宣传' };
    const before = snapshot(b);
    expect((await b.err('org', 'setDuty', data, SEC)).code).toBe('ROLE.NOT_ALLOWED');
    expect((await b.err('org', 'setDuty', { ...data, memberId: SEC }, 'demo-member-1')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
  });
  it('raises a 补选 alert for a vacated seat, a warning from org.vacancyAlertDays [ORG-16]', async () => {
    const off = {
      memberId: 'demo-organizer',
      orgId: 'demo-branch',
      role: 'orgCommissioner' as const,
    };
    await b.ok('org', 'setRole', { ...off, on: false }, SEC);
    expect(await alertsOf('demo-branch', 'ORG-16')).toEqual([
      expect.objectContaining({ level: 'info', message: '组织委员自2026-12-01空缺，应及时补选' }),
    ]);
    b.emulator.clock.freeze(Date.parse('2027-01-10T02:00:00Z')); // 40 days later
    expect((await alertsOf('demo-branch', 'ORG-16'))[0].level).toBe('info');
    await b.ok(
      'org',
      'setSetting',
      {
        orgId: 'demo-branch',
        key: 'org.vacancyAlertDays',
        value: 30,
        reason: '支部决定一个月内补选',
      },
      SEC,
    );
    expect((await alertsOf('demo-branch', 'ORG-16'))[0]).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('已空缺40天'),
    });
    await b.ok('org', 'setRole', { ...off, on: true }, SEC);
    expect(await alertsOf('demo-branch', 'ORG-16')).toEqual([]);
    b.restoreClock();
  });
  it('warns when the 书记 has less than one year of 党龄 [ORG-17]', async () => {
    const id = await newBranch('新建党支部');
    await b.ok(
      'org',
      'importMembers',
      {
        orgId: id,
        members: [person('老党员'), person('新党员', { joinedAt: '2025-07-01' })],
      },
      SUP,
    );
    const appoint = (name: string, on: boolean) =>
      b.ok('org', 'setRole', { memberId: memberId(name), orgId: id, role: 'secretary', on }, SUP);
    await appoint('新党员', true);
    expect(await alertsOf(id, 'ORG-17')).toEqual([
      expect.objectContaining({ message: '书记新党员党龄不足1年' }),
    ]);
    await appoint('新党员', false);
    await appoint('老党员', true);
    expect(await alertsOf(id, 'ORG-17')).toEqual([]);
  });
});

describe('units, liaison and size [ORG-03, ORG-25, ORG-06]', () => {
  it('warns of a 联合党支部 covering more than 5 units [ORG-03]', async () => {
    const id = await newBranch('联合党支部', {
      kind: 'jointBranch',
      category: 'private',
      units: 6,
    });
    expect((await alertsOf(id, 'ORG-03'))[0].message).toBe('联合党支部覆盖6个单位，一般不超过5个');
    await b.ok('org', 'updateOrg', { orgId: id, units: 5 }, SUP);
    expect(await alertsOf(id, 'ORG-03')).toEqual([]);
    const err = await b.err('org', 'updateOrg', { orgId: 'demo-branch', units: 3 }, SUP);
    expect(err.code).toBe('INPUT.INVALID');
  });
  it('asks for a superior liaison per branch and a branch per 党委 administrator [ORG-25]', async () => {
    expect((await alertsOf('demo-branch', 'ORG-25'))[0].message).toBe('尚未明确上级联系指导人');
    expect((await alertsOf('demo-committee', 'ORG-25'))[0].message).toContain('尚未联系指导党支部');
    const refused = await b.err(
      'org',
      'updateOrg',
      { orgId: 'demo-branch', liaisonId: 'demo-member-1' },
      SUP,
    );
    expect(refused).toMatchObject({ code: 'ROLE.NOT_ELIGIBLE', details: { ruleId: 'ORG-25' } });
    expect(
      (await b.err('org', 'updateOrg', { orgId: 'demo-branch', liaisonId: SUP }, SEC)).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok('org', 'updateOrg', { orgId: 'demo-branch', liaisonId: SUP }, SUP);
    const node = await nodeOf('demo-branch');
    expect(node.liaison).toEqual({ id: SUP, name: expect.any(String) });
    expect(node.alerts.filter((a: any) => a.ruleId === 'ORG-25')).toEqual([]);
    expect(await alertsOf('demo-committee', 'ORG-25')).toEqual([]);
  });
  it('warns of a 基层党委 under 100 members until the superior records its approval [ORG-06]', async () => {
    expect((await alertsOf('demo-committee', 'ORG-06'))[0].message).toMatch(
      /不足100名，须经上级党组织批准/,
    );
    const data = {
      orgId: 'demo-committee',
      key: 'org.committeeSizeApproved' as const,
      value: true,
      reason: '经上级组织部批复',
    };
    expect((await b.err('org', 'setSetting', data, SEC)).code).toBe('AUTH.FORBIDDEN');
    await b.ok('org', 'setSetting', data, SUP);
    expect(await alertsOf('demo-committee', 'ORG-06')).toEqual([]);
  });
});

describe('a postponed 换届 [ORG-21, ORG-22]', () => {
  it('refuses a shift over one year, and an approved one holds off the 超任期 alert until its date [ORG-21]', async () => {
    b.emulator.clock.freeze(Date.parse('2027-01-10T02:00:00Z'));
    expect(await alertsOf('demo-branch-2', 'ORG-22')).toHaveLength(1); // term ended 2026-12-01
    const shift = {
      orgId: 'demo-branch-2',
      electionDate: '2027-12-02',
      reason: '重点工作期间推迟',
    };
    const before = snapshot(b);
    expect(await b.err('org', 'shiftTerm', shift, SUP)).toMatchObject({
      code: 'TERM.SHIFT_TOO_LARGE',
      details: { ruleId: 'ORG-21' },
    });
    expect((await b.err('org', 'shiftTerm', shift, 'demo-secretary-2')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
    await b.ok('org', 'shiftTerm', { ...shift, electionDate: '2027-12-01' }, SUP);
    expect(await alertsOf('demo-branch-2', 'ORG-22')).toEqual([]);
    expect((await alertsOf('demo-branch-2', 'ORG-21'))[0].message).toContain('2027-12-01前换届');
    b.emulator.clock.freeze(Date.parse('2027-12-02T02:00:00Z'));
    expect(await alertsOf('demo-branch-2', 'ORG-22')).toHaveLength(1);
    b.restoreClock();
  });
});
