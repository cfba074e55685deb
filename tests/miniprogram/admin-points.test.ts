/** @jest-environment ./tests/setup/page-environment.ts */
// 评定加扣分 and 积分标准, against the real backend (clock at 2026-12-01 09:00 Beijing): the
// scorer awards an assessed item [PTS-20]; a 一票否决 asks first in plain words and is stored only
// once confirmed [PTS-34]; the standard is edited item by item and saved as a new version from a
// date, from tomorrow at the earliest ("自12月2日起执行") [PTS-13]. Entry from 积分审核; plain members are turned away.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';
import { itemGroups } from '../../miniprogram/subpackages/points/award/view';

const server = useBackend('demo');
let awardPage: string;
let standardPage: string;
let reviewPage: string;

beforeAll(() => {
  awardPage = loadPage('subpackages/points/award/index');
  standardPage = loadPage('subpackages/points/standard/index');
  reviewPage = loadPage('subpackages/points/review/index');
});

afterEach(() => jest.restoreAllMocks());

const assessed = (memberId: string, itemCode: string) =>
  server.backend
    .docs('pointEntries')
    .filter((e) => e.memberId === memberId && e.itemCode === itemCode && e.source === 'assessed');

async function award(page: PageComponent, itemCode: string, note: string) {
  await tap(page, `.item-${itemCode}`);
  await typeText(page, '.note-input', note);
  await tap(page, '.submit-button', '.t-button');
}

describe('评定加扣分 [PTS-20]', () => {
  it('should award an assessed item to the member the page was opened for', async () => {
    actAs('demo-organizer');
    const page = await openPage(awardPage, { memberId: 'demo-member-3' });
    expect(page.data.names[page.data.personIndex]).toBe('杨帆');
    expect(page.data.names).not.toContain('张伟'); // never oneself [PRIV-21]
    expect(textOf(find(page, '.group--add'))).toContain('+2 分');
    find(page, '.month-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    await award(page, 'lecture', '11月为支部讲专题党课一次');

    expect(assessed('demo-member-3', 'lecture')).toEqual([
      expect.objectContaining({ month: '2026-11', note: '11月为支部讲专题党课一次' }),
    ]);
    expect(textOf(find(page, '.form-success'))).toBe('已为杨帆记 +2 分（讲党课或上讲台）');
  });

  it('should ask before a 一票否决 and store it only once confirmed [PTS-34]', async () => {
    actAs('demo-secretary');
    const page = await openPage(awardPage, { memberId: 'demo-member-2' });
    expect(textOf(find(page, '.group--veto'))).toContain('清零');

    const dialog = answerDialogs(false);
    await award(page, 'crime', '经支委会研究，依据法院判决');
    expect((dialog.mock.calls[0][0] as { content: string }).content).toContain(
      '刘洋本年度积分清零',
    );
    expect(assessed('demo-member-2', 'crime')).toHaveLength(0);

    dialog.mockRestore();
    answerDialogs(true);
    await award(page, 'crime', '经支委会研究，依据法院判决');
    expect(assessed('demo-member-2', 'crime')).toHaveLength(1);
    expect(textOf(page)).toContain('已对刘洋适用一票否决');
  });

  it('should offer the veto items only to whoever holds points.veto', () => {
    const items = [
      {
        code: 'a',
        category: 'morality',
        name: '受到表彰',
        kind: 'add',
        points: 1,
        source: 'assessed',
      },
      {
        code: 'v',
        category: 'discipline',
        name: '违法犯罪',
        kind: 'veto',
        points: 0,
        source: 'assessed',
      },
      { code: 'n', category: 'political', name: '签阅', kind: 'add', points: 1, source: 'auto' },
    ] as const;
    expect(itemGroups(items as never, false).map((g) => g.kind)).toEqual(['add']);
    expect(itemGroups(items as never, true).map((g) => g.kind)).toEqual(['add', 'veto']);
    expect(itemGroups(items as never, true)[0].items.map((i) => i.code)).toEqual(['a']);
  });

  it('should be linked from 积分审核 and turn a plain member away', async () => {
    actAs('demo-organizer');
    const desk = await openPage(reviewPage);
    const go = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(desk, '.award-link', '.t-button');
    expect(go).toHaveBeenCalledWith({ url: '/subpackages/points/award/index' });

    actAs('demo-member-1');
    const page = await openPage(awardPage);
    expect(textOf(page)).toContain('只有记分员或支部委员可以评定加扣分');
  });
});

describe('积分标准 [PTS-13]', () => {
  function keyOf(page: PageComponent, name: string): string {
    for (const c of page.data.categories)
      for (const i of c.items) if (i.name === name) return i.key;
    throw new Error(`no item ${name}`);
  }

  it('should save edited points, an added and a removed item as a version from a date', async () => {
    actAs('demo-secretary');
    const page = await openPage(standardPage);
    expect(textOf(page)).toContain('目前按默认标准计分');
    expect(textOf(find(page, '.category-political'))).toContain('政治合格');

    await typeText(page, `.std-item-${keyOf(page, '受到表彰')} .points-input`, '2');
    answerDialogs(true);
    await tap(page, `.std-item-${keyOf(page, '品德方面经核实的问题')} .std-item__remove`);
    await tap(page, '.add-contribution');
    await typeText(page, `.std-item-${keyOf(page, '')} .name-input`, '参加社区防疫志愿服务');
    await typeText(page, `.std-item-${keyOf(page, '参加社区防疫志愿服务')} .cap-input`, '3');
    expect(textOf(page)).toContain('自12月2日起执行');
    await tap(page, '.save-button', '.t-button');
    expect(textOf(find(page, '.form-success'))).toBe('已保存为第1版，自12月2日起执行');

    const saved = await server.backend.ok(
      'points',
      'standard',
      { orgId: 'demo-branch', year: 2026 },
      'demo-secretary',
    );
    expect(saved).toMatchObject({ version: 1, effectiveFrom: '2026-12-02', isDefault: false });
    const byName = new Map(saved.items.map((i: { name: string }) => [i.name, i]));
    expect(byName.get('受到表彰')).toMatchObject({ points: 2 });
    expect(byName.has('品德方面经核实的问题')).toBe(false);
    expect(byName.get('参加社区防疫志愿服务')).toMatchObject({
      category: 'contribution',
      kind: 'add',
      points: 1,
      capPerYear: 3,
      source: 'assessed',
    });
  });

  it('should say plainly what to fix before saving, and save nothing', async () => {
    actAs('demo-secretary');
    const page = await openPage(standardPage);
    await typeText(page, `.std-item-${keyOf(page, '受到表彰')} .points-input`, '30');
    await tap(page, '.save-button', '.t-button');
    expect(textOf(find(page, '.form-error'))).toBe('“受到表彰”的分值应为1到20之间的整数');
    expect(server.backend.docs('pointStandards')).toHaveLength(0);
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(standardPage);
    expect(textOf(page)).toContain('只有记分员或支部委员可以修改积分标准');
  });
});
