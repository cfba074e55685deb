import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * The 组织生活会 整改清单 on the rectification list without retyping [MTG-31, PRIV-11]: read
 * from the activity area, written onto the list at its first write; 年年老问题 warned.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const ORG = 'demo-branch';
const SEC = 'demo-secretary';
const CO = 'demo-organizer';
const M1 = 'demo-member-1';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const list = (who: string, year = 2026) =>
  b.ok('appraisal', 'rectifications', { orgId: ORG, year }, who);
const ref = { orgId: ORG, year: 2026 };

describe('the 组织生活会 整改清单 on the list [MTG-31, PRIV-11]', () => {
  const step = (year: number, problem: string, owner = M1) => {
    const activityId = `orglife-${year}`;
    b.emulator.store.get('orgLifeSteps')!.set(`${activityId}:rectification`, {
      _id: `${activityId}:rectification`,
      activityId,
      orgId: ORG,
      step: 'rectification',
      note: null,
      items: [{ problem, ownerId: owner, due: `${year + 1}-03-31` }],
      recordedBy: SEC,
      at: new Date(`${year}-12-01T01:00:00Z`),
    } as never);
  };

  it('shows the 组织生活会 items as source 组织生活会 without retyping, and reports on them [MTG-31, PRIV-11]', async () => {
    step(2026, '理论学习不够系统');
    const l = await list(M1);
    expect(l.items).toEqual([
      expect.objectContaining({
        source: 'orgLifeMeeting',
        problem: '理论学习不够系统',
        ownerId: M1,
        deadline: '2027-03-31',
      }),
    ]);
    expect(b.docs('rectificationLists')).toEqual([]); // read, not copied
    await b.ok(
      'appraisal',
      'reportRectification',
      { ...ref, itemId: l.items[0].id, on: '2026-12-01', text: '制定了学习计划' },
      M1,
    );
    const [doc] = b.docs('rectificationLists');
    expect(doc.items.map((i: { source: string }) => i.source)).toEqual(['orgLifeMeeting']);
    expect((await list(M1)).items).toHaveLength(1); // not twice
  });

  it('lets nobody close their own 组织生活会 item, even before it is written onto the list [PRIV-21, MTG-31]', async () => {
    step(2026, '联系群众不够', CO);
    const [item] = (await list(SEC)).items;
    const close = { ...ref, itemId: item.id, on: '2026-12-01', evidence: ['已走访'] };
    const before = snapshot(b);
    expect((await b.err('appraisal', 'closeRectification', close, CO)).code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    await b.ok('appraisal', 'closeRectification', close, SEC);
    expect((await list(CO)).items[0]).toMatchObject({
      source: 'orgLifeMeeting',
      doneOn: '2026-12-01',
    });
  });

  it('warns of 年年老问题: this year’s 组织生活会 lists last year’s problem word for word [MTG-31]', async () => {
    step(2025, '理论学习不够系统。');
    at('2025-12-02T02:00:00Z');
    const last = await list(SEC, 2025);
    await b.ok(
      'appraisal',
      'reportRectification',
      { orgId: ORG, year: 2025, itemId: last.items[0].id, on: '2025-12-02', text: '已学习' },
      M1,
    );
    b.restoreClock();
    step(2026, '理论学习 不够系统');
    expect(
      (await list(SEC)).alerts.filter((a: { ruleId: string }) => a.ruleId === 'MTG-31'),
    ).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('年年老问题') }),
    ]);
  });
});
