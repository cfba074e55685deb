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

describe('the salaried base from pay items [FEE-02, FEE-03, FEE-04]', () => {
  const wages = {
    items: [
      { kind: 'postWage', amountFen: 300000 },
      { kind: 'allowance', amountFen: 150000 },
      { kind: 'performance', amountFen: 100000 },
      { kind: 'remoteAreaAllowance', amountFen: 80000 },
      { kind: 'reformAllowance', amountFen: 50000 },
      { kind: 'socialInsuranceAllowance', amountFen: 20000 },
    ],
    incomeTaxFen: 20000,
    ownContributionsFen: 60000,
  } satisfies ActionInput<'dues', 'calculate'>['wages'];
  it('takes the included items minus income tax; excluded items never count [FEE-02, FEE-03]', async () => {
    const r = await b.ok('dues', 'calculate', { category: 'salaried', wages }, 'demo-member-1');
    expect(r).toMatchObject({ baseFen: 530000, rate: 150, monthlyFen: 7950 });
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', wages },
      ORG,
    );
    expect(found(b.docs('duesBases').find((d) => d.memberId === 'demo-member-1')).baseFen).toBe(
      530000,
    );
  });
  it('deducts the member’s own social insurance only where the branch chose to [FEE-04]', async () => {
    await setting('fee.deductSocialInsurance', true);
    const r = await b.ok('dues', 'calculate', { category: 'salaried', wages }, 'demo-member-1');
    expect(r).toMatchObject({ baseFen: 470000, rate: 100, monthlyFen: 4700 });
  });
  it('refuses pay items for a category whose base is not wages [FEE-02]', async () => {
    const e = await b.err('dues', 'calculate', { category: 'retired', wages }, 'demo-member-1');
    expect(e.details).toMatchObject({ ruleId: 'FEE-02' });
  });
});

describe('hardship reduction and waiver [FEE-11]', () => {
  const relief = {
    memberId: 'demo-member-1',
    year: 2026,
    fromMonth: '2026-03',
    toMonth: '2026-05',
    monthlyFen: 0,
    branchDecision: '2026年2月支委会研究同意免交',
    approvalId: '示范党委〔2026〕3号',
  };
  it('refuses without the branch decision or the 上一级党委 approval, changing nothing [FEE-11]', async () => {
    await setBase('demo-member-1');
    const before = snapshot(b);
    for (const missing of ['branchDecision', 'approvalId']) {
      const rest = Object.fromEntries(Object.entries(relief).filter(([k]) => k !== missing));
      const e = await b.err('dues', 'relieve', rest, ORG);
      expect([e.code, e.details]).toEqual([
        'DUES.APPROVAL_REQUIRED',
        expect.objectContaining({ ruleId: 'FEE-11' }),
      ]);
    }
    expect(snapshot(b)).toBe(before);
  });
  it('counts the approved months as paid, and the amount returns after them [FEE-11]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-07-03T09:00:00+08:00'));
    await setBase('demo-member-1');
    for (const month of ['2026-01', '2026-02']) await pay('demo-member-1', month);
    expect(await b.ok('dues', 'relieve', relief, ORG)).toMatchObject({ resumesFen: 4000 });
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    const status = Object.fromEntries(mine.months.map((m) => [m.month, m.status]));
    expect([status['2026-03'], status['2026-04'], status['2026-05']]).toEqual([
      'paid',
      'paid',
      'paid',
    ]);
    expect(status['2026-06']).toBe('unpaid');
    expect(mine.owedMonths[0]).toBe('2026-06');
    const log = found(b.docs('auditLogs').find((a) => a.action === 'dues.relieve'));
    expect(log.after).toMatchObject({ approvalId: '示范党委〔2026〕3号' });
    expect(
      (await b.err('dues', 'relieve', { ...relief, memberId: 'demo-organizer' }, ORG)).details,
    ).toMatchObject({ ruleId: 'PRIV-21' });
  });
});

describe('the annual 核定 and its 核算表 [FEE-17, FEE-18]', () => {
  it('alerts after the due date, listing members without a confirmed amount; the setting moves the date [FEE-17]', async () => {
    await setBase('demo-member-1');
    b.emulator.clock.freeze(Date.parse('2026-03-20T09:00:00+08:00'));
    const early = await b.ok('dues', 'assessment', { orgId: BRANCH, year: 2026 }, ORG);
    expect(early.dueBy).toBe('2026-03-31');
    expect(early.alerts).toEqual([]);
    expect(early.missing.map((m) => m.memberId)).not.toContain('demo-member-1');
    b.emulator.clock.freeze(Date.parse('2026-04-01T09:00:00+08:00'));
    const late = await b.ok('dues', 'assessment', { orgId: BRANCH, year: 2026 }, ORG);
    expect(late.alerts.map((a) => a.ruleId)).toEqual(['FEE-17', 'FEE-17']);
    expect(late.alerts[0].message).toContain('3月31日');
    await setting('fee.assessmentDue', 4);
    const moved = await b.ok('dues', 'assessment', { orgId: BRANCH, year: 2026 }, ORG);
    expect([moved.dueBy, moved.alerts]).toEqual(['2026-04-30', []]);
  });
  it('files the sheet; the superior must review it before forwarding it [FEE-17, FEE-18]', async () => {
    await setBase('demo-member-1', 510000);
    const filed = await b.ok('dues', 'fileSheet', { orgId: BRANCH, year: 2026 }, ORG);
    expect(filed.status).toBe('filed');
    const before = snapshot(b);
    const unreviewed = await b.err(
      'dues',
      'forwardSheet',
      { orgId: BRANCH, year: 2026 },
      'demo-superior',
    );
    expect([unreviewed.code, unreviewed.details]).toEqual([
      'DUES.SHEET_UNREVIEWED',
      expect.objectContaining({ ruleId: 'FEE-18' }),
    ]);
    expect(snapshot(b)).toBe(before);
    expect(
      (await b.err('dues', 'reviewSheet', { orgId: BRANCH, year: 2026, approve: true }, SEC)).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'dues',
      'reviewSheet',
      { orgId: BRANCH, year: 2026, approve: false, note: '请补充孙丽同志的核定' },
      'demo-superior',
    );
    expect(
      (await b.err('dues', 'forwardSheet', { orgId: BRANCH, year: 2026 }, 'demo-superior')).code,
    ).toBe('DUES.SHEET_UNREVIEWED');
    await b.ok('dues', 'fileSheet', { orgId: BRANCH, year: 2026 }, ORG);
    await b.ok(
      'dues',
      'reviewSheet',
      { orgId: BRANCH, year: 2026, approve: true },
      'demo-superior',
    );
    const sent = await b.ok('dues', 'forwardSheet', { orgId: BRANCH, year: 2026 }, 'demo-superior');
    expect(sent.status).toBe('forwarded');
    const view = await b.ok('dues', 'assessment', { orgId: BRANCH, year: 2026 }, ORG);
    expect(view.sheet).toMatchObject({ status: 'forwarded' });
    expect(view.sheet?.fileId).toBe(sent.fileId);
  });
});
