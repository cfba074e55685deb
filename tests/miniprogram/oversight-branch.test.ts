/** @jest-environment ./tests/setup/page-environment.ts */
// 支部情况: one branch's year for the superior (org.branchDetail), against the real backend at the
// demo instant: counts, committee, each record counted or not with attended/expected and filing,
// dues and disclosure by month, alerts; no ordinary member's name, no phone; refused to a branch.
import {
  actAs,
  beijingNow,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  useBackend,
  wx,
} from '../setup/simulate';

const server = useBackend('demo');
let branchPage: string;
beforeAll(() => {
  branchPage = loadPage('subpackages/org/branch/index');
});
afterEach(() => jest.restoreAllMocks());

const SUP = 'demo-superior';
const ORG = 'demo-branch';
const { year } = beijingNow();
const query = { orgId: ORG, year: String(year) };
const monthWord = (m: string) => `${Number(m.slice(5))}月`;

describe('支部情况 for the superior', () => {
  it('shows the counts, the committee and every record of the year as branchDetail says [PRIV-11, MTG-19]', async () => {
    const d = await server.backend.ok('org', 'branchDetail', { orgId: ORG, year }, SUP);
    actAs(SUP);
    const page = await openPage(branchPage, query);
    const text = textOf(page);
    expect(text).toContain(`${d.name} ${year}年`);
    expect(text).toMatch(
      new RegExp(`正式党员${d.members.full}人\\s*预备党员${d.members.probationary}人`),
    );
    expect(text).toContain(`堡垒指数 ${d.fortress.total} 分`);
    for (const c of d.committee) expect(textOf(find(page, '.committee'))).toContain(c.name);
    const records = textOf(find(page, '.records'));
    expect(d.records.length).toBeGreaterThan(0);
    for (const r of d.records) {
      expect(records).toContain(r.title);
      expect(records).toContain(`到会${r.attended}人，应到${r.expected}人`);
    }
    const counted = d.records.filter((r) => r.counted).length;
    expect(records).toContain(`共${d.records.length}次，计入${counted}次`);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    if (d.records.some((r) => !r.counted && r.date.slice(0, 10) < today))
      expect(records).toContain('✗ 不计入');
    if (d.records.some((r) => !r.counted && r.date.slice(0, 10) >= today))
      expect(records).toContain('… 尚未完成');
    if (d.records.some((r) => r.filedOnTime === false)) expect(records).toContain('✗ 逾期归档');
    const dues = textOf(find(page, '.dues'));
    for (const m of d.dues.months) {
      expect(dues).toContain(monthWord(m.month));
      // the grid's verdict of the month, in words: the running month is not yet a gap
      expect(dues).toContain(
        m.due === 0 || m.state === 'n/a'
          ? '— 无需交纳'
          : m.state === 'due'
            ? `… 本月收缴中：已交${m.paid}人，应交${m.due}人`
            : m.state === 'held'
              ? `✓ 已交齐（${m.due}人）`
              : `✗ 未交齐：已交${m.paid}人，应交${m.due}人`,
      );
    }
    const disclosures = textOf(find(page, '.disclosures'));
    for (const m of d.disclosures)
      expect(disclosures).toContain(
        m.count
          ? `✓ 公开${m.count}次`
          : m.state === 'due'
            ? '… 本月尚未公开'
            : m.state === 'n/a'
              ? '— 支部成立前'
              : '✗ 没有公开',
      );
    const alerts = textOf(find(page, '.alerts'));
    const inWords = (t: string) =>
      t.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);
    if (d.alerts.length) for (const a of d.alerts) expect(alerts).toContain(inWords(a.message));
    else expect(alerts).toContain('没有需要关注的事项');
    expect(text).not.toMatch(/undefined|null|NaN|themeDay|branchAssembly|\d{4}-\d{2}/);
  });

  it('names no ordinary member and shows no phone number [PTS-21, PRIV-07]', async () => {
    const d = await server.backend.ok('org', 'branchDetail', { orgId: ORG, year }, SUP);
    const committee = new Set(d.committee.map((c) => c.name));
    const members = server.backend
      .docs<{ name: string; orgId: string; phone?: string }>('members')
      .filter((m) => m.orgId === ORG);
    actAs(SUP);
    const text = textOf(await openPage(branchPage, query));
    for (const m of members) {
      if (!committee.has(m.name)) expect(text).not.toContain(m.name);
      if (m.phone) expect(text).not.toContain(m.phone);
    }
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('opens the branch’s own 落实情况 for the missing months and why [MTG-08]', async () => {
    actAs(SUP);
    const page = await openPage(branchPage, query);
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(page, '.records__compliance', '.t-button');
    expect(nav).toHaveBeenCalledWith({
      url: `/subpackages/activity/compliance/index?orgId=${ORG}`,
    });
  });

  it('is refused to a branch secretary in plain words [FORT-23]', async () => {
    actAs('demo-secretary');
    const text = textOf(await openPage(branchPage, query));
    expect(text).toContain('只有上级党组织可以查看各支部的落实情况');
    expect(text).not.toContain('到会');
  });

  it('says where to start when opened without a branch', async () => {
    actAs(SUP);
    const text = textOf(await openPage(branchPage, {}));
    expect(text).toContain('请从首页的落实情况总表点选一个支部');
  });
});
