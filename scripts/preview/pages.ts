/**
 * Which pages the mini-program has, read from miniprogram/app.json (its `pages` and every
 * subpackage's `pages` under the subpackage's `root`), so a page added there is previewed
 * with no edit to the preview scripts. Plain Node: no DOM needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const APP_ROOT = join(ROOT, 'miniprogram');

export interface WindowStyle {
  /** The navigation bar: background colour, `white` or `black` text, and the title. */
  navigationBarBackgroundColor: string;
  navigationBarTextStyle: 'white' | 'black';
  navigationBarTitleText: string;
}

export interface TabBar {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle: 'black' | 'white';
  /** Drawn by the app's custom-tab-bar (which follows 大字模式). */
  custom?: boolean;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
}

export interface AppPage {
  /** Path from the app root, as in app.json: `pages/me/index/index`. */
  path: string;
  /** The path with dashes, used in file names: `pages-me-index-index`. */
  slug: string;
  /** What the navigation bar shows (the page's JSON, else app.json's window). */
  window: WindowStyle;
  /** The tab bar when this page is one of its tabs. */
  tabBar?: TabBar;
  /** The page the app opens on (the first in app.json). */
  isHome: boolean;
}

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  subPackages?: { root: string; pages: string[] }[];
  window?: Partial<WindowStyle>;
  tabBar?: TabBar;
}

const DEFAULT_WINDOW: WindowStyle = {
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  navigationBarTitleText: '',
};

export function slugOf(pagePath: string): string {
  return pagePath.replace(/^\/+/, '').replace(/\//g, '-');
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every page of the app in app.json order, main package first, then each subpackage. */
export function discoverPages(appRoot = APP_ROOT): AppPage[] {
  const app = readJson<AppJson>(join(appRoot, 'app.json'));
  const subpackages = [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
  const paths = [
    ...app.pages,
    ...subpackages.flatMap((sub) =>
      sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`),
    ),
  ];
  const appWindow = { ...DEFAULT_WINDOW, ...app.window };
  return paths.map((path, index) => {
    const jsonFile = join(appRoot, `${path}.json`);
    const pageJson = existsSync(jsonFile) ? readJson<Partial<WindowStyle>>(jsonFile) : {};
    const window: WindowStyle = {
      navigationBarBackgroundColor:
        pageJson.navigationBarBackgroundColor ?? appWindow.navigationBarBackgroundColor,
      navigationBarTextStyle: pageJson.navigationBarTextStyle ?? appWindow.navigationBarTextStyle,
      navigationBarTitleText: pageJson.navigationBarTitleText ?? appWindow.navigationBarTitleText,
    };
    const isTab = app.tabBar?.list.some((tab) => tab.pagePath === path) ?? false;
    return {
      path,
      slug: slugOf(path),
      window,
      tabBar: isTab ? app.tabBar : undefined,
      isHome: index === 0,
    };
  });
}

/**
 * The pages named on the command line: a page path (`pages/me/index/index`), its slug
 * (`pages-me-index-index`) or whole segments of the path (`me` picks both 我的 pages).
 * Throws on a name that matches no page, listing the pages there are.
 */
export function selectPages(pages: AppPage[], names: string[]): AppPage[] {
  if (names.length === 0) return pages;
  const picked = new Set<AppPage>();
  for (const name of names) {
    const wanted = name.replace(/^\/+|\/+$/g, '').replace(/\.(ts|json|wxml)$/, '');
    const exact = pages.filter((p) => p.path === wanted || p.slug === wanted);
    const matches = exact.length
      ? exact
      : pages.filter((p) => `/${p.path}/`.includes(`/${wanted}/`));
    if (!matches.length) {
      throw new Error(
        `no page matches "${name}"; the pages are:\n${pages.map((p) => `  ${p.path}`).join('\n')}`,
      );
    }
    matches.forEach((p) => picked.add(p));
  }
  return pages.filter((p) => picked.has(p));
}
