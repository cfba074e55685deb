import { z } from 'zod';
import { ports } from './platform';
import { createContext, Ctx } from './context';
import { AppError, Envelope, MESSAGES } from './errors';
import '../contracts/locale';
import type { Api, FunctionName } from '../contracts';

/**
 * An action: its input contract, and the use case that runs it. `access` says who may call at
 * all: a bound member (`member`, the default), or anyone with an OPENID that is not yet bound
 * (`unbound`: binding itself); finer checks are the use case's `ctx.require` against the target org.
 */
export interface Action<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access?: 'unbound' | 'member';
  run(ctx: Ctx, input: z.output<I>): Promise<O>;
}

export const action = <I extends z.ZodType, O>(a: Action<I, O>): Action<I, O> => a;

/**
 * The route table of a function, typed from its contract (`Api[fn]`): exactly one route per
 * contract action, each producing that action's declared output. A missing or extra route, or a
 * use case whose result drifts from the contract (a renamed field), fails `npm run typecheck`.
 */
export type RoutesFor<C> = {
  [K in keyof C]: C[K] extends { output: infer O } ? Action<z.ZodType, O> : never;
};
type AnyRoutes = Record<string, Action<z.ZodType, unknown>>;

/** Timer triggers arrive without an action: CloudBase sends { Type: 'Timer', TriggerName, Time }. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

/**
 * A cloud function's entry: route, validate, resolve identity, run, wrap the result in the
 * envelope. User errors never throw to the platform and never carry a stack trace.
 */
export function createFunction<F extends FunctionName, R extends RoutesFor<Api[F]>>(
  fn: F,
  routes: R & Record<Exclude<keyof R, keyof Api[F]>, never>,
) {
  return entry(fn, routes as unknown as AnyRoutes);
}

/** A function that only runs on its timer trigger (no actions). */
export function createTimerFunction(
  fn: string,
  timer: (ctx: Ctx, event: TimerEvent) => Promise<unknown>,
) {
  return entry(fn, {}, timer);
}

function entry(
  fn: string,
  routes: AnyRoutes,
  timer?: (ctx: Ctx, event: TimerEvent) => Promise<unknown>,
) {
  return async function main(event: unknown): Promise<Envelope> {
    const e = (event ?? {}) as { action?: unknown; data?: unknown; Type?: unknown };
    try {
      if (timer && e.Type === 'Timer') {
        return {
          ok: true,
          data: await timer(createContext(fn, 'timer', ports()), event as TimerEvent),
        };
      }
      const name = typeof e.action === 'string' ? e.action : '';
      const route = Object.prototype.hasOwnProperty.call(routes, name) ? routes[name] : undefined;
      if (!route)
        throw new AppError('INPUT.UNKNOWN_ACTION', `不支持的操作：${name || '（未指定）'}`);
      const parsed = route.input.safeParse(e.data ?? {});
      if (!parsed.success) throw invalid(parsed.error);
      const ctx = createContext(fn, name, ports());
      if (route.access !== 'unbound') await ctx.caller();
      return { ok: true, data: (await route.run(ctx, parsed.data)) ?? null };
    } catch (err) {
      if (err instanceof AppError) {
        return {
          ok: false,
          error: {
            code: err.code,
            message: err.message,
            ...(err.details ? { details: err.details } : {}),
          },
        };
      }
      console.error(`[${fn}.${String(e.action)}]`, err);
      return { ok: false, error: { code: 'INTERNAL', message: MESSAGES.INTERNAL } };
    }
  };
}

function invalid(error: z.ZodError): AppError {
  const issues = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), message: `不支持的字段“${k}”` }))
      : [{ path: i.path.join('.'), message: i.message }],
  );
  const fields = [...new Set(issues.map((i) => i.path || '(data)'))];
  const first = issues[0];
  const where = first?.path ? `${first.path}：` : '';
  return new AppError('INPUT.INVALID', `输入有误，${where}${first?.message ?? '格式不正确'}`, {
    fields,
    issues,
  });
}
