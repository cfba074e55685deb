/**
 * Renders one page in one state to a self-contained HTML document, the way the page tests
 * open pages: miniprogram-simulate with TDesign from miniprogram_npm (tests/setup/simulate.ts),
 * `wx.cloud.callFunction` answered by the real backend in-process, as a chosen demo identity.
 *
 * It needs the DOM of the page tests, so it runs under Jest in
 * tests/setup/page-environment.ts: `npm run preview` runs scripts/preview/run.preview.ts with
 * jest.preview.config.js, and tests/previews/render.test.ts smoke-tests it without a browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildPreviewHtml } from './html';
import { APP_ROOT, type AppPage } from './pages';
import {
  DEFAULT_REFUSAL,
  type PreviewPageHandle,
  type PreviewScenario,
  type Refusal,
} from './scenario';
import {
  find,
  loadPage,
  restartApp,
  textOf,
  wx,
  type PageComponent,
} from '../../tests/setup/simulate';
import type { Backend } from '../../tests/support/backend';
import { imageTypeOf, storedFileId } from '../../emulator/storage-urls';

interface Simulate {
  render(id: string): PageComponent;
  sleep(ms: number): Promise<void>;
}
const simulate: Simulate = require('miniprogram-simulate');

export const DEFAULT_OPENID = 'demo-member-1';

export interface RenderedPreview {
  /** The self-contained document for the browser. */
  html: string;
  /** What a person reads on the page, whitespace collapsed. */
  text: string;
  /** Things on the page no person should see (raw codes, `undefined`…). */
  problems: string[];
}

/** Text a member should never read: error codes, template leftovers, internal ids. */
const TEXT_PROBLEMS: [RegExp, string][] = [
  [/\b[A-Z][A-Z_]+\.[A-Z][A-Z_]+\b/, 'a raw error code'],
  [/\b[A-Z]{2,}-\d+\b/, 'a rule or requirement id'],
  [/\b(undefined|null|NaN)\b|\[object Object\]/, 'a program value'],
  [/\{\{|\}\}/, 'an unfilled template'],
  [/\b(demo|wx)-[a-z0-9-]+/, 'an internal id (openid)'],
  [/\b(TODO|FIXME|lorem ipsum|placeholder)\b/i, 'placeholder text'],
];

export function findTextProblems(text: string): string[] {
  return TEXT_PROBLEMS.flatMap(([pattern, what]) => {
    const hit = pattern.exec(text);
    return hit ? [`shows ${what}: "${hit[0]}"`] : [];
  });
}

/**
 * simulate keeps a native <input>'s value and placeholder as component properties, not in the
 * DOM; write them in as text so the picture shows what the phone would: the value, else the
 * placeholder in its placeholder class (prefixed the way simulate prefixes the input's own).
 */
function drawNativeControls(host: any): void {
  for (const el of host.querySelectorAll('wx-input, wx-textarea')) {
    const attrs: { name: string; value: unknown }[] = el.__wxElement?._vt?.attrs ?? [];
    const attr = (name: string) => attrs.find((a) => a.name === name)?.value;
    const value = attr('value') == null ? '' : String(attr('value'));
    const prefix = /^([\w-]+?)--/.exec(el.className)?.[1];
    const span = el.ownerDocument.createElement('span');
    if (value) {
      span.className = 'preview-input__value';
      span.textContent = attr('password') ? '•'.repeat(value.length) : value;
    } else {
      const own = String(attr('placeholderClass') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((c) => (prefix ? `${prefix}--${c}` : c));
      span.className = ['preview-input__placeholder', ...own].join(' ');
      span.textContent = String(attr('placeholder') ?? '');
    }
    el.replaceChildren(span);
  }
}

/**
 * TDesign's t-qrcode draws on a <canvas>, which jsdom cannot; draw the same modules (TDesign's
 * own encoder from miniprogram_npm, with the component's value, level and colours) as SVG.
 */
function drawQrCodes(host: any): void {
  for (const el of host.querySelectorAll('wx-canvas')) {
    const props = el.__wxElement?.ownerShadowRoot?.__wxHost?.__propData;
    if (!props || !('level' in props) || !('marginSize' in props) || !props.value) continue;
    const tdesign = join(APP_ROOT, 'miniprogram_npm', 'tdesign-miniprogram');
    const useQRCode = require(join(tdesign, 'qrcode/hooks/useQRCode')).default;
    const { generatePath } = require(join(tdesign, 'common/shared/qrcode/utils'));
    const qr = useQRCode({
      value: props.value,
      level: props.level,
      minVersion: 1,
      includeMargin: props.includeMargin,
      marginSize: props.marginSize,
      size: props.size,
    });
    const n = qr.numCells;
    // Sized as TDesign sizes its canvas: the whole box inside the component's padding.
    el.outerHTML =
      `<svg class="${el.className}" viewBox="0 0 ${n} ${n}" style="display:block;width:100%;` +
      `height:100%" shape-rendering="crispEdges"><rect width="${n}" height="${n}" ` +
      `fill="${props.bgColor}"/><path fill="${props.color}" d="${generatePath(qr.cells, qr.margin)}"/></svg>`;
  }
}

/**
 * An <image> whose src is a file of the emulator's storage (a `cloud://` fileID, its
 * /__emulator/files/ URL, or a temporary URL of the storage) is drawn from those bytes, inlined,
 * as the phone would show the downloaded file.
 */
async function drawStoredImages(host: any, getFile: (id: string) => Promise<Buffer>) {
  for (const el of host.querySelectorAll('wx-image')) {
    const attrs: { name: string; value: unknown }[] = el.__wxElement?._vt?.attrs ?? [];
    const src = String(attrs.find((a) => a.name === 'src')?.value ?? '');
    const id = storedFileId(src);
    if (!id) continue;
    try {
      const bytes = await getFile(id);
      const type = imageTypeOf(bytes);
      const img = el.ownerDocument.createElement('img');
      img.setAttribute('src', `data:${type};base64,${bytes.toString('base64')}`);
      img.setAttribute('style', 'display:block;width:100%;height:100%;object-fit:contain');
      el.replaceChildren(img);
    } catch {
      // not in storage: left blank, as a broken image would be
    }
  }
}

export class PreviewRenderer {
  private readonly pageIds = new Map<string, string>();
  private openid: string | undefined;
  private refusal: Refusal | undefined;
  private inFlight = 0;

  constructor(private readonly backend: Backend) {
    // The production transport, answered in-process as the scenario's identity, or refused.
    wx.cloud = {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: { action: string } }) => {
        this.inFlight += 1;
        try {
          const refusal = this.refusal;
          if (refusal && (!refusal.when || refusal.when(name, data.action))) {
            await simulate.sleep(1);
            return {
              result: { ok: false, error: { code: refusal.code, message: refusal.message } },
            };
          }
          return { result: await this.backend.invoke(name, data, this.openid) };
        } finally {
          this.inFlight -= 1;
        }
      },
    };
  }

  /** Opens `page` in the state `scenario` describes and returns it drawn as HTML. */
  async render(page: AppPage, scenario: PreviewScenario): Promise<RenderedPreview> {
    await this.prepare(scenario);
    const id = this.load(page.path);
    const root = simulate.render(id);
    root.instance.route = page.path; // as the runtime sets it
    const host = (globalThis as any).document.createElement('parent-wrapper');
    root.attach(host);
    // The navigation bar shows what the page last set (empty in 大字模式), else its JSON title.
    let navTitle = page.window.navigationBarTitleText;
    const setTitle = wx.setNavigationBarTitle;
    wx.setNavigationBarTitle = (opts: { title: string }) => {
      navTitle = opts.title;
    };
    try {
      root.instance.onLoad?.(scenario.query ?? {});
      root.instance.onShow?.();
      root.triggerPageLifeTime('show');
      await this.settle();
      if (scenario.act) {
        await scenario.act(this.handle(root));
        await this.settle();
      }
      const text = textOf(root);
      drawNativeControls(host);
      drawQrCodes(host);
      await drawStoredImages(host, (id) => this.backend.emulator.readFile(id));
      const pageCss = (globalThis as any).document.getElementById(id)?.textContent ?? '';
      const html = buildPreviewHtml({
        page,
        pageHtml: host.innerHTML,
        pageCss,
        caption: `${page.window.navigationBarTitleText} · ${scenario.caption ?? scenario.state}`,
        navTitle,
      });
      return { html, text, problems: findTextProblems(text) };
    } finally {
      wx.setNavigationBarTitle = setTitle;
      // Leave the page as the runtime would, so its timers (polls, countdowns) stop.
      try {
        root.instance.onHide?.();
        root.triggerPageLifeTime('hide');
        root.instance.onUnload?.();
      } catch {
        // Leaving must not hide the state's own outcome.
      }
      root.detach();
      this.refusal = undefined;
    }
  }

  private load(pagePath: string): string {
    let id = this.pageIds.get(pagePath);
    if (!id) {
      if (!existsSync(join(APP_ROOT, `${pagePath}.json`)))
        throw new Error(`app.json lists ${pagePath}, but miniprogram/${pagePath}.json is missing`);
      id = loadPage(pagePath);
      this.pageIds.set(pagePath, id);
    }
    return id;
  }

  /** A fresh demo world for the scenario: clock, seed, device storage, identity, refusals. */
  private async prepare(scenario: PreviewScenario): Promise<void> {
    await this.backend.reset(scenario.seed ?? 'demo');
    if (scenario.now !== undefined)
      this.backend.emulator.clock.freeze(new Date(scenario.now).getTime());
    await scenario.setup?.(this.backend);
    // Each state is a fresh app start: no storage, no org.me remembered from the previous one.
    restartApp();
    if (scenario.large) {
      // The page's own preference API, so the preview follows wherever it is stored.
      require('../../miniprogram/behaviors/large-text').saveLargeText(true);
    }
    this.openid = scenario.openid ?? DEFAULT_OPENID;
    this.refusal =
      scenario.refuse === true ? DEFAULT_REFUSAL : scenario.refuse ? scenario.refuse : undefined;
  }

  private handle(root: PageComponent): PreviewPageHandle {
    const node = (path: string[]) => {
      const target = find(root, ...path);
      if (!target) throw new Error(`nothing matches ${path.join(' → ')}`);
      return target;
    };
    return {
      component: root,
      backend: this.backend,
      find: (...path) => find(root, ...path),
      tap: async (...path) => {
        node(path).dispatchEvent('tap');
        await this.settle();
      },
      dispatch: async (path, event, detail) => {
        node(path).dispatchEvent(event, { detail });
        await this.settle();
      },
      call: async (method, ...args) => {
        const fn = root.instance[method];
        if (typeof fn !== 'function') throw new Error(`the page has no method ${method}`);
        await fn.apply(root.instance, args);
        await this.settle();
      },
      settle: () => this.settle(),
    };
  }

  /** Waits until no backend call is in flight and every resulting setData has rendered. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietTicks = 0;
    while (quietTicks < 3) {
      if (Date.now() > deadline) throw new Error('page did not settle: a backend call is running');
      await simulate.sleep(this.inFlight ? 5 : 0);
      quietTicks = this.inFlight ? 0 : quietTicks + 1;
    }
  }
}
