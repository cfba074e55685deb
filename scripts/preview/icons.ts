/**
 * TDesign's icons for the preview, drawn from tdesign-icons-svg: the icon font is on a CDN the
 * preview cannot reach.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let iconSvgs: Map<string, string> | undefined;

function iconSvg(name: string): string | undefined {
  iconSvgs ??= new Map();
  if (!iconSvgs.has(name)) {
    let svg = '';
    try {
      const dir = dirname(require.resolve('tdesign-icons-svg/package.json'));
      const file = join(dir, 'src', `${name}.svg`);
      if (existsSync(file)) svg = readFileSync(file, 'utf8');
    } catch {
      svg = '';
    }
    // The package writes `view-box`; a browser needs `viewBox`. Black is opaque in a mask.
    iconSvgs.set(name, svg.replace(/\bview-box=/g, 'viewBox=').replace(/currentColor/g, '#000'));
  }
  return iconSvgs.get(name) || undefined;
}

/**
 * TDesign draws icons with a web font (`.t-icon-calendar:before { content: "\e…" }`). The
 * same icons as SVG, used as a mask over the text colour, look the same without the font.
 */
export function iconCss(html: string): string {
  const rules = new Map<string, string>();
  for (const [, prefix, name] of html.matchAll(/\b([a-z][\w-]*)--t-icon-([a-z0-9-]+)\b/g)) {
    if (name === 'base' || rules.has(`${prefix}/${name}`)) continue;
    const svg = iconSvg(name);
    if (!svg) continue;
    const url = `url("data:image/svg+xml;utf8,${encodeURIComponent(svg)}")`;
    rules.set(
      `${prefix}/${name}`,
      `.${prefix}--t-icon-${name}:before{content:"";display:block;width:1em;height:1em;` +
        `background-color:currentColor;-webkit-mask:${url} center/100% 100% no-repeat;` +
        `mask:${url} center/100% 100% no-repeat}`,
    );
  }
  return [...rules.values()].join('\n');
}
