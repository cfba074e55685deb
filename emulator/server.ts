import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { ERRORS, ErrorCode } from '../cloudfunctions/_shared/contracts/errors';
import { COLLECTION_NAMES } from '../cloudfunctions/_shared/repos/collections';
import { createCloudbaseApi } from './cloudbase-api';
import { EmulatorClock } from './clock';
import { consoleHtml } from './console-page';
import { devRoutes } from './dev-routes';
import { FunctionHost } from './host';
import { MediaChecks, Suggest } from './media-check';
import { ENV_ID, ObjectStorage, pathOfFileId } from './storage';
import { storageRoutes } from './storage-routes';
import { encodePath, StorageUrls } from './storage-urls';
import { admit, corsHeaders, isRefusal } from './guard';
import { BodyError, fail, header, readJson, send, sendRaw } from './http';
import { DEMO_NOW_MS } from './demo-instant';
import { buildSeed, SeedName } from './seeds';
import { INVOCATION_HEADER, RoundTripStats, StatsSnapshot } from './stats';
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
  /**
   * Answers every content-check submission by itself after this many ms (`npm start`: 3000):
   * `pass`, or `risky` for a file whose name contains 违规 (media-check.ts). Off in tests.
   */
  autoMediaCheck?: number;
}

export interface Emulator {
  url: string;
  clock: EmulatorClock;
  store: DocumentStore;
  host: FunctionHost;
  /** Cloud storage (`<DATA_DIR>/storage/`, memory without a data dir). */
  storage: ObjectStorage;
  /** The bytes of one of this emulator's `cloud://` fileIDs; rejects for an unknown one. */
  readFile(fileId: string): Promise<Buffer>;
  /** Content-check submissions (GET /__emulator/media-checks). */
  mediaChecks(): ReturnType<MediaChecks['list']>;
  /** Pushes a content-check verdict to the media function (POST /__emulator/media-check). */
  pushMediaCheck(traceId: string, suggest: Suggest, label?: number): Promise<unknown>;
  /** The environment that points any wx-server-sdk process at this emulator. */
  env: Record<string, string>;
  invoke(name: string, event: unknown, openid?: string): Promise<unknown>;
  /**
   * Wipes every collection, the storage and the content checks, and loads a seed built around `now` (default: the demo instant);
   * clears the round-trip statistics too.
   */
  reset(seed: SeedName, now?: number): Promise<void>;
  /** Calls and database round trips per `"<fn>.<action>"` since the last reset (api.md §2). */
  stats(): StatsSnapshot;
  resetStats(): void;
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
  const storage = new ObjectStorage(opts.dataDir);
  await storage.load();
  const now = () => clock.now();
  const urls = new StorageUrls(now, () => emulator.url);
  const stats = new RoundTripStats();
  const checks: MediaChecks = new MediaChecks({
    now,
    deliver: (event): Promise<unknown> => host.invoke('media', event),
    autoMs: opts.autoMediaCheck,
    nameOf: (traceId, at) => uploadedName(store, traceId, at),
  });
  const host: FunctionHost = new FunctionHost(clock, stats, checks);
  const api = createCloudbaseApi({
    store,
    now,
    invokeFunction: (name, event) => host.invoke(name, event),
    storage,
    urls,
  });
  const files = storageRoutes({ storage, urls, stats, now });

  async function reset(seed: SeedName, now: number = DEMO_NOW_MS): Promise<void> {
    await store.clear();
    await storage.clear();
    checks.clear();
    const data = buildSeed(seed, new Date(now));
    if (opts.seedClock === 'run') clock.runFrom(now);
    else if (opts.seedClock === 'freeze') clock.freeze(now);
    for (const name of COLLECTION_NAMES) {
      const coll = store.ensure(name);
      for (const doc of data[name] ?? []) coll.set(doc._id, structuredClone(doc));
    }
    await store.persist();
    stats.reset();
  }
  if (store.names().length === 0) await reset(opts.seed ?? 'demo');

  const server = createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    res.setHeader('vary', 'Origin');
    const admission = admit(req);
    if (isRefusal(admission))
      return refuse(res, admission.status, admission.code, admission.message);
    if (admission.corsOrigin) {
      for (const [k, v] of Object.entries(corsHeaders(admission.corsOrigin))) res.setHeader(k, v);
    }
    route(req, res).catch((e) => {
      if (e instanceof BodyError) return refuse(res, e.status, 'INPUT.INVALID', e.message);
      console.error(e);
      if (!res.headersSent) fail(res, 500, 'INTERNAL', ERRORS.INTERNAL);
    });
  });
  // Longer than the clients' idle-socket timeout (Node's agent: 5 s), so an idle keep-alive socket
  // is always closed by the client: a server closing it as the client reuses it is an ECONNRESET
  // the SDK does not retry (seen in the sign-in burst on a loaded machine).
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;

  const dev = devRoutes({
    clock,
    store,
    host,
    stats,
    storage,
    checks,
    env: () => emulator.env,
    reset,
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, 204, null);
    if (method === 'GET' && p === '/health') return send(res, 200, { ok: true });
    if (method === 'GET' && p === '/')
      return sendRaw(res, 200, 'text/html; charset=utf-8', consoleHtml(emulator.url));
    if (method === 'POST' && p.startsWith('/admin')) {
      const body = (await readJson(req)) as { action?: unknown } | null;
      stats.request(header(req, INVOCATION_HEADER), body?.action);
      return send(res, 200, await api(body));
    }
    const fn = p.match(/^\/functions\/([\w-]+)$/);
    if (method === 'POST' && fn) {
      if (!host.has(fn[1])) return fail(res, 404, 'NOT_FOUND', `云函数 ${fn[1]} 不存在`);
      const event = await readJson(req);
      const openid = header(req, 'x-wx-openid');
      return send(res, 200, await host.invoke(fn[1], event, openid));
    }
    if (p.startsWith('/__emulator/storage/') && (await files(method, url, req, res))) return;
    if (p.startsWith('/__emulator/') && (await dev(method, p, req, res))) return;
    return fail(res, 404, 'NOT_FOUND', `没有这个地址：${method} ${p}`);
  }

  /** A refusal; after a 413 the rest of the body is not read and the connection is closed. */
  function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
    if (status === 413 || status === 415) res.setHeader('connection', 'close');
    fail(res, status, code, message);
  }

  await new Promise<void>((resolve) =>
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  const env = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TCB_ENV: ENV_ID,
    SCF_NAMESPACE: ENV_ID,
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
    storage,
    async readFile(fileId) {
      const cloudPath = pathOfFileId(fileId);
      const bytes = cloudPath ? await storage.get(cloudPath) : undefined;
      if (!bytes) throw new Error(`no such file: ${fileId}`);
      return bytes;
    },
    mediaChecks: () => checks.list(),
    async pushMediaCheck(traceId, suggest, label) {
      const r = await checks.push(traceId, suggest, label);
      if (!r.found) throw new Error(`no such content check: ${traceId}`);
      return r.answer;
    },
    env,
    invoke: (name, event, openid) => host.invoke(name, event, openid),
    reset,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        checks.clear();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  return emulator;
}

/** The name a file was uploaded under (`mediaFiles`), for the automatic check's risky demo. */
function uploadedName(store: DocumentStore, traceId: string, url: string): string | undefined {
  const docs = [...(store.get('mediaFiles')?.values() ?? [])] as {
    name?: unknown;
    cloudPath?: unknown;
    check?: { traceId?: unknown };
  }[];
  const doc = docs.find(
    (d) =>
      d.check?.traceId === traceId ||
      (typeof d.cloudPath === 'string' && url.includes(`/${encodePath(d.cloudPath)}?`)) ||
      (typeof d.cloudPath === 'string' && url.includes(`/${d.cloudPath}?`)),
  );
  return typeof doc?.name === 'string' ? doc.name : undefined;
}
