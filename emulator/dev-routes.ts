import { IncomingMessage, ServerResponse } from 'http';
import { EJSON } from 'bson';
import { EmulatorClock } from './clock';
import { DEMO_NOW_MS } from './demo-instant';
import { FunctionHost } from './host';
import { fail, readJson, send, sendRaw } from './http';
import { MediaChecks, SUGGESTS, Suggest } from './media-check';
import { isSeedName, SEED_NAMES, SeedName } from './seeds';
import { RoundTripStats } from './stats';
import { ObjectStorage, pathOfFileId } from './storage';
import { DocumentStore } from './store';

export interface DevDeps {
  clock: EmulatorClock;
  store: DocumentStore;
  host: FunctionHost;
  stats: RoundTripStats;
  storage: ObjectStorage;
  checks: MediaChecks;
  env: () => Record<string, string>;
  reset: (seed: SeedName, now: number) => Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The developer routes of api.md §2 (`/__emulator/*`): reset, clock, timer triggers, outbox,
 * collections, files, content checks and round-trip statistics. Answers whether it handled the request.
 */
export function devRoutes(d: DevDeps) {
  const { clock, store, host, stats, storage, checks } = d;
  return async function handle(
    method: string,
    p: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    if (method === 'GET' && p === '/__emulator/env') send(res, 200, d.env());
    else if (method === 'GET' && p === '/__emulator/stats') send(res, 200, stats.snapshot());
    else if (method === 'POST' && p === '/__emulator/stats/reset') {
      stats.reset();
      send(res, 200, { ok: true });
    } else if (method === 'POST' && p === '/__emulator/reset') await reset(req, res);
    else if (p === '/__emulator/clock') await clockRoute(method, req, res);
    else if (method === 'POST' && p.startsWith('/__emulator/trigger/')) await trigger(p, res);
    else if (method === 'GET' && p === '/__emulator/outbox') {
      const list = [...(store.get('outbox')?.values() ?? [])]
        .map(({ touser, templateId, page, data, sentAt }) => ({
          touser,
          templateId,
          page,
          data,
          sentAt,
        }))
        .sort((a, b) => +(a.sentAt as Date) - +(b.sentAt as Date));
      sendRaw(res, 200, JSON_TYPE, EJSON.stringify(list, { relaxed: true }));
    } else if (method === 'GET' && p === '/__emulator/collections') send(res, 200, store.names());
    else if (method === 'GET' && /^\/__emulator\/collections\/[\w-]+$/.test(p)) {
      const name = p.slice('/__emulator/collections/'.length);
      const docs = store.get(name);
      if (!docs) fail(res, 404, 'NOT_FOUND', `集合 ${name} 不存在`);
      else sendRaw(res, 200, JSON_TYPE, EJSON.stringify([...docs.values()], { relaxed: true }));
    } else if (method === 'GET' && /^\/__emulator\/files\/.+$/.test(p)) {
      await file(p.slice('/__emulator/files/'.length), res);
    } else if (method === 'GET' && p === '/__emulator/media-checks') send(res, 200, checks.list());
    else if (method === 'POST' && p === '/__emulator/media-check') await pushCheck(req, res);
    else return false;
    return true;
  };

  /** A stored file by its `cloud://` fileID (debugging; api.md §2). */
  async function file(raw: string, res: ServerResponse): Promise<void> {
    let cloudPath: string | null = null;
    try {
      cloudPath = pathOfFileId(decodeURIComponent(raw));
    } catch {
      // a malformed escape: no such file
    }
    const meta = cloudPath ? storage.meta(cloudPath) : undefined;
    const bytes = meta ? await storage.get(meta.cloudPath) : undefined;
    if (!meta || !bytes) return fail(res, 404, 'NOT_FOUND', '文件不存在');
    sendRaw(res, 200, meta.contentType, bytes);
  }

  /** Delivers a content-check verdict to the media function, as WeChat's push would. */
  async function pushCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) as { traceId?: unknown; suggest?: unknown; label?: unknown };
    if (typeof body !== 'object' || body === null || typeof body.traceId !== 'string')
      return fail(res, 400, 'INPUT.INVALID', '请求内容应为 { traceId, suggest, label? }');
    if (!SUGGESTS.includes(body.suggest as Suggest))
      return fail(res, 400, 'INPUT.INVALID', 'suggest 只能是 pass、review 或 risky');
    const label = body.label;
    if (label !== undefined && !(typeof label === 'number' && Number.isInteger(label)))
      return fail(res, 400, 'INPUT.INVALID', 'label 应为整数');
    const r = await checks.push(body.traceId, body.suggest as Suggest, label);
    if (!r.found) return fail(res, 404, 'NOT_FOUND', `没有这次内容审核：${body.traceId}`);
    send(res, 200, r.answer ?? null);
  }

  async function reset(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) as { seed?: string; now?: unknown } | null;
    if (typeof body !== 'object' || body === null)
      return fail(res, 400, 'INPUT.INVALID', '请求内容应为 JSON 对象');
    const seed = body.seed ?? 'demo';
    if (!isSeedName(seed))
      return fail(res, 400, 'INPUT.INVALID', `seed 只能是 ${SEED_NAMES.join('、')}`);
    const now =
      body.now === undefined || body.now === null ? DEMO_NOW_MS : Date.parse(String(body.now));
    if (Number.isNaN(now)) return fail(res, 400, 'INPUT.INVALID', 'now 应为 ISO-8601 时间');
    await d.reset(seed, now);
    send(res, 200, { ok: true, seed, now: new Date(now).toISOString() });
  }

  async function clockRoute(method: string, req: IncomingMessage, res: ServerResponse) {
    if (method === 'POST') {
      const raw = await readJson(req);
      if (typeof raw !== 'object' || raw === null)
        return fail(res, 400, 'INPUT.INVALID', '请求内容应为 JSON 对象');
      const body = raw as { now?: string | null; advanceMs?: number };
      if (body.now === null) clock.freeze(null);
      else if (typeof body.now === 'string') {
        const at = Date.parse(body.now);
        if (Number.isNaN(at)) return fail(res, 400, 'INPUT.INVALID', 'now 应为 ISO-8601 时间');
        clock.freeze(at);
      }
      if (typeof body.advanceMs === 'number') {
        if (!clock.frozen) return fail(res, 409, 'CONFLICT', '时钟未冻结，不能拨动');
        clock.advance(body.advanceMs);
      }
    }
    send(res, 200, { now: new Date(clock.now()).toISOString(), frozen: clock.frozen });
  }

  async function trigger(p: string, res: ServerResponse): Promise<void> {
    // `/__emulator/trigger/<function>` fires its first timer; `/<function>/<trigger>` a named one
    const [name, which] = p.slice('/__emulator/trigger/'.length).split('/');
    const timers = /^[\w-]+$/.test(name) && host.has(name) ? host.timers(name) : [];
    const timer = which === undefined ? timers[0] : timers.find((t) => t.name === which);
    if (!timer) return fail(res, 404, 'NOT_FOUND', `云函数 ${name} 没有这个定时触发器`);
    const event = {
      Type: 'Timer',
      TriggerName: timer.name,
      Time: new Date(clock.now()).toISOString(),
    };
    send(res, 200, await host.invoke(name, event, undefined, 'wx_trigger'));
  }
}
