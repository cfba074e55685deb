import { Backend, startBackend } from '../support/backend';
import { json } from '../support/narrow';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-01T09:00:00+08:00')); // the demo instant
  await b.reset('demo');
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';

describe('应到 is one rule for the host page and the report [TD-07, CHK-02]', () => {
  it('a closed meeting counts those its close recorded; an open one today’s roster; both agree', async () => {
    const report = json(
      await b.ok('activity', 'report', { orgId: 'demo-branch', half: '2026-H2' }, SEC),
    );
    for (const id of ['demo-theme-day-last', 'demo-theme-day']) {
      const detail = await b.ok('activity', 'get', { id }, SEC);
      const row = report.activities.find((a) => a.id === id);
      expect(row?.counts.expected).toBe(detail.counts.expected);
    }
    const closed = await b.ok('activity', 'get', { id: 'demo-theme-day-last' }, SEC);
    const rows = b.docs('attendance').filter((a) => a.activityId === 'demo-theme-day-last');
    expect(closed.counts.expected).toBe(rows.length); // the newcomer who joined the roster later is not 应到 then
    const open = await b.ok('activity', 'get', { id: 'demo-theme-day' }, SEC);
    const roster = await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC);
    expect(open.counts.expected).toBe(roster.length);
  });
});

describe('an amended 纪实 keeps its original [MTG-20]', () => {
  it('the activity shows the archived original and each correction with who, when and why', async () => {
    const id = 'demo-theme-day-last';
    b.emulator.clock.freeze(Date.parse('2026-12-02T10:00:00+08:00'));
    await b.ok(
      'activity',
      'record',
      { activityId: id, minutes: '更正后的纪实。', reason: '补记党费交纳人数' },
      SEC,
    );
    const { record } = await b.ok('activity', 'get', { id }, SEC);
    expect(record?.minutes).toBe('更正后的纪实。');
    expect(record?.history?.original.minutes).toContain('书记李红主持');
    expect(record?.history?.original.reason).toBeNull();
    expect(record?.history?.amendments).toEqual([
      expect.objectContaining({
        minutes: '更正后的纪实。',
        by: '李红',
        reason: '补记党费交纳人数',
        at: '2026-12-02T02:00:00.000Z',
      }),
    ]);
  });
});
