import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { startEmulator, Emulator } from '../../emulator/server';
import type { Envelope } from '../../cloudfunctions/_shared/runtime/errors';
import type { StatsSnapshot } from '../../emulator/stats';
import type { SeedName } from '../../emulator/seeds';
import type { ErrorCode } from '../../cloudfunctions/_shared/contracts/errors';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  FunctionName,
} from '../../miniprogram/services/types';

/**
 * The real backend in-process: the emulator on an ephemeral port, memory-backed, with every
 * cloud function hosted and reached through the real wx-server-sdk. Tests and page tests call
 * functions exactly as CloudBase would run them, with the caller's OPENID as the identity.
 */
export interface Backend {
  url: string;
  emulator: Emulator;
  invoke(
    fn: string,
    event: { action: string; data?: unknown },
    openid?: string,
  ): Promise<Envelope<any>>;
  /**
   * invoke() that fails the test unless the call succeeded, returning its data. Typed by the
   * contract (`Api`): the action must exist, the input must fit it, the output is the declared one.
   */
  ok<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    data: ActionInput<F, A>,
    openid: string,
  ): Promise<ActionOutput<F, A>>;
  /**
   * invoke() that fails the test unless the call was refused, returning the error. The action
   * must exist; the input is free, since refusals of bad input are what such tests check.
   */
  err<F extends FunctionName>(
    fn: F,
    action: ActionName<F>,
    data: unknown,
    openid?: string,
  ): Promise<{ code: ErrorCode; message: string; details?: any }>;
  /** Every document of a collection, straight from the store (to assert what was written). */
  docs<T = any>(collection: string): T[];
  /** Loads a seed built around `now` (default: the demo instant) and freezes the emulator's clock there. */
  reset(seed: SeedName, now?: number): Promise<void>;
  /** Freezes the emulator's clock back at the demo instant (what tests restore after moving it). */
  restoreClock(): void;
  /** Calls and database round trips per `"<fn>.<action>"` since the last reset (GET /__emulator/stats). */
  stats(): StatsSnapshot;
  resetStats(): void;
  /** The database round trips one call makes: resets the counters, calls, reads them back. */
  roundTrips(
    fn: string,
    action: string,
    data: unknown,
    openid?: string,
  ): Promise<{ roundTrips: number; res: Envelope<any> }>;
  close(): Promise<void>;
}

export async function startBackend(
  opts: { seed?: SeedName; dataDir?: string } = {},
): Promise<Backend> {
  const emulator = await startEmulator({
    port: 0,
    seed: opts.seed ?? 'demo',
    dataDir: opts.dataDir,
    seedClock: 'freeze',
  });
  const invoke = (fn: string, event: { action: string; data?: unknown }, openid?: string) =>
    emulator.invoke(fn, event, openid) as Promise<Envelope<any>>;
  return {
    url: emulator.url,
    emulator,
    invoke,
    async ok(fn, action, data, openid) {
      const res = await invoke(fn, { action, data }, openid);
      if (!res.ok)
        throw new Error(`${fn}.${action} refused: ${res.error.code} ${res.error.message}`);
      return res.data;
    },
    async err(fn, action, data, openid) {
      const res = await invoke(fn, { action, data }, openid);
      if (res.ok)
        throw new Error(`${fn}.${action} unexpectedly succeeded: ${JSON.stringify(res.data)}`);
      return res.error;
    },
    docs: (collection) =>
      [...(emulator.store.get(collection)?.values() ?? [])].map((d) => structuredClone(d)) as any[],
    reset: (seed, now) => emulator.reset(seed, now),
    restoreClock: () => emulator.clock.freeze(DEMO_NOW_MS),
    stats: () => emulator.stats(),
    resetStats: () => emulator.resetStats(),
    async roundTrips(fn, action, data, openid) {
      emulator.resetStats();
      const res = await invoke(fn, { action, data }, openid);
      const s = emulator.stats().actions[`${fn}.${action}`];
      // Every action resolves its caller from the database at least: zero means counting broke,
      // and every "≤ N" budget would then pass without measuring anything.
      if (!s || s.dbRoundTrips === 0)
        throw new Error(`${fn}.${action}: the emulator counted no database round trip`);
      return { roundTrips: s.dbRoundTrips, res };
    },
    close: () => emulator.close(),
  };
}

/** A snapshot of every collection, to assert that a refused call changed nothing. */
export function snapshot(b: Backend): string {
  const s = b.emulator.store;
  return JSON.stringify(s.names().map((n) => [n, [...(s.get(n)?.values() ?? [])]]));
}
