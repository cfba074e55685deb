/** @jest-environment ./tests/setup/page-environment.ts */
// 年度计划 and 落实情况 against the real backend: the committee adjusts and publishes the plan,
// members read it; the committee and the superior see compliance and the absence alerts.
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
} from '../setup/simulate';

const server = useBackend('demo');
let planPage: string;
let compliancePage: string;

beforeAll(() => {
  planPage = loadPage('subpackages/activity/plan/index');
  compliancePage = loadPage('subpackages/activity/compliance/index');
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

const { year } = beijingNow();

describe('年度计划', () => {
  it('should tell a member the plan is not published yet [MTG-09]', async () => {
    actAs('demo-member-1');
    const page = await openPage(planPage);
    expect(textOf(page)).toContain('本年度计划尚未发布');
    expect(find(page, '.publish-button')).toBeUndefined();
  });

  it('should let the secretary move a date and publish, then members see the plan [MTG-09]', async () => {
    const proposed = await server.backend.ok(
      'activity',
      'plan',
      { orgId: 'demo-branch', year: year + 1 },
      'demo-secretary',
    );
    jest.spyOn(wx, 'showModal').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ confirm: true, cancel: false }), 0);
    });
    actAs('demo-secretary');
    const page = await openPage(planPage);
    page.querySelector('.year-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    expect(textOf(page)).toContain(proposed.items[0].title);
    expect(textOf(page)).toContain('待发布');

    const moved = `${year + 1}-01-20`;
    page.querySelector('.plan-item-0 .date-picker')!.dispatchEvent('change', {
      detail: { value: moved },
    });
    await settle();
    expect(textOf(find(page, '.plan-item-0'))).toContain('1月20日');

    await tap(page, '.publish-button', '.t-button');
    await settle();
    const stored = server.backend
      .docs('activityPlans')
      .find((p) => p._id === `demo-branch:${year + 1}`);
    expect(stored.items[0]).toMatchObject({ date: moved, title: proposed.items[0].title });
    expect(stored.items).toHaveLength(proposed.items.length);
    expect(textOf(page)).toMatch(/计划已发布，已创建 \d+ 项活动/);
    expect(textOf(page)).toContain('已发布');
    expect(find(page, '.publish-button')).toBeUndefined();

    actAs('demo-member-1');
    const member = await openPage(planPage);
    member.querySelector('.year-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    expect(textOf(member)).toContain(proposed.items[0].title);
    expect(find(member, '.date-picker')).toBeUndefined();
  });
});

/** Three theme days held on 1 June this year with nobody signing in: all absent when closed. */
async function threeMissedThemeDays(): Promise<void> {
  const clock = server.backend.emulator.clock;
  clock.freeze(Date.parse(`${year}-06-01T00:00:00+08:00`));
  for (const hour of ['09', '11', '14']) {
    const startAt = `${year}-06-01T${hour}:00:00+08:00`;
    const { id } = await server.backend.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'themeDay',
        title: `6月主题党日（${Number(hour)}时）`,
        startAt,
        endAt: `${year}-06-01T${hour}:45:00+08:00`,
      },
      'demo-secretary',
    );
    await server.backend.ok('activity', 'close', { activityId: id }, 'demo-secretary');
  }
  server.backend.restoreClock();
}

describe('落实情况', () => {
  it('should show the secretary each type with required, held and missing periods [MTG-08]', async () => {
    // On the last day of the year every period is due, so the missing ones are certain.
    server.backend.emulator.clock.freeze(Date.parse(`${year}-12-31T12:00:00+08:00`));
    const { items } = await server.backend.ok(
      'activity',
      'compliance',
      { orgId: 'demo-branch', year },
      'demo-secretary',
    );
    actAs('demo-secretary');
    const page = await openPage(compliancePage);
    const text = textOf(page);
    expect(text).toContain('机关第一党支部');
    expect(text).toContain('主题党日');
    expect(text).toContain('支部党员大会');
    for (const i of items) expect(text).toContain(`应开 ${i.required} 次 · 已开 ${i.held} 次`);
    expect(items.some((i: { missing: string[] }) => i.missing.length)).toBe(true);
    expect(text).toContain('缺开：');
    expect(text).not.toMatch(/[A-Za-z]{3,}/); // no raw identifier (type, frequency, period)
    expect(text).toContain('暂无需关注的党员');
  });

  it('should word absence alerts as a prompt to talk, never as a verdict [TD-22]', async () => {
    await threeMissedThemeDays();
    actAs('demo-secretary');
    const text = textOf(await openPage(compliancePage));
    expect(text).toContain('需关注：陈明 连续3次未参加主题党日，请支部谈心了解情况');
    expect(text).toContain('不是评定结论');
    expect(text).not.toContain('不合格');
  });

  it('should let the superior choose a branch from the org tree', async () => {
    actAs('demo-superior');
    const page = await openPage(compliancePage);
    expect(textOf(page)).toContain('机关第一党支部');
    expect(textOf(page)).toContain('主题党日');

    page.querySelector('.org-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    const second = await server.backend.ok(
      'activity',
      'compliance',
      { orgId: 'demo-branch-2', year },
      'demo-superior',
    );
    const text = textOf(page);
    expect(text).toContain('机关第二党支部');
    for (const i of second.items) expect(text).toContain(`应开 ${i.required} 次`);
  });

  it('should refuse a plain member in Chinese', async () => {
    actAs('demo-member-1');
    const text = textOf(await openPage(compliancePage));
    expect(text).toContain('只有支部委员或上级党组织管理员可以查看落实情况');
    expect(text).not.toContain('应开');
  });
});

/** The demo instant, on the page's clock and the backend's: the plan years are 2026 and 2027. */
function atDemoInstant(): void {
  const demo = Date.parse('2026-12-01T09:00:00+08:00');
  jest.spyOn(Date, 'now').mockReturnValue(demo);
  server.backend.emulator.clock.freeze(demo);
}

describe('年度计划 month by month [TD-04, MTG-09]', () => {
  it('should list the months with their counts, mark holiday moves with the original date, and keep 发布 in reach', async () => {
    atDemoInstant();
    actAs('demo-secretary');
    const page = await openPage(planPage);
    page.querySelector('.year-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    const text = textOf(page);
    // 2027: the State Council arrangement is not out yet
    expect(text).toContain('2027年国务院放假安排尚未公布');
    for (let m = 1; m <= 12; m++) expect(find(page, `.month-${m}`)).toBeDefined();
    expect(textOf(find(page, '.month-1 .month__head'))).toMatch(/1月\s*2 项（2 项已调整）/);
    // January is open: the theme day moved off 元旦, saying so
    const jan = textOf(find(page, '.month-1'));
    expect(jan).toContain('因节假日调整');
    expect(jan).toContain('原定1月1日为节假日，顺延至1月4日');
    // the other months are closed until tapped
    expect(find(page, '.month-12 .plan')).toBeUndefined();
    await tap(page, '.month-12 .month__head');
    const dec = textOf(find(page, '.month-12'));
    expect(dec).toContain('因时间冲突调整');
    expect(dec).toContain('原定12月3日 09:00与支委会时间重叠，调至12月6日');
    // 发布 sits in the fixed bar, whatever is open
    expect(textOf(find(page, '.bar'))).toMatch(/共 \d+ 项\s*发布年度计划/);
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('should publish the moves with the plan, so members see why a date moved', async () => {
    atDemoInstant();
    jest.spyOn(wx, 'showModal').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ confirm: true, cancel: false }), 0);
    });
    actAs('demo-secretary');
    const page = await openPage(planPage);
    page.querySelector('.year-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    await tap(page, '.publish-button', '.t-button');
    await settle();
    const stored = server.backend.docs('activityPlans').find((p) => p._id === 'demo-branch:2027');
    expect(stored.items.find((i: any) => i.type === 'orgLifeMeeting')).toMatchObject({
      date: '2027-12-06',
      movedFrom: '2027-12-03',
      moveReason: 'overlap',
    });
    actAs('demo-member-1');
    const member = await openPage(planPage);
    member.querySelector('.year-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    expect(textOf(find(member, '.month-1'))).toContain('原定1月1日为节假日');
    expect(find(member, '.bar')).toBeUndefined();
  });
});

describe('落实情况 names what does not count [MTG-27]', () => {
  it('should name a 支委会 closed without its 纪实, with why and a one-tap fix to its 主持台', async () => {
    const clock = server.backend.emulator.clock;
    clock.freeze(Date.parse('2026-12-04T14:30:00+08:00'));
    const { id } = await server.backend.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'committeeMeeting',
        title: '12月支委会',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T16:00:00+08:00',
      },
      'demo-secretary',
    );
    clock.freeze(Date.parse('2026-12-04T16:30:00+08:00'));
    await server.backend.ok('activity', 'close', { activityId: id }, 'demo-secretary');
    clock.freeze(Date.parse('2026-12-05T09:00:00+08:00'));
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-05T09:00:00+08:00'));
    actAs('demo-secretary');
    const page = await openPage(compliancePage);
    const text = textOf(page);
    expect(text).toMatch(/有 \d+ 次活动已开但不计入/);
    expect(text).toContain('已开但不计入：12月4日 周五 12月支委会');
    expect(text).toContain('没有填写纪实（会议记录）');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    expect(textOf(find(page, `.not-counted__fix-${id}`))).toBe('去补全纪实 ›');
    await tap(page, `.not-counted__fix-${id}`);
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/activity/host/index?id=${id}` }),
    );
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe("落实情况 opened from a branch of the superior's home", () => {
  it('should show that branch, not the first one', async () => {
    actAs('demo-superior');
    const page = await openPage(compliancePage, { orgId: 'demo-branch-2' });
    expect(page.data.orgs[page.data.orgIndex].id).toBe('demo-branch-2');
    const first = await openPage(compliancePage);
    expect(first.data.orgIndex).toBe(0);
  });
});
