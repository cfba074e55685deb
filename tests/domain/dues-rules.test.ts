import {
  assessmentAlerts,
  assessmentDueDate,
  sheetStepRefusal,
} from '../../cloudfunctions/_shared/domain/dues/assessment';
import { salariedBase } from '../../cloudfunctions/_shared/domain/dues/base';
import {
  latestPayableMonth,
  paymentRefusal,
} from '../../cloudfunctions/_shared/domain/dues/payment';
import { reliefEnds, reliefRefusal } from '../../cloudfunctions/_shared/domain/dues/relief';
import { NATIONAL_CALENDAR } from '../../cloudfunctions/_shared/domain/activity/holidays';
import {
  calendarLookup,
  devNoticeAlert,
  fiveStageRefusal,
  noticeEnd,
  pendingItems,
} from '../../cloudfunctions/_shared/domain/notice/rules';

const facts = {
  today: '2026-07-03',
  cycle: 'monthly' as const,
  selfAsProxy: false,
  method: 'cash' as const,
  mobileMember: false,
};

describe('dues rules (pure)', () => {
  it('lets a quarterly branch pay up to the end of the running quarter, a monthly one up to this month [FEE-22]', () => {
    expect(latestPayableMonth('2026-07', 'monthly')).toBe('2026-07');
    expect(latestPayableMonth('2026-07', 'quarterly')).toBe('2026-09');
    expect(latestPayableMonth('2026-12', 'quarterly')).toBe('2026-12');
    expect(paymentRefusal({ ...facts, month: '2026-08' })?.ruleId).toBe('FEE-22');
    expect(paymentRefusal({ ...facts, month: '2026-09', cycle: 'quarterly' })).toBeNull();
    expect(paymentRefusal({ ...facts, month: '2026-10', cycle: 'quarterly' })?.ruleId).toBe(
      'FEE-22',
    );
  });
  it('refuses an organisation as payer, an online payment without receipt, a 流入地 payment without 活动证 [FEE-14, FEE-26, FEE-20]', () => {
    const at = { ...facts, month: '2026-07' };
    expect(paymentRefusal({ ...at, proxyName: '机关第一党支部' })?.ruleId).toBe('FEE-14');
    expect(paymentRefusal({ ...at, proxyName: '王芳' })).toBeNull();
    expect(paymentRefusal({ ...at, method: 'online' })?.ruleId).toBe('FEE-26');
    expect(paymentRefusal({ ...at, method: 'online', receiptNo: 'T1' })).toBeNull();
    expect(paymentRefusal({ ...at, paidAtOrg: '某流动党员党支部' })?.ruleId).toBe('FEE-20');
    expect(paymentRefusal({ ...at, paidAtOrg: '某流动党员党支部', mobileMember: true })).toBeNull();
  });
  it('takes the included items less income tax, never the excluded ones; own contributions only when set [FEE-02, FEE-03, FEE-04]', () => {
    const wages = {
      items: [
        { kind: 'basicWage' as const, amountFen: 400000 },
        { kind: 'bonus' as const, amountFen: 100000 },
        { kind: 'specialPostAllowance' as const, amountFen: 90000 },
        { kind: 'pension' as const, amountFen: 50000 },
      ],
      incomeTaxFen: 10000,
      ownContributionsFen: 50000,
    };
    expect(salariedBase('salaried', wages, false)).toEqual({ ok: true, value: 490000 });
    expect(salariedBase('annualSalary', wages, true)).toEqual({ ok: true, value: 440000 });
    expect(salariedBase('farmer', wages, false)).toMatchObject({ ok: false, ruleId: 'FEE-02' });
    expect(salariedBase('salaried', { items: [], incomeTaxFen: 5 }, false)).toEqual({
      ok: true,
      value: 0,
    });
  });
  it('needs a branch decision and an approval, a lower amount and months inside the year [FEE-11]', () => {
    const inForce = { memberId: 'm', fromMonth: '2026-01', monthlyFen: 4000, revision: 1 };
    const r = {
      year: 2026,
      fromMonth: '2026-03',
      toMonth: '2026-05',
      monthlyFen: 0,
      branchDecision: '支委会决定',
      approvalId: '〔2026〕3号',
    };
    expect(reliefRefusal(r, inForce, [inForce])).toBeNull();
    expect(reliefRefusal({ ...r, approvalId: undefined }, inForce, [inForce])?.ruleId).toBe(
      'FEE-11',
    );
    expect(reliefRefusal({ ...r, monthlyFen: 4000 }, inForce, [inForce])?.code).toBe(
      'DUES.OUT_OF_RANGE',
    );
    expect(reliefRefusal(r, null, [])?.ruleId).toBe('FEE-11');
    const raise = { memberId: 'm', fromMonth: '2026-04', monthlyFen: 5000, revision: 2 };
    expect(reliefRefusal(r, inForce, [inForce, raise])?.code).toBe('CONFLICT');
    expect([reliefEnds('2026-05'), reliefEnds('2026-12')]).toEqual(['2026-06', null]);
  });
  it('dates the 核定 at the end of the due month and alerts only after it [FEE-17]', () => {
    expect(assessmentDueDate(2026, 3)).toBe('2026-03-31');
    expect(assessmentDueDate(2028, 2)).toBe('2028-02-29');
    const f = { dueBy: '2026-03-31', missing: ['孙丽'], sheetFiled: false };
    expect(assessmentAlerts({ ...f, today: '2026-03-31' })).toEqual([]);
    expect(assessmentAlerts({ ...f, today: '2026-04-01' }).map((a) => a.ruleId)).toEqual([
      'FEE-17',
      'FEE-17',
    ]);
  });
  it('forwards only a reviewed sheet [FEE-18]', () => {
    expect(sheetStepRefusal('forward', 'filed')?.ruleId).toBe('FEE-18');
    expect(sheetStepRefusal('forward', 'returned')?.code).toBe('DUES.SHEET_UNREVIEWED');
    expect(sheetStepRefusal('forward', 'reviewed')).toBeNull();
    expect(sheetStepRefusal('review', null)?.code).toBe('NOT_FOUND');
    expect(sheetStepRefusal('file', 'forwarded')?.code).toBe('CONFLICT');
    expect(sheetStepRefusal('file', 'returned')).toBeNull();
  });
});

describe('党务公开 rules (pure)', () => {
  const cal = calendarLookup({});
  it('counts the 公示 in working days across the New Year holiday [DIS-10]', () => {
    // 2026-12-30 Wed, 12-31 Thu; 2027-01-01 holiday; 01-04 Mon, 01-05 Tue
    expect(noticeEnd('2026-12-30', 5, cal)).toBe('2027-01-06');
    expect(noticeEnd('2026-10-01', 1, calendarLookup({ 2026: NATIONAL_CALENDAR[2026] }))).toBe(
      '2026-10-08',
    );
    expect(devNoticeAlert('2026-12-01', '2026-12-07', 5, cal)).toBeNull();
    expect(devNoticeAlert('2026-12-01', '2026-12-06', 5, cal)?.ruleId).toBe('DIS-10');
  });
  it('requires the stages of 民主议事 and 三重一大, and of the decision categories where configured [DIS-04]', () => {
    expect(fiveStageRefusal({ category: '其他', matterKind: 'deliberation' }, 'core')?.ruleId).toBe(
      'DIS-04',
    );
    expect(fiveStageRefusal({ category: '财务收支' }, 'core')).toBeNull();
    expect(fiveStageRefusal({ category: '财务收支' }, 'decisions')?.ruleId).toBe('DIS-04');
    expect(fiveStageRefusal({ category: '财务收支', stage: '提议' }, 'decisions')).toBeNull();
  });
  it('lists for the theme day what is new, the open matters, not the finished ones [DIS-05]', () => {
    const d = (s: string) => new Date(`${s}T09:00:00+08:00`);
    const n = (
      id: string,
      at: string,
      stage: string | null = null,
      matterId: string | null = null,
    ) => ({
      _id: id,
      title: id,
      category: '其他',
      matterId,
      stage: stage as never,
      publishedAt: d(at),
      updatedAt: d(at),
    });
    const items = pendingItems(
      [
        n('old', '2026-10-01'),
        n('a1', '2026-10-02', '提议', 'a1'),
        n('a2', '2026-10-20', '审议程序', 'a1'),
        n('done1', '2026-09-01', '提议', 'done1'),
        ...['审议程序', '决议结果', '实施方案', '办理结果'].map((s, i) =>
          n(`done${i + 2}`, `2026-09-0${i + 2}`, s, 'done1'),
        ),
        n('fresh', '2026-12-01'),
      ],
      new Date('2026-12-01T00:00:00+08:00'),
      d('2026-12-01'),
    );
    expect(items.map((i) => [i.id, i.why])).toEqual([
      ['fresh', 'new'],
      ['a2', 'inProgress'],
    ]);
  });
});
