import { Backend, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // Fri 14:30 in Shanghai
  await b.reset('demo');
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));

async function heldThemeDay(title: string, agenda: string[], signIn: boolean): Promise<string> {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type: 'themeDay',
      title,
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
      agenda,
    },
    SEC,
  );
  if (signIn) {
    at('2026-12-04T07:05:00Z');
    const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
    await b.ok('activity', 'checkin', { token }, 'demo-member-1');
  }
  at('2026-12-04T09:30:00Z');
  await b.ok('activity', 'close', { activityId: id }, SEC);
  return id;
}

// the seed's own 12月 theme day (not closed yet) is left out: each test reads its own meeting
const notCounted = async (who = SEC) => {
  const { items } = await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2026 }, who);
  const list = items.find((i) => i.type === 'themeDay')?.notCounted ?? [];
  return list.filter((n) => n.activityId !== 'demo-theme-day');
};

describe('compliance names the held meetings that do not count [MTG-27, TD-30]', () => {
  it('a theme day closed without its 纪实 is named, with why, until the record is there [MTG-27]', async () => {
    const id = await heldThemeDay('12月主题党日', ['集中交纳党费', '组织学习讨论'], true);
    at('2026-12-05T02:00:00Z');
    expect(await notCounted()).toEqual([
      {
        activityId: id,
        title: '12月主题党日',
        date: '2026-12-04',
        reasons: ['没有填写纪实（会议记录）'],
      },
    ]);
    // the superior sees the same list
    expect(await notCounted('demo-superior')).toHaveLength(1);
    await b.ok(
      'activity',
      'record',
      { activityId: id, minutes: '学习了党章，集中交纳了党费。' },
      SEC,
    );
    expect(await notCounted()).toEqual([]);
  });

  it('a theme day without any template item is named for it [TD-30]', async () => {
    const id = await heldThemeDay('12月主题党日', ['观看影片'], true);
    await b.ok('activity', 'record', { activityId: id, minutes: '观看了影片。' }, SEC);
    at('2026-12-05T02:00:00Z');
    const [nc] = await notCounted();
    expect(nc).toMatchObject({ activityId: id, reasons: ['议程中没有主题党日的规定内容'] });
  });

  it('a meeting whose day has passed without closing is named; one still to come is not', async () => {
    const { id } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'themeDay',
        title: '补开主题党日',
        startAt: '2026-12-08T15:00:00+08:00',
        endAt: '2026-12-08T17:00:00+08:00',
        place: '党员活动室',
        agenda: ['集中交纳党费'],
      },
      SEC,
    );
    expect((await notCounted()).map((n) => n.activityId)).not.toContain(id);
    at('2026-12-09T02:00:00Z');
    const nc = (await notCounted()).find((n) => n.activityId === id);
    expect(nc?.reasons).toEqual(['活动尚未结束登记考勤', '没有填写纪实（会议记录）']);
  });
});
