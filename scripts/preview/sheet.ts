/**
 * The record of what `npm run preview` drew (previews/manifest.json, merged across runs that
 * name only some pages) and the contact sheet previews/index.html that shows all of it.
 * Plain Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPage } from './pages';
import type { ReadmeShot } from './scenario';

/** One page in one state, as rendered. */
export interface RunEntry {
  page: string;
  state: string;
  /** The page's navigation bar title. */
  title: string;
  /** The state in words (the scenario's caption). */
  caption: string;
  /** File name without extension: `<page-slug>--<state>` (.html and .png). */
  file: string;
  readme?: ReadmeShot;
  /** Text on the page no person should read (raw codes…), found by the renderer. */
  problems: string[];
  /** Why it could not be rendered. */
  error?: string;
}

export function readEntries(file: string): RunEntry[] {
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunEntry[];
  } catch {
    return [];
  }
}

/**
 * Last run's entries for the pages it rendered, earlier entries for the others; only pages
 * that still exist, in app.json order.
 */
export function mergeEntries(
  previous: RunEntry[],
  latest: RunEntry[],
  pages: AppPage[],
): RunEntry[] {
  const renderedNow = new Set(latest.map((e) => e.page));
  const all = [...previous.filter((e) => !renderedNow.has(e.page)), ...latest];
  const order = pages.map((p) => p.path);
  return order.flatMap((path) => all.filter((e) => e.page === path));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`,
  );
}

/** previews/index.html: every page, a row of its states, each captioned and linked. */
export function contactSheet(
  entries: RunEntry[],
  outDir: string,
  generatedAt = new Date(),
): string {
  const byPage = new Map<string, RunEntry[]>();
  for (const e of entries) byPage.set(e.page, [...(byPage.get(e.page) ?? []), e]);
  const sections = [...byPage.entries()].map(([page, states]) => {
    const cards = states.map((e) => {
      const png = `${e.file}.png`;
      const hasPng = existsSync(join(outDir, png));
      const picture = hasPng
        ? `<a href="${png}"><img src="${png}" alt="${escapeHtml(`${e.title} · ${e.caption}`)}" loading="lazy"></a>`
        : `<div class="missing">${e.error ? '渲染失败' : '无截图'}</div>`;
      const notes = [
        ...e.problems.map((p) => `<li>${escapeHtml(p)}</li>`),
        ...(e.error ? [`<li>${escapeHtml(e.error.split('\n')[0])}</li>`] : []),
      ];
      return `<figure class="card">
  ${picture}
  <figcaption><strong>${escapeHtml(e.caption)}</strong>
  <span class="file"><a href="${e.file}.html">${escapeHtml(e.file)}</a>${e.readme ? ` · README: ${e.readme}.png` : ''}</span>
  ${notes.length ? `<ul class="problems">${notes.join('')}</ul>` : ''}</figcaption>
</figure>`;
    });
    return `<section>
<h2>${escapeHtml(states[0].title || page)} <small>${escapeHtml(page)}</small></h2>
<div class="row">
${cards.join('\n')}
</div>
</section>`;
  });
  const when = generatedAt.toISOString().replace('T', ' ').slice(0, 16);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>先锋支部 · 页面预览</title>
<style>
body { margin: 24px; font-family: 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif; background: #f5f5f5; color: #222; }
h1 { color: #c8161d; margin: 0 0 4px; }
.meta { color: #666; margin-bottom: 24px; }
h2 { font-size: 20px; border-left: 6px solid #c8161d; padding-left: 10px; margin: 32px 0 12px; }
h2 small { font-weight: normal; color: #888; font-size: 14px; margin-left: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.card { margin: 0; width: 300px; background: #fff; border-radius: 8px; padding: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.card img { width: 300px; max-height: 640px; object-fit: cover; object-position: top; display: block; border: 1px solid #eee; }
.missing { width: 300px; height: 200px; display: flex; align-items: center; justify-content: center; color: #c8161d; background: #fdecec; }
figcaption { padding: 8px 4px 0; font-size: 14px; }
.file { display: block; color: #888; font-size: 12px; margin-top: 4px; word-break: break-all; }
.file a { color: #888; }
.problems { color: #c8161d; font-size: 12px; margin: 6px 0 0; padding-left: 16px; }
</style>
</head>
<body>
<h1>先锋支部 · 页面预览</h1>
<div class="meta">共 ${entries.length} 张，生成于 ${when}（UTC）。由 <code>npm run preview</code> 生成；长页面只显示开头，点击图片看整页原图，点击文件名看 HTML。</div>
${sections.join('\n')}
</body>
</html>
`;
}
