import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Emulator, startEmulator } from '../../emulator/server';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'xfzb-http-'));
  emu = await startEmulator({ port: 0, dataDir: dir });
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (p: string, init: RequestInit = {}) => fetch(emu.url + p, init);
const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  call(p, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  });

describe('emulator HTTP routes (api.md §2)', () => {
  it('answers /health once ready', async () => {
    expect(await (await call('/health')).json()).toEqual({ ok: true });
  });
  it('runs a function as the caller named by X-WX-OPENID', async () => {
    const res = await post('/functions/org', { action: 'me' }, { 'X-WX-OPENID': 'demo-secretary' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.roles[0].role).toBe('secretary');
    const anon = await (await post('/functions/org', { action: 'me' })).json();
    expect(anon.error.code).toBe('AUTH.UNBOUND');
  });
  it('gives 404 for an unknown function and 400 for malformed JSON', async () => {
    expect((await post('/functions/nope', { action: 'me' })).status).toBe(404);
    expect(
      (await post('/functions/org', '{not json', { 'X-WX-OPENID': 'demo-secretary' })).status,
    ).toBe(400);
  });
  it('resets to the empty seed and back to the demo seed', async () => {
    expect((await post('/__emulator/reset', { seed: 'empty' })).status).toBe(200);
    const orgs = await (await call('/__emulator/collections/orgs')).json();
    expect(orgs.map((o: any) => o._id)).toEqual(['demo-committee']);
    const sup = await (
      await post('/functions/org', { action: 'me' }, { 'X-WX-OPENID': 'demo-superior' })
    ).json();
    expect(sup.data.roles).toEqual([
      { orgId: 'demo-committee', orgName: '示范学院党委', role: 'superiorAdmin' },
    ]);
    expect((await post('/__emulator/reset', { seed: 'bogus' })).status).toBe(400);
    await post('/__emulator/reset', { seed: 'demo' });
    expect((await (await call('/__emulator/collections/members')).json()).length).toBeGreaterThan(
      14,
    );
  });
  it('freezes, advances and releases the clock', async () => {
    const frozen = await (
      await post('/__emulator/clock', { now: '2026-12-01T08:00:00+08:00' })
    ).json();
    expect(frozen).toEqual({ now: '2026-12-01T00:00:00.000Z', frozen: true });
    const moved = await (await post('/__emulator/clock', { advanceMs: 3600_000 })).json();
    expect(moved.now).toBe('2026-12-01T01:00:00.000Z');
    expect(await (await call('/__emulator/clock')).json()).toEqual(moved);
    const real = await (await post('/__emulator/clock', { now: null })).json();
    expect(real.frozen).toBe(false);
    expect((await post('/__emulator/clock', { advanceMs: 1 })).status).toBe(409);
  });
  it('prints the variables that point a wx-server-sdk process here', async () => {
    const env = await (await call('/__emulator/env')).json();
    expect(JSON.parse(env.TCB_CONTEXT_CNFG).URL).toBe(`${emu.url}/admin`);
    expect(env.TENCENTCLOUD_SECRETID).toBeTruthy();
  });
  it('lists the outbox, 404s an unknown collection, file or trigger', async () => {
    expect(await (await call('/__emulator/outbox')).json()).toEqual([]);
    expect((await call('/__emulator/collections/nope')).status).toBe(404);
    expect((await call('/__emulator/files/local-nope')).status).toBe(404);
    expect((await post('/__emulator/trigger/org', {})).status).toBe(404);
  });
  it('serves a stored file by id', async () => {
    const id = await emu.host.hooks.putFile('exports/a.txt', Buffer.from('你好'));
    const res = await call(`/__emulator/files/${encodeURIComponent(id)}`);
    expect(await res.text()).toBe('你好');
  });
  it('serves a console page at /', async () => {
    expect(await (await call('/')).text()).toContain('本地云开发模拟器');
  });
});

describe('persistence', () => {
  it('keeps data across a restart on the same DATA_DIR and does not reseed', async () => {
    await post(
      '/functions/org',
      { action: 'bind', data: { code: 'DEMO-INVITE' } },
      { 'X-WX-OPENID': 'wx-persist' },
    );
    await emu.close();
    emu = await startEmulator({ port: 0, dataDir: dir });
    const me = await (
      await post('/functions/org', { action: 'me' }, { 'X-WX-OPENID': 'wx-persist' })
    ).json();
    expect(me.data.member.name).toBe('赵新');
  });
});
