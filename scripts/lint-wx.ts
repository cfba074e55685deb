/**
 * Offline syntax check of the mini-program's templates and styles, with WeChat's own
 * compilers as shipped in `miniprogram-compiler` (a miniprogram-simulate dependency):
 * wcc for .wxml, wcsc for .wxss. It also parses every .json and checks that each local
 * `usingComponents` path exists. Without this, a broken template shows up only in DevTools.
 * Run: `npx tsx scripts/lint-wx.ts`. Exits 1 and prints file:line:col messages on errors.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const appRoot = join(root, 'miniprogram');
const skipDirs = new Set(['miniprogram_npm', 'node_modules']);

function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const pkg = dirname(
    require.resolve('miniprogram-compiler/package.json', {
      paths: [
        root,
        dirname(require.resolve('miniprogram-simulate/package.json', { paths: [root] })),
      ],
    }),
  );
  const platform = { darwin: 'mac', win32: 'windows' }[process.platform as string] ?? 'linux';
  const bin = join(pkg, 'bin', platform, process.platform === 'win32' ? `${name}.exe` : name);
  // The npm tarball does not keep the exec bit (toolchain-notes §4).
  if (process.platform !== 'win32') chmodSync(bin, 0o755);
  return bin;
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) listFiles(join(dir, entry.name), out);
    } else {
      out.push(relative(appRoot, join(dir, entry.name)).split('\\').join('/'));
    }
  }
  return out;
}

/** Files a template or stylesheet pulls in: the compilers need them on the command line. */
function referencedFiles(file: string, pattern: RegExp): string[] {
  const text = readFileSync(join(appRoot, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(pattern)) {
    const ref = m[1];
    const target = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(file), ref);
    if (existsSync(join(appRoot, target))) found.push(target);
  }
  return found;
}

const wxmlRefs = /<(?:import|include|wxs)\b[^>]*\bsrc\s*=\s*["']([^"'{}]+)["']/g;
const wxssRefs = /@import\s+["']([^"']+)["']/g;

function compile(bin: string, args: string[]): string | null {
  const res = spawnSync(bin, args, { cwd: appRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (res.error) throw res.error;
  if (res.status === 0) return null;
  return (res.stderr || res.stdout || `exit code ${res.status}`).trim();
}

/** Turns compiler output into `miniprogram/<file>:line:col: message` lines. */
function formatError(file: string, output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^error file count/.test(line))
    .map((line) => {
      const wcsc = /^ERR: (.+?)\((\d+):(\d+)\): (.*)$/.exec(line);
      if (wcsc) return `miniprogram/${wcsc[1]}:${wcsc[2]}:${wcsc[3]}: ${wcsc[4]}`;
      if (line.startsWith(`${file}:`)) return `miniprogram/${line}`;
      return `miniprogram/${file}: ${line}`;
    });
}

function lintJson(file: string): string[] {
  let json: { usingComponents?: Record<string, string> };
  try {
    json = JSON.parse(readFileSync(join(appRoot, file), 'utf8'));
  } catch (err) {
    return [`miniprogram/${file}: invalid JSON: ${(err as Error).message}`];
  }
  const errors: string[] = [];
  for (const [tag, path] of Object.entries(json.usingComponents ?? {})) {
    // npm components (tdesign-miniprogram/...) resolve from miniprogram_npm after pack-npm.
    const local = path.startsWith('/') || path.startsWith('.');
    const base = local
      ? path.startsWith('/')
        ? join(appRoot, path)
        : join(appRoot, dirname(file), path)
      : join(appRoot, 'miniprogram_npm', path);
    if (!local && !existsSync(join(appRoot, 'miniprogram_npm'))) continue;
    if (!existsSync(`${base}.json`) && !existsSync(join(base, 'index.json'))) {
      errors.push(`miniprogram/${file}: usingComponents "${tag}" → ${path} not found`);
    }
  }
  return errors;
}

function main(): void {
  const files = listFiles(appRoot);
  const wcc = compilerBinary('wcc');
  const wcsc = compilerBinary('wcsc');
  const errors: string[] = [];
  let checked = 0;
  for (const file of files) {
    let output: string | null = null;
    if (file.endsWith('.wxml')) {
      output = compile(wcc, ['-d', file, ...referencedFiles(file, wxmlRefs)]);
    } else if (file.endsWith('.wxss')) {
      output = compile(wcsc, ['-db', '-lc', file, ...referencedFiles(file, wxssRefs)]);
    } else if (file.endsWith('.json')) {
      errors.push(...lintJson(file));
    } else {
      continue;
    }
    checked += 1;
    if (output !== null) errors.push(...formatError(file, output));
  }
  if (errors.length) {
    console.error(errors.join('\n'));
    console.error(`lint-wx: ${errors.length} problem(s) in ${checked} files`);
    process.exit(1);
  }
  console.log(`lint-wx: ${checked} .wxml/.wxss/.json files OK`);
}

main();
