import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { EMULATOR_HOOKS, EmulatorHooks } from '../cloudfunctions/_shared/ports';
import { EmulatorClock } from './clock';
import type { MediaChecks } from './media-check';
import { actionKey, currentInvocation, RoundTripStats, runAsInvocation } from './stats';

const ROOT = path.resolve(__dirname, '../cloudfunctions');
type Main = (event: unknown, context: unknown) => Promise<unknown>;

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

/** Words the local content check refuses, standing in for msgSecCheck. */
export const BANNED_WORDS = ['违禁词', '赌博', '色情', '法轮'];

/**
 * Hosts every cloud function in this process. Each invocation runs inside its own async context
 * (stats.ts) that carries the caller's OPENID and the action, so concurrent calls never see each
 * other's identity (what getWXContext's process-wide variables could not guarantee here) and
 * their database round trips are counted apart.
 */
export class FunctionHost {
  private readonly loaded = new Map<string, Main>();
  readonly hooks: EmulatorHooks;
  /** OPENIDs whose subscription messages WeChat "refuses" (simulated failures for tests). */
  readonly failSendsTo = new Set<string>();

  constructor(
    readonly clock: EmulatorClock,
    /** Counts calls and database round trips per action (GET /__emulator/stats). */
    readonly stats: RoundTripStats = new RoundTripStats(),
    /** Where mediaCheckAsync submissions are recorded (emulator/media-check.ts). */
    private readonly mediaChecks?: MediaChecks,
  ) {
    const hooks: EmulatorHooks = (this.hooks = {
      openid: () => currentInvocation()?.openid,
      source: () => currentInvocation()?.source,
      now: () => clock.now(),
      bannedWords: BANNED_WORDS,
      secrets: { checkin: 'local-emulator-checkin-secret' },
      beforeSend: (m) => {
        if (this.failSendsTo.has(m.touser))
          throw new Error('errCode 43101: user refuse to accept the msg');
      },
      mediaCheck: async (input) => {
        if (!this.mediaChecks) throw new Error('no content check in this emulator');
        return this.mediaChecks.submit(input);
      },
    });
    (globalThis as Record<symbol, unknown>)[EMULATOR_HOOKS] = hooks;
  }

  names(): string[] {
    return readdirSync(ROOT, { withFileTypes: true })
      .filter(
        (d) =>
          d.isDirectory() &&
          !d.name.startsWith('_') &&
          existsSync(path.join(ROOT, d.name, 'index.ts')),
      )
      .map((d) => d.name)
      .sort();
  }

  has(name: string): boolean {
    return this.names().includes(name);
  }

  timers(name: string): TimerTrigger[] {
    const file = path.join(ROOT, name, 'config.json');
    if (!existsSync(file)) return [];
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: TimerTrigger[] };
    return (config.triggers ?? []).filter((t) => t.type === 'timer');
  }

  /**
   * Runs a function as CloudBase would: the same module, its exported `main`, one caller. The
   * invocation's database requests are counted against its action (see stats.ts).
   */
  async invoke(
    name: string,
    event: unknown,
    openid?: string,
    source?: 'wx_trigger',
  ): Promise<unknown> {
    const main = this.load(name);
    const key = actionKey(name, event);
    this.stats.call(key);
    return runAsInvocation({ key, openid, source }, () => main(event, { function_name: name }));
  }

  private load(name: string): Main {
    let main = this.loaded.get(name);
    if (!main) {
      if (!this.has(name)) throw new Error(`function not found: ${name}`);
      main = (require(path.join(ROOT, name, 'index.ts')) as { main: Main }).main;
      this.loaded.set(name, main);
    }
    return main;
  }
}
