/**
 * Offline stand-in for WeChat DevTools' 「构建 npm」: lays out miniprogram/miniprogram_npm the way
 * DevTools would, so the mini-program, the page tests (simulate + wcc) and lint-wx all see
 * TDesign at the path DevTools uses. Run: `npx tsx scripts/pack-npm.ts`.
 *
 * Only the packages the mini-program imports are packed. A stamp file records the versions
 * packed, so a second run with nothing changed returns at once (it runs before every test).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const outDir = join(root, 'miniprogram', 'miniprogram_npm');
const stampFile = join(outDir, '.pack-stamp.json');

interface PackedPackage {
  name: string;
  /** Copies the package into `target` (its folder under miniprogram_npm). */
  pack(source: string, target: string): void;
}

const packages: PackedPackage[] = [
  {
    // A component library: DevTools copies its `miniprogram` dist folder verbatim.
    name: 'tdesign-miniprogram',
    pack: (source, target) => cpSync(join(source, 'miniprogram_dist'), target, { recursive: true }),
  },
  {
    // A plain npm package: DevTools bundles its `main` into index.js. tslib's CommonJS build is
    // a single self-contained file, so a copy is the bundle. TDesign imports it without
    // declaring it.
    name: 'tslib',
    pack: (source, target) => {
      mkdirSync(target, { recursive: true });
      cpSync(join(source, 'tslib.js'), join(target, 'index.js'));
    },
  },
];

function versionOf(source: string): string {
  return JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
}

function readStamp(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

/** Brings miniprogram_npm up to date; returns the number of packages (re)packed. */
export function packNpm(): number {
  const stamp = readStamp();
  const next: Record<string, string> = {};
  let packed = 0;
  for (const pkg of packages) {
    const source = dirname(require.resolve(`${pkg.name}/package.json`, { paths: [root] }));
    const version = versionOf(source);
    const target = join(outDir, pkg.name);
    next[pkg.name] = version;
    if (stamp[pkg.name] === version && existsSync(target)) continue;
    // Remove first so files dropped by a new version do not linger.
    rmSync(target, { recursive: true, force: true });
    pkg.pack(source, target);
    packed += 1;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(next, null, 2)}\n`);
  return packed;
}

if (require.main === module) {
  const started = Date.now();
  const packed = packNpm();
  const what = packed ? `packed ${packed} package(s)` : 'up to date';
  console.log(`pack-npm: ${what} in miniprogram/miniprogram_npm (${Date.now() - started} ms)`);
}
