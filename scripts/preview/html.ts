/**
 * Turns a page rendered by miniprogram-simulate into one self-contained HTML document that a
 * browser draws like the phone would (toolchain-notes §7): the page's compiled WXSS, app.wxss
 * for the page and the components that take global classes, a base stylesheet for the wx-*
 * elements, TDesign's icons drawn from tdesign-icons-svg (the icon font is on a CDN the
 * preview cannot reach), and the navigation bar and tab bar around the page. 750 px wide: one
 * rpx is one px. Plain Node: no DOM needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { iconCss } from './icons';
import { APP_ROOT, type AppPage } from './pages';

/** The phone screen drawn: 750 × 1334 px (an iPhone 8 at 2×; 750 rpx across). */
export const SCREEN = { width: 750, height: 1334 } as const;
const STATUS_BAR_HEIGHT = 40;
const NAV_BAR_HEIGHT = 88;
const TAB_BAR_HEIGHT = 100;

interface WxssCompiler {
  compile(wxss: string, options: { prefix: string }): string;
}
const wxss: WxssCompiler = require('miniprogram-simulate/src/wxss');

/** rpx → px at 1:1, as simulate writes the components' styles (750 rpx = 750 px). */
function rpxToPx(css: string): string {
  return css.replace(/(\d*\.?\d+)rpx/gi, '$1px');
}

/** WXSS's `page` element selector is the document body here. */
export function pageSelectorToBody(css: string): string {
  return css.replace(/(^|[{},;>+~\s])page(?=[\s{,.:[>+~])/g, '$1body');
}

/**
 * `100vh` in a page is the window between the navigation bar and the tab bar, not the whole
 * (possibly taller, full-page) screenshot.
 */
function windowUnits(css: string): string {
  return css.replace(/(\d*\.?\d+)vh\b/g, 'calc($1 * var(--preview-vh))');
}

/** Remote web fonts (TDesign's icon font) cannot load offline and only delay the picture. */
function dropRemoteFonts(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*https?:[^}]*\}/g, '');
}

function usingComponentsOf(componentPath: string): Record<string, string> {
  const file = `${componentPath}.json`;
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')).usingComponents ?? {};
}

const GLOBAL_STYLE_OPTION =
  /addGlobalClass\s*:\s*true|styleIsolation\s*:\s*['"](apply-)?shared['"]/;

/**
 * The class prefixes (simulate prefixes a component's classes with its tag name; the page is
 * `main`) that app.wxss applies to: the page itself and each of the app's own components,
 * however deep, that opts into global classes (`addGlobalClass` / `styleIsolation`).
 */
export function globalStylePrefixes(pagePath: string, appRoot = APP_ROOT): string[] {
  const prefixes = new Set(['main']);
  const seen = new Set<string>();
  const visit = (componentPath: string) => {
    if (seen.has(componentPath)) return;
    seen.add(componentPath);
    for (const [tag, ref] of Object.entries(usingComponentsOf(componentPath))) {
      if (!ref.startsWith('/') && !ref.startsWith('.')) continue; // npm: TDesign
      const child = ref.startsWith('/') ? join(appRoot, ref) : join(dirname(componentPath), ref);
      const source = ['.ts', '.js'].map((ext) => `${child}${ext}`).find((f) => existsSync(f));
      if (source && GLOBAL_STYLE_OPTION.test(readFileSync(source, 'utf8'))) prefixes.add(tag);
      visit(child);
    }
  };
  visit(join(appRoot, pagePath));
  return [...prefixes];
}

/** app.wxss as it applies to the given class prefixes, ready for a browser. */
export function compileAppWxss(prefixes: string[], appRoot = APP_ROOT): string {
  const source = readFileSync(join(appRoot, 'app.wxss'), 'utf8');
  const css = prefixes.map((prefix) =>
    pageSelectorToBody(rpxToPx(wxss.compile(source, { prefix }))),
  );
  if (css.some((c) => c.includes('@'))) return css.join('\n');
  // Without at-rules the output is flat `selector{…}` rules: the body rules, the same for
  // every prefix, are kept once.
  const rules = css.flatMap((c) => c.match(/[^{}]+\{[^{}]*\}/g) ?? []);
  return [...new Set(rules)].join('\n');
}

const PREVIEW_FONTS = `'WenQuanYi Micro Hei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif`;

const BASE_CSS = `
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  width: ${SCREEN.width}px;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  font-family: ${PREVIEW_FONTS};
  font-size: 32px;
  line-height: 1.4;
}
wx-view, wx-button, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-navigator,
wx-picker, wx-picker-view, wx-movable-area, wx-cover-view, wx-input, wx-textarea, wx-rich-text,
wx-radio-group, wx-checkbox-group, main, parent-wrapper { display: block; }
wx-text, wx-label { display: inline; }
wx-image, wx-icon, wx-progress { display: inline-block; }
wx-input { min-height: 1.4em; }
wx-textarea { min-height: 150px; white-space: pre-wrap; }
wx-button { cursor: default; }
.preview-input__placeholder { color: rgba(0, 0, 0, 0.4); }
.preview-frame { flex: 1; display: flex; flex-direction: column; }
.preview-page { flex: 1; }
.preview-status {
  height: ${STATUS_BAR_HEIGHT}px;
}
.preview-nav {
  position: relative;
  height: ${NAV_BAR_HEIGHT}px;
  display: flex;
  align-items: center;
  justify-content: center;
  font-size: 34px;
  font-weight: 600;
}
.preview-nav__back {
  position: absolute;
  left: 34px;
  top: 30px;
  width: 22px;
  height: 22px;
  border-left: 4px solid currentColor;
  border-bottom: 4px solid currentColor;
  transform: rotate(45deg);
}
.preview-capsule {
  position: absolute;
  right: 14px;
  top: 12px;
  width: 174px;
  height: 64px;
  box-sizing: border-box;
  border-radius: 32px;
  border: 1px solid rgba(255, 255, 255, 0.3);
  background: rgba(0, 0, 0, 0.12);
  display: flex;
  align-items: center;
}
.preview-capsule--black { border-color: rgba(0, 0, 0, 0.12); background: rgba(255, 255, 255, 0.6); }
.preview-capsule__more, .preview-capsule__close { flex: 1; display: flex; justify-content: center; }
.preview-capsule__more::before {
  content: '';
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: currentColor;
  box-shadow: -14px 0 0 currentColor, 14px 0 0 currentColor;
}
.preview-capsule__close::before {
  content: '';
  width: 26px;
  height: 26px;
  box-sizing: border-box;
  border-radius: 50%;
  border: 4px solid currentColor;
  box-shadow: inset 0 0 0 5px transparent, inset 0 0 0 10px currentColor;
}
.preview-capsule__line { width: 1px; height: 36px; background: currentColor; opacity: 0.25; }
.preview-tabbar {
  height: ${TAB_BAR_HEIGHT}px;
  box-sizing: border-box;
  display: flex;
  align-items: stretch;
  font-size: 28px;
}
.preview-tabbar__item {
  flex: 1;
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
}
.preview-tabbar__icon { width: 48px; height: 48px; }
.preview-tabbar__item--iconed { font-size: 22px; line-height: 32px; }
/* 大字模式: the app's own tab bar (custom-tab-bar) at 1.5 times */
.preview-tabbar--large { height: ${TAB_BAR_HEIGHT * 1.5}px; }
.preview-tabbar--large .preview-tabbar__icon { width: 72px; height: 72px; }
.preview-tabbar--large .preview-tabbar__item--iconed { font-size: 33px; line-height: 48px; }
.preview-tabbar__item--selected { font-weight: 600; }
`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`,
  );
}

/** A tab's icon (app.json's iconPath, a PNG under miniprogram/) inlined as an image. */
function tabIcon(path: string | undefined): string {
  const file = path ? join(APP_ROOT, path) : '';
  if (!file || !existsSync(file)) return '';
  const data = readFileSync(file).toString('base64');
  return `<img class="preview-tabbar__icon" src="data:image/png;base64,${data}" alt="">`;
}

export interface PreviewDocument {
  page: AppPage;
  /** The rendered page: simulate's root element (`<main>…</main>`). */
  pageHtml: string;
  /** The page's compiled WXSS and its components' (simulate's `<style>` for the page). */
  pageCss: string;
  /** Shown in the browser tab: `我的 · 大字模式`. */
  caption: string;
  /** What the page set as the navigation bar's title (`wx.setNavigationBarTitle`), if anything. */
  navTitle?: string;
}

/** The self-contained HTML document for one page in one state. */
export function buildPreviewHtml({
  page,
  pageHtml,
  pageCss,
  caption,
  navTitle,
}: PreviewDocument): string {
  const { window, tabBar } = page;
  const textColor = window.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff';
  const windowHeight =
    SCREEN.height - STATUS_BAR_HEIGHT - NAV_BAR_HEIGHT - (tabBar ? TAB_BAR_HEIGHT : 0);
  const body = pageHtml;
  // Last, so it wins over app.wxss: WenQuanYi stands in for the phone's PingFang.
  const chromeCss = `
body { --preview-vh: ${windowHeight / 100}px; --td-font-family: ${PREVIEW_FONTS}; }
.preview-status, .preview-nav { background: ${window.navigationBarBackgroundColor}; color: ${textColor}; }
${
  tabBar
    ? `.preview-tabbar { background: ${tabBar.backgroundColor}; color: ${tabBar.color};
  border-top: 1px solid ${tabBar.borderStyle === 'white' ? '#f0f0f0' : 'rgba(0, 0, 0, 0.12)'}; }
.preview-tabbar__item--selected { color: ${tabBar.selectedColor}; }`
    : ''
}`;
  const tabs = tabBar
    ? `<nav class="preview-tabbar${
        tabBar.custom && pageHtml.includes('page--large') ? ' preview-tabbar--large' : ''
      }">${tabBar.list
        .map(
          (tab) =>
            `<div class="preview-tabbar__item${
              tab.pagePath === page.path ? ' preview-tabbar__item--selected' : ''
            }${tab.iconPath ? ' preview-tabbar__item--iconed' : ''}">${tabIcon(
              tab.pagePath === page.path ? (tab.selectedIconPath ?? tab.iconPath) : tab.iconPath,
            )}${escapeHtml(tab.text)}</div>`,
        )
        .join('')}</nav>`
    : '';
  // A tab (or the first page) opens without a back button; every other page is navigated to.
  const back = tabBar || page.isHome ? '' : '<i class="preview-nav__back"></i>';
  const capsule = `<div class="preview-capsule${
    window.navigationBarTextStyle === 'black' ? ' preview-capsule--black' : ''
  }"><i class="preview-capsule__more"></i><i class="preview-capsule__line"></i><i class="preview-capsule__close"></i></div>`;
  const styles = [
    BASE_CSS,
    windowUnits(compileAppWxss(globalStylePrefixes(page.path))),
    windowUnits(dropRemoteFonts(pageCss)),
    iconCss(body),
    chromeCss,
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=${SCREEN.width}">
<title>${escapeHtml(caption)}</title>
${styles.map((css) => `<style>\n${css}\n</style>`).join('\n')}
</head>
<body>
<div class="preview-status"></div>
<header class="preview-nav">${back}${escapeHtml(navTitle ?? window.navigationBarTitleText)}${capsule}</header>
<div class="preview-frame"><div class="preview-page">${body}</div></div>
${tabs}
</body>
</html>
`;
}
