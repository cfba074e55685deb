import { calculateFee, firstDuesMonth } from '../../cloudfunctions/_shared/domain/dues/fee';
import {
  categoriesFor,
  checkPersonalData,
  checkStage,
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
