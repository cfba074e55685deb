import { Backend, startBackend } from '../support/backend';

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
const SUP = 'demo-superior';
const at = (s: string) => b.emulator.clock.freeze(Date.parse(`${s}+08:00`));
const fortress = (orgId = 'demo-branch') => b.ok('points', 'fortress', { orgId, year: 2026 }, SUP);
const item = (f: any, code: string) => f.items.find((i: any) => i.code === code);

/** An activity held today with one member signed in and closed; archived at once or not. */
async function held(
  type: 'branchAssembly' | 'partyLecture',
  title: string,
  start: string,
  archive: boolean,
) {
  at(`${start.slice(0, 10)}T${String(Number(start.slice(11, 13)) - 1).padStart(2, '0')}:55:00`);
  const end = `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}:00:00`;
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type,
      title,
      startAt: `${start}+08:00`,
      endAt: `${end}+08:00`,
      agenda: ['学习讨论'],
    },
    SEC,
  );
  const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
  await b.ok('activity', 'checkin', { token }, 'demo-member-1');
  await b.ok('activity', 'close', { activityId: id }, SEC);
  await b.ok('activity', 'record', { activityId: id, minutes: '学习讨论并形成决议', archive }, SEC);
  return id;
}

describe('堡垒指数 from the activity records [FORT-05, FORT-13]', () => {
  it('counts a held 党员大会 towards its profile periods and a record filed in time [FORT-05, FORT-13]', async () => {
    const before = await fortress();
    expect(item(before, 'assembly')).toMatchObject({ points: 0, max: 4 });
    const filedBefore = item(before, 'records');
    await held('branchAssembly', '第四季度党员大会', '2026-12-01T10:00:00', true);
    const after = await fortress();
    expect(item(after, 'assembly')).toMatchObject({ points: 1, max: 4 }); // 1 of 4 quarters (hunan)
    expect(item(after, 'records')).toMatchObject({ points: 4, max: 4 });
    expect(filedBefore).toMatchObject({ points: 4 });
  });
  it('takes the points off a record archived after its filing window [FORT-13, MTG-19]', async () => {
    const id = await held('branchAssembly', '第四季度党员大会', '2026-12-01T10:00:00', false);
    at('2026-12-04T23:00:00'); // still within 3 days: not yet late, not counted
    expect(item(await fortress(), 'records')).toMatchObject({ points: 4 });
    at('2026-12-05T09:00:00');
    const late = item(await fortress(), 'records');
    expect(late.points).toBeLessThan(4);
    await b.ok('activity', 'record', { activityId: id, minutes: '补记', archive: true }, SEC);
    expect(item(await fortress(), 'records').points).toBe(late.points); // archiving late stays late
  });
  it('counts the half-year report as filed once exported for the superior [FORT-13]', async () => {
    expect(item(await fortress(), 'reports')).toMatchObject({ points: 0, max: 2 }); // H1 due 15 July
    await b.ok(
      'activity',
      'report',
      { orgId: 'demo-branch', half: '2026-H1', format: 'xlsx' },
      SUP,
    );
    expect(item(await fortress(), 'reports')).toMatchObject({ points: 2, max: 2 });
  });
});

describe('one 堡垒指数 per branch and year, its structure and the advice [FORT-01, FORT-02, FORT-21]', () => {
  it('shows the four 咸宁 groups for a 咸宁 branch only [FORT-01]', async () => {
    const { id } = await b.ok(
      'org',
      'createOrg',
      {
        parentId: 'demo-committee',
        name: '咸宁测试村党支部',
        kind: 'branch',
        category: 'village',
        profile: 'xianning',
        termStart: '2025-01-01',
      },
      SUP,
    );
    const x = await fortress(id);
    expect(x.groups!.map((g: any) => g.name)).toEqual([
      '组织开展“主题党日+”',
      '开展“三会一课”',
      '强化日常监督',
      '落实“两学一做”',
    ]);
    expect(x.personalItems[2].name).toContain('乡村振兴');
    expect((await fortress()).groups).toBeUndefined();
  });
  it('adds the superior’s 个性 40 to 共性 60; a reverse item makes the branch 后进 [FORT-02]', async () => {
    const assess = (reverse: 'weakBranch'[]) =>
      b.ok(
        'points',
        'assessFortress',
        {
          orgId: 'demo-branch',
          year: 2026,
          evaluation: 18,
          fiveStandards: 10,
          centralWork: 8,
          reverse,
        },
        SUP,
      );
    await assess([]);
    const f = await fortress();
    expect(f.personal).toBe(36);
    expect(f.total).toBe(f.common + 36);
    expect(f.personalItems.map((p: any) => p.points)).toEqual([18, 10, 8]);
    expect(f.backward).toBe(false);
    await assess(['weakBranch']);
    expect(await fortress()).toMatchObject({ backward: true, grade: '三类', stars: 0 });
  });
  it('advises a grade from the stars unless the superior turns the advice off [FORT-21]', async () => {
    expect((await fortress()).advice).toMatchObject({ grade: '三类', ruleId: 'FORT-21' }); // no star yet
    await b.ok(
      'org',
      'setSetting',
      {
        orgId: 'demo-branch',
        key: 'fort.gradeAdvice',
        value: false,
        reason: '本年度由党委直接评定',
      },
      SUP,
    );
    expect((await fortress()).advice).toBeNull();
  });
});
