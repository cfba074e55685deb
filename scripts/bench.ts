/**
 * `npm run bench`: performance measured, not asserted. Each benchmark under scripts/bench/
 * starts its own emulator and prints its numbers, with the database round trips per call beside
 * the timings (counted by the emulator, GET /__emulator/stats; page-open has the per-action table);
 * run one with `npm run bench -- <name>`. BENCH_MEMORY=1 runs the sign-in burst on a memory-only
 * store; BENCH_PROFILE=<file> writes a CPU profile of its measured phase.
 */
import { readdirSync } from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const dir = path.join(__dirname, 'bench');
  const only = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')));
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { run: () => Promise<void> };
    console.log(`\n== ${f.replace(/\.ts$/, '')} ==`);
    await mod.run();
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
