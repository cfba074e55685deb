import { Backend, snapshot, startBackend } from '../support/backend';
import { found } from '../support/narrow';
import type { ActionInput, ActionOutput, RoleKey } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

type ImportRow = ActionInput<'org', 'importMembers'>['members'][number];
const row = (name: string, extra: Partial<ImportRow> = {}): ImportRow => ({
  name,
  status: 'full',
  joinedAt: '2015-07-01',
  ...extra,
});

/**
 * importMembers with rows the client's type forbids (no name, an unknown status, an ID number,
 * a CSV line): the action takes any rows and reports the bad ones by row, so this goes untyped.
 */
async function importLoose(members: unknown[]): Promise<ActionOutput<'org', 'importMembers'>> {
  const data = { orgId: 'demo-branch', members };
  const res = await b.invoke('org', { action: 'importMembers', data }, 'demo-secretary');
  if (!res.ok) throw new Error(`org.importMembers refused: ${res.error.code} ${res.error.message}`);
  return res.data;
}

describe('org.importMembers', () => {
  it('lands good rows and reports bad ones by row, creating nothing for them', async () => {
    const res = await importLoose([
      row('甲', { birthDate: '1980-01-01', phone: '13812345678' }),
      row('乙', { joinedAt: '2015-13-01' }),
      { ...row('丙'), idNumber: '43010219800101123X' },
      row('丁', { status: 'probationary', mobile: true }),
    ]);
    expect(res.created).toHaveLength(2);
    expect(res.errors.map((e: any) => [e.row, e.code])).toEqual([
      [1, 'INPUT.INVALID'],
      [2, 'INPUT.INVALID'],
    ]);
    expect(res.errors[0].message).toBe('入党日期填写有误，请核对后重新导入');
    expect(res.errors[1].message).toMatch(/idNumber/);
    expect(b.docs('members').filter((m) => ['乙', '丙'].includes(m.name))).toEqual([]);
  });
  it('names the faulty column in Chinese, without field ids or English', async () => {
    const res = await importLoose([
      { status: 'full', joinedAt: '2015-07-01' },
      { ...row('甲'), status: 'formal' },
      row('乙', { phone: '12345' }),
      '张三,正式党员',
    ]);
    expect(res.errors.map((e: any) => e.message)).toEqual([
      '缺少姓名',
      '党员类别（正式党员或预备党员）填写有误，请核对后重新导入',
      '手机号填写有误，请核对后重新导入',
      '这一行的格式不对，请按模板填写',
    ]);
  });
  it('refuses unknown fields such as an ID number [PRIV-01, PRIV-02]', async () => {
    const res = await importLoose([{ ...row('丙'), idNumber: '43010219800101123X' }]);
    expect(res.errors[0].code).toBe('INPUT.INVALID');
    expect(JSON.stringify(b.docs('members'))).not.toContain('43010219800101123X');
  });
  it('treats the same person twice as an error, in the file and against the roster', async () => {
    const first = await b.ok(
      'org',
      'importMembers',
      {
        orgId: 'demo-branch',
        members: [row('戊', { birthDate: '1990-02-02' }), row('戊 ', { birthDate: '1990-02-02' })],
      },
      'demo-secretary',
    );
    expect(first.created).toHaveLength(1);
    expect(first.errors).toEqual([
      { row: 1, code: 'MEMBER.DUPLICATE', message: expect.stringContaining('已在名册中') },
    ]);
    const again = await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: [row('李红', { birthDate: '1975-03-12' })] },
      'demo-secretary',
    );
    expect(again.errors[0].code).toBe('MEMBER.DUPLICATE');
    expect(b.docs('members').filter((m) => m.name === '戊')).toHaveLength(1);
  });
  it('audits the import [PRIV-06]', async () => {
    await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: [row('己')] },
      'demo-secretary',
    );
    const log = b.docs('auditLogs').find((a) => a.action === 'org.importMembers');
    expect(log).toMatchObject({
      orgId: 'demo-branch',
      actor: { memberId: 'demo-secretary', roles: ['secretary'] },
    });
  });
});

describe('org.listMembers', () => {
  it('masks every phone, for the secretary too [PRIV-03]', async () => {
    const list = await b.ok('org', 'listMembers', { orgId: 'demo-branch' }, 'demo-secretary');
    const li = found(list.find((m) => m.id === 'demo-secretary'));
    expect(li.phone).toBe('139****5678');
    expect(JSON.stringify(list)).not.toMatch(/1\d{10}/);
    expect(found(list.find((m) => m.id === 'demo-organizer')).roles).toEqual([
      'orgCommissioner',
      'scorer',
    ]);
  });
  it('lets a member see their own branch only', async () => {
    expect(
      (await b.ok('org', 'listMembers', { orgId: 'demo-branch' }, 'demo-member-3')).length,
    ).toBeGreaterThan(10);
    expect(
      (await b.err('org', 'listMembers', { orgId: 'demo-branch-2' }, 'demo-member-3')).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('org.setMemberFlags', () => {
  it('records a 流动党员 flag and an exemption with its reason, audited [PRIV-06]', async () => {
    await b.ok(
      'org',
      'setMemberFlags',
      {
        memberId: 'demo-member-4',
        mobile: true,
        exempt: true,
        exemptReason: '长期患病，经支部党员大会决定',
      },
      'demo-secretary',
    );
    const me = await b.ok('org', 'me', {}, 'demo-member-4');
    expect(me.member).toMatchObject({ mobile: true, exempt: true });
    const log = b.docs('auditLogs').find((a) => a.action === 'org.setMemberFlags');
    expect(log.before).toEqual({ mobile: false, exempt: false, exemptReason: null });
    expect(log.after.exemptReason).toMatch(/长期患病/);
  });
});

describe('nobody decides their own case in the roster [PRIV-21]', () => {
  it('refuses the secretary exempting themself, clearly and writing nothing', async () => {
    const before = snapshot(b);
    const err = await b.err(
      'org',
      'setMemberFlags',
      { memberId: 'demo-secretary', exempt: true, exemptReason: '本人申请' },
      'demo-secretary',
    );
    expect(err).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(err.message).toMatch(/本人/);
    expect(err.message).not.toMatch(/[A-Za-z]/);
    expect(snapshot(b)).toBe(before);
  });
  it('leaves the secretary’s own flags to another committee member or the superior', async () => {
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-secretary', mobile: true },
      'demo-organizer',
    );
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-secretary', mobile: false },
      'demo-superior',
    );
    const log = b.docs('auditLogs').filter((a) => a.action === 'org.setMemberFlags');
    expect(log.map((a) => a.actor.memberId)).toEqual(['demo-organizer', 'demo-superior']);
  });
});

describe('org.auditLog [PRIV-06]', () => {
  const grant = (memberId: string, role: RoleKey, on = true) =>
    b.ok('org', 'setRole', { memberId, orgId: 'demo-branch', role, on }, 'demo-secretary');
  it('shows the secretary their branch’s log, newest first, with actor and before/after', async () => {
    await grant('demo-member-2', 'duesManager');
    b.emulator.clock.advance(60_000);
    await grant('demo-member-3', 'disclosureMaintainer');
    b.restoreClock();
    const { entries, nextOffset } = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-branch' },
      'demo-secretary',
    );
    expect(nextOffset).toBeNull();
    expect(entries.map((e: any) => e.entityId)).toEqual(['demo-member-3', 'demo-member-2']);
    expect(entries[1]).toMatchObject({
      action: 'org.setRole',
      orgId: 'demo-branch',
      entity: 'members.roles',
      actor: { memberId: 'demo-secretary', name: '李红', roles: ['secretary'] },
      before: [],
      after: [{ orgId: 'demo-branch', role: 'duesManager' }],
      reason: null,
    });
    expect(JSON.stringify(entries)).not.toContain('openid');
  });
  it('shows the superior the log of every org below, and pages it', async () => {
    await grant('demo-member-2', 'duesManager');
    await grant('demo-member-2', 'duesManager', false);
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-b2-member-1', mobile: true },
      'demo-secretary-2',
    );
    const first = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-committee', limit: 2 },
      'demo-superior',
    );
    expect(first.entries).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const rest = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-committee', limit: 2, offset: 2 },
      'demo-superior',
    );
    expect(rest.nextOffset).toBeNull();
    const all = [...first.entries, ...rest.entries];
    expect(new Set(all.map((e: any) => e.orgId))).toEqual(
      new Set(['demo-branch', 'demo-branch-2']),
    );
    expect(all).toHaveLength(3);
  });
  it('filters by entity (and its parts) and by time', async () => {
    await grant('demo-member-2', 'duesManager');
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-member-4', mobile: true },
      'demo-secretary',
    );
    const members = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-branch', entity: 'members' },
      'demo-secretary',
    );
    expect(members.entries.map((e: any) => e.entity).sort()).toEqual(['members', 'members.roles']);
    const roles = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-branch', entity: 'members.roles' },
      'demo-secretary',
    );
    expect(roles.entries).toHaveLength(1);
    const none = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-branch', from: '2026-12-02T00:00:00+08:00' },
      'demo-secretary',
    );
    expect(none.entries).toEqual([]);
    const upTo = await b.ok(
      'org',
      'auditLog',
      { orgId: 'demo-branch', from: '2026-12-01T00:00:00+08:00', to: '2026-12-02T00:00:00+08:00' },
      'demo-secretary',
    );
    expect(upTo.entries).toHaveLength(2);
  });
  it('is refused to members, other committee members and other branches', async () => {
    for (const who of ['demo-member-1', 'demo-organizer', 'demo-secretary-2']) {
      const err = await b.err('org', 'auditLog', { orgId: 'demo-branch' }, who);
      expect(err.code).toBe('AUTH.FORBIDDEN');
      expect(err.message).toMatch(/操作记录/);
    }
    expect(
      (await b.err('org', 'auditLog', { orgId: 'demo-committee' }, 'demo-secretary')).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('org.setRole', () => {
  it('lets the secretary give a duty role, audited with before and after', async () => {
    const res = await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-2', orgId: 'demo-branch', role: 'duesManager', on: true },
      'demo-secretary',
    );
    expect(res.roles).toEqual(['duesManager']);
    const log = b.docs('auditLogs').find((a) => a.action === 'org.setRole');
    expect(log).toMatchObject({
      before: [],
      after: [{ orgId: 'demo-branch', role: 'duesManager' }],
    });
  });
  it('leaves the 书记 and 副书记 to the superior [ORG-15]', async () => {
    expect(
      (
        await b.err(
          'org',
          'setRole',
          { memberId: 'demo-member-2', orgId: 'demo-branch', role: 'deputySecretary', on: true },
          'demo-secretary',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-2', orgId: 'demo-branch', role: 'deputySecretary', on: true },
      'demo-superior',
    );
  });
  it('refuses a second 书记 with CONFLICT [ORG-13]', async () => {
    const before = snapshot(b);
    const err = await b.err(
      'org',
      'setRole',
      { memberId: 'demo-member-2', orgId: 'demo-branch', role: 'secretary', on: true },
      'demo-superior',
    );
    expect(err).toMatchObject({ code: 'CONFLICT', details: { ruleId: 'ORG-13' } });
    expect(snapshot(b)).toBe(before);
  });
  it('refuses commissioners in a branch under 7 正式党员 [ORG-10]', async () => {
    const err = await b.err(
      'org',
      'setRole',
      { memberId: 'demo-b2-member-1', orgId: 'demo-branch-2', role: 'orgCommissioner', on: true },
      'demo-secretary-2',
    );
    expect(err).toMatchObject({ code: 'ROLE.NO_COMMITTEE', details: { ruleId: 'ORG-10' } });
  });
  it('refuses a 预备党员 as 党小组长 [ORG-24]', async () => {
    const err = await b.err(
      'org',
      'setRole',
      { memberId: 'demo-probationary', orgId: 'demo-branch', role: 'groupLeader', on: true },
      'demo-secretary',
    );
    expect(err.details.ruleId).toBe('ORG-24');
  });
});

describe('org.createOrg and org.orgTree', () => {
  it('lets the superior create a branch and refuses a secretary', async () => {
    const input = {
      parentId: 'demo-committee',
      name: '机关第三党支部',
      kind: 'branch',
      category: '机关',
      termStart: '2025-01-01',
    } satisfies ActionInput<'org', 'createOrg'>;
    expect((await b.err('org', 'createOrg', input, 'demo-secretary')).code).toBe('AUTH.FORBIDDEN');
    const { id } = await b.ok('org', 'createOrg', input, 'demo-superior');
    const org = b.docs('orgs').find((o) => o._id === id);
    expect(org).toMatchObject({
      ancestors: ['demo-committee'],
      category: 'organ',
      termYears: 3,
      profile: 'hunan',
    });
  });
  it('shows the subtree with counts and size, committee and term alerts [ORG-02, ORG-04, ORG-09, ORG-19, ORG-22]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-11-22T02:00:00Z'));
    await b.ok(
      'org',
      'createOrg',
      {
        parentId: 'demo-committee',
        name: '小支部',
        kind: 'branch',
        category: 'organ',
        termStart: '2024-03-01',
      },
      'demo-superior',
    );
    const big = (
      await b.ok(
        'org',
        'createOrg',
        {
          parentId: 'demo-committee',
          name: '大支部',
          kind: 'branch',
          category: 'organ',
          termStart: '2023-06-01',
        },
        'demo-superior',
      )
    ).id;
    const people = Array.from({ length: 50 }, (_, i) =>
      row(`党员${i}`, {
        birthDate: `1980-01-${String((i % 28) + 1).padStart(2, '0')}`,
        joinedAt: `20${String(10 + (i % 10))}-07-01`,
      }),
    );
    expect(
      (await b.ok('org', 'importMembers', { orgId: big, members: people }, 'demo-superior'))
        .created,
    ).toHaveLength(50);
    const tree = await b.ok('org', 'orgTree', {}, 'demo-superior');
    expect(tree.id).toBe('demo-committee');
    const byName = Object.fromEntries(tree.children.map((c: any) => [c.name, c]));
    expect(byName['机关第一党支部'].members).toEqual({ full: 13, probationary: 1, total: 14 });
    expect(byName['机关第一党支部'].committeeSize).toBe(2);
    expect(byName['小支部'].alerts.map((a: any) => a.ruleId)).toEqual(
      expect.arrayContaining(['ORG-02', 'ORG-13', 'ORG-19']),
    );
    expect(byName['大支部'].alerts.map((a: any) => a.ruleId)).toEqual(
      expect.arrayContaining(['ORG-04', 'ORG-09', 'ORG-22']),
    );
    expect(byName['大支部'].termEnd).toBe('2026-06-01');
    b.restoreClock();
  });
  it('is for superiors only', async () => {
    expect((await b.err('org', 'orgTree', {}, 'demo-secretary')).code).toBe('AUTH.FORBIDDEN');
  });
});

describe('org.subscribe', () => {
  it('adds one message of quota per accepted grant', async () => {
    await b.ok('org', 'subscribe', { accepted: ['activityReminder'] }, 'demo-member-1');
    const res = await b.ok(
      'org',
      'subscribe',
      { accepted: ['activityReminder', 'noticePublished'] },
      'demo-member-1',
    );
    expect(res.quota).toEqual({ activityReminder: 2, noticePublished: 1 });
  });
});
