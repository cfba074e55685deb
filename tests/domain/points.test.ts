import { memberFacts, YearRecords } from '../../cloudfunctions/_shared/domain/points/facts';
import { fortressIndex } from '../../cloudfunctions/_shared/domain/points/fortress';
import { branchStanding } from '../../cloudfunctions/_shared/domain/points/standing';
import {
  MemberFacts,
  pioneerIndex,
  rank,
  stars,
} from '../../cloudfunctions/_shared/domain/points/pioneer';
import {
  appealUntil,
  appealWindowFor,
  declarableMonths,
  declarationClosesOn,
  declarationWindow,
  mayPublishQuarter,
  publishableQuarter,
  quarterOf,
} from '../../cloudfunctions/_shared/domain/points/periods';
import { checkStandard, DEFAULT_ITEMS } from '../../cloudfunctions/_shared/domain/points/standard';

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
const approved = (itemCode: string, n = 1, source: 'declared' | 'assessed' = 'assessed') =>
  Array.from({ length: n }, (_, i) => ({
    id: `${itemCode}${i}`,
    itemCode,
    month: '2026-03',
    status: 'approved' as const,
    source,
  }));

describe('先锋指数 default template [PTS-27]', () => {
  it('adds base, adds and 20 − deducts; full marks with nothing else is 80', () => {
    expect(pioneerIndex(facts(), DEFAULT_ITEMS, 2026).total).toBe(80);
  });
  it('scores 组织生活 as attended over expected, excused and exempt not expected [PTS-28]', () => {
    const sessions = [
      { activityId: 'a', month: '2026-01', status: 'present' as const },
      { activityId: 'b', month: '2026-02', status: 'absent' as const },
      { activityId: 'c', month: '2026-03', status: 'excused' as const },
      { activityId: 'd', month: '2026-04', status: 'remote' as const },
    ];
    const r = pioneerIndex(facts({ sessions }), DEFAULT_ITEMS, 2026);
    expect(r.base.orgLife).toBe(16); // floor(24 × 2 / 3)
    expect(r.entries.filter((e) => e.kind === 'record').map((e) => e.id)).toEqual([
      'att:a:m',
      'att:b:m',
      'att:c:m',
      'att:d:m',
    ]);
  });
  it('measures 学习 against 32 学时, 56 for the committee, 16 simplified [PTS-29, PTS-35]', () => {
    expect(pioneerIndex(facts({ studyHoursTenths: 160 }), DEFAULT_ITEMS, 2026).base.study).toBe(6);
    expect(
      pioneerIndex(facts({ studyHoursTenths: 160, committee: true }), DEFAULT_ITEMS, 2026).base
        .study,
    ).toBe(3);
    expect(
      pioneerIndex(facts({ studyHoursTenths: 160, simplified: true }), DEFAULT_ITEMS, 2026).base
        .study,
    ).toBe(12);
  });
  it('scores 党费 by months paid, full when nothing is due [PTS-30]', () => {
    expect(
      pioneerIndex(facts({ dues: { monthsPaid: 9, monthsDue: 12 } }), DEFAULT_ITEMS, 2026).base
        .dues,
    ).toBe(9);
    expect(
      pioneerIndex(facts({ dues: { monthsPaid: 0, monthsDue: 0 } }), DEFAULT_ITEMS, 2026).base.dues,
    ).toBe(12);
  });
  it('lowers 品德 and 作用 only on a recorded problem [PTS-31]', () => {
    const r = pioneerIndex(facts({ ledger: approved('moralityConcern', 3) }), DEFAULT_ITEMS, 2026);
    expect(r.base.morality).toBe(0);
    expect(r.deduct).toBe(0);
  });
  it('caps each add item and adds in total at 20 [PTS-32]', () => {
    const r = pioneerIndex(
      facts({
        ledger: [
          ...approved('volunteer', 10, 'declared'),
          ...approved('urgentTask', 5),
          ...approved('lecture', 3),
          ...approved('commendation', 6),
        ],
      }),
      DEFAULT_ITEMS,
      2026,
    );
    expect(r.add).toBe(20); // 6 + 6 + 4 + 4
    expect(r.entries.filter((e) => e.status === 'overCap')).toHaveLength(4 + 2 + 1 + 2);
  });
  it('deducts late arrivals automatically, capped at 4 [PTS-33]', () => {
    const sessions = Array.from({ length: 6 }, (_, i) => ({
      activityId: `s${i}`,
      month: '2026-05',
      status: 'late' as const,
    }));
    const r = pioneerIndex(facts({ sessions }), DEFAULT_ITEMS, 2026);
    expect(r.deduct).toBe(4);
    expect(r.base.orgLife).toBe(24);
    expect(r.total).toBe(76);
  });
  it('zeroes the year on a veto [PTS-34]', () => {
    expect(
      pioneerIndex(facts({ ledger: approved('disciplinePunishment') }), DEFAULT_ITEMS, 2026),
    ).toMatchObject({ total: 0, vetoed: true });
  });
  it('counts only approved declarations [PTS-15]', () => {
    const r = pioneerIndex(
      facts({
        ledger: [
          {
            id: 'p',
            itemCode: 'volunteer',
            month: '2026-03',
            status: 'pending',
            source: 'declared',
          },
        ],
      }),
      DEFAULT_ITEMS,
      2026,
    );
    expect(r.add).toBe(0);
    expect(r.entries.find((e) => e.id === 'p')?.status).toBe('pending');
  });
  it('gives exempt members no score [PTS-02]', () => {
    expect(pioneerIndex(facts({ exempt: true }), DEFAULT_ITEMS, 2026).total).toBeNull();
  });
});

describe('the branch standard', () => {
  it('refuses an item without one of the 四个合格 [PTS-04]', () => {
    expect(checkStandard([{ ...DEFAULT_ITEMS[0], category: 'other' as never }])).toMatchObject({
      ok: false,
      ruleId: 'PTS-04',
    });
  });
  it('refuses an uncapped add or deduct item [PTS-11]', () => {
    expect(checkStandard([{ ...DEFAULT_ITEMS[0], capPerYear: undefined }])).toMatchObject({
      ok: false,
      ruleId: 'PTS-11',
    });
  });
  it('refuses daily check-in, login or online-time items [PTS-12, PRIV-08]', () => {
    expect(
      checkStandard([
        {
          code: 'daka',
          category: 'political',
          name: '每日打卡学习',
          kind: 'add',
          points: 1,
          capPerYear: 5,
          source: 'auto',
        },
      ]),
    ).toMatchObject({ ok: false, ruleId: 'PTS-12' });
    expect(
      checkStandard([
        {
          code: 'online',
          category: 'political',
          name: '学习强国在线时长',
          kind: 'add',
          points: 1,
          capPerYear: 5,
          source: 'auto',
        },
      ]),
    ).toMatchObject({ ruleId: 'PTS-12' });
    expect(checkStandard(DEFAULT_ITEMS).ok).toBe(true);
  });
});

describe('ranking', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    memberId: `m${i}`,
    total: 90 - i * 5,
    vetoed: false,
    deduct: 0,
    flagged: false,
  }));
  it('marks the top 20% without a veto as 评先评优 candidates [PTS-23]', () => {
    const r = rank([...rows.slice(0, 9), { ...rows[9], total: 99, vetoed: true }]);
    expect(r.filter((x) => x.candidate).map((x) => x.memberId)).toEqual(['m0']); // top 2 of 10, the vetoed one excluded
    expect(r[0]).toMatchObject({ memberId: 'm9', candidate: false });
    expect(r[1]).toMatchObject({ memberId: 'm0', candidate: true });
  });
  it('flags the bottom only with a recorded problem, never by rank alone [PTS-24]', () => {
    expect(rank(rows).some((x) => x.needsTalk)).toBe(false);
    expect(
      rank([...rows.slice(0, 9), { ...rows[9], flagged: true }]).find((x) => x.memberId === 'm9')
        ?.needsTalk,
    ).toBe(true);
  });
  it('never splits a tie at the edge of a share [PTS-23]', () => {
    const tied = rank([
      { ...rows[0] },
      { ...rows[1], total: 90 },
      { ...rows[2], total: 90 },
      ...rows.slice(3),
    ]);
    expect(tied.filter((x) => x.candidate).map((x) => x.memberId)).toEqual(['m0', 'm1', 'm2']);
  });
  it('gives equal totals the same rank', () => {
    expect(rank([{ ...rows[0] }, { ...rows[1], total: 90 }]).map((x) => x.rank)).toEqual([1, 1]);
  });
  it('maps totals to stars [PTS-37, FORT-18]', () => {
    expect([59, 60, 75, 89, 92, 96].map(stars)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('堡垒指数', () => {
  const base = {
    themeDayMonths: 12,
    assembly: { compliant: 4, required: 4 },
    committee: { months: 12 },
    lecture: { held: 2, required: 2 },
    orgLifeHeld: true,
    appraisalDone: null,
    dues: null,
    termOk: true,
    disclosureMonths: null,
  };
  it('computes 共性 from records, renormalised over the items that apply [FORT-03, FORT-04]', () => {
    expect(fortressIndex(base, null)).toMatchObject({ common: 60, personal: 0, assessed: false });
    expect(fortressIndex({ ...base, themeDayMonths: 6, committee: null }, null).common).toBe(
      Math.floor((60 * 22) / 28),
    );
  });
  it('zeroes 换届 when the term ran out [FORT-11]', () => {
    expect(
      fortressIndex({ ...base, termOk: false }, null).items.find((i) => i.code === 'term')?.points,
    ).toBe(0);
  });
  it("adds the superior's 个性 40; a reverse item makes the branch 三类 [FORT-14, FORT-15]", () => {
    expect(
      fortressIndex(base, { evaluation: 18, fiveStandards: 10, centralWork: 8, reverse: [] }),
    ).toMatchObject({ total: 96, stars: 5 });
    expect(
      fortressIndex(base, {
        evaluation: 18,
        fiveStandards: 10,
        centralWork: 8,
        reverse: ['overTerm'],
      }),
    ).toMatchObject({ grade: '三类', stars: 0 });
  });
});

describe('declaration window [PTS-14]', () => {
  const at = (iso: string) => new Date(iso);
  it('offers last month until the 5th of this month, Beijing time, and not from the 6th', () => {
    expect(declarableMonths(at('2026-12-05T23:59:59+08:00'))).toEqual(['2026-12', '2026-11']);
    expect(declarableMonths(at('2026-12-06T00:00:00+08:00'))).toEqual(['2026-12']);
    // 16:30 UTC on the 5th is already the 6th in Beijing
    expect(declarableMonths(at('2026-12-05T16:30:00Z'))).toEqual(['2026-12']);
    expect(declarableMonths(at('2026-12-01T00:00:00+08:00'))).toEqual(['2026-12', '2026-11']);
  });
  it('reaches back over the year turn', () => {
    expect(declarableMonths(at('2026-12-31T16:30:00Z'))).toEqual(['2027-01', '2026-12']);
    expect(declarableMonths(at('2027-01-05T12:00:00+08:00'))).toEqual(['2027-01', '2026-12']);
    expect(declarableMonths(at('2027-01-06T00:00:00+08:00'))).toEqual(['2027-01']);
  });
  it('refuses a month not yet begun and a month whose window closed, naming the date', () => {
    expect(declarationWindow('2026-12', at('2026-11-30T23:59:00+08:00'))).toMatchObject({
      ok: false,
      code: 'POINTS.DECLARATION_CLOSED',
    });
    expect(declarationWindow('2026-11', at('2026-12-05T23:59:00+08:00')).ok).toBe(true);
    expect(declarationWindow('2026-11', at('2026-12-06T00:00:00+08:00'))).toMatchObject({
      ok: false,
      code: 'POINTS.DECLARATION_CLOSED',
      message: '2026-11的申报已于2026-12-05截止',
      ruleId: 'PTS-14',
    });
    expect(declarationClosesOn('2026-12')).toBe('2027-01-05');
  });
  it('agrees with the months it offers, day by day through a year turn', () => {
    for (
      let d = Date.parse('2026-11-25T00:00:00+08:00');
      d < Date.parse('2027-01-10');
      d += 3600_000 * 7
    ) {
      const now = new Date(d);
      for (const month of ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02'])
        expect(declarationWindow(month, now).ok).toBe(declarableMonths(now).includes(month));
    }
  });
});

describe('quarterly publication and appeal window [PTS-18]', () => {
  const at = (iso: string) => new Date(iso);
  it('publishes a quarter from its last month on; before that the previous one', () => {
    expect(publishableQuarter(at('2026-12-01T00:00:00+08:00'))).toBe('2026-Q4');
    expect(publishableQuarter(at('2026-11-30T23:59:59+08:00'))).toBe('2026-Q3');
    expect(mayPublishQuarter('2026-Q4', at('2026-11-30T23:59:59+08:00'))).toBe(false);
    expect(mayPublishQuarter('2026-Q4', at('2026-12-01T00:00:00+08:00'))).toBe(true);
  });
  it('turns Q4 into Q1 over the year: January and February still publish last year’s Q4', () => {
    expect(publishableQuarter(at('2026-12-31T16:30:00Z'))).toBe('2026-Q4'); // 1 January in Beijing
    expect(publishableQuarter(at('2027-02-28T23:59:59+08:00'))).toBe('2026-Q4');
    expect(publishableQuarter(at('2027-03-01T00:00:00+08:00'))).toBe('2027-Q1');
    expect(quarterOf('2027-03')).toBe('2027-Q1');
    expect(quarterOf('2026-10')).toBe('2026-Q4');
  });
  it('keeps the window open 7 days, for the entries of the published quarter and the base items', () => {
    const published = at('2026-12-01T09:00:00+08:00');
    const pubs = [{ quarter: '2026-Q4', appealUntil: appealUntil(published) }];
    const last = at('2026-12-08T09:00:00+08:00');
    expect(appealWindowFor('2026-11', pubs, last)?.quarter).toBe('2026-Q4');
    expect(appealWindowFor('base', pubs, last)?.quarter).toBe('2026-Q4');
    expect(appealWindowFor('2026-09', pubs, last)).toBeNull();
    expect(appealWindowFor('2026-11', pubs, new Date(+last + 1))).toBeNull();
  });
});

describe('facts from the finalised records [PTS-20]', () => {
  const member = {
    _id: 'm',
    orgId: 'b',
    exempt: false,
    mobile: false,
    birthDate: '1960-06-01',
    roles: [],
  };
  const none: YearRecords = {
    activities: [],
    entries: [],
    duesBases: [],
    duesPayments: [],
    noticeReads: [],
  };
  const today = new Date('2026-12-01T09:00:00+08:00');
  it('counts a notice read within 7 days of publication, not one a moment later [PTS-32, DIS-15]', () => {
    const publishedAt = new Date('2026-10-01T09:00:00+08:00');
    const read = (ms: number) => ({
      memberId: 'm',
      noticeId: `n${ms}`,
      publishedAt,
      at: new Date(+publishedAt + ms),
    });
    const f = memberFacts(
      member,
      { ...none, noticeReads: [read(7 * 86400_000), read(7 * 86400_000 + 1)] },
      today,
    );
    expect(f.noticeReads.map((r) => r.id)).toEqual([`n${7 * 86400_000}`]);
  });
  it('counts a dues month paid in full by the end of the next month only [PTS-30]', () => {
    const base = { memberId: 'm', fromMonth: '2026-09', monthlyFen: 1000 };
    const pay = (month: string, paidOn: string, amountFen = 1000) => ({
      memberId: 'm',
      month,
      amountFen,
      paidOn: new Date(`${paidOn}+08:00`),
    });
    const f = memberFacts(
      member,
      {
        ...none,
        duesBases: [base],
        duesPayments: [
          pay('2026-09', '2026-10-31T23:59:00'), // in time
          pay('2026-10', '2026-12-01T00:00:00'), // a month late
          pay('2026-11', '2026-11-10T10:00:00', 999), // short by 1 fen
        ],
      },
      today,
    );
    // Sep in time; Oct paid late (its grace period is over); Nov short but still in its grace
    // period and Dec running: neither is "unpaid" yet [PTS-30]
    expect(f.dues).toEqual({ monthsPaid: 1, monthsDue: 2 });
    expect(memberFacts(member, none, today).dues).toBeNull();
  });
  it('uses the simplified variant from 70 and for 流动党员 [PTS-35]', () => {
    expect(memberFacts({ ...member, birthDate: '1956-12-01' }, none, today).simplified).toBe(true);
    expect(memberFacts({ ...member, birthDate: '1956-12-02' }, none, today).simplified).toBe(false);
    expect(memberFacts({ ...member, mobile: true }, none, today).simplified).toBe(true);
  });
  it('ranks only members with a score [PTS-02]', () => {
    const rows = branchStanding(
      [
        { ...member, name: '甲' },
        { ...member, _id: 'e', name: '乙', exempt: true },
      ],
      none,
      DEFAULT_ITEMS,
      2026,
      today,
    );
    expect(rows.map((r) => r.memberId)).toEqual(['m']);
  });
});
