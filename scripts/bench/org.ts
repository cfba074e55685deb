import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { startEmulator } from '../../emulator/server';
import { summary, timed } from '../lib/stats';
import { tripsNote } from './lib/round-trips';

/** Emulator start-up, org.me latency, and a 500-row roster import, on a durable (fsync) store. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xfzb-bench-'));
  const [emu, startMs] = await timed(() => startEmulator({ port: 0, dataDir: dir, seed: 'demo' }));
  console.log(`emulator start with demo seed (durable store): ${startMs.toFixed(0)} ms`);
  await emu.invoke('org', { action: 'me' }, 'demo-secretary'); // load the function once
  const lat: number[] = [];
  emu.resetStats();
  for (let i = 0; i < 300; i++)
    lat.push((await timed(() => emu.invoke('org', { action: 'me' }, 'demo-member-1')))[1]);
  console.log(`org.me sequential: ${summary(lat)}; ${tripsNote(emu, 'org.me')}`);
  const [, par] = await timed(() =>
    Promise.all(
      Array.from({ length: 300 }, () => emu.invoke('org', { action: 'me' }, 'demo-member-2')),
    ),
  );
  console.log(
    `org.me 300 concurrent: ${par.toFixed(0)} ms total, ${(300 / (par / 1000)).toFixed(0)} calls/s; ${tripsNote(emu, 'org.me')}`,
  );
  const rows = Array.from({ length: 500 }, (_, i) => ({
    name: `党员${i}`,
    status: 'full',
    joinedAt: '2015-07-01',
    birthDate: `19${50 + (i % 50)}-01-01`,
  }));
  const [res, imp] = await timed(() =>
    emu.invoke(
      'org',
      { action: 'importMembers', data: { orgId: 'demo-branch-2', members: rows } },
      'demo-superior',
    ),
  );
  console.log(
    `org.importMembers 500 rows: ${imp.toFixed(0)} ms (${(res as any).data.created.length} created); ${tripsNote(emu, 'org.importMembers')}`,
  );
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
