/**
 * The screenshot step: Debian's chromium (driven by playwright-core, which downloads no browser)
 * draws each preview HTML at the phone's 750 px width, full page, into a PNG. Plain Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCREEN } from './html';

/** The one line that installs what the screenshots need on Debian. */
export const INSTALL_LINE = 'apt-get install -y chromium fonts-wqy-microhei';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, or PREVIEW_CHROMIUM when set; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = process.env.PREVIEW_CHROMIUM
    ? [process.env.PREVIEW_CHROMIUM]
    : CHROMIUM_CANDIDATES;
  return candidates.find((file) => existsSync(file));
}

/** Whether fontconfig knows a font that draws Chinese (else every character is a box). */
export function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** What is missing for screenshots, by Debian package name (empty when all is there). */
export function missingPackages(): string[] {
  return [...(findChromium() ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-wqy-microhei'])];
}

export interface Shot {
  html: string;
  png: string;
}

/**
 * Screenshots every `html` file to its `png`, full page (at least one phone screen tall).
 * One browser for all of them; the pages are self-contained, so no network is used.
 */
export async function shoot(shots: Shot[], executablePath = findChromium()): Promise<void> {
  if (!executablePath) throw new Error(`chromium is missing: ${INSTALL_LINE}`);
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
    viewport: { width: SCREEN.width, height: SCREEN.height },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    for (const shot of shots) {
      await tab.goto(pathToFileURL(shot.html).href, { waitUntil: 'load' });
      // A string: the Node type-check has no DOM types.
      await tab.evaluate('document.fonts.ready.then(() => true)');
      await tab.screenshot({ path: shot.png, fullPage: true, animations: 'disabled' });
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
