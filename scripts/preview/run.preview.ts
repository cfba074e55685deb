/**
 * The rendering half of `npm run preview` (scripts/preview/main.ts), run by Jest with
 * jest.preview.config.js because the pages need the page tests' jsdom environment. Renders
 * every page chosen in PREVIEW_PAGES (JSON list of page paths; all when unset) in each of its
 * states to PREVIEW_OUT/<page-slug>--<state>.html and reports them in PREVIEW_OUT/run.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend, type Backend } from '../../tests/support/backend';
import { discoverPages, ROOT } from './pages';
import { PreviewRenderer } from './render';
import { scenariosFor } from './scenario';
import type { RunEntry } from './sheet';

const outDir = process.env.PREVIEW_OUT ?? join(ROOT, 'previews');
const chosen: string[] | undefined = process.env.PREVIEW_PAGES
  ? JSON.parse(process.env.PREVIEW_PAGES)
  : undefined;
const pages = discoverPages().filter((p) => !chosen || chosen.includes(p.path));

let backend: Backend;
let renderer: PreviewRenderer;
const entries: RunEntry[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  backend = await startBackend({ seed: 'demo' });
  renderer = new PreviewRenderer(backend);
});

afterAll(async () => {
  writeFileSync(join(outDir, 'run.json'), `${JSON.stringify(entries, null, 2)}\n`);
  await backend?.close();
});

describe.each(pages.map((page) => [page.path, page] as const))('%s', (_path, page) => {
  const scenarios = scenariosFor(page.path);
  it.each(scenarios.map((s) => [s.state, s] as const))('%s', async (_state, scenario) => {
    const file = `${page.slug}--${scenario.state}`;
    const entry: RunEntry = {
      page: page.path,
      state: scenario.state,
      title: page.window.navigationBarTitleText,
      caption: scenario.caption ?? scenario.state,
      file,
      readme: scenario.readme,
      problems: [],
    };
    entries.push(entry);
    try {
      const rendered = await renderer.render(page, scenario);
      writeFileSync(join(outDir, `${file}.html`), rendered.html);
      entry.problems = rendered.problems;
    } catch (err) {
      entry.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      throw err;
    }
  });
});
