/**
 * THE gateway: every backend call goes through callCloud (architecture §4). It picks the
 * transport named in config.ts, unwraps the envelope and turns every failure into a
 * CloudError whose message is fit to show a member, so pages never see a raw code or stack.
 */
import { backendConfig } from '../config';
import { getDevOpenid } from './dev-identity';
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName } from './types';

export const NETWORK_FAILED = 'NETWORK.FAILED';
const NETWORK_MESSAGE = '网络异常，请稍后重试';

/** A refused or failed call: `code` is the backend's stable code, `message` is Chinese. */
export class CloudError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    // Keeps `instanceof CloudError` true if the build down-levels classes to ES5.
    Object.setPrototypeOf(this, CloudError.prototype);
    this.name = 'CloudError';
    this.code = code;
    this.details = details;
  }
}

interface CloudEvent {
  action: string;
  data: unknown;
}

/** Delivers an event and resolves with whatever the function answered (the raw envelope). */
type Transport = (fn: string, event: CloudEvent) => Promise<unknown>;

let cloudInitialised = false;

const cloudTransport: Transport = async (fn, event) => {
  // Initialised here rather than in app.ts so the gateway alone owns the transport.
  if (!cloudInitialised) {
    wx.cloud.init(backendConfig.cloudEnv ? { env: backendConfig.cloudEnv } : {});
    cloudInitialised = true;
  }
  const res = await wx.cloud.callFunction({
    name: fn,
    data: event as WechatMiniprogram.IAnyObject,
  });
  return res.result;
};

const localTransport: Transport = (fn, event) =>
  new Promise((resolve, reject) => {
    wx.request({
      url: `${backendConfig.emulatorUrl}/functions/${fn}`,
      method: 'POST',
      timeout: 15000,
      data: event as WechatMiniprogram.IAnyObject,
      header: { 'content-type': 'application/json', 'X-WX-OPENID': getDevOpenid() },
      // The emulator answers refusals (unknown function, bad JSON) with an envelope and a 4xx
      // status; callCloud judges the body, and anything that is not an envelope is a failure.
      success: (res) => resolve(res.data),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return true;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

/** Calls `fn`'s `action` and resolves with its data, or rejects with a CloudError. */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const transport = backendConfig.mode === 'cloud' ? cloudTransport : localTransport;
  let raw: unknown;
  try {
    raw = await transport(fn, { action, data });
  } catch (err) {
    throw new CloudError(NETWORK_FAILED, NETWORK_MESSAGE, { reason: String(err) });
  }
  if (!isEnvelope(raw)) {
    // A gateway page, a crashed function or a proxy answered instead of our function.
    throw new CloudError(NETWORK_FAILED, NETWORK_MESSAGE, { reason: 'not an envelope' });
  }
  if (!raw.ok) throw new CloudError(raw.error.code, raw.error.message, raw.error.details);
  return raw.data as ActionOutput<F, A>;
}

/**
 * The service function of an action whose input the page passes as it is, typed by the contract:
 * `export const requestLeave = actionOf('activity')('requestLeave');`
 */
export function actionOf<F extends FunctionName>(fn: F) {
  return <A extends ActionName<F>>(action: A) =>
    (input: ActionInput<F, A>): Promise<ActionOutput<F, A>> =>
      callCloud(fn, action, input);
}

/** The message to show for any error a page catches (a CloudError's is already Chinese). */
export function messageOf(err: unknown): string {
  return err instanceof CloudError ? err.message : NETWORK_MESSAGE;
}

/** The stable code of a caught error, for pages that branch on one (e.g. AUTH.UNBOUND). */
export function codeOf(err: unknown): string | undefined {
  return err instanceof CloudError ? err.code : undefined;
}
