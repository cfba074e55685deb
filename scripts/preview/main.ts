/**
 * `npm run preview [-- [--readme] [--html-only] [page…]]`: draws every page of the mini-program
 * (or the ones named: a path, its slug or part of its path) in each of its states to
 * previews/<page-slug>--<state>.png, with the HTML each was drawn from and the contact sheet
 * previews/index.html.
 *
 * 1. Rendering runs under Jest (jest.preview.config.js → run.preview.ts), in the page tests'
 *    jsdom environment: miniprogram-simulate needs a DOM, and the real backend runs in-process
 *    on a fresh demo seed for every state.
 * 2. Screenshots: Debian's chromium through playwright-core, full page, 750 px wide.
 * 3. `--readme` then copies the states marked `readme:` to docs/screenshots/<name>.png.
 *
 * The states are the defaults of scenario.ts plus scripts/preview/scenarios/<page-slug>.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { discoverPages, ROOT, selectPages } from './pages';
import { README_SHOTS } from './scenario';
import { contactSheet, mergeEntries, readEntries, type RunEntry } from './sheet';
import { INSTALL_LINE, missingPackages, shoot } from './shoot';

const OUT_DIR = join(ROOT, 'previews');
const README_DIR = join(ROOT, 'docs', 'screenshots');

const USAGE = `usage: npm run preview [-- [--readme] [--html-only] [page…]]
  page         a page path (pages/me/index/index), its slug (pages-me-index-index) or whole
               segments of its path (me, activity); default: every page in miniprogram/app.json
  --readme     also copy the README's images to docs/screenshots/
  --html-only  write the HTML only (no browser needed; no PNGs, no --readme)`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function renderHtml(pagePaths: string[]): RunEntry[] {
  const runFile = join(OUT_DIR, 'run.json');
  rmSync(runFile, { force: true });
  const jest = require.resolve('jest/bin/jest');
  const result = spawnSync(process.execPath, [jest, '-c', 'jest.preview.config.js'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PREVIEW_PAGES: JSON.stringify(pagePaths), PREVIEW_OUT: OUT_DIR },
  });
  const entries = readEntries(runFile);
  rmSync(runFile, { force: true });
  if (!entries.length) fail(`preview: rendering failed (jest exited ${result.status})`);
  return entries;
}

function copyReadmeShots(entries: RunEntry[]): void {
  mkdirSync(README_DIR, { recursive: true });
  for (const name of README_SHOTS) {
    const marked = entries.filter((e) => e.readme === name);
    if (marked.length > 1)
      console.log(
        `  README ${name}.png: marked on ${marked.map((e) => e.file).join(', ')}; using the first`,
      );
    const entry = marked[0];
    const png = entry && join(OUT_DIR, `${entry.file}.png`);
    if (!entry || !png || !existsSync(png)) {
      console.log(
        `  README ${name}.png: skipped, no preview state is marked readme: '${name}' yet`,
      );
      continue;
    }
    const target = join(README_DIR, `${name}.png`);
    copyFileSync(png, target);
    console.log(`  README ${name}.png ← ${entry.file}.png`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((a) => a.startsWith('-') && !['--readme', '--html-only'].includes(a));
  if (unknown.length) fail(`preview: unknown option ${unknown.join(' ')}\n${USAGE}`, 2);
  const readme = args.includes('--readme');
  const htmlOnly = args.includes('--html-only');
  if (readme && htmlOnly) fail('preview: --readme needs the PNGs; drop --html-only', 2);

  const allPages = discoverPages();
  let pages;
  try {
    pages = selectPages(
      allPages,
      args.filter((a) => !a.startsWith('-')),
    );
  } catch (err) {
    fail(`preview: ${(err as Error).message}`, 2);
  }

  if (!htmlOnly) {
    const missing = missingPackages();
    if (missing.length) {
      fail(
        `preview: the screenshots need Debian's chromium and a CJK font; missing: ${missing.join(', ')}.\n` +
          `Install them (as root, after apt-get update) with:\n\n${INSTALL_LINE}\n`,
      );
    }
  }

  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  // A state that no longer exists must not linger from an earlier run.
  const slugs = pages.map((p) => `${p.slug}--`);
  for (const file of readdirSync(OUT_DIR)) {
    if (slugs.some((s) => file.startsWith(s)) && /\.(png|html)$/.test(file))
      rmSync(join(OUT_DIR, file));
  }

  const latest = renderHtml(pages.map((p) => p.path));
  const rendered = latest.filter((e) => !e.error);
  if (!htmlOnly) {
    await shoot(
      rendered.map((e) => ({
        html: join(OUT_DIR, `${e.file}.html`),
        png: join(OUT_DIR, `${e.file}.png`),
      })),
    );
  }

  const manifestFile = join(OUT_DIR, 'manifest.json');
  const entries = mergeEntries(readEntries(manifestFile), latest, allPages);
  writeFileSync(manifestFile, `${JSON.stringify(entries, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'index.html'), contactSheet(entries, OUT_DIR));

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const what = htmlOnly ? 'HTML pages' : 'PNGs';
  console.log(
    `\npreview: ${rendered.length} ${what} for ${pages.length} pages in ${seconds} s → ` +
      `${relative(process.cwd(), join(OUT_DIR, 'index.html'))}`,
  );
  for (const e of latest.filter((x) => x.problems.length))
    console.log(`  check ${e.file}: ${e.problems.join('; ')}`);
  const failed = latest.filter((e) => e.error);
  for (const e of failed) console.log(`  FAILED ${e.file}: ${e.error!.split('\n')[0]}`);

  if (readme) copyReadmeShots(entries);
  if (failed.length) process.exit(1);
}

main().catch((err) => fail(`preview: ${err instanceof Error ? err.stack : String(err)}`));
