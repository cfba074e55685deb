/**
 * The one place that stubs the mini-program platform for page tests (conventions #13).
 * Pages are rendered by miniprogram-simulate into jsdom (test files use the docblock
 * `@jest-environment ./tests/setup/page-environment.ts`); their `wx.cloud.callFunction`
 * reaches the real backend in-process (tests/support/backend.ts), acting as whichever openid
 * the test chose with actAs().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packNpm } from '../../scripts/pack-npm';
import { startBackend, type Backend } from '../support/backend';

/**
 * The part of simulate (j-component) the tests use. Typed here rather than imported: its
 * typings pull miniprogram-api-typings into the Node type-check, whose globals (`require`,
 * `wx`…) would then clash with @types/node across the backend's code.
 */
export interface PageComponent {
  readonly dom: { textContent: string | null; className: string } | undefined;
  readonly instance: Record<string, any>;
  readonly data: Record<string, any>;
  querySelector(selector: string): PageComponent | undefined;
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  attach(parent: unknown): void;
  detach(): void;
  triggerPageLifeTime(name: string): void;
}
interface Simulate {
  load(
    path: string,
    options: { rootPath: string; usingComponents: object; compilerOptions?: { maxBuffer: number } },
  ): string;
  render(id: string): PageComponent;
  sleep(ms: number): Promise<void>;
}
const simulate: Simulate = require('miniprogram-simulate');

/** The `wx` simulate installs, with the stubs below; loosely typed for the same reason. */
export const wx: Record<string, any> = (globalThis as any).wx;

const appRoot = resolve(__dirname, '../../miniprogram');

// TDesign resolves under simulate only from miniprogram_npm with the official wcc compiler
// (toolchain-notes §7), so lay it out exactly as DevTools' 构建 npm would. Fast when up to date.
packNpm();

/**
 * Page JSON names TDesign as DevTools does (`tdesign-miniprogram/cell/cell`); simulate needs
 * a path from the app root. Collected from every JSON so a new component needs no edit here.
 */
function tdesignMapping(dir = appRoot, mapping: Record<string, string> = {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'miniprogram_npm') tdesignMapping(full, mapping);
    else if (entry.name.endsWith('.json') && entry.name !== 'tsconfig.json') {
      const using: Record<string, string> =
        JSON.parse(readFileSync(full, 'utf8')).usingComponents ?? {};
      for (const [tag, path] of Object.entries(using)) {
        if (path.startsWith('tdesign-miniprogram/')) mapping[tag] = `/miniprogram_npm/${path}`;
      }
    }
  }
  return mapping;
}
const usingComponents = tdesignMapping();

/** The app's own modules: every .ts under miniprogram/ but app.ts and the component files. */
function appModules(dir = appRoot, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'miniprogram_npm') appModules(full, found);
    else if (/(?<!\.d)\.ts$/.test(entry.name) && !['index.ts', 'app.ts'].includes(entry.name))
      found.push(full);
  }
  return found;
}

/**
 * In the mini-program every page shares one module registry: one gateway and its config, one
 * cached org.me (stores/me.ts), one set of large-text listeners. simulate needs a fresh registry
 * for each page (below), so the app's modules are loaded once per test file and every page's
 * registry is handed those same instances; only the files that call Component() are per page.
 */
function shareAppModules(): Record<string, any> {
  const shared = new Map<string, unknown>();
  jest.isolateModules(() => {
    for (const file of appModules()) shared.set(file, require(file));
  });
  for (const [file, exports] of shared) jest.doMock(file, () => exports);
  const config = shared.get(join(appRoot, 'config.ts')) as any;
  config.backendConfig.mode = 'cloud';
  return Object.fromEntries(shared);
}
const app = shareAppModules();
const meStore = app[join(appRoot, 'stores', 'me.ts')] as { forgetMe(): void };

// TDesign calls getApp(); the bind page calls getCurrentPages() to choose back or switchTab.
const pageStack: PageComponent[] = [];
(globalThis as any).getApp = () => ({ globalData: {} });
(globalThis as any).getCurrentPages = () => pageStack.map((p) => p.instance);

// simulate's wx storage is a no-op; preferences (large text) need a working one.
const storage = new Map<string, unknown>();
Object.assign(wx, {
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
});

let openid: string | undefined;
let backend: Backend | undefined;
let inFlight = 0;

// The production transport, pointed at the in-process functions: CloudBase would put the
// caller's OPENID in the function's context; here the test says who is calling.
wx.cloud = {
  init: () => undefined,
  async callFunction({ name, data }: { name: string; data: { action: string; data?: unknown } }) {
    if (!backend) throw new Error('useBackend() was not called in this test file');
    inFlight += 1;
    try {
      return { result: await backend.invoke(name, data, openid) };
    } finally {
      inFlight -= 1;
    }
  },
};

/** Starts the real backend for this file, reset to `seed` before each test. */
export function useBackend(seed: 'demo' | 'empty' = 'demo'): { readonly backend: Backend } {
  beforeAll(async () => {
    backend = await startBackend({ seed });
  });
  beforeEach(async () => {
    restartApp();
    openid = undefined;
    await backend!.reset(seed);
  });
  afterEach(async () => {
    // A call a page made in the background (the consent ledger after 订阅), or on leaving
    // (detach), finishes here, not against the next test's reset or a closed backend.
    await settle();
    while (pageStack.length) pageStack.pop()!.detach();
    await settle();
  });
  afterAll(async () => {
    await backend?.close();
    backend = undefined;
  });
  return {
    get backend() {
      if (!backend) throw new Error('backend not started yet');
      return backend;
    },
  };
}

/** The WeChat user the next backend calls come from (undefined = anonymous). */
export function actAs(who: string | undefined): void {
  // Another person on the phone: what the app remembers of the previous one does not carry over.
  if (who !== openid) meStore.forgetMe();
  openid = who;
}

/** As if the app were closed and started again: device storage and the cached org.me are gone. */
export function restartApp(): void {
  storage.clear();
  meStore.forgetMe();
}

/**
 * Loads a page (path from the app root, e.g. 'pages/me/index/index') once per test file.
 * simulate cannot run a module twice in one Jest registry and pages share components, so
 * each page gets its own registry (with the app's shared modules, above, on the cloud transport).
 */
export function loadPage(pagePath: string): string {
  let id = '';
  jest.isolateModules(() => {
    // wcc compiles every WXML of the app at once; its output outgrew the default 1 MiB buffer
    id = simulate.load(join(appRoot, pagePath), {
      rootPath: appRoot,
      usingComponents,
      compilerOptions: { maxBuffer: 32 * 1024 * 1024 },
    });
  });
  if (!id) throw new Error(`could not load ${pagePath}`);
  routes.set(id, pagePath);
  return id;
}

/** Each loaded page's route, which the runtime puts on the page instance (`this.route`). */
const routes = new Map<string, string>();

/** Opens a page as the runtime does (attach, onLoad, onShow) and waits for its calls. */
export async function openPage(id: string, query: Record<string, string> = {}) {
  const page = simulate.render(id);
  page.instance.route = routes.get(id);
  page.attach((globalThis as any).document.createElement('parent-wrapper'));
  pageStack.push(page);
  page.instance.onLoad?.(query);
  await showPage(page);
  return page;
}

/** Shows an open page again, as when the user comes back to it, and waits. */
export async function showPage(page: PageComponent): Promise<void> {
  page.instance.onShow?.();
  page.triggerPageLifeTime('show');
  await settle();
}

/** Waits until no backend call is in flight and every resulting setData has rendered. */
export async function settle(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietTicks = 0;
  while (quietTicks < 3) {
    if (Date.now() > deadline)
      throw new Error('page did not settle: a backend call is still running');
    await simulate.sleep(inFlight ? 5 : 0);
    quietTicks = inFlight ? 0 : quietTicks + 1;
  }
}

/** What a person reads on the page: its text with whitespace collapsed. */
export function textOf(node: PageComponent | undefined): string {
  return (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Finds a node by a chain of selectors, one per component boundary to cross. */
export function find(root: PageComponent, ...path: string[]): PageComponent | undefined {
  let node: PageComponent | undefined = root;
  for (const selector of path) node = node?.querySelector(selector);
  return node;
}

/**
 * Taps the node `path` leads to. TDesign components are virtual hosts without a DOM node, so
 * end the path with an inner node: `tap(page, '.bind-button', '.t-button')`.
 */
export async function tap(root: PageComponent, ...path: string[]): Promise<void> {
  const target = find(root, ...path);
  if (!target) throw new Error(`nothing matches ${path.join(' → ')}`);
  target.dispatchEvent('tap');
  await settle();
}

/**
 * Types into a field: the inner control of the TDesign input or textarea under `path`, or the
 * node itself when it is a plain element (TDesign's virtual hosts have no node of their own).
 */
export async function typeText(
  root: PageComponent,
  path: string | string[],
  value: string,
): Promise<void> {
  const p = Array.isArray(path) ? path : [path];
  const target =
    find(root, ...p, '.t-input__control') ??
    find(root, ...p, '.t-textarea__wrapper-inner') ??
    find(root, ...p);
  if (!target) throw new Error(`nothing to type into at ${p.join(' → ')}`);
  target.dispatchEvent('input', { detail: { value } });
  await settle();
}

/**
 * Answers the platform's `wx.showModal` as a person would: confirm or cancel, typing `contents`
 * into editable dialogs one after another (the last one repeats). Returns the spy.
 */
export function answerDialogs(confirm: boolean, ...contents: string[]) {
  return jest.spyOn(wx, 'showModal').mockImplementation((opts: any) => {
    const content = contents.length > 1 ? contents.shift()! : (contents[0] ?? '');
    setTimeout(() => opts.success({ confirm, cancel: !confirm, content }), 0);
  });
}

/** Today's year and month in Beijing, as pages show them. */
export function beijingNow(): { year: number; month: string } {
  const local = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { year: Number(local.slice(0, 4)), month: local.slice(0, 7) };
}
