/** @jest-environment ./tests/setup/page-environment.ts */
// 大字模式 and the navigation title (issue 12 §8): WeChat's native bar cannot be enlarged, so in
// large text it is left empty and the page draws its own title at the top of its body, 1.5× the
// bar's size; with large text off the bar shows the page's own title again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_TITLES } from '../../miniprogram/utils/page-titles';
import { actAs, find, loadPage, openPage, textOf, useBackend, wx } from '../setup/simulate';

useBackend('demo');
const app = join(__dirname, '..', '..', 'miniprogram');
let pointsPage: string;
let detailPage: string;

beforeAll(() => {
  pointsPage = loadPage('pages/points/index/index');
  detailPage = loadPage('subpackages/activity/detail/index');
});

afterEach(() => jest.restoreAllMocks());

/** Every page app.json lists, as a route. */
function appPages(): string[] {
  const json = JSON.parse(readFileSync(join(app, 'app.json'), 'utf8'));
  const subpackages: { root: string; pages: string[] }[] = json.subpackages ?? [];
  return [...json.pages, ...subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** The native bar's title as the page last set it. */
function nativeTitles() {
  const spy = jest.spyOn(wx, 'setNavigationBarTitle');
  return () => (spy.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
}

const setLarge = (large: boolean) =>
  require('../../miniprogram/behaviors/large-text').saveLargeText(large);

describe('页面标题表', () => {
  it("should hold every page's own title, as its JSON (or app.json) declares it", () => {
    const fallback = JSON.parse(readFileSync(join(app, 'app.json'), 'utf8')).window
      .navigationBarTitleText;
    const fromJson = Object.fromEntries(
      appPages().map((route) => {
        const own = JSON.parse(readFileSync(join(app, `${route}.json`), 'utf8'));
        return [route, own.navigationBarTitleText ?? fallback];
      }),
    );
    expect(PAGE_TITLES).toEqual(fromJson);
  });

  it('should give every page the large-text title block', () => {
    for (const route of appPages()) {
      const wxml = readFileSync(join(app, `${route}.wxml`), 'utf8');
      expect([route, /<view wx:if="\{\{large[^"]*\}\}" class="page-title"/.test(wxml)]).toEqual([
        route,
        true,
      ]);
      expect(wxml).toContain('{{pageTitle}}');
    }
  });

  it("should draw the title at 1.5 times the native bar's 17px (34rpx) or more", () => {
    const css = readFileSync(join(app, 'app.wxss'), 'utf8');
    const size = Number(/\n\.page-title \{[^}]*font-size: (\d+)rpx/.exec(css)![1]);
    expect(size).toBeGreaterThanOrEqual(1.5 * 34);
  });
});

describe('大字模式的标题', () => {
  it('should empty the native title and show the title in the body', async () => {
    setLarge(true);
    const native = nativeTitles();
    actAs('demo-member-1');
    const page = await openPage(pointsPage);
    expect(page.data.large).toBe(true);
    expect(native()).toBe('');
    expect(textOf(find(page, '.page-title'))).toBe('我的先锋指数');
  });

  it("should show the page's own native title and no body title with large text off", async () => {
    setLarge(false);
    const native = nativeTitles();
    actAs('demo-member-1');
    const page = await openPage(pointsPage);
    expect(native()).toBe('我的先锋指数');
    expect(find(page, '.page-title')).toBeUndefined();
  });

  it('should follow the switch on the page on screen, and leave pages behind it alone', async () => {
    actAs('demo-member-1');
    const behind = await openPage(pointsPage);
    behind.instance.onHide?.();
    behind.triggerPageLifeTime('hide');
    const page = await openPage(detailPage, { id: 'demo-theme-day' });
    const spy = jest.spyOn(wx, 'setNavigationBarTitle');
    setLarge(true);
    expect(textOf(find(page, '.head__title'))).toBe(page.data.pageTitle);
    setLarge(false);
    // only the page on screen sets the bar: the hidden 积分 tab must not put its title there
    expect(spy.mock.calls.map(([opts]: any[]) => opts.title)).toEqual(['', page.data.pageTitle]);
    expect(page.data.pageTitle).toContain('主题党日');
  });

  it("should use the activity's own title, drawn once by its heading in large text", async () => {
    actAs('demo-member-1');
    const native = nativeTitles();
    const off = await openPage(detailPage, { id: 'demo-theme-day' });
    const title = textOf(find(off, '.head__title'));
    expect(title).toContain('主题党日');
    expect(native()).toBe(title);

    setLarge(true);
    const on = await openPage(detailPage, { id: 'demo-theme-day' });
    expect(native()).toBe('');
    // the page already leads with the activity's title, large (headline 72rpx): no second one
    expect(find(on, '.page-title')).toBeUndefined();
    expect(textOf(find(on, '.head__title'))).toBe(title);
  });
});
