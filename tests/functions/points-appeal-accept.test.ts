// An accepted 申辩 changes the score: without a number it gives back what the appealed deduction
// took off (a reversing entry, PTS-17), and the answer says how many points it changed.
import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-01T09:00:00+08:00'));
  await b.reset('demo');
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SCORER = 'demo-organizer';
const M = 'demo-member-1';
const idx = () => b.ok('points', 'index', { year: 2026 }, M);

async function appealedCriticism() {
  await b.ok(
    'points',
    'award',
    { memberId: M, itemCode: 'criticism', month: '2026-12', note: '支委会认定' },
    SEC,
  );
  const entry = (await idx()).entries.find((e) => e.itemCode === 'criticism')!;
  expect(entry.points).toBe(-5);
  await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
  const { appealId } = await b.ok(
    'points',
    'appeal',
    { entryId: entry.id, reason: '当时已说明情况，不属于批评教育' },
    M,
  );
  return appealId;
}

describe('申辩采纳后的分数 [PTS-18] [PTS-17]', () => {
  it('should give back the deducted points when accepted without a number [PTS-18]', async () => {
    const before = (await idx()).total!;
    const appealId = await appealedCriticism();
    expect((await idx()).total).toBe(before - 5);
    const res = await b.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: true, reply: '经核实情况属实，撤销扣分' },
      SEC,
    );
    expect(res.entryId).toBeTruthy();
    const after = await idx();
    expect(after.total).toBe(before);
    expect(after.entries.find((e) => e.id === res.entryId)).toMatchObject({
      kind: 'adjust',
      points: 5,
    });
    const [listed] = await b.ok('points', 'appeals', { orgId: 'demo-branch' }, M);
    expect(listed).toMatchObject({ status: 'accepted', points: 5 });
  });

  it('should keep the given number when the secretary enters one', async () => {
    const appealId = await appealedCriticism();
    await b.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: true, points: 2, reply: '部分属实' },
      SEC,
    );
    const [listed] = await b.ok('points', 'appeals', { orgId: 'demo-branch' }, M);
    expect(listed.points).toBe(2);
  });

  it('should ask for the points when the appealed entry took nothing off by itself, changing nothing', async () => {
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
    const { appealId } = await b.ok(
      'points',
      'appeal',
      { entryId: `base:study:2026:${M}`, reason: '参加了两次集中学习，未计学时' },
      M,
    );
    const before = snapshot(b);
    const err = await b.err(
      'points',
      'resolveAppeal',
      { appealId, accept: true, reply: '已核实' },
      SEC,
    );
    expect(err.code).toBe('INPUT.INVALID');
    expect(err.message).toContain('请填写调整的分数');
    expect(snapshot(b)).toEqual(before);
  });

  it('should show nothing changed for a rejected appeal', async () => {
    const appealId = await appealedCriticism();
    await b.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: false, reply: '经核实扣分无误' },
      SEC,
    );
    const [listed] = await b.ok('points', 'appeals', { orgId: 'demo-branch' }, M);
    expect(listed).toMatchObject({ status: 'rejected', points: null });
  });
});
