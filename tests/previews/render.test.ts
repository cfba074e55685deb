/** @jest-environment ./tests/setup/page-environment.ts */
// Smoke test of `npm run preview` up to the HTML (no browser): page discovery, the states, and
// a real page rendered against the backend into a self-contained document.
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverPages, selectPages, type AppPage } from '../../scripts/preview/pages';
import { findTextProblems, PreviewRenderer } from '../../scripts/preview/render';
import {
  DEFAULT_SCENARIOS,
  mergeScenarios,
  SCENARIO_DIR,
  scenariosFor,
  type PreviewScenario,
} from '../../scripts/preview/scenario';
import { contactSheet } from '../../scripts/preview/sheet';
import { startBackend, type Backend } from '../support/backend';

describe('page discovery', () => {
  it('should find every page of app.json, subpackages included, with its title and tab bar', () => {
    const root = mkdtempSync(join(tmpdir(), 'preview-app-'));
    const app = {
      pages: ['pages/a/index', 'pages/b/index'],
      subpackages: [{ root: 'sub/x/', pages: ['c/index'] }],
      window: { navigationBarTitleText: '先锋支部', navigationBarBackgroundColor: '#C8161D' },
      tabBar: { list: [{ pagePath: 'pages/a/index', text: '首页' }] },
    };
    writeFileSync(join(root, 'app.json'), JSON.stringify(app));
    mkdirSync(join(root, 'pages/b'), { recursive: true });
    writeFileSync(join(root, 'pages/b/index.json'), '{"navigationBarTitleText":"乙页"}');

    const pages = discoverPages(root);
    expect(pages.map((p) => p.path)).toEqual(['pages/a/index', 'pages/b/index', 'sub/x/c/index']);
    expect(pages.map((p) => p.slug)).toEqual(['pages-a-index', 'pages-b-index', 'sub-x-c-index']);
    expect(pages.map((p) => p.window.navigationBarTitleText)).toEqual([
      '先锋支部',
      '乙页',
      '先锋支部',
    ]);
    expect(pages.map((p) => !!p.tabBar)).toEqual([true, false, false]);
  });

  it('should pick pages by path, slug or whole path segments, and refuse unknown names', () => {
    const pages = discoverPages();
    const paths = (names: string[]) => selectPages(pages, names).map((p) => p.path);
    expect(paths(['me'])).toEqual(['pages/me/index/index', 'pages/me/bind/index']);
    expect(paths(['pages-home-index-index'])).toEqual(['pages/home/index/index']);
    expect(paths([])).toHaveLength(pages.length);
    expect(() => paths(['no-such-page'])).toThrow(/no page matches/);
  });
});

describe('preview states', () => {
  it('should give a page without a scenario file the default states', () => {
    expect(mergeScenarios().map((s) => s.state)).toEqual(['loaded', 'large', 'error', 'unbound']);
  });

  it('should let a scenario file replace, omit and add states', () => {
    const own: PreviewScenario = { state: 'loaded', openid: 'demo-secretary' };
    const states = mergeScenarios({
      omit: ['unbound'],
      scenarios: [own, { state: 'empty', caption: '空列表' }],
    });
    expect(states.map((s) => s.state)).toEqual(['loaded', 'large', 'error', 'empty']);
    expect(states[0]).toBe(own);
    expect(() => mergeScenarios({ scenarios: [{ state: 'x' }, { state: 'x' }] })).toThrow();
    expect(() => mergeScenarios({ scenarios: [{ state: 'Bad Name' }] })).toThrow();
  });

  it('should have a scenario file only for pages that exist, each loading cleanly', () => {
    const paths = new Set(discoverPages().map((p) => p.slug));
    for (const file of readdirSync(SCENARIO_DIR)) {
      const slug = file.replace(/\.ts$/, '');
      expect(paths).toContain(slug);
      const page = discoverPages().find((p) => p.slug === slug)!;
      expect(scenariosFor(page.path).length).toBeGreaterThan(0);
    }
  });

  it('should flag text no member should read', () => {
    expect(findTextProblems('您好，陈明 机关第一党支部')).toEqual([]);
    expect(findTextProblems('出错了 AUTH.UNBOUND')).toEqual([expect.stringContaining('code')]);
    expect(findTextProblems('姓名 undefined')).toHaveLength(1);
    expect(findTextProblems('依据 TD-01')).toEqual([expect.stringContaining('rule')]);
    expect(findTextProblems('演示身份 demo-member-1')).toHaveLength(1);
  });
});

/** The CSS rules (selector and body) whose selector list names `selector`, to assert on. */
function rulesFor(html: string, selector: string): string[] {
  const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const rules = sheets.flatMap((css) => css.match(/[^{}]+\{[^{}]*\}/g) ?? []);
  return rules
    .filter((r) => r.split('{')[0].split(',').some((s) => s.trim() === selector))
    .map((r) => r.replace(/:\s+/g, ':'));
}

describe('rendering a page to HTML', () => {
  let backend: Backend;
  let renderer: PreviewRenderer;
  let home: AppPage;
  const state = (name: string) => DEFAULT_SCENARIOS.find((s) => s.state === name)!;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo' });
    renderer = new PreviewRenderer(backend);
    home = discoverPages().find((p) => p.path === 'pages/home/index/index')!;
  });
  afterAll(() => backend.close());

  it('should draw the member home with its data, its compiled styles and the theme', async () => {
    const { html, text, problems } = await renderer.render(home, state('loaded'));
    expect(text).toContain('您好，陈明');
    expect(html).toContain('机关第一党支部');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // The page's WXSS, prefixed the way simulate prefixes it, and app.wxss's theme on <body>.
    expect(rulesFor(html, '.main--hero').join()).toContain('linear-gradient');
    expect(rulesFor(html, 'body').join()).toContain('--td-brand-color:#c8161d');
    expect(html.includes('wx-view, wx-button')).toBe(true);
    // Navigation bar, tab bar and TDesign's icons drawn without the remote icon font.
    expect(html.includes('<header class="preview-nav">先锋支部')).toBe(true);
    expect(html).toMatch(
      /preview-tabbar__item--selected[^"]*"><img class="preview-tabbar__icon" src="data:image\/png;base64,[^"]+" alt="">首页/,
    );
    expect(rulesFor(html, '.t-icon--t-icon-calendar:before').join()).toContain(
      'mask:url("data:image/svg+xml',
    );
    expect(/https?:\/\/tdesign/.test(html)).toBe(false);
    expect(problems).toEqual([]);
  });

  it('should draw the large-text, error and unbound states', async () => {
    const large = await renderer.render(home, state('large'));
    expect(large.html.includes('class="main--page main--page--large"')).toBe(true);
    expect(rulesFor(large.html, '.main--page--large').join()).toContain(
      '--td-font-size-body-large:48px', // 1.5 × 32
    );

    const error = await renderer.render(home, state('error'));
    expect(error.text).toContain('系统繁忙，请稍后重试');
    expect(error.text).toContain('重试');
    expect(error.text).not.toContain('陈明');

    const unbound = await renderer.render(home, state('unbound'));
    expect(unbound.text).toContain('尚未绑定党员身份');
  });

  it('should caption the contact sheet with page titles and states', () => {
    const sheet = contactSheet(
      [
        {
          page: home.path,
          state: 'large',
          title: '先锋支部',
          caption: '大字模式',
          file: 'pages-home-index-index--large',
          problems: [],
        },
      ],
      tmpdir(),
    );
    expect(sheet).toContain('<h2>先锋支部 <small>pages/home/index/index</small></h2>');
    expect(sheet).toContain('<strong>大字模式</strong>');
  });
});
