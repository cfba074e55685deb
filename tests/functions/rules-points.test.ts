import { Backend, snapshot, startBackend } from '../support/backend';

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
const SCORER = 'demo-organizer';
const SUP = 'demo-superior';
const at = (s: string) => b.emulator.clock.freeze(Date.parse(`${s}+08:00`));
const idx = (memberId: string, year = 2026) =>
  b.ok('points', 'index', { year, memberId }, SCORER === memberId ? SEC : SCORER);
const award = (memberId: string, itemCode: string, month: string, note = '支委会认定') =>
  b.ok('points', 'award', { memberId, itemCode, month, note }, SCORER);
const lectures = (r: any) =>
  r.entries.filter((e: any) => e.itemCode === 'lecture').map((e: any) => e.points);

describe('党费 in the 先锋指数 on 3 July [PTS-30, FEE-24]', () => {
  const setBase = (memberId: string) =>
    b.ok(
      'dues',
      'setBase',
      { memberId, year: 2026, category: 'salaried', baseFen: 400000, fromMonth: '2026-01' },
      SCORER,
    );
  const pay = (memberId: string, m: number) => {
    const month = `2026-${String(m).padStart(2, '0')}`;
    return b.ok('dues', 'pay', { memberId, month, amountFen: 4000, paidOn: `${month}-10` }, SCORER);
  };
  it('gives 12 of 12 to a member who has paid every month so far in full; an overdue month still costs [PTS-30, FEE-24]', async () => {
    at('2026-07-03T10:00:00');
    await setBase('demo-member-1');
    await setBase('demo-member-2');
    for (const m of [1, 2, 3, 4, 5, 6]) await pay('demo-member-1', m);
    for (const m of [1, 2, 3, 4, 6]) await pay('demo-member-2', m); // May: its grace period ended 30 June
    expect((await idx('demo-member-1')).base.dues).toBe(12);
    expect((await idx('demo-member-2')).base.dues).toBe(10); // floor(12 × 5 / 6)
    // June not yet paid on 3 July is still inside its grace period
    await setBase('demo-member-3');
    for (const m of [1, 2, 3, 4, 5]) await pay('demo-member-3', m);
    expect((await idx('demo-member-3')).base.dues).toBe(12);
  });
});

describe('the yearly cycle [PTS-03]', () => {
  it('starts empty on 1 January, with nothing carried over from the year before [PTS-03]', async () => {
    await award('demo-member-3', 'commendation', '2026-11');
    const last = await idx('demo-member-3');
    expect(last.add).toBe(1);
    at('2027-01-01T00:30:00');
    const next = await idx('demo-member-3', 2027);
    expect(next.add).toBe(0);
    expect(next.deduct).toBe(0);
    expect(next.entries.every((e: any) => e.kind === 'base')).toBe(true);
    expect(next.trend.map((t: any) => t.month)).toEqual(['2027-01']);
    // the year before keeps its own ledger
    expect((await idx('demo-member-3')).add).toBe(1);
  });
});

describe('versioned standards [PTS-13]', () => {
  it('scores each event by the version in force at its date and never rescores earlier ones [PTS-13]', async () => {
    await award('demo-member-3', 'lecture', '2026-11');
    const { items } = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    const changed = items.map((i: any) =>
      i.code === 'lecture' ? { ...i, points: 3, capPerYear: 6 } : i,
    );
    const set = await b.ok(
      'points',
      'setStandard',
      { orgId: 'demo-branch', year: 2026, items: changed },
      SEC,
    );
    expect(set).toEqual({ version: 1, effectiveFrom: '2026-12-02' });
    expect(lectures(await idx('demo-member-3'))).toEqual([2]);
    at('2026-12-03T10:00:00');
    await award('demo-member-3', 'lecture', '2026-12');
    expect(lectures(await idx('demo-member-3')).sort()).toEqual([2, 3]);
    await award('demo-member-5', 'lecture', '2026-11'); // a November event recorded late: old version
    expect(lectures(await idx('demo-member-5'))).toEqual([2]);
    const std = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(std.versions.map((v: any) => [v.version, v.effectiveFrom])).toEqual([
      [0, '2026-01-01'],
      [1, '2026-12-02'],
    ]);
    expect(std).toMatchObject({ version: 1, isDefault: false, effectiveFrom: '2026-12-02' });
  });
  it('shows the standard just set, with the day it takes effect, and which version scores today [PTS-13]', async () => {
    const { items } = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    const renamed = items.map((i: any) => (i.code === 'lecture' ? { ...i, name: '讲党课' } : i));
    await b.ok('points', 'setStandard', { orgId: 'demo-branch', year: 2026, items: renamed }, SEC);
    const std = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(std.items.find((i: any) => i.code === 'lecture')?.name).toBe('讲党课');
    expect(std).toMatchObject({ version: 1, effectiveFrom: '2026-12-02', inForceVersion: 0 });
    at('2026-12-02T08:00:00');
    expect(
      await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC),
    ).toMatchObject({ version: 1, inForceVersion: 1 });
  });
  it('refuses a version that would take effect before tomorrow, and writes nothing [PTS-13]', async () => {
    const { items } = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    const before = snapshot(b);
    const err = await b.err(
      'points',
      'setStandard',
      { orgId: 'demo-branch', year: 2026, items, effectiveFrom: '2026-11-01' },
      SEC,
    );
    expect(err).toMatchObject({ code: 'POINTS.STANDARD_INVALID', details: { ruleId: 'PTS-13' } });
    expect(err.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(snapshot(b)).toBe(before);
  });
});

describe('publishing the year standard [PTS-10]', () => {
  it('alerts the branch when the year standard was not published by 31 January, until it is [PTS-10]', async () => {
    const std = () => b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect((await std()).alerts).toMatchObject([{ ruleId: 'PTS-10' }]);
    const { items } = await std();
    await b.ok('points', 'setStandard', { orgId: 'demo-branch', year: 2026, items }, SEC);
    expect((await std()).alerts).toEqual([]);
  });
  it('takes the due day from the branch setting pts.standardDueDay [PTS-10]', async () => {
    at('2027-01-20T10:00:00');
    const std = () => b.ok('points', 'standard', { orgId: 'demo-branch', year: 2027 }, SEC);
    expect((await std()).alerts).toEqual([]); // due 31 January
    await b.ok(
      'org',
      'setSetting',
      {
        orgId: 'demo-branch',
        key: 'pts.standardDueDay',
        value: 15,
        reason: '党委要求1月15日前公布',
      },
      SEC,
    );
    expect((await std()).alerts).toMatchObject([{ ruleId: 'PTS-10' }]);
  });
});

describe('the catalogue by sector and the 咸宁 groups [PTS-05, PTS-08, PTS-09]', () => {
  const branch = async (category: 'village' | 'community', profile?: 'xianning') =>
    (
      await b.ok(
        'org',
        'createOrg',
        {
          parentId: 'demo-committee',
          name: `${category}测试党支部`,
          kind: 'branch',
          category,
          ...(profile ? { profile } : {}),
          termStart: '2025-01-01',
        },
        SUP,
      )
    ).id;
  it('gives a 农村 branch 带头致富 and a 社区 branch 便民服务 in its default standard [PTS-08]', async () => {
    const codes = async (orgId: string) =>
      (await b.ok('points', 'standard', { orgId, year: 2026 }, SUP)).items.map((i: any) => i.code);
    expect(await codes(await branch('village'))).toContain('leadProsperity');
    expect(await codes(await branch('community'))).toContain('convenience');
    const organ = await codes('demo-branch');
    expect(organ).not.toContain('leadProsperity');
    expect(organ).not.toContain('convenience');
  });
  it('refuses a 带头致富 item in a 机关 branch standard [PTS-08, PTS-05]', async () => {
    const { items } = await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, SEC);
    const err = await b.err(
      'points',
      'setStandard',
      {
        orgId: 'demo-branch',
        year: 2026,
        items: [
          ...items,
          {
            code: 'rich',
            category: 'contribution',
            subItem: 'leadProsperity',
            name: '带头致富',
            kind: 'add',
            points: 2,
            capPerYear: 6,
            source: 'assessed',
          },
        ],
      },
      SEC,
    );
    expect(err).toMatchObject({ code: 'POINTS.STANDARD_INVALID', details: { ruleId: 'PTS-08' } });
  });
  it('groups a 咸宁 member index into the five 先锋指数 groups, and no one else [PTS-09]', async () => {
    const orgId = await branch('village', 'xianning');
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId, members: [{ name: '李咸宁', status: 'full', joinedAt: '2010-07-01' }] },
      SUP,
    );
    const r = await b.ok('points', 'index', { year: 2026, memberId: created[0] }, SUP);
    expect(Object.keys(r.byGroup ?? {})).toEqual([
      'themeDayPlus',
      'meetings',
      'oversight',
      'capability',
      'duty',
    ]);
    expect(r.entries.every((e: any) => typeof e.group === 'string')).toBe(true);
    expect((await idx('demo-member-1')).byGroup).toBeUndefined();
  });
});

describe('弄虚作假 [PTS-26]', () => {
  it('deducts a confirmed false declaration and reports it to the superior [PTS-26]', async () => {
    const res = await award(
      'demo-member-4',
      'falseDeclaration',
      '2026-11',
      '虚报志愿服务次数，经支委会核实',
    );
    expect(res.alerts).toMatchObject([{ ruleId: 'PTS-26' }]);
    expect((await idx('demo-member-4')).deduct).toBe(5);
    const f = await b.ok('points', 'fortress', { orgId: 'demo-branch', year: 2026 }, SUP);
    expect(f.integrityReports).toMatchObject([{ memberId: 'demo-member-4', month: '2026-11' }]);
    expect(f.alerts).toMatchObject([{ ruleId: 'PTS-26' }]);
    const other = await award('demo-member-5', 'lecture', '2026-11');
    expect(other.alerts).toEqual([]);
  });
});

describe('points never set a grade [PTS-25]', () => {
  it('answers the index, the ranking and the scores with no grade in them [PTS-25]', async () => {
    await award('demo-member-2', 'disciplinePunishment', '2026-10', '受到党内警告处分');
    const GRADES = ['优秀', '合格', '基本合格', '不合格', '先进', '一类', '二类', '三类'];
    const walk = (v: unknown, found: string[] = []): string[] => {
      if (typeof v === 'string' && GRADES.includes(v)) found.push(v);
      if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (/grade|等次|rating/i.test(k)) found.push(k);
          walk(x, found);
        }
      return found;
    };
    const outputs = [
      await idx('demo-member-2'),
      await b.ok('points', 'ranking', { orgId: 'demo-branch', year: 2026 }, SEC),
      await b.ok('points', 'scores', { orgId: 'demo-branch', year: 2026 }, SEC),
    ];
    for (const o of outputs) expect(walk(o)).toEqual([]);
  });
});
