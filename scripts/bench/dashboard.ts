import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { startEmulator } from '../../emulator/server';
import { timed } from '../lib/stats';
import { profiled } from './lib/profile';
import { tripsNote } from './lib/round-trips';

const SUPERIOR = 'demo-superior';
const ARGS = { orgId: 'demo-committee', year: 2026 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(0);
};

/** A refusal (the placeholder before `org.dashboard` exists) is printed, not thrown. */
function outcome(res: any): string {
  return res.ok ? 'ok' : `refused: ${res.error.code} ${res.error.message}`;
}

/**
 * The superior's grid at the scale of a real 基层党委 (issue 16 §5): the `committee-large` seed
 * (100 generated branches × 50 members, a year of records) on a memory store, frozen at the demo
 * instant; `org.dashboard` of the whole committee as its administrator, first call then 10 warm
 * calls, with its database round trips; and one branch's `org.branchDetail`.
 * Target: under 1 s and ≤ 10 round trips.
 */
export async function run(): Promise<void> {
  const [emu, startMs] = await timed(() =>
    startEmulator({ port: 0, seed: 'empty', seedClock: 'freeze' }),
  );
  const heap0 = process.memoryUsage().heapUsed;
  const [, loadMs] = await timed(() => emu.reset('committee-large', DEMO_NOW_MS));
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const count = (c: string) => emu.store.get(c)?.size ?? 0;
  const branches = [...(emu.store.get('orgs')?.values() ?? [])].filter(
    (o: any) => o.kind === 'branch',
  ).length;
  console.log(
    `committee-large seed: ${count('orgs')} orgs (${branches} branches), ${count('members')} members, ` +
      `${count('activities')} activities, ${count('attendance')} attendance rows, ` +
      `${count('duesPayments')} dues payments, ${count('notices')} notices`,
  );
  console.log(
    `emulator start ${startMs.toFixed(0)} ms; seed load ${loadMs.toFixed(0)} ms; heap +${heapMb.toFixed(0)} MB`,
  );

  const call = (action: string, data: object) =>
    emu.invoke('org', { action, data }, SUPERIOR) as Promise<any>;
  emu.resetStats();
  const [first, firstMs] = await timed(() => call('dashboard', ARGS));
  const rows = first.ok ? `${first.data.branches.length} rows` : outcome(first);
  console.log(
    `org.dashboard first call: ${firstMs.toFixed(0)} ms (${rows}); ${tripsNote(emu, 'org.dashboard')}`,
  );
  if (first.ok) {
    const warm: number[] = [];
    await profiled('dashboard', async () => {
      for (let i = 0; i < 10; i++) warm.push((await timed(() => call('dashboard', ARGS)))[1]);
    });
    console.log(
      `org.dashboard 10 warm calls: p50=${pct(warm, 0.5)}ms p95=${pct(warm, 0.95)}ms ` +
        `max=${Math.max(...warm).toFixed(0)}ms; ${tripsNote(emu, 'org.dashboard')}; ` +
        `target < 1000 ms and ≤ 10 round trips`,
    );
  }
  const [detail, detailMs] = await timed(() =>
    call('branchDetail', { orgId: 'c-branch-042', year: 2026 }),
  );
  console.log(
    `org.branchDetail c-branch-042: ${detailMs.toFixed(0)} ms (${outcome(detail)}); ${tripsNote(emu, 'org.branchDetail')}`,
  );
  await emu.close();
}
