import { startEmulator } from '../../emulator/server';
import { summary, timed } from '../lib/stats';
import { perCall } from './lib/round-trips';

const RUNS = 100;
const MEMBER = 'demo-member-1';

/** What a member's pages call when they open (tests/perf/budgets.test.ts holds them to ≤ 3). */
const PAGE_OPEN: [string, string, unknown][] = [
  ['org', 'me', {}],
  ['activity', 'get', { id: 'demo-theme-day' }],
  ['activity', 'list', { orgId: 'demo-branch' }],
  ['points', 'index', { year: 2026 }],
  ['notice', 'list', { orgId: 'demo-branch' }],
];

/**
 * A member's page open, action by action, and the other budgeted actions: database round trips per call (counted at the
 * emulator's CloudBase API, GET /__emulator/stats) beside the latency of 100 sequential calls,
 * with the demo seed at the demo instant on a memory-backed emulator.
 */
export async function run(): Promise<void> {
  const emu = await startEmulator({ port: 0, seed: 'demo', seedClock: 'freeze' });
  const rows: string[][] = [['action', 'round trips/call', 'latency (sequential)']];
  const measure = async (fn: string, action: string, data: unknown, who: string, runs = RUNS) => {
    const call = () => emu.invoke(fn, { action, data }, who) as Promise<any>;
    if (runs > 1) await call(); // loads the function
    emu.resetStats();
    const lat: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [res, ms] = await timed(call);
      if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.code} ${res.error.message}`);
      lat.push(ms);
    }
    return [perCall(emu, `${fn}.${action}`), summary(lat)];
  };
  for (const [fn, action, data] of PAGE_OPEN)
    rows.push([`${fn}.${action}`, ...(await measure(fn, action, data, MEMBER))]);
  // The other budgeted actions: the sign-in (a first tap, then the same member again) and 堡垒指数.
  const { token } = (
    (await emu.invoke(
      'activity',
      { action: 'checkinToken', data: { activityId: 'demo-theme-day' } },
      'demo-secretary',
    )) as any
  ).data;
  rows.push([
    'activity.checkin, first tap',
    ...(await measure('activity', 'checkin', { token }, MEMBER, 1)),
  ]);
  rows.push([
    'activity.checkin, repeat tap',
    ...(await measure('activity', 'checkin', { token }, MEMBER)),
  ]);
  rows.push([
    'points.fortress (secretary)',
    ...(await measure(
      'points',
      'fortress',
      { orgId: 'demo-branch', year: 2026 },
      'demo-secretary',
    )),
  ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows)
    console.log(r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]) : cell)).join('  '));
  await emu.close();
}
