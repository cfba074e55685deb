import { Backend, startBackend } from '../support/backend';

/**
 * The rectification reminders of the daily scheduler (template `workAlert`) [APR-18]: whoever
 * reports for an item is told before a progress report is due, once it is overdue and once the
 * item is past its deadline, with consent and once each [PRIV-10].
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
const M1 = 'demo-member-1';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));

async function trigger(): Promise<{ sent: number; noConsent: number; failed: number }> {
  const res = await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' });
  const body = (await res.json()) as { ok: boolean; data: { rectification: any } };
  expect(body.ok).toBe(true);
  return body.data.rectification;
}
const sent = async () =>
  ((await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[])
    .filter((m) => String(m.page).includes('rectification'))
    .map((m) => [m.touser as string, m.data.thing1.value as string, m.data.thing3.value as string]);
async function consent(members: string[], n = 6) {
  for (const m of members)
    for (let i = 0; i < n; i++) await b.ok('org', 'subscribe', { accepted: ['workAlert'] }, m);
}
const add = (extra: object) =>
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
    SEC,
  );

describe('rectification reminders [APR-18]', () => {
  it('tells the owner 15 days before a quarterly report is due, once it is overdue, and once the item is late — never twice [APR-18, PRIV-10]', async () => {
    await consent([M1]);
    await add({});
    expect(await trigger()).toEqual({ sent: 0, noConsent: 0, failed: 0 }); // 2026-12-01: not yet
    at('2027-03-20T00:30:00Z');
    expect((await trigger()).sent).toBe(1);
    expect(await trigger()).toEqual({ sent: 0, noConsent: 0, failed: 0 });
    at('2027-04-02T00:30:00Z');
    expect((await trigger()).sent).toBe(2);
    expect(await sent()).toEqual([
      [M1, '请报告整改进展', '参加组织生活不够经常'],
      [M1, '整改进展未按时报告', '参加组织生活不够经常'],
      [M1, '整改已过期限', '参加组织生活不够经常'],
    ]);
  });

  it('tells the secretary for the 支部班子’s item, and nobody once the report is in [APR-18]', async () => {
    await consent([SEC, M1]);
    const { itemId } = await add({
      ownerKind: 'committee',
      ownerId: undefined,
      deadline: '2027-12-31',
    });
    at('2027-05-20T00:30:00Z'); // the 班子 reports within 6 months: by 2027-06-01
    expect((await trigger()).sent).toBe(1);
    expect((await sent()).map((m) => m[0])).toEqual([SEC]);
    await b.ok(
      'appraisal',
      'reportRectification',
      { orgId: ORG, year: 2026, itemId, on: '2027-05-20', text: '已向党员通报' },
      SEC,
    );
    at('2027-06-05T00:30:00Z');
    expect((await trigger()).sent).toBe(0);
  });
});
