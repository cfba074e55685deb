import { z } from 'zod';
import { ports } from './platform';
import type { Ports } from '../ports';
import { createContext, Ctx } from './context';
import { AppError, Envelope, MESSAGES } from './errors';
import type { RefusalParams } from '../contracts/common';
import { parseContext, wordIssue } from '../contracts/locale';
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
  opts: { push?: PushHandlers } = {},
) {
  return entry(fn, routes as unknown as AnyRoutes, undefined, opts.push);
}

/**
 * A WeChat event pushed to the function by CloudBase's 消息推送 (云函数模式): the JSON of the
 * event, `MsgType: 'event'` and its `Event`, and no `action` (platform-notes §4).
 */
export interface PushEvent {
  MsgType: 'event';
  Event: string;
  [field: string]: unknown;
}
export type PushHandlers = Record<string, (ctx: Ctx, event: PushEvent) => Promise<unknown>>;

const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug'];

/**
 * Whether the platform delivered this call as a push rather than a mini-program calling with a
 * push-shaped body. A mini-program call carries SOURCE `wx_client` (or the IDE's) and its
 * OPENID; the push's SOURCE is not a client's. Where no SOURCE is reported (the emulator), a call
 * with an OPENID is a client's. The body proves nothing; the handler also trusts nothing of it
 * but a trace_id that never left the backend.
 */
function fromPush(p: Ports): boolean {
  const source = p.identity.source();
  if (source) return !source.split(',').some((s) => CLIENT_SOURCES.includes(s));
  return !p.identity.openid();
}
const isPush = (e: { action?: unknown; MsgType?: unknown; Event?: unknown }) =>
  e.action === undefined && e.MsgType === 'event' && typeof e.Event === 'string';

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
  push?: PushHandlers,
) {
  return async function main(event: unknown): Promise<Envelope> {
    const e = (event ?? {}) as { action?: unknown; data?: unknown; Type?: unknown } & Partial<
      Pick<PushEvent, 'MsgType' | 'Event'>
    >;
    try {
      if (push && isPush(e) && Object.prototype.hasOwnProperty.call(push, e.Event as string)) {
        const p = ports();
        if (!fromPush(p)) throw new AppError('AUTH.FORBIDDEN', '这是微信平台的通知，不能手动发起');
        const ctx = createContext(fn, `push.${e.Event as string}`, p);
        return { ok: true, data: (await push[e.Event as string](ctx, e as PushEvent)) ?? null };
      }
      if (timer) {
        const p = ports();
        if (!fromTimer(e, p)) throw timerOnly();
        return { ok: true, data: await timer(createContext(fn, 'timer', p), event as TimerEvent) };
      }
      const name = typeof e.action === 'string' ? e.action : '';
      const route = Object.prototype.hasOwnProperty.call(routes, name) ? routes[name] : undefined;
      if (!route)
        throw new AppError('INPUT.UNKNOWN_ACTION', `不支持的操作：${name || '（未指定）'}`);
      const parsed = route.input.safeParse(e.data ?? {}, parseContext);
      if (!parsed.success) throw invalid(`${fn}.${name}`, parsed.error);
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

/**
 * Timer-only functions run for the platform's timer trigger alone [PRIV-22]: CloudBase reports
 * `SOURCE: 'wx_trigger'` and no OPENID for it, while a mini-program call (`wx.cloud.callFunction`)
 * carries the caller's OPENID and `wx_client`. The event body proves nothing (anyone can send
 * `{ Type: 'Timer' }`), so only the platform's context decides.
 */
function fromTimer(e: { Type?: unknown }, p: Ports): boolean {
  return e.Type === 'Timer' && !p.identity.openid() && p.identity.source() === 'wx_trigger';
}
const timerOnly = () =>
  new AppError('AUTH.FORBIDDEN', '这项工作由系统每天定时自动进行，不能手动发起', {
    ruleId: 'PRIV-22',
  });

/**
 * A refused input in words a member reads (contracts/locale.ts): the first problem as the
 * message, every field path in `details.fields` for developers. A refinement that names its
 * own refusal (a personal number in public text, a scanned code that is no sign-in code) answers
 * that code when it is the only kind of problem [DIS-13, CHK-05].
 */
export function invalid(fnAction: string, error: z.ZodError): AppError {
  const issues = error.issues.flatMap((i) => {
    const message = wordIssue(fnAction, i);
    const params = (i.code === 'custom' ? i.params : undefined) as RefusalParams | undefined;
    const paths = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k]) : [i.path];
    return paths.map((p) => ({ path: p.join('.'), message, params }));
  });
  const fields = [...new Set(issues.map((i) => i.path || '(data)'))];
  const first = issues[0];
  const refusal = first?.params?.refusal;
  if (refusal && issues.every((i) => i.params?.refusal === refusal))
    return new AppError(refusal, first.message, {
      fields,
      ...(first.params?.ruleId ? { ruleId: first.params.ruleId } : {}),
    });
  return new AppError('INPUT.INVALID', first?.message ?? MESSAGES['INPUT.INVALID'], {
    fields,
    issues: issues.map(({ path, message }) => ({ path, message })),
  });
}
