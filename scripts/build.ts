/**
 * `npm run build`: bundles every cloud function (its index.ts, the shared code it imports, zod,
 * dayjs, wx-server-sdk) into one deployable cloudfunctions/<fn>/index.js with esbuild. Output
 * is git-ignored. CloudBase installs nothing at deploy time: the bundle is self-contained.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

const root = path.resolve(__dirname, '..', 'cloudfunctions');

export function functionNames(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() &&
        !d.name.startsWith('_') &&
        existsSync(path.join(root, d.name, 'index.ts')),
    )
    .map((d) => d.name)
    .sort();
}

/** Bundles one function to `outfile` (default: its deployable folder). */
export async function bundle(
  name: string,
  outfile = path.join(root, name, 'index.js'),
): Promise<void> {
  await build({
    entryPoints: [path.join(root, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16', // CloudBase's Node 16 runtime; also runs on 18/20
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = functionNames().filter((n) => only.length === 0 || only.includes(n));
  for (const name of names) {
    const t0 = Date.now();
    const outfile = path.join(root, name, 'index.js');
    await bundle(name, outfile);
    const bytes = statSync(outfile).size;
    const gz = gzipSync(readFileSync(outfile)).length;
    console.log(
      `${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB  (gzip ${(gz / 1024).toFixed(0)} KB)  ${Date.now() - t0} ms`,
    );
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
