/** @jest-environment ./tests/setup/page-environment.ts */
// 我的先锋指数 in words a member reads: each entry says what happened and what it did to the score,
// 申辩 only on what lowered it [PTS-18], an answered appeal says what changed, one term for the
// base score, and the chart from the first record on.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  textOf,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
let indexPage: string;
let appealPage: string;

beforeAll(() => {
  indexPage = loadPage('pages/points/index/index');
  appealPage = loadPage('subpackages/points/appeal/index');
});

afterEach(() => jest.restoreAllMocks());

const award = (memberId: string, itemCode: string) =>
  server.backend.ok(
    'points',
    'award',
    { memberId, itemCode, month: '2026-12', note: '支委会认定' },
    'demo-secretary',
  );
const publish = () =>
  server.backend.ok(
    'points',
    'publishQuarter',
    { orgId: 'demo-branch', quarter: '2026-Q4' },
    'demo-organizer',
  );

describe('先锋指数的每一条记录', () => {
  it('should word an absence as 缺席 with its effect, never the generic 参加组织生活 [TD-25]', async () => {
    actAs('demo-member-7'); // absent at the seed's November theme day
    const page = await openPage(indexPage);
    const records = textOf(find(page, '.entries--record'));
    expect(records).toContain('组织生活 · 缺席');
    expect(records).toContain('组织生活分按出勤比例减少');
    expect(records).toContain('签到记录');
    expect(textOf(page)).not.toContain('参加组织生活');
  });

  it('should show how the total is made, with one term for the base score [PTS-27]', async () => {
    const index = await server.backend.ok('points', 'index', { year: 2026 }, 'demo-member-1');
    actAs('demo-member-1');
    const page = await openPage(indexPage);
    expect(textOf(find(page, '.score__sum'))).toBe(
      `基础分 48 + 加分 0 + （20 − 扣分 0） = ${index.total} 分`,
    );
    expect(textOf(page)).not.toContain('基准分');
  });

  it('should draw the chart from the first month with a record, saying which months have none', async () => {
    actAs('demo-member-1');
    const page = await openPage(indexPage);
    const labels = page.data.view.trend.map((t: { label: string }) => t.label);
    expect(labels).toEqual(['11月', '12月']);
    expect(textOf(find(page, '.chart__note'))).toContain('1–10月没有记录');
  });

  it('should offer 申辩 on a deduction but not on a commendation [PTS-18]', async () => {
    await award('demo-member-1', 'commendation');
    await award('demo-member-1', 'criticism');
    await publish();
    actAs('demo-member-1');
    const page = await openPage(indexPage);
    const add = find(page, '.entries--add')!;
    expect(textOf(add)).toContain('受到表彰');
    expect(textOf(add)).toContain('+1');
    expect(textOf(add)).toContain('支委评定');
    expect(find(page, '.entries--add .entry__appeal')).toBeUndefined();
    const deduct = find(page, '.entries--deduct')!;
    expect(textOf(deduct)).toContain('−5');
    expect(find(page, '.entries--deduct .entry__appeal')).toBeTruthy();
    // Nothing full is offered either: 组织生活 24 of 24 has no 申辩.
    const base = page.data.view.groups.find((g: { key: string }) => g.key === 'base');
    const orgLife = base.entries.find((e: { name: string }) => e.name === '组织生活（出勤折算）');
    expect(orgLife.appealable).toBe(false);
  });

  it('should say what an accepted appeal changed, and count it [PTS-18] [PTS-17]', async () => {
    answerDialogs(true);
    const before = (await server.backend.ok('points', 'index', { year: 2026 }, 'demo-member-1'))
      .total!;
    await award('demo-member-1', 'criticism');
    await publish();
    const index = await server.backend.ok('points', 'index', { year: 2026 }, 'demo-member-1');
    const entry = index.entries.find((e) => e.itemCode === 'criticism')!;
    const { appealId } = await server.backend.ok(
      'points',
      'appeal',
      { entryId: entry.id, reason: '当时已说明情况' },
      'demo-member-1',
    );
    await server.backend.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: true, reply: '经核实，撤销扣分' },
      'demo-secretary',
    );
    actAs('demo-member-1');
    const appeals = await openPage(appealPage);
    expect(textOf(find(appeals, '.appeals'))).toContain('已采纳：积分增加 5 分，已计入总分');
    const page = await openPage(indexPage);
    expect(textOf(find(page, '.score__total'))).toBe(`${before}分`);
    expect(textOf(find(page, '.entries--add'))).toContain('申辩调整');
  });
});
