import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-01T09:00:00+08:00'));
  await b.reset('demo');
  b.emulator.host.failSendsTo.clear();
});
afterEach(() => b.restoreClock());

const trigger = async () => {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  return ((await res.json()) as any).data.reminders;
};
const outbox = async () => (await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[];

async function setUp() {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type: 'themeDay',
      title: '12月主题党日：学习贯彻党的二十届四中全会精神专题研讨',
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
      agenda: ['集中交纳党费'],
    },
    'demo-secretary',
  );
  for (const m of ['demo-member-1', 'demo-member-2', 'demo-elder'])
    await b.ok('org', 'subscribe', { accepted: ['activityReminder'] }, m);
  return id;
}

describe('scheduler reminders', () => {
  it('reminds consenting members the day before, once, within the template limits [PRIV-10]', async () => {
    const id = await setUp();
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    expect(await trigger()).toEqual({ sent: 2, noConsent: 10, failed: 0 }); // 12 bound, non-exempt members
    const sent = (await outbox()).filter((m) => m.page.endsWith(id));
    expect(sent.map((m) => m.touser).sort()).toEqual(['demo-member-1', 'demo-member-2']); // the exempt elder is not expected
    expect(sent[0].data.thing1.value).toHaveLength(20);
    expect(sent[0].data.time2.value).toBe('2026年12月04日 15:00');
    expect(await trigger()).toMatchObject({ sent: 0 });
    b.emulator.clock.freeze(Date.parse('2026-12-04T08:00:00+08:00'));
    expect((await trigger()).sent).toBe(0); // one per event per member: no second reminder the same morning
    expect(
      (await b.ok('org', 'subscribe', { accepted: [] }, 'demo-member-1')).quota.activityReminder,
    ).toBe(0);
  });
  it('sends the morning-of reminder to a member who consented after the day before', async () => {
    await setUp();
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    await trigger();
    await b.ok('org', 'subscribe', { accepted: ['activityReminder'] }, 'demo-member-3');
    b.emulator.clock.freeze(Date.parse('2026-12-04T08:00:00+08:00'));
    expect((await trigger()).sent).toBe(1);
    expect((await outbox()).at(-1).data.thing4.value).toMatch(/今天/);
  });
  it('retries a failed send on the next run, keeping the grant', async () => {
    await setUp();
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    b.emulator.host.failSendsTo.add('demo-member-2');
    expect(await trigger()).toMatchObject({ sent: 1, failed: 1 });
    b.emulator.host.failSendsTo.clear();
    expect(await trigger()).toMatchObject({ sent: 1, failed: 0 });
    expect((await outbox()).filter((m) => m.touser === 'demo-member-2')).toHaveLength(1);
  });
  it('claims only the messages it sent: a refused send and a missing grant leave no claim [PRIV-10]', async () => {
    const id = await setUp();
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    b.emulator.host.failSendsTo.add('demo-member-2');
    expect(await trigger()).toEqual({ sent: 1, noConsent: 10, failed: 1 });
    expect(
      b
        .docs('reminderLog')
        .filter((r) => r.activityId === id)
        .map((r) => r.memberId),
    ).toEqual(['demo-member-1']);
    expect(
      (await b.ok('org', 'subscribe', { accepted: [] }, 'demo-member-2')).quota.activityReminder,
    ).toBe(1);
  });
  it('reminds the members of each branch of their own branch’s activity only, in one run', async () => {
    const id = await setUp();
    const { id: other } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch-2',
        type: 'themeDay',
        title: '12月主题党日：学习党章',
        startAt: '2026-12-04T09:00:00+08:00',
        endAt: '2026-12-04T11:00:00+08:00',
        place: '会议室',
        agenda: ['学习党章'],
      },
      'demo-secretary-2',
    );
    await b.ok('org', 'subscribe', { accepted: ['activityReminder'] }, 'demo-secretary-2');
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    expect(await trigger()).toEqual({ sent: 3, noConsent: 10, failed: 0 });
    const to = (activityId: string) =>
      outbox().then((l) => l.filter((m) => m.page.endsWith(activityId)).map((m) => m.touser));
    expect(await to(other)).toEqual(['demo-secretary-2']);
    expect((await to(id)).sort()).toEqual(['demo-member-1', 'demo-member-2']);
  });
  it('skips members on approved leave', async () => {
    const id = await setUp();
    await b.ok('activity', 'requestLeave', { activityId: id, reason: '出差' }, 'demo-member-2');
    await b.ok(
      'activity',
      'decideLeave',
      { activityId: id, memberId: 'demo-member-2', approve: true },
      'demo-secretary',
    );
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    expect((await trigger()).sent).toBe(1);
  });
});

describe('the timer only [PRIV-22]', () => {
  const timerEvent = { Type: 'Timer', TriggerName: 'daily', Time: '2026-12-03T00:00:00Z' };
  it('refuses a call that carries an OPENID, or none without the timer, and runs nothing', async () => {
    await setUp();
    b.emulator.clock.freeze(Date.parse('2026-12-03T08:00:00+08:00'));
    const before = snapshot(b);
    for (const openid of ['demo-secretary', 'demo-member-1', 'wx-stranger', undefined]) {
      const res = await b.emulator.host.invoke('scheduler', timerEvent, openid);
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-22' } },
      });
    }
    // An OPENID refuses even a call that claims the trigger's source.
    expect(
      await b.emulator.host.invoke('scheduler', timerEvent, 'demo-secretary', 'wx_trigger'),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    // The trigger's source without a timer event is not a timer run either.
    expect(
      await b.emulator.host.invoke('scheduler', { action: 'run' }, undefined, 'wx_trigger'),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(snapshot(b)).toBe(before);
    expect(await trigger()).toMatchObject({ sent: 2 });
  });
});
