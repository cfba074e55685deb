import {
  catalogueFor,
  INDEX_GROUPS,
  SUB_ITEMS,
} from '../../cloudfunctions/_shared/domain/points/catalogue';
import {
  duesFacts,
  memberFacts,
  YearRecords,
} from '../../cloudfunctions/_shared/domain/points/facts';
import {
  MemberFacts,
  pioneerIndex,
  rank,
} from '../../cloudfunctions/_shared/domain/points/pioneer';
import {
  checkStandard,
  DEFAULT_ITEMS,
  defaultItems,
  StandardItem,
} from '../../cloudfunctions/_shared/domain/points/standard';
import {
  effectiveFromFor,
  standardDueAlert,
  timelineOf,
  versionAt,
} from '../../cloudfunctions/_shared/domain/points/versions';

const at = (s: string) => new Date(`${s}+08:00`);
const facts = (f: Partial<MemberFacts> = {}): MemberFacts => ({
  memberId: 'm',
  exempt: false,
  simplified: false,
  committee: false,
  sessions: [],
  studyHoursTenths: 320,
  dues: null,
  noticeReads: [],
  ledger: [],
  ...f,
});
const none: YearRecords = {
  activities: [],
  entries: [],
  duesBases: [],
  duesPayments: [],
  noticeReads: [],
};

describe('党费 counts only the months already due [PTS-30, FEE-24]', () => {
  const base = { memberId: 'm', fromMonth: '2026-01', monthlyFen: 1000 };
  const pay = (month: string, paidOn: string, amountFen = 1000) => ({
    memberId: 'm',
    month,
    amountFen,
    paidOn: at(paidOn),
  });
  const inTime = (months: number[]) =>
    months.map((m) => {
      const mm = String(m).padStart(2, '0');
      return pay(`2026-${mm}`, `2026-${mm}-10T10:00:00`);
    });
  const dues = (payments: ReturnType<typeof pay>[], today: string, until?: string) =>
    duesFacts('m', { duesBases: [base], duesPayments: payments }, at(today), until);

  it('gives 12 of 12 on 3 July to a member who paid every month so far in full [PTS-30]', () => {
    const f = dues(inTime([1, 2, 3, 4, 5, 6]), '2026-07-03T10:00:00');
    expect(f).toEqual({ monthsPaid: 6, monthsDue: 6 });
    expect(pioneerIndex(facts({ dues: f }), DEFAULT_ITEMS, 2026).base.dues).toBe(12);
  });
  it('does not count last month, still inside its grace period, nor the running month as unpaid [PTS-30]', () => {
    expect(dues(inTime([1, 2, 3, 4, 5]), '2026-07-03T10:00:00')).toEqual({
      monthsPaid: 5,
      monthsDue: 5,
    });
  });
  it('counts a month unpaid from the day after the end of the following month, Beijing time [PTS-30]', () => {
    const paid = inTime([1, 2, 3, 4]); // May unpaid
    expect(dues(paid, '2026-06-30T23:59:00')).toEqual({ monthsPaid: 4, monthsDue: 4 });
    expect(dues(paid, '2026-07-01T00:00:00')).toEqual({ monthsPaid: 4, monthsDue: 5 });
  });
  it('counts a month paid by 23:59 on the last day of the next month, not a minute later [PTS-30]', () => {
    const early = [...inTime([1, 2, 3, 4]), pay('2026-05', '2026-06-30T23:59:00')];
    const late = [...inTime([1, 2, 3, 4]), pay('2026-05', '2026-07-01T00:00:00')];
    expect(dues(early, '2026-07-03T10:00:00')).toEqual({ monthsPaid: 5, monthsDue: 5 });
    expect(dues(late, '2026-07-03T10:00:00')).toEqual({ monthsPaid: 4, monthsDue: 5 });
  });
  it('counts an underpaid month as unpaid once its grace period is over [PTS-30, FEE-24]', () => {
    const short = [...inTime([1, 2, 3, 4]), pay('2026-05', '2026-05-10T10:00:00', 999)];
    expect(dues(short, '2026-06-15T10:00:00')).toEqual({ monthsPaid: 4, monthsDue: 4 });
    expect(dues(short, '2026-07-03T10:00:00')).toEqual({ monthsPaid: 4, monthsDue: 5 });
  });
  it('counts an approved waived month (relief to 0 fen) as paid at once [PTS-30, FEE-11]', () => {
    const waived = { memberId: 'm', fromMonth: '2026-03', monthlyFen: 0, revision: 1 };
    const f = duesFacts(
      'm',
      { duesBases: [base, waived], duesPayments: inTime([1, 2]) },
      at('2026-05-03T10:00:00'),
    );
    expect(f).toEqual({ monthsPaid: 5, monthsDue: 5 }); // Jan, Feb paid; Mar–May waived
  });
  it('reads the trend at the end of each month, with the payments made by then [PTS-30]', () => {
    const payments = inTime([1, 2, 3, 4, 5, 6]);
    // at the end of March: Jan due and paid, Feb due and paid, Mar paid in its month
    expect(dues(payments, '2026-07-03T10:00:00', '2026-03')).toEqual({
      monthsPaid: 3,
      monthsDue: 3,
    });
    const late = [pay('2026-01', '2026-05-01T10:00:00')];
    expect(dues(late, '2026-07-03T10:00:00', '2026-02')).toEqual({ monthsPaid: 0, monthsDue: 1 });
  });
});

describe('the yearly cycle and members who join mid-year', () => {
  const member = {
    _id: 'm',
    orgId: 'b',
    exempt: false,
    mobile: false,
    birthDate: '1980-01-01',
    roles: [],
  };
  const session = (id: string, date: string, status: 'present' | 'absent') => ({
    _id: id,
    type: 'branchAssembly' as const,
    startAt: at(`${date}T09:00:00`),
    endAt: at(`${date}T11:00:00`),
    attendance: [{ memberId: 'm', status }],
  });
  const today = at('2026-12-01T09:00:00');
  it('expects only the sessions and dues months after joining, and a pro-rated 学时 target [PTS-36]', () => {
    const records: YearRecords = {
      ...none,
      year: 2026,
      activities: [
        session('before', '2026-03-10', 'absent'),
        session('after', '2026-08-10', 'present'),
      ],
      duesBases: [{ memberId: 'm', fromMonth: '2026-01', monthlyFen: 100 }],
    };
    const joined = memberFacts({ ...member, joinedAt: '2026-07-01' }, records, today);
    expect(joined.sessions.map((s) => s.activityId)).toEqual(['after']);
    expect(joined.rosterMonths).toBe(6);
    expect(joined.dues).toEqual({ monthsPaid: 0, monthsDue: 4 }); // Jul–Oct past their grace period
    const always = memberFacts(member, records, today);
    expect(always.sessions.map((s) => s.activityId)).toEqual(['before', 'after']);
    expect(always.dues?.monthsDue).toBe(10);
    // 16 学时 is the whole target of half a year on the roster
    const study = (f: MemberFacts) =>
      pioneerIndex({ ...f, studyHoursTenths: 160 }, DEFAULT_ITEMS, 2026).base.study;
    expect(study(joined)).toBe(12);
    expect(study(always)).toBe(6);
  });
  it('does not pro-rate the caps of a member who joined mid-year [PTS-36]', () => {
    const ledger = Array.from({ length: 5 }, (_, i) => ({
      id: `l${i}`,
      itemCode: 'lecture',
      month: '2026-10',
      status: 'approved' as const,
      source: 'assessed' as const,
    }));
    expect(pioneerIndex(facts({ rosterMonths: 3, ledger }), DEFAULT_ITEMS, 2026).add).toBe(4);
  });
});

describe('the 四个合格 catalogue [PTS-05, PTS-06, PTS-07, PTS-08]', () => {
  it('files every default item under a sub-item of its category [PTS-05, PTS-06, PTS-07, PTS-08]', () => {
    for (const item of DEFAULT_ITEMS)
      expect(SUB_ITEMS[item.category].map((s) => s.code)).toContain(item.subItem);
    const organ = catalogueFor('organ');
    expect(organ.map((c) => c.subItems.length)).toEqual([5, 5, 4, 4]);
  });
  it('adds 带头致富 for 农村 and 便民服务 for 社区, to the catalogue and the default standard [PTS-08]', () => {
    const subs = (s: 'village' | 'community' | 'organ') =>
      catalogueFor(s)
        .find((c) => c.category === 'contribution')!
        .subItems.map((x) => x.code);
    expect(subs('village')).toContain('leadProsperity');
    expect(subs('village')).not.toContain('convenience');
    expect(subs('community')).toContain('convenience');
    expect(subs('organ')).not.toContain('leadProsperity');
    expect(defaultItems('village').map((i) => i.code)).toContain('leadProsperity');
    expect(defaultItems('community').map((i) => i.code)).toContain('convenience');
    expect(defaultItems('organ')).toEqual(DEFAULT_ITEMS);
  });
  it('refuses a sub-item of another category or of another sector [PTS-05, PTS-08]', () => {
    const item: StandardItem = {
      code: 'x',
      category: 'political',
      subItem: 'dues',
      name: '某项',
      kind: 'add',
      points: 1,
      capPerYear: 2,
      source: 'declared',
    };
    expect(checkStandard([item], 'organ')).toMatchObject({ ok: false, ruleId: 'PTS-05' });
    const rich = { ...item, category: 'contribution' as const, subItem: 'leadProsperity' };
    expect(checkStandard([rich], 'organ')).toMatchObject({ ok: false, ruleId: 'PTS-08' });
    expect(checkStandard([rich], 'village')).toMatchObject({ ok: true });
  });
});

describe('咸宁 先锋指数 groups [PTS-09]', () => {
  it('sums every counted point into one of the five groups, as well as one of the 四个合格 [PTS-09]', () => {
    const r = pioneerIndex(
      facts({
        sessions: [
          { activityId: 't', month: '2026-03', themeDay: true, status: 'present' },
          { activityId: 'a', month: '2026-04', status: 'absent' },
        ],
        studyHoursTenths: 160,
        ledger: [
          {
            id: 'v',
            itemCode: 'volunteer',
            month: '2026-05',
            status: 'approved',
            source: 'declared',
          },
          {
            id: 'c',
            itemCode: 'criticism',
            month: '2026-05',
            status: 'approved',
            source: 'assessed',
          },
        ],
      }),
      DEFAULT_ITEMS,
      2026,
    );
    expect(Object.keys(r.byGroup)).toEqual([...INDEX_GROUPS]);
    expect(r.byGroup).toEqual({
      themeDayPlus: 12, // floor(24 × 1 / 2)
      meetings: 0,
      oversight: -5, // criticism
      capability: 6, // study
      duty: 12 + 6 + 6 + 1, // dues, 品德, 作用, volunteer
    });
    const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
    expect(sum(r.byGroup)).toBe(sum(r.byCategory));
  });
  it('puts an item that names no group into the group of its category [PTS-09]', () => {
    const item: StandardItem = {
      code: 'mediate',
      category: 'political',
      name: '调解',
      kind: 'add',
      points: 2,
      capPerYear: 4,
      source: 'assessed',
    };
    const r = pioneerIndex(
      facts({
        ledger: [
          {
            id: 'x',
            itemCode: 'mediate',
            month: '2026-05',
            status: 'approved',
            source: 'assessed',
          },
        ],
      }),
      [item],
      2026,
    );
    expect(r.byGroup.capability).toBe(12 + 2);
  });
});

describe('the year standard [PTS-10, PTS-13]', () => {
  it('alerts when the year standard is not published by 31 January, and the day is a setting [PTS-10]', () => {
    expect(standardDueAlert(false, 2026, '2026-01-31', 31)).toBeNull();
    expect(standardDueAlert(false, 2026, '2026-02-01', 31)).toMatchObject({ ruleId: 'PTS-10' });
    expect(standardDueAlert(true, 2026, '2026-02-01', 31)).toBeNull();
    expect(standardDueAlert(false, 2026, '2026-01-11', 10)).toMatchObject({ ruleId: 'PTS-10' });
    expect(standardDueAlert(false, 2026, '2026-01-10', 10)).toBeNull();
  });
  const lecture = (points: number, capPerYear: number): StandardItem => ({
    ...DEFAULT_ITEMS.find((i) => i.code === 'lecture')!,
    points,
    capPerYear,
  });
  const timeline = timelineOf(
    [{ version: 1, effectiveFrom: '2026-07-01', items: [lecture(3, 6)] }],
    2026,
  );
  it('scores each event by the version in force at its date, never rescoring earlier ones [PTS-13]', () => {
    expect(versionAt(timeline, '2026-06-30').version).toBe(0);
    expect(versionAt(timeline, '2026-07-01').version).toBe(1);
    const entry = (id: string, month: string, date: string) => ({
      id,
      itemCode: 'lecture',
      month,
      date,
      status: 'approved' as const,
      source: 'assessed' as const,
    });
    const r = pioneerIndex(
      facts({ ledger: [entry('a', '2026-06', '2026-06-30'), entry('b', '2026-07', '2026-07-01')] }),
      timeline,
      2026,
    );
    expect(r.entries.filter((e) => e.itemCode === 'lecture').map((e) => e.points)).toEqual([2, 3]);
  });
  it('takes effect from tomorrow at the earliest, 1 January for a year not begun, inside the year [PTS-13]', () => {
    expect(effectiveFromFor(2026, undefined, '2026-07-03')).toEqual({
      ok: true,
      value: '2026-07-04',
    });
    expect(effectiveFromFor(2027, undefined, '2026-12-01')).toEqual({
      ok: true,
      value: '2027-01-01',
    });
    expect(effectiveFromFor(2026, '2026-07-03', '2026-07-03')).toMatchObject({
      ok: false,
      code: 'POINTS.STANDARD_INVALID',
      ruleId: 'PTS-13',
    });
    expect(effectiveFromFor(2026, '2027-01-01', '2026-07-03')).toMatchObject({ ruleId: 'PTS-13' });
    expect(effectiveFromFor(2025, undefined, '2026-07-03')).toMatchObject({ ruleId: 'PTS-13' });
  });
});

describe('points never set a grade [PTS-25]', () => {
  const GRADES = ['优秀', '合格', '基本合格', '不合格', '先进', '一类', '二类', '三类'];
  const walk = (v: unknown, found: string[] = []): string[] => {
    if (typeof v === 'string' && GRADES.includes(v)) found.push(v);
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (/grade|等次|等级|rating/i.test(k)) found.push(k);
        walk(x, found);
      }
    return found;
  };
  it('answers totals, entries and ranks with no grade among them, at any score [PTS-25]', () => {
    for (const ledger of [
      [],
      [
        {
          id: 'v',
          itemCode: 'disciplinePunishment',
          month: '2026-03',
          status: 'approved' as const,
          source: 'assessed' as const,
        },
      ],
    ]) {
      const r = pioneerIndex(facts({ ledger, studyHoursTenths: 0 }), DEFAULT_ITEMS, 2026);
      expect(walk(r)).toEqual([]);
    }
    const rows = rank([
      { memberId: 'a', total: 98, vetoed: false, deduct: 0, flagged: false },
      { memberId: 'b', total: 20, vetoed: true, deduct: 12, flagged: true },
    ]);
    expect(walk(rows)).toEqual([]);
  });
});
