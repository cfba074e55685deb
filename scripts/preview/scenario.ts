/**
 * The states a page is previewed in. Every page gets the default states below with no code of
 * its own; a page that needs more (another identity, an empty list, a form filled in) or
 * less describes it in `scripts/preview/scenarios/<page-slug>.ts`, e.g.
 * `scripts/preview/scenarios/pages-me-index-index.ts` for `pages/me/index/index`:
 *
 *   export default definePreview({
 *     scenarios: [{ state: 'secretary', caption: '书记', openid: 'demo-secretary' }],
 *   });
 *
 * The scenario files live here and not next to the page, because DevTools compiles
 * everything under miniprogram/ into the mini-program.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PageComponent } from '../../tests/setup/simulate';
import type { Backend } from '../../tests/support/backend';
import { ROOT, slugOf } from './pages';

export const SCENARIO_DIR = join(ROOT, 'scripts', 'preview', 'scenarios');

/** The images the README shows, by their file name under docs/screenshots/. */
export const README_SHOTS = [
  'home',
  'sign-in',
  'signed-in',
  'secretary-home',
  'projector',
  'pioneer-index',
  'notice-editor',
  'appraisal-report',
  'appraisal-ballot',
  'appraisal-done',
  'appraisal-console',
  'appraisal-board',
  'democratic-ballot',
  'democratic-result',
  'democratic-board',
  'democratic-hints',
  'rectify-list',
  'branch-board',
  'record-media',
  'activity-media',
  'oversight-grid',
  'branch-page',
] as const;
export type ReadmeShot = (typeof README_SHOTS)[number];

/** A backend refusal, as the gateway receives it: a code and a message fit for a person. */
export interface Refusal {
  code: string;
  message: string;
  /** Refuse only the calls this picks (default: every call). */
  when?: (fn: string, action: string) => boolean;
}

export const DEFAULT_REFUSAL: Refusal = { code: 'INTERNAL', message: '系统繁忙，请稍后重试' };

/** What a scenario's `act` can do to the open page; each step waits for the page to settle. */
export interface PreviewPageHandle {
  /** simulate's root component of the page (`.instance`, `.data`, `querySelector`). */
  readonly component: PageComponent;
  /** The in-process backend behind the page. */
  readonly backend: Backend;
  /** Finds a node by a chain of selectors, one per component boundary to cross. */
  find(...path: string[]): PageComponent | undefined;
  /** Taps a node; end the path inside TDesign components: `tap('.bind-button', '.t-button')`. */
  tap(...path: string[]): Promise<void>;
  /** Dispatches another event (`input`, `change`…) with a detail on the node `path` leads to. */
  dispatch(path: string[], event: string, detail?: unknown): Promise<void>;
  /** Calls a page method as an event handler would: `call('onCodeChange', { detail: … })`. */
  call(method: string, ...args: unknown[]): Promise<void>;
  /** Waits until no backend call is in flight and every setData has rendered. */
  settle(): Promise<void>;
}

export interface PreviewScenario {
  /** Short, file-name-safe name: `loaded`, `empty`, `secretary`… (the PNG's suffix). */
  state: string;
  /** What the contact sheet says about this state, in Chinese: `书记视角`. */
  caption?: string;
  /** The WeChat user the page acts as (default `demo-member-1`, a plain member). */
  openid?: string;
  /** The page's onLoad query. */
  query?: Record<string, string>;
  /** Turn on 大字模式 (the elder-friendly text size) before the page opens. */
  large?: boolean;
  /** Answer backend calls with a refusal instead of running them. */
  refuse?: boolean | Refusal;
  /** The seed the state starts from (default `demo`; `committee`: a 基层党委 of many branches). */
  seed?: Parameters<Backend['reset']>[0];
  /** The emulator's clock (ISO time or ms) for this state; the demo seed is built around it. */
  now?: string | number;
  /** Changes the freshly seeded demo data before the page opens (e.g. to make a list empty). */
  setup?: (backend: Backend) => Promise<void>;
  /** Interacts with the open page before the picture is taken (type, tap, submit…). */
  act?: (page: PreviewPageHandle) => Promise<void>;
  /** Marks this state as one of the README's images (`npm run preview -- --readme`). */
  readme?: ReadmeShot;
}

export interface PagePreview {
  /** The onLoad query of every state that names none (e.g. the id a detail page needs). */
  query?: Record<string, string>;
  /** States to add, or to replace a default state of the same name. */
  scenarios?: PreviewScenario[];
  /** Default states that make no sense for this page (e.g. `unbound` on the bind page). */
  omit?: string[];
}

/** Identity for a scenario file's default export (gives it its type). */
export function definePreview(preview: PagePreview): PagePreview {
  return preview;
}

/** The states every page gets unless its scenario file omits or replaces them. */
export const DEFAULT_SCENARIOS: readonly PreviewScenario[] = [
  { state: 'loaded', caption: '正常（普通党员）', openid: 'demo-member-1' },
  { state: 'large', caption: '大字模式', openid: 'demo-member-1', large: true },
  { state: 'error', caption: '出错（后端拒绝）', openid: 'demo-member-1', refuse: true },
  { state: 'unbound', caption: '未绑定身份', openid: 'wx-preview-unbound' },
];

/** The scenario file of a page, whether or not it exists. */
export function scenarioFileOf(pagePath: string): string {
  return join(SCENARIO_DIR, `${slugOf(pagePath)}.ts`);
}

/** The default states merged with the page's own: same name replaces, new names follow. */
export function mergeScenarios(preview: PagePreview = {}): PreviewScenario[] {
  const own = preview.scenarios ?? [];
  const omitted = new Set(preview.omit ?? []);
  const merged = DEFAULT_SCENARIOS.filter((s) => !omitted.has(s.state)).map(
    (s) => own.find((o) => o.state === s.state) ?? s,
  );
  const extra = own.filter((o) => !merged.includes(o));
  const pageQuery = preview.query;
  const all = [...merged, ...extra].map((s) =>
    pageQuery && !s.query ? { ...s, query: pageQuery } : s,
  );
  for (const s of all) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s.state))
      throw new Error(`preview state "${s.state}" must be lower-case letters, digits and dashes`);
  }
  const names = all.map((s) => s.state);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`preview state "${twice}" is described twice`);
  return all;
}

/** A page's states: the defaults plus its scenario file, if it has one. */
export function scenariosFor(pagePath: string): PreviewScenario[] {
  const file = scenarioFileOf(pagePath);
  if (!existsSync(file)) return mergeScenarios();
  const mod = require(file) as { default?: PagePreview };
  if (!mod.default) throw new Error(`${file} must \`export default definePreview({...})\``);
  return mergeScenarios(mod.default);
}
