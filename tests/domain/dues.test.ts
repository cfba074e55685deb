import { calculateFee, firstDuesMonth } from '../../cloudfunctions/_shared/domain/dues/fee';
import {
  ARREARS_ALERT_MONTHS,
  arrearsOf,
  arrearsWindow,
  baseInForce,
  completion,
  completionMonths,
  dueIn,
  halfYearMonths,
  ledgerRows,
  MonthCell,
  monthStatus,
  monthsOf,
  nextRevision,
  publicationLines,
  shownUntil,
  yuan,
} from '../../cloudfunctions/_shared/domain/dues/ledger';
import { needsMakeUpNote, paymentOutcome } from '../../cloudfunctions/_shared/domain/dues/payment';
import { addMonths } from '../../cloudfunctions/_shared/domain/shared/time';
import {
  categoriesFor,
  checkPersonalData,
  checkStage,
  maintainerOf,
  staleness,
} from '../../cloudfunctions/_shared/domain/notice/disclosure';

const fee = (c: Parameters<typeof calculateFee>[0], base: number) => {
  const r = calculateFee(c, base);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('党费 calculation', () => {
  it('applies the salaried bands to the whole base, with the jumps at the boundaries [FEE-05, FEE-06]', () => {
    expect(fee('salaried', 300000).monthlyFen).toBe(1500);
    expect(fee('salaried', 510000).monthlyFen).toBe(7650);
    expect(fee('salaried', 490000).monthlyFen).toBe(4900);
    expect(fee('salaried', 1000000).monthlyFen).toBe(15000);
  });
  it('rounds up to the fen and keeps the exact value [FEE-12]', () => {
    expect(fee('salaried', 300001)).toEqual({ monthlyFen: 3001, rate: 100, exact: '30.0001' });
    expect(fee('salaried', 1000001)).toEqual({ monthlyFen: 20001, rate: 200, exact: '200.0002' });
  });
  it('uses the same bands for annual salaries [FEE-07]', () => {
    expect(fee('annualSalary', 510000).monthlyFen).toBe(7650);
  });
  it('charges retired members 0.5% up to 5000 yuan and 1% above [FEE-09]', () => {
    expect(fee('retired', 500000).monthlyFen).toBe(2500);
    expect(fee('retired', 500001).monthlyFen).toBe(5001);
  });
  it('bases non-monthly income on the previous quarter ÷ 3 [FEE-08]', () => {
    expect(fee('nonMonthly', 1500000).monthlyFen).toBe(5000); // 15000 ÷ 3 = 5000 yuan → 1%
    expect(fee('nonMonthly', 1500003).monthlyFen).toBe(7501); // just over → 1.5%, rounded up
  });
  it('sets 0.2 yuan for students and the like, 0.2–1 yuan for farmers [FEE-10]', () => {
    expect(fee('student', 0).monthlyFen).toBe(20);
    expect(fee('lowIncome', 999999).monthlyFen).toBe(20);
    expect(fee('farmer', 50).monthlyFen).toBe(50);
    expect(calculateFee('farmer', 200)).toMatchObject({ ok: false, ruleId: 'FEE-10' });
  });
});

describe('党务公开', () => {
  it('lists the common categories and the sector ones [DIS-01, DIS-02]', () => {
    expect(categoriesFor('organ')).toEqual(
      expect.arrayContaining(['党费缴纳', '发展党员', '重大决策部署', '财务收支']),
    );
    expect(categoriesFor('village')).toContain('惠农补贴');
  });
  it('publishes the five stages of a matter in order [DIS-03]', () => {
    expect(checkStage('提议', []).ok).toBe(true);
    expect(checkStage('决议结果', ['提议'])).toMatchObject({
      ok: false,
      code: 'NOTICE.STAGE_ORDER',
    });
    expect(checkStage('审议程序', ['提议']).ok).toBe(true);
  });
  it('refuses full ID and mobile numbers [DIS-13]', () => {
    expect(checkPersonalData('联系人：13912345678')).toMatchObject({
      ok: false,
      code: 'CONTENT.PERSONAL_DATA',
    });
    expect(checkPersonalData('正文', '名单430102198001011234.xlsx')).toMatchObject({ ok: false });
    expect(checkPersonalData('联系电话：139****5678').ok).toBe(true);
  });
  it('names the maintainer of the branch, not of another [DIS-06]', () => {
    const m = (id: string, orgId: string, role: string) => ({ id, roles: [{ orgId, role }] });
    const members = [m('a', 'b2', 'disclosureMaintainer'), m('b', 'b1', 'secretary')];
    expect(maintainerOf(members, 'b1')).toBeNull();
    expect(maintainerOf([...members, m('c', 'b1', 'disclosureMaintainer')], 'b1')?.id).toBe('c');
  });
  it('alerts the maintainer after 30 days and the secretary after 60 [DIS-07]', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(staleness(new Date('2026-11-15T00:00:00Z'), now).level).toBe('ok');
    expect(staleness(new Date('2026-10-31T00:00:00Z'), now)).toEqual({
      days: 31,
      level: 'maintainer',
    });
    expect(staleness(new Date('2026-09-01T00:00:00Z'), now).level).toBe('secretary');
  });
});

describe('预备党员 dues', () => {
  it('start from the month of the accepting assembly [FEE-15]', () => {
    expect(firstDuesMonth('2026-01', { status: 'probationary', joinedAt: '2026-05-18' })).toBe(
      '2026-05',
    );
    expect(firstDuesMonth('2026-07', { status: 'probationary', joinedAt: '2026-05-18' })).toBe(
      '2026-07',
    );
    expect(firstDuesMonth('2026-01', { status: 'full', joinedAt: '2026-05-18' })).toBe('2026-01');
  });
});

const paid = (month: string, dueFen: number, paidFen: number): MonthCell => ({
  month,
  dueFen,
  paidFen,
  status: monthStatus(dueFen, paidFen),
});
const run = (statuses: string, from = '2026-01') =>
  [...statuses].map((s, i) => {
    const month = addMonths(`${from}-01`, i).slice(0, 7);
    return s === 'n'
      ? { month, dueFen: 0, paidFen: 0, status: 'notDue' as const }
      : paid(month, 1000, s === 'p' ? 1000 : s === 'u' ? 400 : 0);
  });

describe('党费 ledger', () => {
  it('takes the base in force from its month on, the later one winning [FEE-16, FEE-19]', () => {
    const bases = [
      { memberId: 'a', fromMonth: '2026-07', monthlyFen: 9000 },
      { memberId: 'a', fromMonth: '2026-01', monthlyFen: 7650 },
    ];
    expect(dueIn(bases, '2026-06')).toBe(7650);
    expect(dueIn(bases, '2026-07')).toBe(9000);
    expect(dueIn(bases.slice(0, 1), '2026-06')).toBeNull();
  });
  it('applies a mid-year change from its effective month; the earlier months keep the old amount [FEE-16, FEE-19]', () => {
    const history = [
      { memberId: 'a', fromMonth: '2026-01', monthlyFen: 7650, revision: 1 },
      { memberId: 'a', fromMonth: '2026-07', monthlyFen: 9000, revision: 2 },
    ];
    const [row] = ledgerRows([{ _id: 'a', name: '甲' }], history, [], monthsOf(2026, '2026-12'));
    expect(row.months.slice(0, 6).every((m) => m.dueFen === 7650)).toBe(true);
    expect(row.months.slice(6).every((m) => m.dueFen === 9000)).toBe(true);
    expect(row.dueFen).toBe(6 * 7650 + 6 * 9000);
    expect(row.monthlyFen).toBe(9000);
  });
  it('keeps every 核定 entry: of two from the same month the later revision is in force [FEE-19]', () => {
    const history = [
      { memberId: 'a', fromMonth: '2026-07', monthlyFen: 9100, revision: 3 },
      { memberId: 'a', fromMonth: '2026-01', monthlyFen: 7650 }, // before the history: revision 0
      { memberId: 'a', fromMonth: '2026-07', monthlyFen: 9000, revision: 2 },
      { memberId: 'a', fromMonth: '2026-04', monthlyFen: 8000, revision: 4 },
    ];
    expect(baseInForce(history, '2026-03')?.monthlyFen).toBe(7650);
    expect(baseInForce(history, '2026-05')?.monthlyFen).toBe(8000); // a change from April
    expect(baseInForce(history, '2026-07')?.monthlyFen).toBe(9100); // the correction of July wins
    expect(baseInForce(history, '2025-12')).toBeNull();
    expect(nextRevision(history)).toBe(5);
    expect(nextRevision([])).toBe(1);
  });
  it('calls a month paid in full, underpaid, unpaid or not due [FEE-24]', () => {
    expect(monthStatus(1000, 1000)).toBe('paid');
    expect(monthStatus(1000, 1001)).toBe('paid');
    expect(monthStatus(1000, 999)).toBe('under');
    expect(monthStatus(1000, 1)).toBe('under');
    expect(monthStatus(1000, 0)).toBe('unpaid');
    expect(monthStatus(null, 500)).toBe('notDue');
    expect(monthStatus(0, 0)).toBe('paid');
  });
  it('builds rows of months paid and due, never showing a base [FEE-16, DIS-09]', () => {
    const [row] = ledgerRows(
      [{ _id: 'a', name: '陈明' }],
      [
        { memberId: 'a', fromMonth: '2026-02', monthlyFen: 1000 },
        { memberId: 'b', fromMonth: '2026-01', monthlyFen: 5 },
      ],
      [
        { memberId: 'a', month: '2026-02', amountFen: 600 },
        { memberId: 'a', month: '2026-02', amountFen: 400 },
        { memberId: 'a', month: '2026-03', amountFen: 300 },
        { memberId: 'b', month: '2026-03', amountFen: 5 },
      ],
      monthsOf(2026, '2026-04'),
    );
    expect(row.months.map((m) => m.status)).toEqual(['notDue', 'paid', 'under', 'unpaid']);
    expect(row).toMatchObject({ monthlyFen: 1000, dueFen: 3000, paidFen: 1300 });
    expect(Object.keys(row)).not.toContain('baseFen');
  });
  it('shows a past year whole, this year up to the running month, a future year not at all', () => {
    expect(shownUntil(2025, '2026-12')).toBe('2025-12');
    expect(shownUntil(2026, '2026-12')).toBe('2026-12');
    expect(monthsOf(2027, shownUntil(2027, '2026-12'))).toEqual([]);
  });
});

describe('党费 arrears', () => {
  it('alerts at 6 consecutive months with nothing paid, not at 5 [FEE-23]', () => {
    expect(arrearsOf(run('00000'))).toMatchObject({
      consecutiveUnpaid: 5,
      alert: null,
    });
    const six = arrearsOf(run('000000'));
    expect(six.consecutiveUnpaid).toBe(6);
    expect(six.alert).toMatch(/连续6个月.*不自动处理/);
    expect(ARREARS_ALERT_MONTHS).toBe(6);
  });
  it('lets an underpaid month break the run, while still owed [FEE-24, FEE-23]', () => {
    const a = arrearsOf(run('00000u'));
    expect(a.consecutiveUnpaid).toBe(5);
    expect(a.alert).toBeNull();
    expect(a.unpaidMonths).toHaveLength(6);
    expect(a.underpaidMonths).toEqual(['2026-06']);
    expect(arrearsOf(run('000u000')).consecutiveUnpaid).toBe(3);
    expect(arrearsOf(run('000p000')).consecutiveUnpaid).toBe(3);
  });
  it('skips months without a confirmed amount, neither breaking nor extending the run [FEE-23]', () => {
    const a = arrearsOf(run('000nn000'));
    expect(a.consecutiveUnpaid).toBe(6);
    expect(a.alert).not.toBeNull();
    expect(a.unpaidMonths).toHaveLength(6);
  });
  it('covers last year and this one up to the month before the running one [FEE-24]', () => {
    expect(arrearsWindow('2026-11', '2026-12')).toEqual([
      { year: 2025, months: monthsOf(2025, '2025-12') },
      { year: 2026, months: monthsOf(2026, '2026-11') },
    ]);
    expect(arrearsWindow('2026-12', '2026-12')[1].months.at(-1)).toBe('2026-11');
    expect(arrearsWindow('2026-12', '2027-01')).toEqual([
      { year: 2025, months: monthsOf(2025, '2025-12') },
      { year: 2026, months: monthsOf(2026, '2026-12') },
    ]);
    expect(arrearsWindow('2026-05', '2026-12')[1].months.at(-1)).toBe('2026-05');
  });
});

describe('党费 payments', () => {
  it('needs a note for a make-up more than 6 months back, not at 6 [FEE-25]', () => {
    expect(needsMakeUpNote('2026-06', '2026-12')).toBe(false);
    expect(needsMakeUpNote('2026-05', '2026-12')).toBe(true);
    expect(needsMakeUpNote('2026-07', '2027-01')).toBe(false);
    expect(needsMakeUpNote('2026-06', '2027-01')).toBe(true);
    expect(needsMakeUpNote('2026-12', '2026-12')).toBe(false);
  });
  it('flags a voluntary extra of 1000 yuan or more over what was due [FEE-13]', () => {
    const base = { month: '2026-11', thisMonth: '2026-12', dueFen: 1500 };
    expect(paymentOutcome({ ...base, paidBeforeFen: 0, amountFen: 101500 })).toEqual({
      extraFen: 100000,
      flags: ['remitToCentre'],
    });
    expect(paymentOutcome({ ...base, paidBeforeFen: 0, amountFen: 101499 })).toEqual({
      extraFen: 99999,
      flags: [],
    });
    // what was already paid counts: only the part over the due amount is extra
    expect(paymentOutcome({ ...base, paidBeforeFen: 1000, amountFen: 500 }).extraFen).toBe(0);
    expect(paymentOutcome({ ...base, paidBeforeFen: 2000, amountFen: 100000 })).toEqual({
      extraFen: 100000,
      flags: ['remitToCentre'],
    });
    expect(
      paymentOutcome({ ...base, month: '2026-05', paidBeforeFen: 0, amountFen: 1500 }).flags,
    ).toEqual(['makeUpOver6Months']);
  });
});

describe('党费 publication and completion', () => {
  it('covers the months of the half already due, never the running month [DIS-08, FEE-24]', () => {
    expect(halfYearMonths('2026-H2', '2026-12')).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(halfYearMonths('2026-H2', '2027-01')).toHaveLength(6);
    expect(halfYearMonths('2026-H1', '2026-12')).toEqual(monthsOf(2026, '2026-06'));
    expect(halfYearMonths('2026-H1', '2026-04')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(halfYearMonths('2027-H1', '2026-12')).toEqual([]);
  });
  it('lists members with an amount confirmed or a payment, months paid of months due [DIS-09]', () => {
    const rows = ledgerRows(
      [
        { _id: 'a', name: '陈明' },
        { _id: 'b', name: '孙丽' },
        { _id: 'c', name: '周强' },
      ],
      [{ memberId: 'a', fromMonth: '2026-07', monthlyFen: 7650 }],
      [
        { memberId: 'a', month: '2026-07', amountFen: 7650 },
        { memberId: 'a', month: '2026-08', amountFen: 100 },
        { memberId: 'c', month: '2026-08', amountFen: 50 },
      ],
      halfYearMonths('2026-H2', '2026-12'),
    );
    expect(publicationLines(rows)).toEqual([
      { name: '陈明', monthsPaid: 1, monthsDue: 5, paidFen: 7750 },
      { name: '周强', monthsPaid: 0, monthsDue: 0, paidFen: 50 },
    ]);
  });
  it('scores completion over member-months due up to the last month due [FORT-10, FEE-24]', () => {
    expect(completionMonths(2026, '2026-12')).toEqual(monthsOf(2026, '2026-11'));
    expect(completionMonths(2026, '2027-01')).toHaveLength(12);
    expect(completionMonths(2026, '2026-01')).toEqual([]);
    expect(completionMonths(2027, '2026-12')).toEqual([]);
    const rows = ledgerRows(
      [{ _id: 'a', name: '陈明' }],
      [{ memberId: 'a', fromMonth: '2026-09', monthlyFen: 1000 }],
      [
        { memberId: 'a', month: '2026-09', amountFen: 1000 },
        { memberId: 'a', month: '2026-10', amountFen: 999 },
      ],
      completionMonths(2026, '2026-12'),
    );
    expect(completion(rows)).toEqual({ paid: 1, due: 3 });
    expect(completion([])).toBeNull();
  });
  it('writes yuan from integer fen', () => {
    expect([yuan(7650), yuan(5), yuan(0), yuan(100000)]).toEqual([
      '76.50',
      '0.05',
      '0.00',
      '1000.00',
    ]);
  });
});
