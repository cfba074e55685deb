import { readFileSync } from 'fs';
import { join } from 'path';
import { Backend, snapshot, startBackend } from '../support/backend';
import { found } from '../support/narrow';
import type { ActionInput } from '../../miniprogram/services/types';

type SettingKey = ActionInput<'org', 'setSetting'>['key'];

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
const ORG = 'demo-organizer';
const BRANCH = 'demo-branch';

const setBase = (memberId: string, baseFen = 400000, fromMonth = '2026-01', year = 2026) =>
  b.ok('dues', 'setBase', { memberId, year, category: 'salaried', baseFen, fromMonth }, ORG);
const pay = (memberId: string, month: string, amountFen = 4000, extra: object = {}) =>
  b.ok('dues', 'pay', { memberId, month, amountFen, ...extra }, ORG);
const setting = (key: SettingKey, value: boolean | number | string) =>
  b.ok('org', 'setSetting', { orgId: BRANCH, key, value, reason: '支委会研究决定' }, SEC);

describe('paying ahead: monthly or, with the branch’s consent, quarterly [FEE-22]', () => {
  it('refuses a later month while the branch collects monthly, changing nothing [FEE-22]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-07-03T09:00:00+08:00'));
    await setBase('demo-member-1');
    const before = snapshot(b);
    const e = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-08', amountFen: 4000 },
      ORG,
    );
    expect(e.code).toBe('INPUT.INVALID');
    expect(e.details).toMatchObject({ ruleId: 'FEE-22' });
    expect(snapshot(b)).toBe(before);
  });
  it('lets the months of the running quarter be paid ahead where the branch consents to quarterly, never beyond [FEE-22]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-07-03T09:00:00+08:00'));
    await setBase('demo-member-1');
    await setting('fee.cycle', 'quarterly');
    for (const month of ['2026-07', '2026-08', '2026-09']) await pay('demo-member-1', month);
    const beyond = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-10', amountFen: 4000 },
      ORG,
    );
    expect(beyond.details).toMatchObject({ ruleId: 'FEE-22' });
    b.emulator.clock.freeze(Date.parse('2026-09-15T09:00:00+08:00'));
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(mine.months.filter((m) => m.month >= '2026-07').map((m) => m.status)).toEqual([
      'paid',
      'paid',
      'paid',
    ]);
  });
});

describe('the running month is open, not owed [FEE-24]', () => {
  it('on 3 July counts nobody who paid every month so far as owing: arrears, completion, my dues [FEE-24]', async () => {
    await setBase('demo-member-1');
    b.emulator.clock.freeze(Date.parse('2026-07-03T09:00:00+08:00'));
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])
      await pay('demo-member-1', month);
    const arrears = await b.ok('dues', 'arrears', { orgId: BRANCH, asOf: '2026-07' }, ORG);
    expect(arrears.find((a) => a.memberId === 'demo-member-1')).toBeUndefined();
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(mine.months.map((m) => m.month)).toContain('2026-07'); // shown, to be paid this month
    expect(mine.owedMonths).toEqual([]);
    const collection = await b.ok('dues', 'collection', { orgId: BRANCH, month: '2026-07' }, ORG);
    expect(collection).toMatchObject({ due: 1, paid: 0, unpaid: 1 });
  });
  it('owes a past month not paid in full, but still not the running one [FEE-24]', async () => {
    await setBase('demo-member-1');
    b.emulator.clock.freeze(Date.parse('2026-07-03T09:00:00+08:00'));
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
      await pay('demo-member-1', month);
    await pay('demo-member-1', '2026-06', 1000);
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(mine.owedMonths).toEqual(['2026-06']);
  });
});

describe('the theme day opens the month’s collection [TD-18, FEE-26]', () => {
  it('shows members how many have paid, and the organiser who [TD-18]', async () => {
    await setBase('demo-member-1');
    await setBase('demo-member-2');
    await setBase('demo-member-3');
    await pay('demo-member-1', '2026-12');
    await pay('demo-member-2', '2026-12', 1000);
    const forMember = await b.ok(
      'dues',
      'collection',
      { orgId: BRANCH, month: '2026-12' },
      'demo-member-5',
    );
    expect(forMember).toMatchObject({
      month: '2026-12',
      due: 3,
      paid: 1,
      under: 1,
      unpaid: 1,
      collectedFen: 5000,
      lines: null,
    });
    const forOrganiser = await b.ok('dues', 'collection', { orgId: BRANCH, month: '2026-12' }, ORG);
    const lines = found(forOrganiser.lines);
    expect(lines.find((l) => l.memberId === 'demo-member-1')).toMatchObject({ status: 'paid' });
    expect(lines.find((l) => l.memberId === 'demo-member-2')).toMatchObject({
      status: 'under',
      paidFen: 1000,
    });
    expect(
      (await b.err('dues', 'collection', { orgId: BRANCH, month: '2026-12' }, 'demo-secretary-2'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
  });
  it('records cash by default and online payments with their receipt and payment time [FEE-26]', async () => {
    await setBase('demo-member-1');
    await pay('demo-member-1', '2026-11');
    const before = snapshot(b);
    const noReceipt = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-12', amountFen: 4000, method: 'online' },
      ORG,
    );
    expect(noReceipt.details).toMatchObject({ ruleId: 'FEE-26' });
    expect(snapshot(b)).toBe(before);
    await pay('demo-member-1', '2026-12', 4000, {
      method: 'online',
      receiptNo: '4200001234202612010001',
      paidAt: '2026-12-01T08:15:00+08:00',
    });
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    const payments = [...mine.payments].sort((x, y) => x.month.localeCompare(y.month));
    expect(payments.map((p) => [p.month, p.method, p.receiptNo])).toEqual([
      ['2026-11', 'cash', null],
      ['2026-12', 'online', '4200001234202612010001'],
    ]);
    expect(payments[1].paidOn).toBe('2026-12-01T00:15:00.000Z');
  });
});

describe('who pays, and where [FEE-14, FEE-20]', () => {
  it('refuses the branch or a unit as the payer: nobody pays a member’s dues for them [FEE-14]', async () => {
    await setBase('demo-member-1');
    const before = snapshot(b);
    for (const proxyName of ['第一党支部', '支部垫交', '示范公司工会']) {
      const e = await b.err(
        'dues',
        'pay',
        { memberId: 'demo-member-1', month: '2026-12', amountFen: 4000, proxyName },
        ORG,
      );
      expect([e.code, e.details]).toEqual([
        'INPUT.INVALID',
        expect.objectContaining({ ruleId: 'FEE-14' }),
      ]);
    }
    expect(snapshot(b)).toBe(before);
    await pay('demo-member-1', '2026-12', 4000, { proxyName: '李明（配偶）' });
  });
  it('offers no action that demands 特殊党费 or deducts dues automatically [FEE-14]', async () => {
    const source = readFileSync(join(__dirname, '../../cloudfunctions/dues/index.ts'), 'utf8');
    const routes = [...source.matchAll(/^\s+(\w+),$/gm)].map((m) => m[1]);
    expect(routes).toContain('pay');
    expect(routes.filter((r) => /deduct|special|withhold|auto|advance/i.test(r))).toEqual([]);
  });
  it('records a 活动证 holder’s payment at the 流入地 once, so they are not billed twice; refuses it for others [FEE-20]', async () => {
    await setBase('demo-mobile');
    await setBase('demo-member-1');
    await pay('demo-mobile', '2026-11', 4000, { paidAtOrg: '深圳市龙华区流动党员党支部' });
    const arrears = await b.ok('dues', 'arrears', { orgId: BRANCH, asOf: '2026-11' }, ORG);
    expect(found(arrears.find((a) => a.memberId === 'demo-mobile')).unpaidMonths).not.toContain(
      '2026-11',
    );
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-mobile');
    expect(mine.payments[0].paidAtOrg).toBe('深圳市龙华区流动党员党支部');
    const before = snapshot(b);
    const e = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 4000, paidAtOrg: '别的支部' },
      ORG,
    );
    expect(e.details).toMatchObject({ ruleId: 'FEE-20' });
    // the branch holding the membership records it: another branch's organiser may not
    expect(
      (
        await b.err(
          'dues',
          'pay',
          { memberId: 'demo-mobile', month: '2026-12', amountFen: 4000 },
          'demo-secretary-2',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
  });
});

describe('one category a month [FEE-01]', () => {
  it('refuses a category outside the list, changing nothing, and keeps one category in force per month [FEE-01]', async () => {
    const before = snapshot(b);
    const e = await b.err(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'volunteer', baseFen: 400000 },
      ORG,
    );
    expect(e.code).toBe('INPUT.INVALID');
    expect(snapshot(b)).toBe(before);
    await setBase('demo-member-1');
    await b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-1',
        year: 2026,
        category: 'retired',
        baseFen: 400000,
        fromMonth: '2026-01',
      },
      ORG,
    );
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(mine.category).toBe('retired');
    expect(new Set(mine.months.map((m) => m.dueFen))).toEqual(new Set([2000])); // 0.5% of 4000
  });
});
