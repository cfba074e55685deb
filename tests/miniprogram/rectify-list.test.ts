/** @jest-environment ./tests/setup/page-environment.ts */
// 整改清单 against the real backend [APR-18]: the committee adds an item (problem, measure, owner,
// deadline); the owner reports progress on their own item; a window not reported is 已逾期 in
// words; the committee marks it done with what shows it. Dates on the phone and the emulator are
// frozen to the same day.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  tap,
  textOf,
  typeText,
  useBackend,
} from '../setup/simulate';

const server = useBackend('demo');
const ORG = 'demo-branch';
const SEC = 'demo-secretary';
const M1 = 'demo-member-1';
let page: string;

beforeAll(() => {
  page = loadPage('subpackages/appraisal/rectify/index');
});

afterEach(() => {
  server.backend.restoreClock();
  jest.restoreAllMocks();
});

function at(iso: string) {
  server.backend.emulator.clock.freeze(Date.parse(iso));
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));
}

const cls = (id: string) => `.item-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const items = () =>
  server.backend
    .docs('rectificationLists')
    .flatMap((l) => (l.items ?? []) as Record<string, any>[]);

describe('整改清单 [APR-18]', () => {
  it('lets the committee add an item with its owner and deadline, and nothing without a problem written [APR-18]', async () => {
    at('2026-12-01T09:00:00+08:00');
    actAs(SEC);
    const p = await openPage(page, { orgId: ORG, year: '2026' });
    expect(textOf(p)).toContain('清单上还没有整改事项');
    await tap(p, '.add-start-button', '.t-button');
    await tap(p, '.add-button', '.t-button');
    expect(textOf(p)).toContain('请写明存在的问题');
    expect(items()).toHaveLength(0);

    await typeText(p, '.problem-input', '参加组织生活不够经常');
    await typeText(p, '.commitment-input', '每月按时参加支部活动');
    const names: string[] = p.data.memberNames;
    find(p, '.member-pick')!.dispatchEvent('change', { detail: { value: names.indexOf('陈明') } });
    find(p, '.deadline-pick')!.dispatchEvent('change', { detail: { value: '2027-03-31' } });
    await tap(p, '.add-button', '.t-button');
    expect(items()).toEqual([
      expect.objectContaining({
        ownerKind: 'member',
        ownerId: M1,
        problem: '参加组织生活不够经常',
      }),
    ]);
    const text = textOf(p);
    expect(text).toContain('已添加到整改清单');
    expect(text).toContain('共1项：已完成0项，未完成1项');
    expect(text).toContain('每月按时参加支部活动');
    expect(text).toContain('2027年3月31日前完成');
  });

  it('lets the owner report progress, shows an unreported window as 已逾期, and the committee closes it with what shows it [APR-18]', async () => {
    at('2026-12-01T09:00:00+08:00');
    const { itemId } = await server.backend.ok(
      'appraisal',
      'addRectification',
      {
        orgId: ORG,
        year: 2026,
        problem: '参加组织生活不够经常',
        commitment: '每月按时参加支部活动',
        ownerKind: 'member',
        ownerId: M1,
        deadline: '2027-06-30',
      },
      SEC,
    );
    at('2027-04-02T10:00:00+08:00');
    actAs(M1);
    const mine = await openPage(page, { orgId: ORG, year: '2026' });
    const card = () => find(mine, cls(itemId))!;
    expect(textOf(card())).toContain('2027年3月31日前报告一次进展：已逾期');
    expect(find(mine, `${cls(itemId)} .close-button`)).toBeUndefined();
    answerDialogs(true, '已按月参加支部活动');
    await tap(mine, `${cls(itemId)} .report-button`, '.t-button');
    expect(textOf(mine)).toContain('进展已报告');
    expect(textOf(card())).toContain('已按月参加支部活动');
    expect(items()[0].reports).toHaveLength(1);

    actAs(SEC);
    const committee = await openPage(page, { orgId: ORG, year: '2026' });
    answerDialogs(true, '4月组织生活会上作了说明，本人已连续三个月参加');
    await tap(committee, `${cls(itemId)} .close-button`, '.t-button');
    expect(textOf(committee)).toContain('这一项已标为完成');
    expect(textOf(find(committee, cls(itemId)))).toContain('已于2027年4月2日完成');
    expect(textOf(committee)).toContain('4月组织生活会上作了说明');
  });
});
