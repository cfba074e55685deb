/**
 * The audit log of administrator writes [PRIV-06]: each entry is written in the transaction of
 * the write it records (a failing append leaves neither), names the role the actor acted in, and
 * is readable by the secretary and the superior.
 */
import { Backend, snapshot, startBackend } from '../support/backend';
import type { ActionInput, ActionName, FunctionName } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => {
  delete b.emulator.host.hooks.auditId;
});

const ORG = 'demo-organizer';
const setBase = {
  memberId: 'demo-member-1',
  year: 2026,
  category: 'salaried' as const,
  baseFen: 510000,
};

/** Makes the next audit entry of an action take an `_id` already in the log: its append fails. */
async function failAuditOf(action: string): Promise<void> {
  await b.ok('dues', 'setBase', { ...setBase, memberId: 'demo-member-3' }, ORG);
  const taken = b.docs('auditLogs').find((a) => a.action === 'dues.setBase')._id;
  b.emulator.host.hooks.auditId = (a) => (a === action ? taken : undefined);
}

describe('an administrator write and its audit entry are one transaction [PRIV-06]', () => {
  it('rolls a payment back when its audit entry cannot be appended', async () => {
    await b.ok('dues', 'setBase', setBase, ORG);
    await failAuditOf('dues.pay');
    const before = snapshot(b);
    const e = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650 },
      ORG,
    );
    expect(e.code).toBe('INTERNAL');
    expect(snapshot(b)).toBe(before);
    expect(b.docs('duesPayments').filter((p) => p.memberId === 'demo-member-1')).toEqual([]);
    delete b.emulator.host.hooks.auditId;
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650 },
      ORG,
    );
    expect(b.docs('duesPayments').filter((p) => p.memberId === 'demo-member-1')).toHaveLength(1);
    expect(b.docs('auditLogs').filter((a) => a.action === 'dues.pay')).toHaveLength(1);
  });
  it('rolls a 核定 entry back with it [FEE-19]', async () => {
    await failAuditOf('dues.setBase');
    const before = snapshot(b);
    expect((await b.err('dues', 'setBase', setBase, ORG)).code).toBe('INTERNAL');
    expect(snapshot(b)).toBe(before);
  });
  it('leaves an entry for every write that landed', async () => {
    await b.ok('dues', 'setBase', setBase, ORG);
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650 },
      ORG,
    );
    const logged = new Set(b.docs('auditLogs').map((a) => a.entityId));
    for (const d of [...b.docs('duesBases'), ...b.docs('duesPayments')])
      expect(logged.has(d._id)).toBe(true);
  });
});

describe('the role the actor acted in [PRIV-06]', () => {
  it('records the organizer’s roles in the branch, and nothing held elsewhere', async () => {
    await b.ok('dues', 'setBase', setBase, ORG);
    const entry = b.docs('auditLogs').find((a) => a.action === 'dues.setBase');
    expect(entry.actor).toMatchObject({ memberId: ORG });
    expect(entry.actor.roles).toEqual(expect.arrayContaining(['orgCommissioner']));
    expect(entry.actor.roles).not.toContain('superiorAdmin');
  });
  it('records the superior acting from above as superiorAdmin; the superior and the secretary read it', async () => {
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-member-4', mobile: true },
      'demo-superior',
    );
    const entry = b.docs('auditLogs').find((a) => a.action === 'org.setMemberFlags');
    expect(entry.actor.roles).toEqual(['superiorAdmin']);
    for (const reader of ['demo-superior', 'demo-secretary']) {
      const { entries } = await b.ok('org', 'auditLog', { orgId: 'demo-branch' }, reader);
      expect(entries.find((e) => e.action === 'org.setMemberFlags')).toMatchObject({
        orgId: 'demo-branch',
        entityId: 'demo-member-4',
        actor: { memberId: 'demo-superior', roles: ['superiorAdmin'] },
      });
    }
    const above = await b.ok('org', 'auditLog', { orgId: 'demo-committee' }, 'demo-superior');
    expect(above.entries.map((e) => e.entityId)).toContain('demo-member-4');
  });
  it('keeps the log from another branch’s secretary and from members', async () => {
    await b.ok(
      'org',
      'setMemberFlags',
      { memberId: 'demo-member-4', mobile: true },
      'demo-superior',
    );
    for (const reader of ['demo-secretary-2', 'demo-member-1'])
      expect((await b.err('org', 'auditLog', { orgId: 'demo-branch' }, reader)).code).toBe(
        'AUTH.FORBIDDEN',
      );
  });
});

const SEC = 'demo-secretary';
const notice = {
  orgId: 'demo-branch',
  category: '发展党员',
  title: '关于接收郑晓同志为预备党员的公示',
  body: '经支部党员大会讨论，拟接收郑晓同志为中共预备党员，公示期5个工作日。',
};
const later = { startAt: '2026-12-18T15:00:00+08:00', endAt: '2026-12-18T17:00:00+08:00' };

interface Write {
  name: string;
  /** Builds the input (the writes it needs first), then calls the action as its actor. */
  call(): Promise<() => ReturnType<Backend['invoke']>>;
}
/** One administrator write: `data` builds its input, typed by the contract. */
const write = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  who: string,
  data: () => Promise<ActionInput<F, A>>,
): Write => ({
  name: `${fn}.${action}`,
  async call() {
    const input = await data();
    return () => b.invoke(fn, { action, data: input }, who);
  },
});
const done = <T>(v: T) => Promise.resolve(v);

/** An administrator write of every area, each with its audit entry (and more writes than one). */
const WRITES: Write[] = [
  write('points', 'award', ORG, () =>
    done({ memberId: 'demo-member-3', itemCode: 'lecture', month: '2026-11', note: '讲党课' }),
  ),
  write('points', 'resolveAppeal', SEC, async () => {
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, ORG);
    const { appealId } = await b.ok(
      'points',
      'appeal',
      { entryId: 'att:demo-theme-day-last:demo-member-7', reason: '当天因公出差，事先请过假' },
      'demo-member-7',
    );
    return { appealId, accept: true, reply: '经核实确已请假', points: 2 };
  }),
  write('org', 'importMembers', SEC, () =>
    done({
      orgId: 'demo-branch',
      members: [
        { name: '新同志', status: 'full', joinedAt: '2021-07-01' },
        { name: '新同志二', status: 'probationary', joinedAt: '2026-07-01' },
      ],
    }),
  ),
  write('org', 'createInvite', SEC, async () => {
    const row = { name: '新同志', status: 'full' as const, joinedAt: '2021-07-01' };
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: [row] },
      SEC,
    );
    return { memberId: created[0] };
  }),
  write('notice', 'publish', SEC, () => done(notice)),
  write('notice', 'update', SEC, async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    return { id, body: '更正：公示期自12月2日起5个工作日。', reason: '补充公示起始日' };
  }),
  write('activity', 'publishPlan', SEC, () =>
    done({
      orgId: 'demo-branch',
      year: 2026,
      items: [{ type: 'themeDay', date: '2026-12-18', title: '主题党日' }],
    }),
  ),
  write('activity', 'decideLeave', SEC, async () => {
    const { id } = await b.ok(
      'activity',
      'create',
      { orgId: 'demo-branch', type: 'themeDay', title: '12月第二次主题党日', ...later },
      SEC,
    );
    await b.ok('activity', 'requestLeave', { activityId: id, reason: '出差' }, 'demo-member-4');
    return { activityId: id, memberId: 'demo-member-4', approve: true };
  }),
  write('activity', 'close', SEC, () => done({ activityId: 'demo-theme-day' })),
];

describe('every area’s administrator writes land with their entry, or not at all [PRIV-06]', () => {
  it.each(WRITES.map((w) => [w.name, w] as const))(
    '%s: a failing append rolls every write back',
    async (name, w) => {
      const run = await w.call();
      await failAuditOf(name);
      const before = snapshot(b);
      const refused = await run();
      expect(refused.ok ? 'ok' : refused.error.code).toBe('INTERNAL');
      expect(snapshot(b)).toBe(before);
    },
  );
  it.each(WRITES.map((w) => [w.name, w] as const))(
    '%s: done, with exactly one entry',
    async (name, w) => {
      const run = await w.call();
      const res = await run();
      expect(res.ok).toBe(true);
      expect(b.docs('auditLogs').filter((a) => a.action === name)).toHaveLength(1);
    },
  );
});

describe('a conditional write inside the transaction [PRIV-06, DIS-14]', () => {
  it('keeps every edit that landed as a version with its entry, and refuses one that raced', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    const replies = await Promise.all(
      ['更正一：公示期5个工作日。', '更正二：公示期7个工作日。'].map((body) =>
        b.invoke('notice', { action: 'update', data: { id, body } }, SEC),
      ),
    );
    // Overlapping, one is refused (CONFLICT); one after the other, both land (v2, v3).
    const landed = replies.flatMap((r) => (r.ok ? [r.data.version] : []));
    expect(landed.length).toBeGreaterThanOrEqual(1); // at least the first edit lands
    for (const r of replies) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    expect(new Set(landed).size).toBe(landed.length);
    expect(b.docs('noticeVersions').filter((v) => v.noticeId === id)).toHaveLength(
      1 + landed.length,
    );
    expect(b.docs('auditLogs').filter((a) => a.action === 'notice.update')).toHaveLength(
      landed.length,
    );
  });
});
