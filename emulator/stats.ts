import { AsyncLocalStorage } from 'async_hooks';
import * as http from 'http';

/**
 * Database round trips per action, counted where they happen: at the emulator's CloudBase API.
 *
 * A round trip is one request from wx-server-sdk to `POST /admin` whose action is `database.*`
 * (a query, a write, each step of a transaction). Hosted functions run in the emulator's process,
 * but the SDK reaches the API over HTTP, so the invocation is carried across that hop:
 *
 * 1. `FunctionHost.invoke` runs each invocation inside an AsyncLocalStorage holding its key
 *    (`"<fn>.<action>"`) and its caller, process-wide so that every emulator in the process
 *    shares it (one storage: each one costs every promise of the process a little).
 * 2. `http.Agent.prototype.addRequest` is wrapped once per process. Node calls it synchronously in
 *    the `ClientRequest` constructor, i.e. in the async context of whoever called `http.request`
 *    (the SDK, inside the invocation) and before any header is written, so it can stamp the
 *    request with `x-emulator-invocation: <key>`. The SDK's own request options (URL, `seqId`,
 *    headers) are process-wide and cannot tell concurrent invocations apart; the agent hook sees
 *    every request whichever agent the SDK picks (the global one, or agentkeepalive, a subclass).
 * 3. The API route reads the header and counts the round trip against that key.
 *
 * Concurrent invocations are attributed correctly because each carries its own async context
 * (tests/emulator/stats.test.ts runs two actions in parallel). Requests outside any invocation
 * (a test talking to the database directly) carry no header and are not counted. The header
 * exists only in the emulator's process; production never sees it.
 */
export const INVOCATION_HEADER = 'x-emulator-invocation';

export interface ActionStats {
  calls: number;
  dbRoundTrips: number;
  /**
   * Storage round trips (a `storage.*` API action, an upload PUT, a temporary-URL GET), counted
   * apart so database budgets stay comparable; present only once an action used storage.
   */
  storageRoundTrips?: number;
}

export interface StatsSnapshot {
  actions: Record<string, ActionStats>;
}

/** What an invocation carries through its async context: its action key and its caller. */
export interface Invocation {
  key: string;
  openid?: string;
  /** `wx_trigger` when the emulator fires a timer trigger (getWXContext().SOURCE) [PRIV-22]. */
  source?: string;
}

const SLOT = Symbol.for('xfzb.emulator.invocation');
type Slot = { als: AsyncLocalStorage<Invocation> };

function slot(): Slot {
  const g = globalThis as Record<symbol, Slot | undefined>;
  let s = g[SLOT];
  if (!s) {
    s = { als: new AsyncLocalStorage<Invocation>() };
    g[SLOT] = s;
    installAgentHook(s.als);
  }
  return s;
}

function installAgentHook(als: AsyncLocalStorage<Invocation>): void {
  const proto = http.Agent.prototype as unknown as {
    addRequest: (req: http.ClientRequest, options: unknown) => void;
  };
  const addRequest = proto.addRequest;
  proto.addRequest = function (this: unknown, req: http.ClientRequest, options: unknown) {
    const key = als.getStore()?.key;
    if (key !== undefined && !req.headersSent && !req.hasHeader(INVOCATION_HEADER)) {
      try {
        req.setHeader(INVOCATION_HEADER, encodeURIComponent(key).slice(0, 200));
      } catch {
        // never let bookkeeping break a request
      }
    }
    return addRequest.call(this, req, options);
  };
}

/** The key an invocation's round trips are counted under: `"<fn>.<action>"`. */
export function actionKey(fn: string, event: unknown): string {
  const e = event as { action?: unknown; Type?: unknown; TriggerName?: unknown } | null;
  if (typeof e?.action === 'string') return `${fn}.${e.action}`;
  if (e?.Type === 'Timer') return `${fn}.timer:${String(e.TriggerName ?? '')}`;
  return `${fn}.(no action)`;
}

/**
 * Runs `fn` as an invocation: database requests made inside are counted against its key, and
 * `currentInvocation()` anywhere inside answers it (the host's identity port reads the caller).
 */
export function runAsInvocation<T>(invocation: Invocation, fn: () => T): T {
  return slot().als.run(invocation, fn);
}

export function currentInvocation(): Invocation | undefined {
  return slot().als.getStore();
}

/** The per-action counters of one emulator. */
export class RoundTripStats {
  private actions = new Map<string, ActionStats>();

  constructor() {
    slot(); // install the agent hook before the first request
  }

  private entry(key: string): ActionStats {
    let s = this.actions.get(key);
    if (!s) {
      s = { calls: 0, dbRoundTrips: 0 };
      this.actions.set(key, s);
    }
    return s;
  }

  /** One invocation of `key` started. Warm-up calls (`__…`) are not counted. */
  call(key: string): void {
    if (!key.includes('.__')) this.entry(key).calls += 1;
  }

  /** One request reached the CloudBase API; `header` is the invocation header it carried. */
  request(header: string | undefined, apiAction: unknown): void {
    if (typeof apiAction !== 'string') return;
    if (apiAction.startsWith('storage.')) return this.storageRequest(header);
    if (!apiAction.startsWith('database.')) return;
    const key = keyOf(header);
    if (key) this.entry(key).dbRoundTrips += 1;
  }

  /** One storage request (API action, upload PUT or download GET) of the invocation `header`. */
  storageRequest(header: string | undefined): void {
    const key = keyOf(header);
    if (!key) return;
    const e = this.entry(key);
    e.storageRoundTrips = (e.storageRoundTrips ?? 0) + 1;
  }

  snapshot(): StatsSnapshot {
    const actions: Record<string, ActionStats> = {};
    for (const [k, v] of [...this.actions].sort(([a], [b]) => a.localeCompare(b)))
      actions[k] = { ...v };
    return { actions };
  }

  reset(): void {
    this.actions = new Map();
  }
}

/** The action key an invocation header carries; undefined outside an invocation or a warm-up. */
function keyOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const key = decodeURIComponent(header);
    return key.includes('.__') ? undefined : key;
  } catch {
    return undefined;
  }
}
