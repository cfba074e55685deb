import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { buildSeed } from '../../emulator/seeds';
import { committeePlan } from '../../emulator/seeds/committee';
import { Backend, startBackend } from '../support/backend';

/**
 * The `committee` seed: deterministic, built from its instant, the demo seed untouched inside it,
 * and documents the real functions read as their own [api.md §2].
 */
const NOW = new Date(DEMO_NOW_MS);
const SEC = 'c-branch-01-m01';

describe('committee seed, built alone', () => {
  it('is deterministic: two builds are equal', () => {
    expect(JSON.stringify(buildSeed('committee', NOW))).toBe(
      JSON.stringify(buildSeed('committee', new Date(DEMO_NOW_MS))),
    );
  });

  it('is built from `now`: a month later every record moves by a month', () => {
    const later = new Date(Date.parse('2027-01-01T09:00:00+08:00'));
    const a = (buildSeed('committee', NOW).activities as any[]).filter(
      (x) => x.orgId === 'c-branch-10',
    );
    const b = (buildSeed('committee', later).activities as any[]).filter(
      (x) => x.orgId === 'c-branch-10',
    );
    const months = (xs: typeof a) =>
      [
        ...new Set(xs.map((x) => new Date(+x.startAt + 8 * 3600_000).toISOString().slice(0, 7))),
      ].sort();
    expect(months(a)[0]).toBe('2025-12');
    expect(months(a).at(-1)).toBe('2026-11');
    expect(months(b)[0]).toBe('2026-01');
    expect(months(b).at(-1)).toBe('2026-12');
    expect(committeePlan('committee', later).months.at(-1)).toBe('2026-12');
    // nothing is dated after the instant it was built around
    for (const x of buildSeed('committee', NOW).activities as any[])
      expect(+x.startAt).toBeLessThan(+NOW);
  });

  it('keeps the demo seed exactly as it is', () => {
    const demo = buildSeed('demo', NOW);
    const committee = buildSeed('committee', NOW);
    for (const [name, docs] of Object.entries(demo)) {
      const ids = new Set(docs.map((d) => d._id));
      const inCommittee = committee[name].filter((d) => ids.has(d._id));
      expect(JSON.stringify(inCommittee)).toBe(JSON.stringify(docs));
    }
  });

  it('has the planned shape: 12 branches (5 under two 党总支), ~20 members each, a year of records', () => {
    const plan = committeePlan('committee', NOW);
    const data = buildSeed('committee', NOW);
    expect(plan.branches).toHaveLength(12);
    expect(plan.branches.filter((b) => b.parentId !== 'demo-committee')).toHaveLength(5);
    expect(data.orgs.filter((o) => o.kind === 'generalBranch')).toHaveLength(2);
    for (const b of plan.branches) {
      const members = data.members.filter((m) => m.orgId === b.orgId);
      expect(members).toHaveLength(b.members);
      expect(members.filter((m) => m.status === 'probationary').length).toBeGreaterThan(0);
      expect(members.filter((m) => m.mobile).length).toBeGreaterThan(0);
    }
    const generated = (data.attendance as any[]).filter((a) => a.orgId.startsWith('c-branch-'));
    const statuses = new Set(generated.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['absent', 'excused', 'late', 'present', 'remote']);
  });

  it('never stores a phone number outside its member (PRIV-03)', () => {
    const data = buildSeed('committee', NOW);
    const phones = data.members.map((m) => m.phone).filter((p): p is string => !!p);
    expect(phones.length).toBeGreaterThan(50);
    const rest = JSON.stringify(Object.entries(data).filter(([name]) => name !== 'members'));
    for (const p of phones) expect(rest).not.toContain(p);
  });
});

describe('committee seed, through the functions', () => {
  let b: Backend;
  beforeAll(async () => {
    b = await startBackend({ seed: 'committee' });
  });
  afterAll(() => b.close());

  it('its members are the roster org.listMembers answers, without full phone numbers', async () => {
    const rows = await b.ok('org', 'listMembers', { orgId: 'c-branch-01' }, SEC);
    const docs = b.docs('members').filter((m) => m.orgId === 'c-branch-01');
    expect(rows.map((r: any) => r.name).sort()).toEqual(docs.map((m) => m.name).sort());
    const text = JSON.stringify(rows);
    for (const m of docs) if (m.phone) expect(text).not.toContain(m.phone);
  });

  it('its activities are listed by activity.list, and the clean branch complies [TD-01, MTG-08]', async () => {
    const list = await b.ok(
      'activity',
      'list',
      { orgId: 'c-branch-10', from: '2026-01-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' },
      'c-branch-10-m01',
    );
    const docs = b
      .docs('activities')
      .filter(
        (a) => a.orgId === 'c-branch-10' && +a.startAt >= Date.parse('2026-01-01T00:00:00+08:00'),
      );
    expect(list.map((a: any) => a.id ?? a._id).sort()).toEqual(docs.map((a) => a._id).sort());
    const { items } = await b.ok(
      'activity',
      'compliance',
      { orgId: 'c-branch-10', year: 2026 },
      'c-branch-10-m01',
    );
    for (const i of items)
      expect({ type: i.type, missing: i.missing, notCounted: i.notCounted }).toEqual({
        type: i.type,
        missing: [],
        notCounted: [],
      });
  });

  it('the planned gap shows on the compliance page: branch 1 misses March [TD-01]', async () => {
    const { items } = await b.ok(
      'activity',
      'compliance',
      { orgId: 'c-branch-01', year: 2026 },
      SEC,
    );
    expect(items.find((i) => i.type === 'themeDay')?.missing).toEqual(['2026-03']);
  });

  it('the dues ledger reads its bases and payments: arrears where planned [FEE-24]', async () => {
    const plan = committeePlan('committee', NOW).branches[7];
    const payments = b.docs('duesPayments').filter((p) => p.orgId === plan.orgId);
    for (const a of plan.arrears)
      for (const m of a.months)
        expect(payments.some((p) => p.memberId === a.memberId && p.month === m)).toBe(false);
    expect(payments.length).toBeGreaterThan(100);
  });
});
