import {
  consequenceOf,
  correctionOverdue,
  probationaryRoute,
  validateHandling,
} from '../../cloudfunctions/_shared/domain/appraisal/disposal';
import {
  carriedOver,
  listKey,
  overdueItems,
  problemListAlerts,
  RectificationItem,
  RectificationList,
  reportsDue,
  validateItem,
  yearEndStatus,
} from '../../cloudfunctions/_shared/domain/appraisal/rectification';

describe('consequences and disposal [APR-15, APR-16, APR-17]', () => {
  it('praises 优秀, encourages 合格, plans help for 基本合格, educates or disposes 不合格 [APR-15]', () => {
    expect(consequenceOf('excellent')).toMatchObject({ kind: 'praise', task: null });
    expect(consequenceOf('qualified')).toMatchObject({ kind: 'encourage', task: null });
    expect(consequenceOf('basicallyQualified')).toMatchObject({
      kind: 'helpPlan',
      task: 'helpPlan',
    });
    expect(consequenceOf('unqualified')).toMatchObject({
      kind: 'educateOrDispose',
      task: 'unqualifiedHandling',
      ruleId: 'APR-15',
    });
    expect(consequenceOf(null)).toBeNull();
  });
  const assembly = { ref: 'minutes-1', on: '2026-12-20' };
  const approval = { ref: 'approval-1', on: '2027-01-05' };
  const base = { status: 'full' as const, grade: 'unqualified' as const };
  it('教育转化 needs no resolution; disposal is only for an 不合格 正式党员 [APR-15]', () => {
    expect(validateHandling({ ...base, option: 'educate' })).toEqual({
      ok: true,
      value: { option: 'educate', correctBy: null },
    });
    expect(
      validateHandling({
        ...base,
        grade: 'basicallyQualified',
        option: 'correction',
        months: 3,
        assemblyResolution: assembly,
      }),
    ).toMatchObject({
      code: 'APPRAISAL.NOT_UNQUALIFIED',
    });
  });
  it('限期改正 needs the assembly resolution and 1 to 12 months, counted from it (29 Feb clamps) [APR-16]', () => {
    const c = (months: number | undefined, on = assembly.on) =>
      validateHandling({
        ...base,
        option: 'correction',
        months,
        assemblyResolution: { ref: 'm', on },
      });
    expect(c(12)).toEqual({ ok: true, value: { option: 'correction', correctBy: '2027-12-20' } });
    expect(c(13)).toMatchObject({
      ok: false,
      code: 'APPRAISAL.CORRECTION_TOO_LONG',
      ruleId: 'APR-16',
    });
    expect(c(0)).toMatchObject({ ok: false });
    expect(c(1.5)).toMatchObject({ ok: false });
    expect(c(undefined)).toMatchObject({ ok: false });
    expect(c(12, '2028-02-29')).toMatchObject({ value: { correctBy: '2029-02-28' } });
    expect(validateHandling({ ...base, option: 'correction', months: 6 })).toMatchObject({
      code: 'APPRAISAL.RESOLUTION_MISSING',
    });
    expect(correctionOverdue('2027-12-20', '2027-12-20', false)).toBe(false);
    expect(correctionOverdue('2027-12-20', '2027-12-21', false)).toBe(true);
    expect(correctionOverdue('2027-12-20', '2027-12-21', true)).toBe(false);
  });
  it('劝退 and 除名 need the assembly resolution and then the superior’s approval [APR-16]', () => {
    for (const option of ['persuadeWithdraw', 'expel'] as const) {
      expect(validateHandling({ ...base, option, assemblyResolution: assembly })).toMatchObject({
        code: 'APPRAISAL.RESOLUTION_MISSING',
        ruleId: 'APR-16',
      });
      expect(validateHandling({ ...base, option, superiorApproval: approval })).toMatchObject({
        ok: false,
      });
      expect(
        validateHandling({
          ...base,
          option,
          assemblyResolution: assembly,
          superiorApproval: { ref: 'a', on: '2026-12-19' },
        }),
      ).toMatchObject({ ok: false });
      expect(
        validateHandling({
          ...base,
          option,
          assemblyResolution: { ref: ' ', on: '2026-12-20' },
          superiorApproval: approval,
        }),
      ).toMatchObject({ ok: false });
      expect(
        validateHandling({
          ...base,
          option,
          assemblyResolution: assembly,
          superiorApproval: approval,
        }).ok,
      ).toBe(true);
    }
  });
  it('a 预备党员 is never disposed of: routed to DEV as a flag [APR-17, APR-06]', () => {
    expect(
      validateHandling({
        status: 'probationary',
        grade: null,
        option: 'persuadeWithdraw',
        assemblyResolution: assembly,
        superiorApproval: approval,
      }),
    ).toMatchObject({ ok: false, ruleId: 'APR-17' });
    expect(probationaryRoute('p1', 'probationary')).toMatchObject({
      route: 'dev',
      options: ['extendProbation', 'cancelProbation'],
      ruleId: 'APR-17',
    });
    expect(probationaryRoute('m1', 'full')).toBeNull();
  });
});

const item = (over: Partial<RectificationItem>): RectificationItem => ({
  id: 'i1',
  source: 'democraticAppraisal',
  ownerKind: 'member',
  ownerId: 'm1',
  problem: '参加组织生活不积极',
  commitment: '每月按时参加主题党日',
  deadline: '2027-06-30',
  evidence: [],
  reports: [],
  doneOn: null,
  ...over,
});
const list = (startedOn: string, items: RectificationItem[]): RectificationList => ({
  orgId: 'demo-branch',
  year: Number(startedOn.slice(0, 4)),
  startedOn,
  items,
});

describe('rectification list [APR-18, MTG-39, MTG-31, SEC-15]', () => {
  it('is one per branch per year, fed by 民主评议, 组织生活会, the problem list and 双述双评 [APR-18, SEC-15]', () => {
    expect(listKey('demo-branch', 2026)).toBe('demo-branch:2026');
    const l = list('2026-12-20', []);
    expect(
      validateItem(
        l,
        item({ source: 'secretaryReview', ownerKind: 'secretary', deadline: '2027-03-20' }),
      ).ok,
    ).toBe(true);
    expect(validateItem(l, item({ deadline: '2026-12-19' }))).toMatchObject({
      ok: false,
      ruleId: 'APR-18',
    });
    expect(validateItem(l, item({ ownerId: ' ' }))).toMatchObject({ ok: false });
    expect(validateItem(l, item({ doneOn: '2027-01-10' }))).toMatchObject({ ok: false });
    expect(validateItem(l, item({ doneOn: '2027-01-10', evidence: ['已连续参加3次'] })).ok).toBe(
      true,
    );
  });
  it('the committee and secretary report within 6 months; 29 Feb when the list starts on 31 Aug [APR-18]', () => {
    const l = list('2027-08-31', [
      item({ ownerKind: 'committee', ownerId: 'sec', deadline: '2028-06-30' }),
    ]);
    expect(reportsDue(l, '2027-09-01')).toEqual([
      expect.objectContaining({ from: '2027-08-31', dueOn: '2028-02-29', status: 'due' }),
    ]);
    expect(reportsDue(l, '2028-02-29')[0].status).toBe('due');
    expect(reportsDue(l, '2028-03-01')[0].status).toBe('overdue');
    const reported = {
      ...l,
      items: [{ ...l.items[0], reports: [{ on: '2028-02-29', text: '已通报' }] }],
    };
    expect(reportsDue(reported, '2028-03-01')[0].status).toBe('reported');
    expect(reportsDue(l, '2027-08-30')).toEqual([]);
  });
  it('members report every calendar quarter, across the year end, until done [APR-18]', () => {
    const l = list('2026-12-20', [item({ reports: [{ on: '2027-03-31', text: '按时参加' }] })]);
    const at = (today: string, li = l) =>
      reportsDue(li, today).map((r) => [r.from, r.dueOn, r.status]);
    expect(at('2027-01-10')).toEqual([['2026-12-20', '2027-03-31', 'due']]);
    expect(at('2027-07-01')).toEqual([
      ['2026-12-20', '2027-03-31', 'reported'],
      ['2027-04-01', '2027-06-30', 'overdue'],
      ['2027-07-01', '2027-09-30', 'due'],
    ]);
    const done = { ...l, items: [{ ...l.items[0], doneOn: '2027-05-10', evidence: ['完成'] }] };
    expect(at('2027-12-01', done).map((x) => x[1])).toEqual(['2027-03-31', '2027-06-30']);
  });
  it('a list set up mid-quarter gives the first quarter at least a month [APR-18]', () => {
    const l = list('2027-03-15', [item({})]);
    expect(reportsDue(l, '2027-03-20').map((r) => r.dueOn)).toEqual([]);
    expect(reportsDue(l, '2027-04-01').map((r) => [r.from, r.dueOn])).toEqual([
      ['2027-03-15', '2027-06-30'],
    ]);
  });
  it('shows overdue items and the year-end status for the appraisal [APR-19]', () => {
    const l = list('2026-06-01', [
      item({ id: 'a', deadline: '2026-09-30' }),
      item({ id: 'b', deadline: '2026-12-31' }),
      item({ id: 'c', deadline: '2026-09-30', doneOn: '2026-09-01', evidence: ['完成'] }),
    ]);
    expect(overdueItems(l, '2026-10-01').map((i) => i.id)).toEqual(['a']);
    expect(yearEndStatus(l, '2026-12-31')).toEqual({ total: 3, done: 1, open: 2, overdue: 1 });
  });
  it('hunan sets up its problem list by 30 June [MTG-39]', () => {
    expect(problemListAlerts('hunan', null, 2026, '2026-05-31')).toEqual([]);
    expect(problemListAlerts('hunan', null, 2026, '2026-06-30')[0]).toMatchObject({
      ruleId: 'MTG-39',
      level: 'info',
    });
    expect(problemListAlerts('hunan', null, 2026, '2026-07-01')[0].level).toBe('warning');
    expect(problemListAlerts('default', null, 2026, '2026-07-01')).toEqual([]);
    const l = list('2026-06-10', [item({ source: 'problemList' })]);
    expect(problemListAlerts('hunan', l, 2026, '2026-07-01')).toEqual([]);
  });
  it('flags a 组织生活会 item carried over unchanged from last year [MTG-31]', () => {
    const last = list('2025-12-10', [item({ source: 'orgLifeMeeting', problem: '学习不深入，' })]);
    const now = list('2026-12-10', [
      item({ id: 'x', source: 'orgLifeMeeting', problem: '学习 不深入' }),
      item({ id: 'y', source: 'orgLifeMeeting', problem: '联系群众不够' }),
    ]);
    expect(carriedOver(now, last).map((a) => a.ruleId)).toEqual(['MTG-31']);
    expect(carriedOver(now, null)).toEqual([]);
  });
});
