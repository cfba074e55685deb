import { mkdtempSync, rmSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import * as path from 'path';
import { startEmulator } from '../../emulator/server';
import { summary, timed } from '../lib/stats';
import { profiled } from './lib/profile';
import { perCall } from './lib/round-trips';

const N = 1000;

/**
 * The sign-in burst: 1,000 members of one branch scan the same QR at once, each tapping twice
 * (2,000 concurrent calls through the real SDK, durable fsync'd store). Reports throughput,
 * latency, and how many sign-ins were lost or duplicated.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xfzb-bench-'));
  const emu = await startEmulator({
    port: 0,
    dataDir: process.env.BENCH_MEMORY ? undefined : dir,
    seed: 'demo',
  });
  const at = Date.parse('2026-12-04T14:55:00+08:00');
  emu.clock.freeze(at - 3 * 86400_000);
  const ids: string[] = [];
  for (let i = 0; i < N; i += 500) {
    const rows = Array.from({ length: 500 }, (_, j) => ({
      name: `党员${i + j}`,
      status: 'full',
      joinedAt: '2015-07-01',
      birthDate: `19${50 + ((i + j) % 50)}-01-${String(1 + ((i + j) % 28)).padStart(2, '0')}`,
    }));
    const res = (await emu.invoke(
      'org',
      { action: 'importMembers', data: { orgId: 'demo-branch', members: rows } },
      'demo-secretary',
    )) as any;
    ids.push(...res.data.created);
  }
  // Fixture: each imported member bound to an OPENID (the bind flow is measured elsewhere).
  const bindings = emu.store.ensure('bindings');
  const members = emu.store.ensure('members');
  for (const id of ids) {
    bindings.set(`wx-${id}`, { _id: `wx-${id}`, memberId: id });
    members.set(id, { ...members.get(id)!, openid: `wx-${id}` });
  }
  // Written behind the API's back: tell the store, so its derived indexes are rebuilt.
  emu.store.touch('bindings', ids[0], undefined);
  emu.store.touch('members', ids[0], undefined);
  await emu.store.persist();
  const created = (await emu.invoke(
    'activity',
    {
      action: 'create',
      data: {
        orgId: 'demo-branch',
        type: 'themeDay',
        title: '压测主题党日',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
        agenda: ['集中交纳党费'],
      },
    },
    'demo-secretary',
  )) as any;
  const activityId = created.data.id;
  emu.clock.freeze(at);
  const { token } = (
    (await emu.invoke(
      'activity',
      { action: 'checkinToken', data: { activityId } },
      'demo-secretary',
    )) as any
  ).data;

  const latencies: number[] = [];
  let refused = 0;
  emu.resetStats();
  const tap = async (id: string) => {
    const [res, ms] = await timed(
      () =>
        emu.invoke('activity', { action: 'checkin', data: { token } }, `wx-${id}`) as Promise<any>,
    );
    latencies.push(ms);
    if (!res.ok) refused += 1;
  };
  const burst = () => Promise.all(ids.flatMap((id) => [tap(id), tap(id)]));
  const cpu0 = process.cpuUsage();
  const [, total] = await profiled('burst', () => timed(burst));
  const cpu = process.cpuUsage(cpu0);
  const trips = emu.stats().actions['activity.checkin'];
  const docs = [...(emu.store.get('attendance')?.values() ?? [])].filter(
    (d) => d.activityId === activityId,
  );
  const perMember = new Map<string, number>();
  for (const d of docs)
    perMember.set(d.memberId as string, (perMember.get(d.memberId as string) ?? 0) + 1);
  const lost = ids.filter((id) => !perMember.has(id)).length;
  const duplicated = [...perMember.values()].filter((n) => n > 1).length;
  console.log(
    `sign-in burst: ${N} members × 2 taps = ${2 * N} concurrent calls in ${total.toFixed(0)} ms → ${(N / (total / 1000)).toFixed(0)} members/s` +
      ` (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, machine load ${loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `latency: ${summary(latencies)}; refused ${refused}, lost ${lost}, duplicated ${duplicated}`,
  );
  console.log(
    `round trips: ${trips?.dbRoundTrips ?? 0} for ${trips?.calls ?? 0} calls = ${perCall(emu, 'activity.checkin')}/call (first tap and repeat tap together)`,
  );
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
