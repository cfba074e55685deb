/** @jest-environment ./tests/setup/page-environment.ts */
// 首页, 活动 and 积分 tabs against the real backend.
import { actAs, find, loadPage, openPage, textOf, useBackend } from '../setup/simulate';

useBackend('demo');
let homePage: string;
let activityPage: string;
let pointsPage: string;

beforeAll(() => {
  homePage = loadPage('pages/home/index/index');
  activityPage = loadPage('pages/activity/list/index');
  pointsPage = loadPage('pages/points/index/index');
});

describe('首页', () => {
  it('should greet the member by name with the branch and role chips', async () => {
    actAs('demo-organizer');
    const page = await openPage(homePage);
    const text = textOf(page);
    expect(text).toContain('您好，张伟');
    expect(text).toContain('机关第一党支部');
    expect(text).toContain('组织委员');
    expect(text).toContain('记分员');
    expect(text).toContain('组织生活');
  });

  it('should ask an unbound user to bind instead of greeting', async () => {
    actAs('wx-stranger');
    const page = await openPage(homePage);
    expect(textOf(page)).toContain('尚未绑定党员身份');
    expect(textOf(page)).not.toContain('您好');
    expect(find(page, '.page__bind-prompt', '.bind-prompt__button')).toBeTruthy();
  });
});

describe('活动 and 积分 tabs', () => {
  it("should name the member's branch on both tabs, with 我的先锋指数 on 积分", async () => {
    actAs('demo-member-1');
    const activity = textOf(await openPage(activityPage));
    expect(activity).toContain('机关第一党支部');
    expect(activity).toContain('主题党日');
    const points = textOf(await openPage(pointsPage));
    expect(points).toContain('机关第一党支部');
    expect(points).toContain('我的先锋指数');
    expect(points).not.toContain('不参加积分管理');
  });

  it('should tell a member exempt from points by decision that they are exempt', async () => {
    actAs('demo-elder');
    expect(textOf(await openPage(pointsPage))).toContain('经组织决定，您不参加积分管理');
  });

  it('should show the bind prompt on both tabs to an unbound user', async () => {
    actAs('wx-stranger');
    expect(textOf(await openPage(activityPage))).toContain('尚未绑定党员身份');
    expect(textOf(await openPage(pointsPage))).toContain('尚未绑定党员身份');
  });
});
