/** @jest-environment ./tests/setup/page-environment.ts */
// 我的 → 消息提醒 (each kind with its remaining one-time grants, one 允许 = one message), the home
// page's pull-to-refresh and 积分审核 first on the points tab, against the real backend. Only the
// platform's subscription prompt is answered by the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actAs, find, loadPage, openPage, tap, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let subsPage: string;
let mePage: string;
let homePage: string;
let pointsPage: string;
const config = () => require('../../miniprogram/config');

beforeAll(() => {
  subsPage = loadPage('subpackages/settings/subscriptions/index');
  mePage = loadPage('pages/me/index/index');
  homePage = loadPage('pages/home/index/index');
  pointsPage = loadPage('pages/points/index/index');
});

afterEach(() => {
  config().subscribeTemplateIds.activityReminder = '';
  jest.restoreAllMocks();
});

const quota = (memberId: string, key: string) =>
  server.backend.docs('subscriptionQuotas').find((q) => q._id === `${memberId}:${key}`)?.count;

describe('消息提醒', () => {
  it('should be one entry under 我的 for every member', async () => {
    actAs('demo-member-1');
    const page = await openPage(mePage);
    expect(find(page, '.subscriptions-link')).toBeDefined();
    expect(textOf(page)).toContain('消息提醒');
  });

  it('should list the five kinds, say what one 允许 does, and mark the unconfigured ones', async () => {
    actAs('demo-member-1');
    const page = await openPage(subsPage);
    const text = textOf(page);
    expect(text).toContain('每点一次“允许”，本程序就能给您发送一条这类消息');
    for (const label of ['活动提醒', '党务公开', '党费', '积分结果', '工作提醒'])
      expect(text).toContain(label);
    expect(textOf(find(page, '.kind-duesReminder'))).toContain('暂未开通');
    expect(find(page, '.allow-duesReminder')).toBeUndefined();
    expect(text).not.toMatch(/[a-zA-Z]{4,}/);
  });

  it('should ask WeChat once on 允许一条 and show the grant the backend stored', async () => {
    config().subscribeTemplateIds.activityReminder = 'TMPL-ACTIVITY';
    const prompt = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ 'TMPL-ACTIVITY': 'accept' }), 0);
    });
    actAs('demo-member-1');
    const page = await openPage(subsPage);
    expect(textOf(find(page, '.kind-activityReminder'))).toContain('现在收不到');
    await tap(page, '.allow-activityReminder', '.t-button');
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(prompt.mock.calls[0][0]).toMatchObject({ tmplIds: ['TMPL-ACTIVITY'] });
    expect(quota('demo-member-1', 'activityReminder')).toBe(1);
    expect(textOf(find(page, '.kind-activityReminder'))).toContain('还可接收 1 条');
    expect(textOf(page)).toContain('已允许：可以再收到 1 条活动提醒');
    await tap(page, '.allow-activityReminder', '.t-button');
    expect(quota('demo-member-1', 'activityReminder')).toBe(2);
    expect(textOf(find(page, '.kind-activityReminder'))).toContain('还可接收 2 条');
  });

  it('should store nothing and say so when the member refuses', async () => {
    config().subscribeTemplateIds.activityReminder = 'TMPL-ACTIVITY';
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ 'TMPL-ACTIVITY': 'reject' }), 0);
    });
    actAs('demo-member-1');
    const page = await openPage(subsPage);
    await tap(page, '.allow-activityReminder', '.t-button');
    expect(quota('demo-member-1', 'activityReminder')).toBeUndefined();
    expect(textOf(page)).toContain('没有允许，活动提醒暂时不会发给您');
  });
});

describe('首页下拉刷新', () => {
  it('should load the home again on a pull, then stop the spinner', async () => {
    const stop = jest.fn();
    wx.stopPullDownRefresh = stop;
    actAs('demo-member-1');
    const page = await openPage(homePage);
    await page.instance.onPullDownRefresh();
    expect(page.data.status).toBe('ready');
    expect(stop).toHaveBeenCalledTimes(1);
    const json = join(__dirname, '..', '..', 'miniprogram', 'pages/home/index/index.json');
    expect(JSON.parse(readFileSync(json, 'utf8')).enablePullDownRefresh).toBe(true);
  });
});

describe('积分页：积分审核在前', () => {
  it('should put 积分审核 with its pending count above the own index for a reviewer', async () => {
    const queue = await server.backend.ok(
      'points',
      'reviewQueue',
      { orgId: 'demo-branch' },
      'demo-secretary',
    );
    actAs('demo-secretary');
    const page = await openPage(pointsPage);
    const text = textOf(page);
    expect(text.indexOf('积分审核')).toBeGreaterThan(-1);
    expect(text.indexOf('积分审核')).toBeLessThan(text.indexOf('我的先锋指数'));
    if (queue.length)
      expect(textOf(find(page, '.review-link'))).toContain(`${queue.length} 条待审核`);
  });
});
