import { Backend, snapshot, startBackend } from '../support/backend';

/**
 * The rectification list through the API, one per branch per year [APR-18]: items with owner,
 * deadline, reports and evidence; the year-end status and the 问题清单 reminder [APR-19, MTG-39];
 * the 组织生活会 整改清单 on the list without retyping [MTG-31, PRIV-11].
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
const M2 = 'demo-member-2';
const SUP = 'demo-superior';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const list = (who: string, year = 2026) =>
  b.ok('appraisal', 'rectifications', { orgId: ORG, year }, who);
const add = (extra: object, who = SEC) =>
  b.ok(
    'appraisal',
    'addRectification',
    {
      orgId: ORG,
      year: 2026,
      problem: '参加组织生活不够经常',
      commitment: '每月按时参加支部活动',
      ownerKind: 'member',
      ownerId: M1,
      deadline: '2027-03-31',
      ...extra,
    } as never,
    who,
  );
const ref = { orgId: ORG, year: 2026 };

describe('the rectification list [APR-18]', () => {
  it('lets the committee add an item with owner and deadline, and the owner report on it every quarter [APR-18]', async () => {
    const { itemId } = await add({});
    const mine = await list(M1);
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: itemId,
        source: 'problemList',
        sourceWord: '问题清单',
        ownerName: expect.any(String),
        deadline: '2027-03-31',
        doneOn: null,
        mayReport: true,
        mayClose: false,
      }),
    ]);
    // set up on 2026-12-01: the first quarter ending a month after it is 2027-03-31
    at('2027-04-02T02:00:00Z');
    expect((await list(SEC)).items[0].windows).toEqual([
      { from: '2026-12-01', dueOn: '2027-03-31', status: 'overdue' },
      { from: '2027-04-01', dueOn: '2027-06-30', status: 'due' },
    ]);
    await b.ok(
      'appraisal',
      'reportRectification',
      { ...ref, itemId, on: '2027-04-02', text: '已按月参加' },
      M1,
    );
    expect((await list(SEC)).items[0].windows.map((w: { status: string }) => w.status)).toEqual([
      'overdue',
      'reported',
    ]);
    // the committee records a report given at a 党小组会, dated inside the first quarter
    await b.ok(
      'appraisal',
      'reportRectification',
      { ...ref, itemId, on: '2027-03-20', text: '在党小组会上报告' },
      SEC,
    );
    expect((await list(SEC)).items[0].windows.map((w: { status: string }) => w.status)).toEqual([
      'reported',
      'reported',
    ]);
  });

  it('refuses a member adding items, reporting on another member’s item or closing anything, and changes nothing [APR-18]', async () => {
    const { itemId } = await add({});
    const before = snapshot(b);
    expect(
      (
        await b.err(
          'appraisal',
          'addRectification',
          {
            ...ref,
            problem: '问题',
            commitment: '措施',
            ownerKind: 'member',
            ownerId: M2,
            deadline: '2027-03-31',
          },
          M1,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'appraisal',
          'reportRectification',
          { ...ref, itemId, on: '2026-12-01', text: '代报' },
          M2,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'appraisal',
          'closeRectification',
          { ...ref, itemId, on: '2026-12-01', evidence: ['完成'] },
          M1,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'appraisal',
          'reportRectification',
          { ...ref, itemId, on: '2026-12-09', text: '明天的' },
          M1,
        )
      ).code,
    ).toBe('INPUT.INVALID');
    expect(
      (
        await b.err(
          'appraisal',
          'reportRectification',
          { ...ref, itemId: 'problemList:nope', on: '2026-12-01', text: '无' },
          M1,
        )
      ).code,
    ).toBe('NOT_FOUND');
    const early = await b.err(
      'appraisal',
      'addRectification',
      {
        ...ref,
        problem: '问题',
        commitment: '措施',
        ownerKind: 'member',
        ownerId: M2,
        deadline: '2026-11-01',
      },
      SEC,
    );
    expect(early).toMatchObject({ code: 'INPUT.INVALID', details: { ruleId: 'APR-18' } });
    expect(
      (
        await b.err(
          'appraisal',
          'addRectification',
          {
            ...ref,
            problem: '问题',
            commitment: '措施',
            ownerKind: 'member',
            ownerId: 'demo-member-x',
            deadline: '2027-03-31',
          },
          SEC,
        )
      ).code,
    ).toBe('INPUT.INVALID');
    expect(snapshot(b)).toBe(before);
    // a member sees the 班子's items and their own, not another member's
    await add({ ownerKind: 'committee', ownerId: undefined, problem: '联系群众不够' });
    const seen = await list(M2);
    expect(seen.partial).toBe(true);
    expect(seen.items.map((i: { problem: string }) => i.problem)).toEqual(['联系群众不够']);
    expect((await list(SUP)).items).toHaveLength(2);
  });

  it('closes an item only with what shows it was done, never by its own owner [APR-18, PRIV-21]', async () => {
    const { itemId } = await add({ ownerId: CO });
    const before = snapshot(b);
    const own = await b.err(
      'appraisal',
      'closeRectification',
      { ...ref, itemId, on: '2026-12-01', evidence: ['完成'] },
      CO,
    );
    expect(own.code).toBe('AUTH.FORBIDDEN');
    const blank = await b.err(
      'appraisal',
      'closeRectification',
      { ...ref, itemId, on: '2026-12-01', evidence: [' '] },
      SEC,
    );
    expect(blank.code).toBe('INPUT.INVALID');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'appraisal',
      'closeRectification',
      { ...ref, itemId, on: '2026-12-01', evidence: ['已写出整改报告'] },
      SEC,
    );
    const l = await list(SEC);
    expect(l.items[0]).toMatchObject({
      doneOn: '2026-12-01',
      evidence: ['已写出整改报告'],
      mayReport: false,
    });
    expect(l.status).toEqual({ total: 1, done: 1, open: 0, overdue: 0 });
    expect(
      (
        await b.err(
          'appraisal',
          'reportRectification',
          { ...ref, itemId, on: '2026-12-01', text: '再报' },
          CO,
        )
      ).code,
    ).toBe('INPUT.INVALID');
  });

  it('has the 班子 and the secretary report once within 6 months of the list [APR-18]', async () => {
    const { itemId } = await add({ ownerKind: 'secretary', ownerId: SEC });
    expect((await list(SEC)).items.find((i: { id: string }) => i.id === itemId)!.windows).toEqual([
      { from: '2026-12-01', dueOn: '2027-06-01', status: 'due' },
    ]);
    at('2027-06-02T02:00:00Z');
    const l = await list(SEC);
    expect(l.items[0].windows[0].status).toBe('overdue');
    expect(l.status).toEqual({ total: 1, done: 0, open: 1, overdue: 1 });
  });
});

describe('round trips [APR-18]', () => {
  it('reads the list in 5 round trips and writes an item in 10, whatever its length [APR-18]', async () => {
    const first = await b.roundTrips(
      'appraisal',
      'addRectification',
      {
        ...ref,
        problem: '问题一',
        commitment: '措施',
        ownerKind: 'member',
        ownerId: M1,
        deadline: '2027-03-31',
      },
      SEC,
    );
    for (let i = 0; i < 5; i++) await add({ problem: `问题${i}` });
    const later = await b.roundTrips(
      'appraisal',
      'addRectification',
      {
        ...ref,
        problem: '问题二',
        commitment: '措施',
        ownerKind: 'member',
        ownerId: M2,
        deadline: '2027-03-31',
      },
      SEC,
    );
    expect([first.res.ok, later.res.ok]).toEqual([true, true]);
    expect(later.roundTrips).toBe(first.roundTrips);
    expect(later.roundTrips).toBeLessThanOrEqual(10);
    expect(
      (await b.roundTrips('appraisal', 'rectifications', ref, SEC)).roundTrips,
    ).toBeLessThanOrEqual(5);
  });
});

describe('the 问题清单 and the year-end status [MTG-39, APR-19]', () => {
  it('warns a hunan branch after 30 June while its list has no 问题清单 item, and counts the year-end status [MTG-39, APR-19]', async () => {
    expect((await list(SEC)).alerts).toEqual([
      expect.objectContaining({ ruleId: 'MTG-39', level: 'warning' }),
    ]);
    await add({ source: 'democraticAppraisal' });
    expect((await list(SEC)).alerts.map((a: { ruleId: string }) => a.ruleId)).toEqual(['MTG-39']);
    await add({ problem: '为民办事不够主动' });
    const l = await list(SEC);
    expect(l.alerts).toEqual([]);
    expect(l.status).toEqual({ total: 2, done: 0, open: 2, overdue: 0 });
  });
});
