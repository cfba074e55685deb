import { Backend, snapshot, startBackend } from '../support/backend';
import { orgTreeOf, SEC } from '../support/org-rules';

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

describe('transfer out [PRIV-20, FEE-29]', () => {
  const base = () =>
    b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-1',
        year: 2026,
        category: 'salaried',
        baseFen: 400000,
        fromMonth: '2026-07',
      },
      'demo-organizer',
    );
  const pay = (month: string) =>
    b.ok('dues', 'pay', { memberId: 'demo-member-1', month, amountFen: 4000 }, 'demo-organizer');
  const out = { memberId: 'demo-member-1', toOrgName: '某街道第二党支部', reason: '工作调动' };

  it('carries the month paid through on the transfer record [FEE-29]', async () => {
    await base();
    for (const m of ['2026-07', '2026-08', '2026-09']) await pay(m);
    await pay('2026-11');
    const res = await b.ok('org', 'transferOut', out, SEC);
    expect(res.paidThrough).toBe('2026-09');
    const [row] = await b.ok('org', 'transferredMembers', { orgId: 'demo-branch' }, SEC);
    expect(row).toMatchObject({
      id: 'demo-member-1',
      toOrgName: '某街道第二党支部',
      paidThrough: '2026-09',
    });
  });
  it('drops the member from roster, expected attendance and dues; history stays, read-only [PRIV-20]', async () => {
    await base();
    await pay('2026-07');
    const expected = async () =>
      (await b.ok('activity', 'get', { id: 'demo-theme-day' }, SEC)).counts.expected;
    const expectedBefore = await expected();
    const attendanceBefore = b.docs('attendance').filter((a) => a.memberId === 'demo-member-1');
    await b.ok('org', 'transferOut', out, SEC);
    expect(
      (await b.ok('org', 'listMembers', { orgId: 'demo-branch' }, SEC)).map((m) => m.id),
    ).not.toContain('demo-member-1');
    expect(await expected()).toBe(expectedBefore - 1);
    const ledger: any = await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(ledger.rows.map((r: any) => r.memberId)).not.toContain('demo-member-1');
    expect((await nodeOf('demo-branch')).members.total).toBe(13);
    // The history stays: attendance and payments are kept, the person can no longer sign in.
    expect(b.docs('attendance').filter((a) => a.memberId === 'demo-member-1')).toEqual(
      attendanceBefore,
    );
    expect(b.docs('duesPayments').filter((p) => p.memberId === 'demo-member-1')).toHaveLength(1);
    expect((await b.err('org', 'me', {}, 'demo-member-1')).code).toBe('AUTH.UNBOUND');
    const before = snapshot(b);
    for (const [action, data] of [
      ['setMemberFlags', { memberId: 'demo-member-1', mobile: true }],
      ['transferOut', out],
      ['setRole', { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'scorer', on: true }],
    ] as const) {
      const err = await b.err('org', action, data, SEC);
      expect(err).toMatchObject({ code: 'MEMBER.TRANSFERRED', details: { ruleId: 'PRIV-20' } });
    }
    expect(snapshot(b)).toBe(before);
  });
  it('clears the contact fields once the transfer is accepted [PRIV-20]', async () => {
    await b.ok('org', 'transferOut', { ...out, memberId: 'demo-member-2' }, SEC);
    const phone = () => b.docs('members').find((m) => m._id === 'demo-member-2').phone;
    expect(phone()).not.toBeNull();
    await b.ok('org', 'acceptTransfer', { memberId: 'demo-member-2' }, SEC);
    expect(phone()).toBeNull();
    const [row] = await b.ok('org', 'transferredMembers', { orgId: 'demo-branch' }, SEC);
    expect(row).toMatchObject({ acceptedOn: '2026-12-01', phone: null });
  });
  it('frees the seats of a transferred 支委 as vacancies [PRIV-20, ORG-16]', async () => {
    await b.ok('org', 'transferOut', { ...out, memberId: 'demo-organizer' }, SEC);
    expect((await alertsOf('demo-branch', 'ORG-16'))[0].message).toContain('组织委员');
    expect(b.docs('members').find((m) => m._id === 'demo-organizer').roles).toEqual([]);
  });
});
