/**
 * Concurrency (issue 10, item 4c): what two people doing the same thing at the same moment must
 * not break. Concurrent binds are covered in depth by tests/functions/org.test.ts [CHK-08] (four
 * phones racing one code; two invites of one member, 10 of 10 races); here, six invites of one
 * member at once. Then concurrent closes of one activity, and concurrent payments for one month.
 */
import { Backend, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

describe('concurrency (issue 10, item 4c)', () => {
  it('binds one phone when six invites of one member are used at once [CHK-08]', async () => {
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: [{ name: '同时', status: 'full', joinedAt: '2020-07-01' }] },
      'demo-secretary',
    );
    const memberId = created[0];
    const codes: string[] = [];
    for (let k = 0; k < 6; k++)
      codes.push((await b.ok('org', 'createInvite', { memberId }, 'demo-secretary')).code);
    const results = await Promise.all(
      codes.map((code, k) => b.invoke('org', { action: 'bind', data: { code } }, `wx-six-${k}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));
    expect(losers).toEqual(Array(5).fill('INVITE.MEMBER_BOUND'));
    expect(b.docs('bindings').filter((x) => x.memberId === memberId)).toHaveLength(1);
    const member = b.docs('members').find((m) => m._id === memberId);
    expect(member.openid).toBe(`wx-six-${results.findIndex((r) => r.ok)}`);
  });

  it('closes an activity once when three hosts close it at the same moment [CHK-02, CHK-18]', async () => {
    const id = 'demo-theme-day';
    const hosts = ['demo-secretary', 'demo-organizer', 'demo-superior'];
    const replies = await Promise.all(
      hosts.map((who) => b.ok('activity', 'close', { activityId: id }, who)),
    );
    // Everyone is told the same counts, and they are what is stored: one row per expected member.
    for (const r of replies) expect(r).toEqual(replies[0]);
    const rows = b.docs('attendance').filter((a) => a.activityId === id);
    const members = rows.map((a) => a.memberId);
    expect(new Set(members).size).toBe(members.length);
    const absent = rows.filter((a) => a.status === 'absent').length;
    expect(absent).toBe(replies[0].absent);
    expect(rows.filter((a) => a.status === 'exempt').length).toBe(replies[0].exempt);
    // One close in the record, not three.
    const closes = b
      .docs('auditLogs')
      .filter((a) => a.entityId === id && a.after?.status === 'closed');
    expect(closes).toHaveLength(1);
    expect(b.docs('activities').find((a) => a._id === id).status).toBe('closed');
    // And a late host's close changes nothing.
    expect(await b.ok('activity', 'close', { activityId: id }, 'demo-secretary')).toEqual(
      replies[0],
    );
    expect(b.docs('attendance').filter((a) => a.activityId === id)).toHaveLength(rows.length);
  });

  const month = '2026-11';
  const payment = { memberId: 'demo-member-3', month, amountFen: 4900 };
  const stored = () =>
    b.docs('duesPayments').filter((p) => p.memberId === 'demo-member-3' && p.month === month);

  it('records every acknowledged payment exactly once when three arrive at once [FEE-28]', async () => {
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-3', year: 2026, category: 'salaried', baseFen: 490000 },
      'demo-organizer',
    );
    const before = stored().length;
    const replies = await Promise.all(
      ['demo-organizer', 'demo-organizer', 'demo-superior'].map((who) =>
        b.invoke('dues', { action: 'pay', data: payment }, who),
      ),
    );
    const acknowledged = replies.flatMap((r) => (r.ok ? [r.data.paymentId] : []));
    expect(acknowledged).toHaveLength(3); // partial payments are legal: all three are recorded
    const ids = stored().map((p) => p._id);
    expect(ids).toHaveLength(before + acknowledged.length);
    for (const id of acknowledged) expect(ids.filter((x) => x === id)).toHaveLength(1);
  });

  it('splits concurrent payments for one month as sequential ones would [FEE-13]', async () => {
    // Each payment reads the month's earlier payments in the transaction that adds it, after
    // taking the member's turn, so three at once add up like three one after another.
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-3', year: 2026, category: 'salaried', baseFen: 490000 },
      'demo-organizer',
    );
    const october = { ...payment, month: '2026-10' };
    const replies = await Promise.all(
      [0, 1, 2].map(() => b.ok('dues', 'pay', october, 'demo-organizer')),
    );
    const due = replies[0].dueFen;
    expect(due).toBe(4900);
    const paid = replies.reduce((sum, r) => sum + r.amountFen, 0);
    expect(replies.reduce((sum, r) => sum + r.extraFen, 0)).toBe(Math.max(0, paid - due));
    expect(replies.map((r) => r.extraFen).sort()).toEqual([0, 4900, 4900]);
  });
  it('lets one of two reviewers decide a declaration reviewed by both at once [PTS-15]', async () => {
    const { entryId } = await b.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-12', note: '社区义务劳动' },
      'demo-member-2',
    );
    const replies = await Promise.all([
      b.invoke('points', { action: 'review', data: { entryId, approve: true } }, 'demo-organizer'),
      b.invoke(
        'points',
        { action: 'review', data: { entryId, approve: false, reason: '材料不全' } },
        'demo-secretary',
      ),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const audited = b.docs('auditLogs').filter((a) => a.entityId === entryId);
    expect(audited).toHaveLength(1);
  });
  it('applies an accepted appeal once when two answer it at once [PTS-17]', async () => {
    await b.reset('demo');
    await b.ok(
      'points',
      'publishQuarter',
      { orgId: 'demo-branch', quarter: '2026-Q4' },
      'demo-organizer',
    );
    const { appealId } = await b.ok(
      'points',
      'appeal',
      { entryId: 'att:demo-theme-day-last:demo-member-7', reason: '当天因公出差，事先请过假' },
      'demo-member-7',
    );
    const answer = { appealId, accept: true, points: 6, reply: '经核实确已请假，予以调整' };
    const replies = await Promise.all(
      ['demo-secretary', 'demo-organizer', 'demo-secretary'].map((who) =>
        b.invoke('points', { action: 'resolveAppeal', data: answer }, who),
      ),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(b.docs('pointEntries').filter((e) => e.itemCode === 'appealAdjust')).toHaveLength(1);
  });
});
