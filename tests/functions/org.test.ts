import { Backend, snapshot, startBackend } from '../support/backend';
import type { ActionName } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

describe('org.me', () => {
  it('returns the demo secretary with the role 书记 of the demo branch', async () => {
    const me = await b.ok('org', 'me', {}, 'demo-secretary');
    expect(me.member).toMatchObject({
      id: 'demo-secretary',
      name: '李红',
      orgId: 'demo-branch',
      orgName: '机关第一党支部',
      status: 'full',
    });
    expect(me.roles).toEqual([
      { orgId: 'demo-branch', orgName: '机关第一党支部', role: 'secretary' },
    ]);
  });
  it('shows the 流动党员 flag and the exemption', async () => {
    expect((await b.ok('org', 'me', {}, 'demo-mobile')).member.mobile).toBe(true);
    expect((await b.ok('org', 'me', {}, 'demo-elder')).member.exempt).toBe(true);
  });
  it('refuses an unbound or anonymous caller with AUTH.UNBOUND', async () => {
    expect((await b.err('org', 'me', {}, 'stranger')).code).toBe('AUTH.UNBOUND');
    expect((await b.err('org', 'me', {})).code).toBe('AUTH.UNBOUND');
  });
  it('answers an unknown action with INPUT.UNKNOWN_ACTION', async () => {
    const res = await b.invoke('org', { action: 'dropDatabase' }, 'demo-secretary');
    expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } });
  });
  it('takes identity from the platform, never from the request body', async () => {
    const res = await b.invoke(
      'org',
      { action: 'me', data: { openid: 'demo-secretary' } } as any,
      'demo-member-1',
    );
    expect(res.ok).toBe(false); // unknown field refused, and nobody is impersonated
    const me = await b.ok('org', 'me', {}, 'demo-member-1');
    expect(me.member.id).toBe('demo-member-1');
  });
});

describe('org.me round trips', () => {
  it('costs at most 3 database round trips for every demo identity (issue 9 budget)', async () => {
    for (const who of ['demo-member-1', 'demo-secretary', 'demo-organizer', 'demo-superior']) {
      const { roundTrips, res } = await b.roundTrips('org', 'me', {}, who);
      expect(res.ok).toBe(true);
      expect([who, roundTrips]).toEqual([who, expect.any(Number)]);
      expect(roundTrips).toBeLessThanOrEqual(3);
    }
  });
});

describe('binding with an invite', () => {
  it('binds DEMO-INVITE once; a second use gives INVITE.USED', async () => {
    expect(await b.ok('org', 'bind', { code: 'DEMO-INVITE' }, 'wx-new-1')).toEqual({
      memberId: 'demo-newcomer',
    });
    expect((await b.ok('org', 'me', {}, 'wx-new-1')).member.name).toBe('赵新');
    const again = await b.err('org', 'bind', { code: 'demo-invite' }, 'wx-new-2');
    expect(again.code).toBe('INVITE.USED');
    expect(again.message).toMatch(/已被使用/);
  });
  it('refuses an unknown code and a caller who is already bound', async () => {
    expect((await b.err('org', 'bind', { code: 'NOPE1234' }, 'wx-x')).code).toBe('INVITE.INVALID');
    expect((await b.err('org', 'bind', { code: 'DEMO-INVITE' }, 'demo-member-1')).code).toBe(
      'AUTH.ALREADY_BOUND',
    );
    expect(b.docs('invites').find((i) => i._id === 'DEMO-INVITE').usedAt).toBeNull();
  });
  it('issues single-use invites that expire after 7 days (emulator clock)', async () => {
    const [row] = (
      await b.ok(
        'org',
        'importMembers',
        {
          orgId: 'demo-branch',
          members: [{ name: '新同志', status: 'full', joinedAt: '2021-07-01' }],
        },
        'demo-secretary',
      )
    ).created;
    b.emulator.clock.freeze(Date.parse('2026-11-22T02:00:00Z'));
    const inv = await b.ok('org', 'createInvite', { memberId: row }, 'demo-secretary');
    expect(inv.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(inv.expiresAt).toBe('2026-11-29T02:00:00.000Z');
    b.emulator.clock.advance(7 * 86400_000);
    expect((await b.err('org', 'bind', { code: inv.code }, 'wx-late')).code).toBe('INVITE.EXPIRED');
    b.restoreClock();
  });
  it('gives one binding when two phones race for the same code [CHK-08]', async () => {
    const results = await Promise.all(
      ['wx-a', 'wx-b', 'wx-c', 'wx-d'].map((id) =>
        b.invoke('org', { action: 'bind', data: { code: 'DEMO-INVITE' } }, id),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as any).error.code)).toEqual([
      'INVITE.USED',
      'INVITE.USED',
      'INVITE.USED',
    ]);
    expect(b.docs('bindings').filter((x) => x.memberId === 'demo-newcomer')).toHaveLength(1);
  });
  it('binds one phone when two invites for the same member race, in 10 of 10 races [CHK-08]', async () => {
    const people = Array.from({ length: 10 }, (_, i) => ({
      name: `并发${i}`,
      status: 'full' as const,
      joinedAt: '2020-07-01',
    }));
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: people },
      'demo-secretary',
    );
    const pairs: { memberId: string; codes: string[] }[] = [];
    for (const memberId of created as string[]) {
      const codes: string[] = [];
      for (let k = 0; k < 2; k++)
        codes.push((await b.ok('org', 'createInvite', { memberId }, 'demo-secretary')).code);
      pairs.push({ memberId, codes });
    }
    const results = await Promise.all(
      pairs.map(({ codes }, i) =>
        Promise.all(
          codes.map((code, k) =>
            b.invoke('org', { action: 'bind', data: { code } }, `wx-race-${i}-${k}`),
          ),
        ),
      ),
    );
    const members = new Map(b.docs('members').map((m) => [m._id, m]));
    for (const [i, pair] of results.entries()) {
      const { memberId, codes } = pairs[i];
      expect(pair.filter((r) => r.ok)).toHaveLength(1);
      const k = pair.findIndex((r) => r.ok);
      const loser = pair[1 - k] as { ok: false; error: { code: string; message: string } };
      expect(loser.error.code).toBe('INVITE.MEMBER_BOUND');
      expect(loser.error.message).toMatch(/已.*绑定/);
      expect(members.get(memberId).openid).toBe(`wx-race-${i}-${k}`);
      expect(b.docs('bindings').filter((x) => x.memberId === memberId)).toEqual([
        expect.objectContaining({ _id: `wx-race-${i}-${k}` }),
      ]);
      const invites = b.docs('invites').filter((x) => codes.includes(x._id));
      expect(invites.find((x) => x._id === codes[k]).usedAt).not.toBeNull();
      expect(invites.find((x) => x._id === codes[1 - k])).toMatchObject({ usedAt: null });
      expect(invites.find((x) => x._id === codes[1 - k]).usedBy).toBeUndefined();
    }
    const k0 = results[0].findIndex((r) => r.ok);
    expect((await b.ok('org', 'me', {}, `wx-race-0-${k0}`)).member.id).toBe(pairs[0].memberId);
    expect((await b.err('org', 'me', {}, `wx-race-0-${1 - k0}`)).code).toBe('AUTH.UNBOUND');
  });
  it('repairs a member whose copy of the OPENID is missing, but never takes over a bound member [CHK-08]', async () => {
    // Fixture: a crash between writing the binding and claiming the member.
    const bindings = b.emulator.store.ensure('bindings');
    bindings.set('wx-crashed', { _id: 'wx-crashed', memberId: 'demo-newcomer' });
    expect((await b.ok('org', 'me', {}, 'wx-crashed')).member.id).toBe('demo-newcomer');
    expect(b.docs('members').find((m) => m._id === 'demo-newcomer').openid).toBe('wx-crashed');
    // A stale binding of a member since bound to another phone gives nobody that member.
    bindings.set('wx-stale', { _id: 'wx-stale', memberId: 'demo-newcomer' });
    expect((await b.err('org', 'me', {}, 'wx-stale')).code).toBe('AUTH.UNBOUND');
    expect(b.docs('members').find((m) => m._id === 'demo-newcomer').openid).toBe('wx-crashed');
  });
  it('refuses an invite for a member who is already bound', async () => {
    expect(
      (await b.err('org', 'createInvite', { memberId: 'demo-member-2' }, 'demo-secretary')).code,
    ).toBe('CONFLICT');
  });
});

describe('authorisation', () => {
  it('refuses a member calling createInvite, setRole or importMembers with AUTH.FORBIDDEN', async () => {
    const calls: [ActionName<'org'>, unknown][] = [
      ['createInvite', { memberId: 'demo-newcomer' }],
      ['setRole', { memberId: 'demo-member-2', orgId: 'demo-branch', role: 'scorer', on: true }],
      [
        'importMembers',
        {
          orgId: 'demo-branch',
          members: [{ name: '某人', status: 'full', joinedAt: '2020-01-01' }],
        },
      ],
      ['setMemberFlags', { memberId: 'demo-member-2', mobile: true }],
    ];
    for (const [action, data] of calls) {
      const before = snapshot(b);
      expect((await b.err('org', action, data, 'demo-member-1')).code).toBe('AUTH.FORBIDDEN');
      expect(snapshot(b)).toBe(before);
    }
  });
  it('stops a secretary of one branch from touching another branch [PRIV-05]', async () => {
    const before = snapshot(b);
    expect(
      (await b.err('org', 'createInvite', { memberId: 'demo-newcomer' }, 'demo-secretary-2')).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'org',
          'importMembers',
          {
            orgId: 'demo-branch',
            members: [{ name: 'x', status: 'full', joinedAt: '2020-01-01' }],
          },
          'demo-secretary-2',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'org',
          'setRole',
          { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'scorer', on: true },
          'demo-secretary-2',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.err('org', 'listMembers', { orgId: 'demo-branch' }, 'demo-secretary-2')).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
  });
  it('lets the superior act for a branch below it', async () => {
    const inv = await b.ok(
      'org',
      'createInvite',
      { memberId: 'demo-b2-member-1' },
      'demo-superior',
    );
    expect(inv.code).toHaveLength(8);
  });
});

describe('malformed input', () => {
  const malformed: [ActionName<'org'>, unknown][] = [
    ['me', { extra: 1 }],
    ['bind', { code: '' }],
    ['bind', {}],
    ['createInvite', { memberId: 42 }],
    [
      'createOrg',
      {
        parentId: 'demo-committee',
        name: '新支部',
        kind: 'castle',
        category: 'organ',
        termStart: '2026-01-01',
      },
    ],
    [
      'createOrg',
      {
        parentId: 'demo-committee',
        name: '新支部',
        kind: 'branch',
        category: 'organ',
        termStart: '2026-02-30',
      },
    ],
    ['importMembers', { orgId: 'demo-branch', members: [] }],
    ['importMembers', { orgId: 'demo-branch', members: 'all' }],
    ['listMembers', {}],
    ['setMemberFlags', { memberId: 'demo-member-1' }],
    ['setMemberFlags', { memberId: 'demo-member-1', exempt: true }],
    ['setRole', { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'king', on: true }],
    ['setRole', { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'scorer' }],
    ['orgTree', { orgId: '' }],
    ['subscribe', { accepted: ['spam'] }],
    [
      'subscribe',
      { accepted: ['activityReminder', 'noticePublished', 'duesReminder', 'pointsResult'] },
    ],
  ];
  it.each(malformed)(
    'refuses %s %j with INPUT.INVALID and writes nothing',
    async (action, data) => {
      const caller =
        action === 'bind'
          ? 'wx-someone'
          : action === 'createOrg' || action === 'orgTree'
            ? 'demo-superior'
            : 'demo-secretary';
      const before = snapshot(b);
      const err = await b.err('org', action, data, caller);
      expect(err.code).toBe('INPUT.INVALID');
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(err.details.fields.length).toBeGreaterThan(0);
      expect(snapshot(b)).toBe(before);
    },
  );
  it('names the offending field paths', async () => {
    const err = await b.err(
      'org',
      'setMemberFlags',
      { memberId: 'demo-member-1', exempt: true },
      'demo-secretary',
    );
    expect(err.details.fields).toEqual(['exemptReason']);
  });
});
