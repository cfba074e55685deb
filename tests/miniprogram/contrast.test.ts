// Every text colour of the mini-program's own styles reaches 4.5:1 (WCAG AA) against its
// background: the rule's own background where it sets one, else both page surfaces (white cards
// on the #f5f5f5 page). var(--x, fallback) is resolved from app.wxss's palette, as WeChat does.
// Also: 大字模式 is at least 1.5 times every normal size, and follows WeChat's font size.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import {
  LARGE_TEXT_SCALE,
  largeTextOn,
  scaledRpx,
  systemWantsLargeText,
} from '../../miniprogram/utils/text-scale';

const ROOT = join(__dirname, '..', '..', 'miniprogram');
type Rgba = [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 1];
const PAGE: Rgba = [245, 245, 245, 1];

const strip = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const appWxss = strip(readFileSync(join(ROOT, 'app.wxss'), 'utf8'));
const rootBlock = /(?:^|\n)page\s*\{([^}]*)\}/.exec(appWxss)![1];
const palette = new Map(
  [...rootBlock.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
);

function resolve(value: string): string {
  let v = value.trim();
  for (let i = 0; i < 5 && v.includes('var('); i++)
    v = v.replace(
      /var\((--[\w-]+)(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/,
      (_, name, fb) => palette.get(name) ?? (fb ?? '').trim(),
    );
  return v;
}

/** Every colour in a value (a gradient has several). */
function colours(value: string): Rgba[] {
  const out: Rgba[] = [];
  for (const m of resolve(value).matchAll(/#[0-9a-f]{3,6}\b|rgba?\([^)]*\)|\bwhite\b/gi)) {
    const c = m[0].toLowerCase();
    if (c === 'white') out.push(WHITE);
    else if (c.startsWith('#')) {
      const hex = c.length === 4 ? [...c.slice(1)].map((h) => h + h).join('') : c.slice(1);
      out.push([0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(1) as Rgba);
    } else {
      const p = c
        .replace(/rgba?\(|\)/g, '')
        .split(',')
        .map(Number);
      out.push([p[0], p[1], p[2], p[3] ?? 1]);
    }
  }
  return out;
}

const channel = (v: number) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (c: Rgba) =>
  0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const over = (fg: Rgba, bg: Rgba): Rgba =>
  [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1) as Rgba;

export function contrast(fg: Rgba, bg: Rgba): number {
  const [a, b] = [luminance(over(fg, bg)), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

interface Finding {
  file: string;
  selector: string;
  ratio: number;
}

function findings(): Finding[] {
  const files = execSync(`find ${ROOT} -name '*.wxss' -not -path '*miniprogram_npm*'`)
    .toString()
    .trim()
    .split('\n');
  const out: Finding[] = [];
  for (const file of files) {
    const css = strip(readFileSync(file, 'utf8'));
    for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const colour = /(?:^|[;\s])color:\s*([^;]+)/.exec(body)?.[1];
      const [fg] = colour ? colours(colour) : [];
      if (!fg) continue;
      const background = /background(?:-color)?:\s*([^;]+)/.exec(body)?.[1];
      const own = background ? colours(background) : [];
      // Light text without a background of its own sits on a coloured parent (the red heads).
      if (!own.length && luminance(fg) > 0.4) continue;
      for (const bg of own.length ? own : [WHITE, PAGE]) {
        if (bg[0] === fg[0] && bg[1] === fg[1] && bg[2] === fg[2]) continue; // hidden on purpose
        const ratio = contrast(fg, bg);
        if (ratio < 4.5)
          out.push({ file: file.slice(ROOT.length + 1), selector: selector.trim(), ratio });
      }
    }
  }
  return out;
}

describe('文字对比度 ≥ 4.5:1', () => {
  it('should compute contrast the way WCAG does', () => {
    expect(contrast([0, 0, 0, 1], WHITE)).toBeCloseTo(21, 0);
    // the finding of issue 12: #939393 on #F4F4F4
    expect(contrast([0x93, 0x93, 0x93, 1], [0xf4, 0xf4, 0xf4, 1])).toBeLessThan(3);
  });

  it('should give the shared palette text colours of at least 4.5:1 on both page surfaces', () => {
    for (const name of [
      '--td-text-color-primary',
      '--td-text-color-secondary',
      '--td-text-color-placeholder',
      '--td-empty-description-color',
      '--td-success-color',
      '--td-warning-color',
      '--td-error-color',
      '--td-brand-color',
    ]) {
      const [fg] = colours(palette.get(name) ?? '');
      expect({ name, ok: !!fg }).toEqual({ name, ok: true });
      for (const bg of [WHITE, PAGE])
        expect({ name, ratio: contrast(fg, bg) >= 4.5 }).toEqual({ name, ratio: true });
    }
  });

  it('should give every text rule of the pages and components at least 4.5:1', () => {
    expect(findings().map((f) => `${f.file} ${f.selector} ${f.ratio.toFixed(2)}:1`)).toEqual([]);
  });
});

describe('大字模式', () => {
  const sizes = (block: string) =>
    new Map(
      [...block.matchAll(/(--td-(?:font-size|line-height)-[\w-]+):\s*(\d+)rpx/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );

  it('should make every text size and line height at least 1.5 times larger', () => {
    const large = sizes(/\.page--large\s*\{([^}]*)\}/.exec(appWxss)![1]);
    const normal = sizes(rootBlock);
    expect(normal.size).toBeGreaterThan(10);
    for (const [name, rpx] of normal) {
      expect({ name, large: large.get(name) }).toEqual({ name, large: scaledRpx(rpx, true) });
      expect(large.get(name)! / rpx).toBeGreaterThanOrEqual(LARGE_TEXT_SCALE);
    }
  });

  it("should follow WeChat's font size until the member chooses", () => {
    expect(systemWantsLargeText({ fontSizeSetting: 17 })).toBe(false);
    expect(systemWantsLargeText({ fontSizeSetting: 22 })).toBe(true);
    expect(systemWantsLargeText({ fontSizeScaleFactor: 1.4 })).toBe(true);
    expect(systemWantsLargeText({})).toBe(false);
    expect(largeTextOn('', { fontSizeSetting: 22 })).toBe(true);
    expect(largeTextOn('', { fontSizeSetting: 16 })).toBe(false);
    expect(largeTextOn(false, { fontSizeSetting: 22 })).toBe(false);
    expect(largeTextOn(true, { fontSizeSetting: 16 })).toBe(true);
  });
});
