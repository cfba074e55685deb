/** @jest-environment ./tests/setup/page-environment.ts */
// The superior's 首页 is the compliance grid (issue 16), against the real backend at the demo
// instant: a row per branch, every cell the state org.dashboard derived from the records, drawn
// with a symbol and a word (never colour alone), a month picker, a tap into the branch page, the
// links to 抽查 / 名额和排名 / 换届 and the export. Whoever does not oversee keeps today's home.
import type {
  CellState,
  DashboardOutput,
} from '../../cloudfunctions/_shared/contracts/org-oversight';
import {
  actAs,
  beijingNow,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let homePage: string;
let pointsPage: string;
beforeAll(() => {
  homePage = loadPage('pages/home/index/index');
  pointsPage = loadPage('pages/points/index/index');
});
afterEach(() => jest.restoreAllMocks());

const SUP = 'demo-superior';
const { year, month } = beijingNow();
/** The grid opens on the last month that has ended (the demo instant: 1 December → November). */
const opened = Math.max(1, Number(month.slice(5)) - 1);
const WORDS: Record<CellState, RegExp> = {
  held: /^✓ ?(已开展|已交齐|已公开|按时)$/,
  missing: /^✗ ?(缺|欠交|逾期)$/,
  due: /^… ?(待开展|待交|待公开|待归档)$/,
  'n/a': /^— ?不适用$/,
};

/** The state of the period containing `m` as the backend labels periods (month, quarter, half, year). */
function expectedState(cells: Record<string, CellState>, m: number): CellState {
  const mm = String(m).padStart(2, '0');
  const q = Math.ceil(m / 3);
  const h = m <= 6 ? 1 : 2;
  for (const key of [`${year}-${mm}`, `${year}-Q${q}`, `${year}-H${h}`, `${year}`])
    if (cells[key]) return cells[key];
  return 'n/a';
}

const grid = (page: PageComponent) => find(page, '.oversight__grid');

function expectCells(page: PageComponent, d: DashboardOutput, m: number): void {
  d.branches.forEach((b, i) => {
    expect(textOf(find(grid(page)!, `.grid__branch-${i}`))).toContain(b.name);
    d.obligations.forEach((o, c) => {
      const text = textOf(find(grid(page)!, `.grid__row-${i} .grid__cell-${c}`));
      expect(text).toMatch(WORDS[expectedState(b.cells[o.key], m)]);
    });
  });
}

describe('首页 for the superior: the compliance grid', () => {
  it('has a row per branch and every cell as org.dashboard says, in a symbol and a word [PRIV-11, TD-01]', async () => {
    const d = await server.backend.ok('org', 'dashboard', { orgId: 'demo-committee', year }, SUP);
    actAs(SUP);
    const page = await openPage(homePage);
    const text = textOf(grid(page));
    expect(text).toContain(`${year}年${opened}月`);
    for (const o of d.obligations) expect(text).toContain(o.label);
    for (const w of ['✓ 已开展', '✗ 缺', '… 待开展', '— 不适用']) expect(text).toContain(w);
    expect(d.branches.length).toBeGreaterThanOrEqual(2);
    expectCells(page, d, opened);
    // the summary names the branches with a gap in the month [TD-01]
    const gaps = d.branches.filter((b) =>
      d.obligations.some((o) => expectedState(b.cells[o.key], opened) === 'missing'),
    );
    const summary = textOf(find(grid(page)!, '.grid__summary'));
    if (gaps.length) {
      expect(summary).toContain(`${opened}月有${gaps.length}个支部有缺项`);
      for (const b of gaps.slice(0, 3)) expect(summary).toContain(b.name);
    } else expect(summary).toContain('都没有缺项');
    // stars and alerts in words on each row [FORT-22]
    d.branches.forEach((b, i) => {
      const row = textOf(find(grid(page)!, `.grid__branch-${i}`));
      expect(row).toContain(`党员${b.members}人`);
      expect(row).toContain(`${b.fortress.stars}星`);
      expect(row).toContain(b.alerts.length ? `提醒${b.alerts.length}条` : '无提醒');
    });
    expect(text).not.toMatch(/undefined|null|NaN|held|missing|themeDay/);
  });

  it('shows another month when one is picked: a quarterly obligation shows its quarter [MTG-05]', async () => {
    const d = await server.backend.ok('org', 'dashboard', { orgId: 'demo-committee', year }, SUP);
    actAs(SUP);
    const page = await openPage(homePage);
    find(grid(page)!, '.grid__month-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    expect(textOf(grid(page))).toContain(`${year}年2月`);
    expectCells(page, d, 2);
  });

  it('opens the branch page from a row, and offers 抽查, 名额和排名, 换届 and the export [MTG-37, FORT-23]', async () => {
    const d = await server.backend.ok('org', 'dashboard', { orgId: 'demo-committee', year }, SUP);
    actAs(SUP);
    const page = await openPage(homePage);
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(grid(page)!, '.grid__branch-0');
    expect(nav).toHaveBeenLastCalledWith({
      url: `/subpackages/org/branch/index?orgId=${d.branches[0].orgId}&year=${year}`,
    });
    await tap(grid(page)!, '.grid__row-1');
    expect(nav).toHaveBeenLastCalledWith({
      url: `/subpackages/org/branch/index?orgId=${d.branches[1].orgId}&year=${year}`,
    });
    for (const [cls, pageName] of [
      ['spot', 'spot-checks'],
      ['quotas', 'quotas'],
      ['elections', 'elections'],
    ]) {
      await tap(page, `.oversight-link--${cls}`);
      expect(nav).toHaveBeenLastCalledWith({
        url: `/subpackages/org/${pageName}/index?orgId=demo-committee&year=${year}`,
      });
    }
    const exportCard = find(page, '.oversight-export');
    expect(textOf(exportCard)).toContain(`${year}年各支部落实情况总表`);
    expect(exportCard?.instance?.properties ?? exportCard?.data).toMatchObject({
      kind: 'dashboard',
      orgId: 'demo-committee',
      year,
    });
  });

  it('keeps today’s home for a branch secretary and a member: no grid [FORT-23, PRIV-09]', async () => {
    for (const who of ['demo-secretary', 'demo-member-1']) {
      actAs(who);
      const page = await openPage(homePage);
      expect(find(page, '.oversight__grid')).toBeUndefined();
      expect(textOf(page)).not.toContain('各支部落实情况');
      expect(textOf(page)).toContain('党务公开');
    }
  });
});

describe('积分 tab for the superior', () => {
  it('leads to the grid and the ranking instead of "尚未开启" [FORT-23]', async () => {
    actAs(SUP);
    const page = await openPage(pointsPage);
    expect(textOf(page)).not.toContain('尚未开启党员积分管理');
    expect(textOf(page)).toContain('查看各支部落实情况总表');
    const sw = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined);
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(page, '.overseer__grid', '.t-button');
    expect(sw).toHaveBeenCalledWith({ url: '/pages/home/index/index' });
    await tap(page, '.overseer__quotas', '.t-button');
    expect(nav).toHaveBeenCalledWith({ url: '/subpackages/org/quotas/index' });
  });
});
