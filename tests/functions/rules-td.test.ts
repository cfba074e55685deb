import { Backend, snapshot, startBackend } from '../support/backend';
import { createFridayThemeDay } from '../support/theme-day';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SUP = 'demo-superior';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const activity = (id: string) => b.docs('activities').find((a) => a._id === id);
const setting = (orgId: string, key: string, value: unknown, as = SUP) =>
  b.ok(
    'org',
    'setSetting',
    { orgId, key: key as never, value: value as never, reason: '支委会研究决定' },
    as,
  );
describe('theme-day dates [TD-04, TD-05, TD-06]', () => {
  it('plans no theme day on 元旦 or in 国庆 and uses the committee’s own holiday calendar [TD-04]', async () => {
    const p = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    const days = p.items.filter((i) => i.type === 'themeDay');
    expect(days.map((i) => i.date)).not.toContain('2027-01-01');
    expect(days.find((i) => i.date.startsWith('2027-01'))).toMatchObject({
      date: '2027-01-04',
      movedFrom: '2027-01-01',
    });
    expect(p.provisionalCalendar).toBe(true);
    // the committee enters the State Council's arrangement: 10月1日至7日放假
    const holidays = [
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ];
    const data = {
      orgId: 'demo-committee',
      year: 2027,
      holidays,
      workdays: ['2027-09-26'],
      reason: '国务院办公厅通知',
    };
    expect((await b.err('activity', 'setHolidays', data, SEC)).code).toBe('AUTH.FORBIDDEN');
    await b.ok('activity', 'setHolidays', data, SUP);
    const after = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    const oct = after.items.find((i) => i.type === 'themeDay' && i.date.startsWith('2027-10'));
    expect(oct).toMatchObject({ date: '2027-10-08', movedFrom: '2027-10-01' });
    expect(after.provisionalCalendar).toBe(false);
    // what the plan proposes can be published as it is
    await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: after.items },
      SEC,
    );
  });

  it('moves a theme day inside its month with the reason recorded, and warns when it leaves the month [TD-04]', async () => {
    const id = await createFridayThemeDay(b);
    const moved = await b.ok(
      'activity',
      'reschedule',
      {
        activityId: id,
        startAt: '2026-12-11T15:00:00+08:00',
        endAt: '2026-12-11T17:00:00+08:00',
        reason: '书记参加县委全会',
      },
      SEC,
    );
    expect(moved.warnings).toEqual([]);
    expect(activity(id).reschedules).toMatchObject([{ reason: '书记参加县委全会', by: SEC }]);
    expect(b.docs('auditLogs').find((e) => e.action === 'activity.reschedule')).toMatchObject({
      entityId: id,
      reason: '书记参加县委全会',
    });
    const out = await b.ok(
      'activity',
      'reschedule',
      {
        activityId: id,
        startAt: '2027-01-08T15:00:00+08:00',
        endAt: '2027-01-08T17:00:00+08:00',
        reason: '年底工作忙',
      },
      SEC,
    );
    expect(out.warnings).toMatchObject([{ ruleId: 'TD-04', kind: 'otherMonth' }]);
    // held in January, it counts for January, and December stays without one
    at('2027-01-08T15:30:00+08:00');
    await b.ok(
      'activity',
      'setAttendance',
      { activityId: id, memberId: 'demo-member-1', status: 'present', reason: '现场点名' },
      SEC,
    );
    await b.ok('activity', 'close', { activityId: id }, SEC);
    await b.ok('activity', 'record', { activityId: id, minutes: '集中交纳党费，学习讨论。' }, SEC);
    at('2027-02-02T09:00:00+08:00');
    const c2026 = await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(c2026.items.find((i) => i.type === 'themeDay')!.missing).toContain('2026-12');
    const c2027 = await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2027 }, SEC);
    expect(c2027.items.find((i) => i.type === 'themeDay')!.missing).not.toContain('2027-01');
  });

  it('lets the superior fix the schedule for every branch; a locked branch cannot change it [TD-05]', async () => {
    const id = await createFridayThemeDay(b);
    const rule = { kind: 'nthWeekday', n: 2, weekday: 3 } as const;
    expect(
      (
        await b.err(
          'activity',
          'setSchedule',
          { orgId: 'demo-committee', rule, allBranches: true, lock: true },
          SEC,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'activity',
      'setSchedule',
      { orgId: 'demo-committee', rule, allBranches: true, lock: true },
      SUP,
    );
    for (const orgId of ['demo-branch', 'demo-branch-2'])
      expect(b.docs('orgs').find((o) => o._id === orgId).settings).toMatchObject({
        schedule: rule,
        td: { scheduleLockedBySuperior: true },
      });
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'setSchedule',
      { orgId: 'demo-branch', rule: { kind: 'firstFriday' } },
      SEC,
    );
    expect(e).toMatchObject({ code: 'ACTIVITY.SCHEDULE_LOCKED', details: { ruleId: 'TD-05' } });
    const move = {
      activityId: id,
      startAt: '2026-12-10T15:00:00+08:00',
      endAt: '2026-12-10T17:00:00+08:00',
      reason: '改期',
    };
    expect((await b.err('activity', 'reschedule', move, SEC)).details.ruleId).toBe('TD-05');
    const p = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    const shifted = p.items.map((i) =>
      i.type === 'themeDay' ? { ...i, date: i.date.slice(0, 8) + '20' } : i,
    );
    expect(
      (
        await b.err(
          'activity',
          'publishPlan',
          { orgId: 'demo-branch', year: 2027, items: shifted },
          SEC,
        )
      ).details.ruleId,
    ).toBe('TD-05');
    expect(
      (
        await b.err(
          'org',
          'setSetting',
          {
            orgId: 'demo-branch',
            key: 'td.scheduleLockedBySuperior',
            value: false,
            reason: '自己定',
          },
          SEC,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
    // the superior's plan days are still open to the branch, and the superior may move a date
    await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: p.items },
      SEC,
    );
    await b.ok('activity', 'reschedule', move, SUP);
    // unlocked, the branch sets its own rule again
    await setting('demo-branch', 'td.scheduleLockedBySuperior', false);
    await b.ok(
      'activity',
      'setSchedule',
      { orgId: 'demo-branch', rule: { kind: 'firstFriday' } },
      SEC,
    );
  });

  it('flags a year plan not filed with the superior before the first theme day [TD-06]', async () => {
    const alerts = async () =>
      (await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC)).alerts;
    expect(await alerts()).toEqual([]);
    at('2027-01-05T09:00:00+08:00');
    expect(await alerts()).toMatchObject([
      { ruleId: 'TD-06', kind: 'planNotFiled', date: '2027-01-04' },
    ]);
    const p = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: p.items },
      SEC,
    );
    expect(await alerts()).toMatchObject([{ ruleId: 'TD-06', kind: 'planFiledLate' }]);
    // filed in time (first publication), a later republication does not make it late
    await b.reset('demo');
    const early = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: early.items },
      SEC,
    );
    at('2027-01-05T09:00:00+08:00');
    await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: early.items },
      SEC,
    );
    expect(await alerts()).toEqual([]);
  });
});

describe('templates [TD-13]', () => {
  it('gives a 离退休 branch that chooses it a short morning theme day of study and dues [TD-13]', async () => {
    const day = async () =>
      (await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC)).items.find(
        (i) => i.type === 'themeDay',
      )!;
    expect((await day()).agenda).toContain('组织学习讨论'); // hunan, the branch's profile
    await setting('demo-branch', 'td.template', 'retired', SEC);
    expect(await day()).toMatchObject({
      agenda: ['学习讨论', '集中交纳党费'],
      startTime: '09:30',
      endTime: '10:30',
    });
  });
});

describe('评先评优 [TD-26]', () => {
  it('lists members with an unexcused theme-day absence only where the branch switched it on [TD-26]', async () => {
    const off = await b.ok('activity', 'honours', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(off).toMatchObject({ enabled: false, members: [], ruleId: 'TD-26' });
    await setting('demo-branch', 'td.absenceRemovesHonours', true, SEC);
    const on = await b.ok('activity', 'honours', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(on.members).toEqual([
      { memberId: 'demo-member-7', name: expect.any(String), activityIds: ['demo-theme-day-last'] },
    ]);
    expect(
      (await b.err('activity', 'honours', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
  });
});
