/**
 * GET /__emulator/stats (api.md §2): calls and database round trips per action, counted at the
 * emulator's CloudBase API and attributed to the invocation that caused them.
 */
import { Emulator, startEmulator } from '../../emulator/server';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 'demo', seedClock: 'freeze' });
});
afterAll(() => emu.close());

const call = (p: string, init: RequestInit = {}) => fetch(emu.url + p, init);
const me = () => emu.invoke('org', { action: 'me' }, 'demo-member-1');
const list = () =>
  emu.invoke('activity', { action: 'list', data: { orgId: 'demo-branch' } }, 'demo-member-2');

async function perCall(run: () => Promise<unknown>, key: string): Promise<number> {
  emu.resetStats();
  await run();
  const s = emu.stats().actions[key];
  expect(s.calls).toBe(1);
  return s.dbRoundTrips;
}

describe('round-trip statistics', () => {
  it('counts one call and its database requests under "<fn>.<action>"', async () => {
    emu.resetStats();
    const res = (await me()) as { ok: boolean };
    expect(res.ok).toBe(true);
    const s = emu.stats();
    expect(Object.keys(s.actions)).toEqual(['org.me']);
    expect(s.actions['org.me'].calls).toBe(1);
    expect(s.actions['org.me'].dbRoundTrips).toBeGreaterThan(0);
  });

  it('attributes the round trips of concurrent invocations of different actions to each', async () => {
    const meTrips = await perCall(me, 'org.me');
    const listTrips = await perCall(list, 'activity.list');
    emu.resetStats();
    // Unequal numbers of calls, interleaved: a trip counted against the wrong invocation shows.
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 9; i++) runs.push(me(), ...(i % 3 === 0 ? [list()] : []));
    await Promise.all(runs);
    expect(emu.stats().actions).toEqual({
      'org.me': { calls: 9, dbRoundTrips: 9 * meTrips },
      'activity.list': { calls: 3, dbRoundTrips: 3 * listTrips },
    });
  });

  it('does not count database requests made outside any function', async () => {
    emu.resetStats();
    const { db } = require('../../cloudfunctions/_shared/repos/db');
    await db.collection('orgs').where({ _id: 'demo-branch' }).get();
    expect(emu.stats().actions).toEqual({});
  });

  it('serves the same numbers over HTTP, and clears them on stats/reset and on reset', async () => {
    emu.resetStats();
    await call('/functions/org', {
      method: 'POST',
      body: JSON.stringify({ action: 'me' }),
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-secretary' },
    });
    const body = await (await call('/__emulator/stats')).json();
    expect(body).toEqual(emu.stats());
    expect(body.actions['org.me'].calls).toBe(1);

    const cleared = await call('/__emulator/stats/reset', { method: 'POST' });
    expect(cleared.status).toBe(200);
    expect((await (await call('/__emulator/stats')).json()).actions).toEqual({});

    await me();
    await call('/__emulator/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'demo' }),
    });
    expect((await (await call('/__emulator/stats')).json()).actions).toEqual({});
  });
});
