/** @jest-environment ./tests/setup/page-environment.ts */
// 首页 that knows who you are, against the real backend at the demo instant (the theme day's
// morning, its sign-in open): a member's one action, the result after signing in, the committee's
// to-dos from `org.todo`, the superior's branches. The camera is the only thing stubbed.
import {
  actAs,
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
let homePage: string;
let pointsPage: string;
beforeAll(() => {
  homePage = loadPage('pages/home/index/index');
  pointsPage = loadPage('pages/points/index/index');
});
afterEach(() => jest.restoreAllMocks());

function cameraSees(result: string): void {
  jest.spyOn(wx, 'scanCode').mockImplementation((opts: any) => {
    setTimeout(() => opts.success({ result, scanType: 'QR_CODE', charSet: 'utf8', path: '' }), 0);
  });
}

describe('首页 for a member', () => {
  it('puts the theme day first with 扫码签到 as the one action during its window [CHK-05]', async () => {
    actAs('demo-member-1');
    const page = await openPage(homePage);
    const card = textOf(find(page, '.activity-card'));
    expect(card).toContain('正在签到');
    expect(card).toContain('扫码签到');
    expect(card).not.toContain('请假');
    const text = textOf(page);
    expect(text).toContain('党务公开');
    expect(text).toMatch(/本月党费(已交|待交|尚未核定)/);
    expect(text).not.toContain('待办事项');
    expect(text).not.toContain('下级支部');
  });

  it('signs in from the card and then shows 已签到 with the time, without the button [CHK-05]', async () => {
    actAs('demo-member-1');
    const page = await openPage(homePage);
    const { token } = await server.backend.ok(
      'activity',
      'checkinToken',
      { activityId: 'demo-theme-day' },
      'demo-secretary',
    );
    cameraSees(token);
    await tap(page, '.activity-card__primary', '.t-button');
    await settle();
    const card = textOf(find(page, '.activity-card'));
    expect(card).toMatch(/已签到(（迟到）)? \d{1,2}:\d{2}/);
    expect(card).not.toContain('扫码签到');
    const stored = server.backend
      .docs('attendance')
      .find((a) => a._id === 'demo-theme-day:demo-member-1');
    expect(stored?.status).toMatch(/present|late/);
  });

  it('offers 线上参加 beside the scan to a 流动党员', async () => {
    actAs('demo-mobile');
    const card = textOf(find(await openPage(homePage), '.activity-card'));
    expect(card).toContain('线上参加');
  });
});

describe('首页 for the committee', () => {
  it("lists the secretary's to-dos from the backend, each tapping through to its page", async () => {
    await server.backend.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' },
      'demo-member-1',
    );
    actAs('demo-organizer');
    const page = await openPage(homePage);
    const list = textOf(find(page, '.todo-list'));
    expect(list).toContain('1条积分申报待审核');
    expect(list).not.toMatch(/\d{4}-\d{2}|undefined/);
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(page, '.todo--declarations');
    expect(nav).toHaveBeenCalledWith({ url: '/subpackages/points/review/index' });
  });
});

describe('首页 for the superior', () => {
  it('shows the branches below with members and alerts in words', async () => {
    actAs('demo-superior');
    const page = await openPage(homePage);
    const branches = textOf(find(page, '.branch-list'));
    expect(branches).toContain('机关第一党支部');
    expect(branches).toMatch(/党员\d+人/);
  });
});

describe('积分 tab for the superior', () => {
  it('explains that branches keep points and offers the 堡垒指数 instead of "尚未开启"', async () => {
    actAs('demo-superior');
    const text = textOf(await openPage(pointsPage));
    expect(text).not.toContain('尚未开启党员积分管理');
    expect(text).toContain('各支部的积分由支部自己记');
    expect(text).toContain('查看各支部堡垒指数');
  });
});
