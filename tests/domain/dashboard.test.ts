import {
  GridFacts,
  gridCells,
  gridTotals,
  missingThemeDayMonths,
  rankOf,
} from '../../cloudfunctions/_shared/domain/org/dashboard';
import {
  arrearsAlert,
  inactiveAlert,
  lateRecordsAlert,
  missingMonthAlert,
  spotCheckAlert,
  staleDisclosureAlert,
  termAlertsOf,
} from '../../cloudfunctions/_shared/domain/org/dashboard-alerts';
import { termAlerts } from '../../cloudfunctions/_shared/domain/org/term';

/** The grid's cells from plain facts, on the demo day 2026-12-01 (December is running). */
const TODAY = '2026-12-01';
const months = (ms: number[]) => ms.map((m) => `2026-${String(m).padStart(2, '0')}`);
const base = (over: Partial<GridFacts> = {}): GridFacts => ({
  year: 2026,
  today: TODAY,
  foundedOn: '2020-01-01',
  required: [
    { type: 'themeDay', frequency: 'monthly', missing: months([3]) },
    { type: 'branchAssembly', frequency: 'quarterly', missing: ['2026-Q2'] },
    { type: 'partyLecture', frequency: 'quarterly', missing: [] },
    { type: 'orgLifeMeeting', frequency: 'yearlyQ4', missing: [] },
  ],
  counted: [
    ...months([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]).map((m) => ({
      type: 'themeDay' as const,
      date: `${m}-05`,
    })),
    { type: 'branchAssembly', date: '2026-02-10' },
    { type: 'branchAssembly', date: '2026-08-10' },
    { type: 'branchAssembly', date: '2026-11-10' },
    { type: 'partyLecture', date: '2026-03-01' },
    { type: 'partyLecture', date: '2026-05-01' },
    { type: 'partyLecture', date: '2026-09-01' },
  ],
  dues: [],
  disclosureMonths: new Set(),
  filings: [],
  ...over,
});

describe('activity cells', () => {
  it('holds a month with a counted theme day, misses an ended one without, and is due while running [TD-01, MTG-08]', () => {
    const c = gridCells(base());
    expect(c.themeDay['2026-01']).toBe('held');
    expect(c.themeDay['2026-03']).toBe('missing');
    expect(c.themeDay['2026-12']).toBe('due');
    expect(gridTotals(c).themeDay).toEqual({ held: 10, required: 11 });
    expect(missingThemeDayMonths(c)).toEqual(['2026-03']);
  });
  it('judges the 党员大会 by quarter and the 党课 by its frequency, the running quarter held once held [MTG-01, MTG-04, MTG-05]', () => {
    const c = gridCells(base());
    expect(c.branchAssembly).toEqual({
      '2026-Q1': 'held',
      '2026-Q2': 'missing',
      '2026-Q3': 'held',
      '2026-Q4': 'held',
    });
    expect(c.partyLecture).toEqual({
      '2026-Q1': 'held',
      '2026-Q2': 'held',
      '2026-Q3': 'held',
      '2026-Q4': 'due',
    });
    expect(gridTotals(c).branchAssembly).toEqual({ held: 3, required: 4 });
  });
  it('has no 支委会 without a committee and no 党小组会 without groups: one n/a cell [MTG-02, MTG-03]', () => {
    const c = gridCells(base());
    expect(c.committeeMeeting).toEqual({ '2026': 'n/a' });
    expect(c.groupMeeting).toEqual({ '2026': 'n/a' });
    expect(gridTotals(c).committeeMeeting).toEqual({ held: 0, required: 0 });
  });
  it('adds the 七一 lecture where it is on, beside the quarters [MTG-06]', () => {
    const c = gridCells(
      base({
        required: [
          { type: 'partyLecture', frequency: 'quarterly', missing: [] },
          { type: 'partyLecture', frequency: 'julyFirst', missing: ['2026-七一'] },
        ],
      }),
    );
    expect(c.partyLecture['2026-七一']).toBe('missing');
    expect(c.partyLecture['2026-Q3']).toBe('held');
  });
  it('makes the periods that ended before the branch was set up n/a [MTG-08]', () => {
    const c = gridCells(
      base({
        foundedOn: '2026-06-15',
        required: [
          {
            type: 'themeDay',
            frequency: 'monthly',
            missing: months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
          },
        ],
        counted: [],
      }),
    );
    expect(months([1, 2, 3, 4, 5]).map((m) => c.themeDay[m])).toEqual(Array(5).fill('n/a'));
    expect(c.themeDay['2026-06']).toBe('missing');
    expect(gridTotals(c).themeDay.required).toBe(6);
  });
});

describe('dues, disclosure and filing cells', () => {
  it('marks a month held when everyone owing paid, missing with arrears, n/a when nobody owes, due from the running month [FEE-24]', () => {
    const c = gridCells(
      base({
        dues: [
          { month: '2026-01', owing: 0, unpaid: 0 },
          { month: '2026-02', owing: 10, unpaid: 0 },
          { month: '2026-03', owing: 10, unpaid: 1 },
          { month: '2026-12', owing: 10, unpaid: 0 },
        ],
      }),
    );
    expect([c.dues['2026-01'], c.dues['2026-02'], c.dues['2026-03']]).toEqual([
      'n/a',
      'held',
      'missing',
    ]);
    expect(c.dues['2026-12']).toBe('due');
  });
  it('marks disclosure held in a month with a notice published or updated, missing once ended without [FORT-12, DIS-07]', () => {
    const c = gridCells(base({ disclosureMonths: new Set(['2026-04']) }));
    expect([c.disclosure['2026-04'], c.disclosure['2026-05'], c.disclosure['2026-12']]).toEqual([
      'held',
      'missing',
      'due',
    ]);
  });
  it('marks records late, still in the window, on time, or none held [MTG-19]', () => {
    const c = gridCells(
      base({
        filings: [
          { month: '2026-04', onTime: true },
          { month: '2026-04', onTime: false },
          { month: '2026-05', onTime: true },
          { month: '2026-11', onTime: null },
          { month: '2026-11', onTime: true },
        ],
      }),
    );
    expect(c.recordsOnTime['2026-04']).toBe('missing');
    expect(c.recordsOnTime['2026-05']).toBe('held');
    expect(c.recordsOnTime['2026-11']).toBe('due');
    expect(c.recordsOnTime['2026-06']).toBe('n/a');
  });
});

describe('alerts', () => {
  it('TD-01 holds from the first day of the month after the first missing one [TD-01]', () => {
    expect(missingMonthAlert(['2026-03', '2026-07'])).toEqual([
      {
        kind: 'missingMonth',
        ruleId: 'TD-01',
        since: '2026-04-01',
        message: '2026年3月、7月没有开展主题党日（共2个月）',
      },
    ]);
    expect(missingMonthAlert([])).toEqual([]);
  });
  it('FORT-22 holds once the inactive days are reached [FORT-22]', () => {
    const a = inactiveAlert({
      inactive: true,
      since: '2026-10-20',
      limit: 30,
      message: '已42天没有组织生活记录',
    });
    expect(a).toEqual([
      {
        kind: 'inactive',
        ruleId: 'FORT-22',
        since: '2026-11-19',
        message: '已42天没有组织生活记录，请督促开展',
      },
    ]);
    expect(
      inactiveAlert({ inactive: false, since: '2026-11-20', limit: 30, message: null }),
    ).toEqual([]);
  });
  it('DIS-07 reaches the superior after 60 days without an update, counted from set-up when never published [DIS-07]', () => {
    expect(staleDisclosureAlert('2026-10-15', '2020-01-01', TODAY)).toEqual([]);
    expect(staleDisclosureAlert('2026-09-01', '2020-01-01', TODAY)).toEqual([
      {
        kind: 'staleDisclosure',
        ruleId: 'DIS-07',
        since: '2026-10-31',
        message: '党务公开已91天没有更新',
      },
    ]);
    expect(staleDisclosureAlert(null, '2026-11-20', TODAY)).toEqual([]);
    expect(staleDisclosureAlert(null, '2026-01-01', TODAY)[0].message).toBe('尚未发布党务公开内容');
  });
  it('term expiry holds from the day after the term ended [ORG-22, ORG-19]', () => {
    expect(termAlertsOf(termAlerts('branch', '2026-06-30', TODAY), '2026-06-30')).toEqual([
      {
        kind: 'termExpiry',
        ruleId: 'ORG-22',
        since: '2026-07-01',
        message: '任期已于2026-06-30届满，尚未换届',
      },
    ]);
    expect(termAlertsOf(termAlerts('branch', '2027-03-01', TODAY), '2027-03-01')[0]).toMatchObject({
      ruleId: 'ORG-19',
      since: null,
    });
  });
  it('arrears name the count; six months with nothing paid raise FEE-23 [FEE-23, FEE-24]', () => {
    expect(arrearsAlert({ members: 0, longRun: 0, firstMonth: null })).toEqual([]);
    expect(arrearsAlert({ members: 3, longRun: 0, firstMonth: '2026-09' })[0]).toMatchObject({
      ruleId: 'FEE-24',
      since: '2026-10-01',
      message: '3名党员有欠交党费的月份',
    });
    expect(arrearsAlert({ members: 3, longRun: 1, firstMonth: '2026-02' })[0].ruleId).toBe(
      'FEE-23',
    );
  });
  it('late records and a failed spot check are alerted [MTG-19, ORG-30]', () => {
    expect(lateRecordsAlert(2, '2026-04-12')[0]).toMatchObject({
      ruleId: 'MTG-19',
      since: '2026-04-12',
    });
    expect(lateRecordsAlert(0, null)).toEqual([]);
    expect(spotCheckAlert(true, '2026-05-10', 2026)[0]).toMatchObject({
      kind: 'spotCheckFailed',
      ruleId: 'ORG-30',
      message: '2026年抽查不合格，当年不能评为先进党支部',
    });
    expect(spotCheckAlert(false, null, 2026)).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks by 堡垒指数, equal totals by name [FORT-23]', () => {
    const r = rankOf([
      { orgId: 'a', name: '第三支部', total: 80 },
      { orgId: 'b', name: '第一支部', total: 90 },
      { orgId: 'c', name: '第二支部', total: 80 },
    ]);
    expect([r.get('b'), r.get('c'), r.get('a')]).toEqual([1, 2, 3]);
  });
});
