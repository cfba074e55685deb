import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { request } from 'http';
import { tmpdir } from 'os';
import * as path from 'path';
import { Emulator, startEmulator } from '../../emulator/server';
import { fileIdOf } from '../../emulator/storage';

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
    headers: { 'content-type': 'application/json', ...headers },
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
    expect(
      (await call(`/__emulator/files/${encodeURIComponent(fileIdOf('nope.txt'))}`)).status,
    ).toBe(404);
    expect((await post('/__emulator/trigger/org', {})).status).toBe(404);
  });
  it('serves a stored file by id', async () => {
    await emu.storage.put('exports/a.txt', Buffer.from('你好'), { now: emu.clock.now() });
    const res = await call(`/__emulator/files/${encodeURIComponent(fileIdOf('exports/a.txt'))}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('你好');
  });
  it('serves a console page at /', async () => {
    expect(await (await call('/')).text()).toContain('本地云开发模拟器');
  });
});

describe('timer-only functions [PRIV-22]', () => {
  it('refuses POST /functions/scheduler as a timer, with or without an OPENID, and sends nothing', async () => {
    const outbox = async () => (await (await call('/__emulator/outbox')).json()).length;
    const before = await outbox();
    const event = { Type: 'Timer', TriggerName: 'dailyReminders', Time: new Date().toISOString() };
    for (const headers of [{}, { 'X-WX-OPENID': 'demo-secretary' }] as Record<string, string>[]) {
      const res = await post('/functions/scheduler', event, headers);
      const body = await res.json();
      expect(body).toMatchObject({
        ok: false,
        error: { code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-22' } },
      });
      expect(body.error.message).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(await outbox()).toBe(before);
    const fired = await (await post('/__emulator/trigger/scheduler', {})).json();
    expect(fired).toMatchObject({ ok: true, data: { reminders: { failed: 0 } } });
    // a named trigger fires that one; an unknown name is not a trigger of the function
    const nightly = await (await post('/__emulator/trigger/scheduler/nightly', {})).json();
    expect(nightly).toMatchObject({ ok: true, data: { tallies: { fixed: 0 } } });
    expect((await post('/__emulator/trigger/scheduler/hourly', {})).status).toBe(404);
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

/** A raw request, so that Host and Origin can be set as a browser (or an attacker) would. */
function raw(
  method: string,
  p: string,
  headers: Record<string, string | number> = {},
  body?: string | Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(emu.url + p, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
const dump = () =>
  JSON.stringify(emu.store.names().map((n) => [n, [...(emu.store.get(n)?.values() ?? [])]]));

describe('the emulator is a developer tool on this machine (issue 10, item 3)', () => {
  const evil = 'https://evil.example';
  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('sends no wildcard CORS header, and answers a foreign web page with 403', async () => {
    const plain = await raw('GET', '/__emulator/collections/members');
    expect(plain.status).toBe(200);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const foreign = await raw('GET', '/__emulator/collections/members', { origin: evil });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(foreign.body).error.code).toBe('AUTH.FORBIDDEN');
    expect(foreign.body).not.toContain('赵');
    const preflight = await raw('OPTIONS', '/__emulator/reset', {
      origin: evil,
      'access-control-request-method': 'POST',
    });
    expect(preflight.status).toBe(403);
  });
  it('lets loopback pages and the mini-program origin in, naming them, never *', async () => {
    for (const origin of [
      'http://127.0.0.1:9974',
      'http://localhost:5173',
      'https://servicewechat.com',
    ]) {
      const res = await raw('OPTIONS', '/functions/org', {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-wx-openid',
      });
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(String(res.headers['access-control-allow-headers'])).toContain('x-wx-openid');
    }
    const same = await raw('GET', '/health', { origin: emu.url });
    expect(same.status).toBe(200);
  });
  it('refuses a cross-site reset and a DNS-rebound Host, changing nothing', async () => {
    const before = dump();
    const reset = await raw('POST', '/__emulator/reset', { origin: evil });
    expect(reset.status).toBe(403);
    const port = new URL(emu.url).port;
    const rebound = await raw('GET', '/__emulator/collections/members', {
      host: `evil.example:${port}`,
    });
    expect(rebound.status).toBe(403);
    expect(dump()).toBe(before);
  });
  it('takes only application/json bodies (415), under 1 MiB (413), changing nothing', async () => {
    const before = dump();
    const bind = JSON.stringify({ action: 'bind', data: { code: 'DEMO-INVITE' } });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await raw(
        'POST',
        '/functions/org',
        { 'content-type': type, 'x-wx-openid': 'wx-csrf' },
        bind,
      );
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'INPUT.INVALID' });
    }
    const big = JSON.stringify({ action: 'me', pad: 'x'.repeat(2 * 1024 * 1024) });
    const declared = await raw(
      'POST',
      '/functions/org',
      { 'content-type': 'application/json', 'x-wx-openid': 'demo-secretary' },
      big,
    );
    expect(declared.status).toBe(413);
    const chunked = await raw(
      'POST',
      '/admin',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      big,
    );
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.message).toMatch(/过大/);
    expect(dump()).toBe(before);
  });
  it('creates only the declared collections: "../x" never reaches the disk', async () => {
    const before = dump();
    for (const collectionName of ['../x', '..\\x', '/tmp/x', 'notDeclared', '', 42]) {
      const res = await post('/admin', { action: 'database.addCollection', collectionName });
      expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' });
    }
    expect(existsSync(path.join(dir, '..', 'x.json'))).toBe(false);
    expect(
      readdirSync(dir).filter((f) => !/^[A-Za-z]\w*\.json$/.test(f) && f !== 'storage'),
    ).toEqual([]);
    expect(() => emu.store.ensure('../x')).toThrow();
    expect(dump()).toBe(before);
  });
});
