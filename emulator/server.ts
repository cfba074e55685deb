import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { EJSON } from 'bson';
import { COLLECTION_NAMES } from '../cloudfunctions/_shared/repos/collections';
import { createCloudbaseApi } from './cloudbase-api';
import { EmulatorClock } from './clock';
import { consoleHtml } from './console-page';
import { FunctionHost } from './host';
import { DEMO_NOW_MS } from './demo-instant';
import { buildSeed, SeedName } from './seeds';
import { DocumentStore } from './store';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Persistent data directory; omit for a memory-only emulator (tests). */
  dataDir?: string;
  /** Seed loaded when the store is empty (first start). */
  seed?: SeedName;
  /**
   * What the clock does when a seed is loaded: `run` lets it run from the seed's instant
   * (`npm start`, so the demo's theme day is on now), `freeze` freezes it there (tests), `keep`
   * leaves it alone.
   */
  seedClock?: 'run' | 'freeze' | 'keep';
}

export interface Emulator {
  url: string;
  clock: EmulatorClock;
  store: DocumentStore;
  host: FunctionHost;
  /** The environment that points any wx-server-sdk process at this emulator. */
  env: Record<string, string>;
  invoke(name: string, event: unknown, openid?: string): Promise<unknown>;
  /** Wipes every collection and loads a seed built around `now` (default: the demo instant). */
  reset(seed: SeedName, now?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the local CloudBase emulator: CloudBase's server API for the real wx-server-sdk, every
 * cloud function hosted in this process, and the developer routes of api.md §2.
 */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new EmulatorClock();
  const store = new DocumentStore(opts.dataDir);
  await store.load();
  const host = new FunctionHost(clock, opts.dataDir ? path.join(opts.dataDir, 'files') : undefined);
  const api = createCloudbaseApi({
    store,
    now: () => clock.now(),
    invokeFunction: (name, event) => host.invoke(name, event),
  });

  async function reset(seed: SeedName, now: number = DEMO_NOW_MS): Promise<void> {
    await store.clear();
    const data = buildSeed(seed, new Date(now));
    if (opts.seedClock === 'run') clock.runFrom(now);
    else if (opts.seedClock === 'freeze') clock.freeze(now);
    for (const name of COLLECTION_NAMES) {
      const coll = store.ensure(name);
      for (const doc of data[name] ?? []) coll.set(doc._id, structuredClone(doc));
    }
    await store.persist();
  }
  if (store.names().length === 0) await reset(opts.seed ?? 'demo');

  const server = createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    route(req, res).catch((e) =>
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e?.message ?? e) } }),
    );
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, 204, null);
    if (method === 'GET' && p === '/health') return send(res, 200, { ok: true });
    if (method === 'GET' && p === '/')
      return sendRaw(res, 200, 'text/html; charset=utf-8', consoleHtml(emulator.url));
    if (method === 'POST' && p.startsWith('/admin'))
      return send(res, 200, await api(await readJson(req)));
    if (method === 'GET' && p === '/__emulator/env') return send(res, 200, emulator.env);

    const fn = p.match(/^\/functions\/([\w-]+)$/);
    if (method === 'POST' && fn) {
      if (!host.has(fn[1]))
        return send(res, 404, {
          ok: false,
          error: { code: 'NOT_FOUND', message: `云函数 ${fn[1]} 不存在` },
        });
      let event: unknown;
      try {
        event = await readJson(req);
      } catch {
        return send(res, 400, {
          ok: false,
          error: { code: 'INPUT.MALFORMED', message: '请求体不是合法的 JSON' },
        });
      }
      const openid = header(req, 'x-wx-openid');
      return send(res, 200, await host.invoke(fn[1], event, openid));
    }
    if (method === 'POST' && p === '/__emulator/reset') {
      const body = (await readJson(req).catch(() => ({}))) as { seed?: string; now?: unknown };
      const seed = body.seed ?? 'demo';
      if (seed !== 'demo' && seed !== 'empty')
        return send(res, 400, {
          ok: false,
          error: { code: 'INPUT.INVALID', message: 'seed 只能是 demo 或 empty' },
        });
      const now =
        body.now === undefined || body.now === null ? DEMO_NOW_MS : Date.parse(String(body.now));
      if (Number.isNaN(now))
        return send(res, 400, {
          ok: false,
          error: { code: 'INPUT.INVALID', message: 'now 应为 ISO-8601 时间' },
        });
      await reset(seed, now);
      return send(res, 200, { ok: true, seed, now: new Date(now).toISOString() });
    }
    if (p === '/__emulator/clock') {
      if (method === 'POST') {
        const body = (await readJson(req)) as { now?: string | null; advanceMs?: number };
        if (body.now === null) clock.freeze(null);
        else if (typeof body.now === 'string') {
          const at = Date.parse(body.now);
          if (Number.isNaN(at))
            return send(res, 400, {
              ok: false,
              error: { code: 'INPUT.INVALID', message: 'now 应为 ISO-8601 时间' },
            });
          clock.freeze(at);
        }
        if (typeof body.advanceMs === 'number') {
          if (!clock.frozen)
            return send(res, 409, {
              ok: false,
              error: { code: 'CONFLICT', message: '时钟未冻结，不能拨动' },
            });
          clock.advance(body.advanceMs);
        }
      }
      return send(res, 200, { now: new Date(clock.now()).toISOString(), frozen: clock.frozen });
    }
    const trigger = p.match(/^\/__emulator\/trigger\/([\w-]+)$/);
    if (method === 'POST' && trigger) {
      const name = trigger[1];
      const timers = host.has(name) ? host.timers(name) : [];
      if (timers.length === 0)
        return send(res, 404, {
          ok: false,
          error: { code: 'NOT_FOUND', message: `云函数 ${name} 没有定时触发器` },
        });
      const event = {
        Type: 'Timer',
        TriggerName: timers[0].name,
        Time: new Date(clock.now()).toISOString(),
      };
      return send(res, 200, await host.invoke(name, event));
    }
    if (method === 'GET' && p === '/__emulator/outbox') {
      const list = [...(store.get('outbox')?.values() ?? [])]
        .map(({ touser, templateId, page, data, sentAt }) => ({
          touser,
          templateId,
          page,
          data,
          sentAt,
        }))
        .sort((a, b) => +(a.sentAt as Date) - +(b.sentAt as Date));
      return sendRaw(
        res,
        200,
        'application/json; charset=utf-8',
        EJSON.stringify(list, { relaxed: true }),
      );
    }
    const coll = p.match(/^\/__emulator\/collections\/([\w-]+)$/);
    if (method === 'GET' && coll) {
      const docs = store.get(coll[1]);
      if (!docs)
        return send(res, 404, {
          ok: false,
          error: { code: 'NOT_FOUND', message: `集合 ${coll[1]} 不存在` },
        });
      return sendRaw(
        res,
        200,
        'application/json; charset=utf-8',
        EJSON.stringify([...docs.values()], { relaxed: true }),
      );
    }
    if (method === 'GET' && p === '/__emulator/collections') return send(res, 200, store.names());
    const file = p.match(/^\/__emulator\/files\/(.+)$/);
    if (method === 'GET' && file) {
      try {
        const bytes = await host.hooks.getFile(decodeURIComponent(file[1]));
        return sendRaw(res, 200, contentType(file[1]), bytes);
      } catch {
        return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
      }
    }
    return send(res, 404, {
      ok: false,
      error: { code: 'NOT_FOUND', message: `没有这个地址：${method} ${p}` },
    });
  }

  await new Promise<void>((resolve) =>
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  const env = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TCB_ENV: 'local-emulator',
    SCF_NAMESPACE: 'local-emulator',
    // As inside CloudBase: without it the SDK probes a cloud metadata address (30 ms) per call.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
  };
  // Functions hosted here use the real SDK; these variables alone point it at this emulator.
  Object.assign(process.env, env);

  const emulator: Emulator = {
    url,
    clock,
    store,
    host,
    env,
    invoke: (name, event, openid) => host.invoke(name, event, openid),
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  return emulator;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (e) {
        reject(e);
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(
    res,
    status,
    'application/json; charset=utf-8',
    body === null ? '' : JSON.stringify(body),
  );
}

function sendRaw(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    // The mini-program in DevTools and the console page call from other origins.
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, x-wx-openid',
  });
  res.end(body);
}

function contentType(name: string): string {
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
