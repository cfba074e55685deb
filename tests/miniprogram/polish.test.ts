/** @jest-environment ./tests/setup/page-environment.ts */
// Accessibility and polish (issue 12 §8): a WeChat user who is not bound is sent to 去绑定, never
// an error with 重试; a refusal shows the backend's own message, not 系统繁忙; notices share a
// card without personal data; lists refresh on a pull; the tab bar has its icons.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABS } from '../../miniprogram/custom-tab-bar/tabs';
import { actAs, find, loadPage, openPage, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let indexPage: string;
let noticeDetail: string;
let noticeList: string;
let activityDetail: string;
let activityList: string;

beforeAll(() => {
  indexPage = loadPage('pages/points/index/index');
  noticeDetail = loadPage('subpackages/notice/detail/index');
  noticeList = loadPage('subpackages/notice/list/index');
  activityDetail = loadPage('subpackages/activity/detail/index');
  activityList = loadPage('pages/activity/list/index');
});

afterEach(() => jest.restoreAllMocks());

describe('未绑定与后端的提示', () => {
  it('should send an unbound WeChat user to 去绑定, with no 重试', async () => {
    actAs('wx-someone-new');
    const page = await openPage(indexPage);
    const text = textOf(page);
    expect(page.data.status).toBe('unbound');
    expect(text).toContain('尚未绑定党员身份');
    expect(find(page, '.page__bind-prompt', '.bind-prompt__button')).toBeTruthy();
    expect(text).toContain('去绑定');
    expect(text).not.toContain('重试');
  });

  it("should show the backend's own message for a refusal, not 系统繁忙", async () => {
    const refusal = await server.backend.err(
      'notice',
      'get',
      { id: 'no-such-notice' },
      'demo-member-1',
    );
    actAs('demo-member-1');
    const page = await openPage(noticeDetail, { id: 'no-such-notice' });
    expect(page.data.status).toBe('error');
    expect(textOf(page)).toContain(refusal.message);
    expect(textOf(page)).not.toContain('系统繁忙');
  });
});

describe('转发与下拉刷新', () => {
  it('should share a notice by its category and page, never its title', async () => {
    // a 发展党员 notice names people in its title: the card must not
    const title = '关于拟发展张三同志为预备党员的公示';
    const notice = await server.backend.ok(
      'notice',
      'publish',
      { orgId: 'demo-branch', category: '党费缴纳', title, body: '公示内容。' },
      'demo-secretary',
    );
    actAs('demo-member-1');
    const page = await openPage(noticeDetail, { id: notice.id });
    const card = page.instance.onShareAppMessage();
    expect(card).toEqual({
      title: '党务公开 · 党费缴纳',
      path: `/subpackages/notice/detail/index?id=${encodeURIComponent(notice.id)}`,
    });
    expect(card.title).not.toContain('张三');
  });

  it('should share an activity by its title and page, with nothing about the member', async () => {
    const activity = await server.backend.ok(
      'activity',
      'get',
      { id: 'demo-theme-day' },
      'demo-member-1',
    );
    actAs('demo-member-1');
    const page = await openPage(activityDetail, { id: 'demo-theme-day' });
    expect(page.instance.onShareAppMessage()).toEqual({
      title: activity.title,
      path: '/subpackages/activity/detail/index?id=demo-theme-day',
    });
  });

  it('should refresh the lists and the 先锋指数 on a pull, then stop the spinner', async () => {
    const stop = jest.fn();
    wx.stopPullDownRefresh = stop;
    actAs('demo-member-1');
    for (const id of [noticeList, indexPage, activityList]) {
      const page = await openPage(id);
      await page.instance.onPullDownRefresh();
      expect(page.data.status).toBe('ready');
    }
    expect(stop).toHaveBeenCalledTimes(3);
    const app = join(__dirname, '..', '..', 'miniprogram');
    for (const json of [
      'subpackages/notice/list/index.json',
      'pages/points/index/index.json',
      'pages/activity/list/index.json',
    ])
      expect(JSON.parse(readFileSync(join(app, json), 'utf8')).enablePullDownRefresh).toBe(true);
  });
});

describe('底部导航', () => {
  it('should draw the same tabs as app.json, with 1.5 times the sizes in 大字模式', () => {
    const app = join(__dirname, '..', '..', 'miniprogram');
    const { tabBar } = JSON.parse(readFileSync(join(app, 'app.json'), 'utf8'));
    expect(tabBar.custom).toBe(true);
    expect(TABS.map((t) => [t.path, t.text])).toEqual(
      tabBar.list.map((t: { pagePath: string; text: string }) => [t.pagePath, t.text]),
    );
    const css = readFileSync(join(app, 'custom-tab-bar', 'index.wxss'), 'utf8');
    const size = (rule: string, prop: string) =>
      Number(new RegExp(`${rule} \\{[^}]*${prop}: (\\d+)rpx`).exec(css)![1]);
    for (const [rule, prop] of [
      ['tab__text', 'font-size'],
      ['tab__icon', 'width'],
      ['tab', 'height'],
    ])
      expect(size(`\\.tab-bar--large \\.${rule}`, prop)).toBeGreaterThanOrEqual(
        1.5 * size(`\\n\\.${rule}`, prop),
      );
  });

  it('should give every tab an 81×81 icon and a selected one', () => {
    const app = join(__dirname, '..', '..', 'miniprogram');
    const { tabBar } = JSON.parse(readFileSync(join(app, 'app.json'), 'utf8'));
    for (const tab of tabBar.list) {
      for (const key of ['iconPath', 'selectedIconPath']) {
        const file = join(app, tab[key]);
        expect(existsSync(file)).toBe(true);
        const png = readFileSync(file);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81]);
        expect(png.length).toBeLessThan(40 * 1024); // the platform's limit
      }
    }
  });
});
