import { Backend, startBackend } from '../support/backend';

/**
 * The scheduler's 工作提醒 (template `workAlert`): each alert a rule names goes to the people who
 * must act, with their consent, once per occurrence.
 */
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

const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const trigger = async () => {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  return ((await res.json()) as any).data.alerts;
};
const outbox = async () =>
  ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[])
    .filter((m) => m.templateId === 'local-workAlert')
    .map((m) => ({
      to: m.touser as string,
      page: m.page as string,
      what: m.data.thing1.value as string,
      org: m.data.thing2.value as string,
      hint: m.data.thing3.value as string,
    }));
/** n one-time grants of the 工作提醒 template (one accept = one message). */
async function consent(members: string[], n = 10) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}
const SEC = 'demo-secretary';
const SEC2 = 'demo-secretary-2';
const SUP = 'demo-superior';
const B1 = '机关第一党支部';
const B2 = '机关第二党支部';

describe('a month without a theme day [TD-01]', () => {
  it('alerts the branch and its superior on day 1 of the next month, once, and retries without consent [TD-01] [PRIV-10]', async () => {
    // No consent yet: nothing is sent, nothing is claimed.
    expect((await trigger())['TD-01']).toEqual({ sent: 0, noConsent: 2, failed: 0 });
    expect(await outbox()).toEqual([]);
    await consent([SEC, SEC2, SUP]);
    expect((await trigger())['TD-01']).toEqual({ sent: 2, noConsent: 0, failed: 0 });
    const td01 = (await outbox()).filter((m) => m.what.includes('未开展主题党日'));
    expect(td01.map((m) => [m.to, m.org, m.what]).sort()).toEqual([
      [SEC2, B2, '11月未开展主题党日'],
      [SUP, B2, '11月未开展主题党日'],
    ]); // demo-branch held and recorded its November theme day
    expect(td01[0].page).toBe('subpackages/activity/compliance/index');
    // A second run the same day, and the next day, send nothing twice.
    expect((await trigger())['TD-01']).toEqual({ sent: 0, noConsent: 0, failed: 0 });
    at('2026-12-02T08:00:00+08:00');
    expect((await trigger())['TD-01'].sent).toBe(0);
  });
});

describe('term expiry [ORG-19, ORG-22]', () => {
  it('reminds the branch and its superior at −6 and −1 months, and once a month after the term ended [ORG-19, ORG-22]', async () => {
    await consent([SEC, SEC2, SUP]);
    const run = await trigger();
    expect(run['ORG-19']).toMatchObject({ sent: 4 });
    const sent = await outbox();
    expect(sent.filter((m) => m.what.startsWith('任期将于')).map((m) => [m.to, m.org])).toEqual(
      expect.arrayContaining([
        [SEC, B1], // term ends 2027-06-01: six months ahead
        [SUP, B1],
        [SEC2, B2], // term ends 2026-12-01
        [SUP, B2],
      ]),
    );
    expect((await trigger())['ORG-19'].sent).toBe(0);
    at('2026-12-02T08:00:00+08:00');
    const over = await trigger();
    expect(over['ORG-22']).toMatchObject({ sent: 2 });
    expect(
      (await outbox())
        .filter((m) => m.what.startsWith('任期已于'))
        .map((m) => m.to)
        .sort(),
    ).toEqual([SEC2, SUP]);
    at('2026-12-20T08:00:00+08:00');
    expect((await trigger())['ORG-22'].sent).toBe(0); // once a month while it stands
    at('2027-01-02T08:00:00+08:00');
    expect((await trigger())['ORG-22'].sent).toBe(2);
  });
});

describe('inactivity [FORT-22]', () => {
  it('turns a branch yellow after 30 days without a record, shows it on the compliance page and alerts the superior [FORT-22]', async () => {
    await consent([SEC, SEC2, SUP]);
    const shown = async (orgId: string) =>
      (await b.ok('activity', 'compliance', { orgId, year: 2026 }, SUP)).inactivity;
    at('2026-12-30T08:00:00+08:00'); // demo-branch-2 was set up on 12-01: 29 days
    expect(await shown('demo-branch-2')).toMatchObject({ inactive: false, days: 29 });
    expect((await trigger())['FORT-22'].sent).toBe(2); // demo-branch: last record 11-07
    expect((await outbox()).filter((m) => m.org === B2 && /组织生活/.test(m.what))).toEqual([]);
    at('2026-12-31T08:00:00+08:00');
    expect(await shown('demo-branch-2')).toMatchObject({
      ruleId: 'FORT-22',
      inactive: true,
      days: 30,
      hasRecord: false,
    });
    expect((await trigger())['FORT-22'].sent).toBe(2);
    const quiet = (await outbox()).filter((m) => m.org === B2 && /组织生活/.test(m.what));
    expect(quiet.map((m) => m.to).sort()).toEqual([SEC2, SUP]);
    expect(quiet[0].what).toBe('成立30天尚无组织生活记录');
    expect((await trigger())['FORT-22'].sent).toBe(0);
  });
  it('follows the superior’s fort.inactiveDays [FORT-22]', async () => {
    at('2026-12-31T08:00:00+08:00');
    await b.ok(
      'org',
      'setSetting',
      { orgId: 'demo-branch-2', key: 'fort.inactiveDays', value: 60, reason: '新建支部，首月筹备' },
      SUP,
    );
    const c = await b.ok('activity', 'compliance', { orgId: 'demo-branch-2', year: 2026 }, SUP);
    expect(c.inactivity).toMatchObject({ inactive: false, limit: 60 });
  });
});

describe('the early warning of theme-day absences [TD-23, TD-24]', () => {
  async function closeDecember() {
    at('2026-12-01T13:00:00+08:00');
    await b.ok('activity', 'close', { activityId: 'demo-theme-day' }, SEC);
  }
  it('warns the member and the secretary after 2 in a row, before the TD-22 flag, once per run [TD-23]', async () => {
    await consent([SEC, 'demo-member-7', 'demo-member-1']);
    await closeDecember(); // demo-member-7 was absent in November too
    const alerts = await b.ok('activity', 'alerts', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(alerts.filter((a) => a.memberId === 'demo-member-7')).toEqual([
      expect.objectContaining({ kind: 'consecutiveWarning', count: 2, ruleId: 'TD-23' }),
    ]);
    expect(alerts.some((a) => a.memberId === 'demo-member-1')).toBe(false); // present in November
    expect((await trigger())['TD-23']).toEqual({ sent: 2, noConsent: 0, failed: 0 });
    const sent = (await outbox()).filter((m) => m.what.includes('主题党日'));
    expect(sent.map((m) => [m.to, m.what])).toEqual(
      expect.arrayContaining([
        ['demo-member-7', '您连续2次未参加主题党日'],
        [SEC, '徐强连续2次未参加主题党日'],
      ]),
    );
    expect(sent.find((m) => m.to === SEC)!.hint).toContain('谈心谈话');
    expect((await trigger())['TD-23'].sent).toBe(0);
  });
  it('counts the year the branch chose: calendar year or the last 12 months [TD-24]', async () => {
    await closeDecember();
    at('2027-01-10T09:00:00+08:00');
    const warned = async () =>
      (await b.ok('activity', 'alerts', { orgId: 'demo-branch', year: 2027 }, SEC)).some(
        (a) => a.memberId === 'demo-member-7' && a.ruleId === 'TD-23',
      );
    expect(await warned()).toBe(false); // a new calendar year starts from zero
    await b.ok(
      'org',
      'setSetting',
      {
        orgId: 'demo-branch',
        key: 'td.absenceYear',
        value: 'rolling12',
        reason: '支委会决定按最近12个月统计',
      },
      SEC,
    );
    expect(await warned()).toBe(true);
  });
});

describe('arrears [FEE-23, FEE-24]', () => {
  it('tells the member and the dues keeper only, once per newest owed month [FEE-23, FEE-24]', async () => {
    await consent([SEC, 'demo-member-3', 'demo-organizer', 'demo-member-1']);
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-3', year: 2026, category: 'salaried', baseFen: 400000 },
      'demo-organizer',
    );
    const run = await trigger();
    expect(run['FEE-23']).toEqual({ sent: 2, noConsent: 0, failed: 0 });
    expect(run['FEE-24']).toEqual({ sent: 1, noConsent: 0, failed: 0 });
    const dues = (await outbox()).filter((m) => m.what.includes('党费'));
    expect(dues.map((m) => [m.to, m.what]).sort()).toEqual([
      ['demo-member-3', '已连续11个月未交纳党费'],
      ['demo-organizer', '1名党员党费未交清'],
      ['demo-organizer', '1名党员连续6个月未交党费'],
    ]); // nobody else hears of it, and the keeper gets a count, not a name
    expect((await trigger())['FEE-23'].sent).toBe(0);
  });
});

describe('stale disclosure [DIS-07]', () => {
  it('alerts the maintainer at 30 days and the secretary and the superior at 60 [DIS-07]', async () => {
    // The demo branches were set up at the demo instant (12-01 09:00) and have published nothing.
    await consent([SEC, SUP, 'demo-organizer']);
    at('2026-12-30T10:00:00+08:00');
    expect((await trigger())['DIS-07'].sent).toBe(0);
    at('2026-12-31T10:00:00+08:00');
    await trigger();
    const first = (await outbox()).filter((m) => m.page === 'subpackages/notice/list/index');
    expect(first.filter((m) => m.org === B1).map((m) => m.to)).toEqual([SEC]); // no named maintainer: the secretary
    at('2027-01-30T10:00:00+08:00');
    await trigger();
    const second = (await outbox()).filter(
      (m) => m.page === 'subpackages/notice/list/index' && m.org === B1,
    );
    expect(second.map((m) => m.to).sort()).toEqual([SEC, SEC, SUP]);
  });
});
