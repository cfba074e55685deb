import { createHmac, timingSafeEqual } from 'crypto';
import { ERRORS } from '../../contracts/errors';
import { fail, ok, Result } from '../shared/result';

/**
 * The rotating sign-in token shown as a code at the venue [CHK-05]: HMAC-signed over the activity
 * and a 30-second window; valid in its window and the one after it (≤ 60 s), so a photo forwarded
 * to someone at home expires before it is useful. Only the cloud function holds the key.
 *
 * Two shapes, one meaning. The long token `activityId.window.sig` (a raw QR, api.md) and the scene
 * token `code.window36.sig` that fits the `scene` of a mini-program code (wxacode.getUnlimited:
 * ≤ 32 of `[0-9A-Za-z]` and `!#$&'()*+,/:;=?@-._~`). An activity id does not fit there, so the
 * scene names the activity by its short sign-in code (10 base64url characters, derived from the
 * id with the key and stored on the activity); its signature keeps 72 bits.
 */
export const WINDOW_MS = 30_000;

/** What a member hears when the scanned code is no sign-in code of ours [CHK-05]. */
const NOT_A_SIGNIN_CODE = ERRORS['CHECKIN.TOKEN_INVALID'];
/** The code on the screen has moved on: scan it again (the member did nothing wrong). */
const EXPIRED = '签到码已更新，请重新扫描现场的二维码';

const mac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('base64url');

const sign = (secret: string, activityId: string, window: number) =>
  mac(secret, `${activityId}.${window}`).slice(0, 22);
/** A different message from the long token's (`scene:` prefix), so neither passes for the other. */
const signScene = (secret: string, code: string, window: number) =>
  mac(secret, `scene:${code}.${window}`).slice(0, 12);

/** The activity's short sign-in code: the same for the same id and key, so it can be set lazily. */
export const checkinCodeOf = (secret: string, activityId: string) =>
  mac(secret, `code:${activityId}`).slice(0, 10);

export const SCENE_MAX = 32;

export function issueToken(secret: string, activityId: string, now: number) {
  const window = Math.floor(now / WINDOW_MS);
  return {
    token: `${activityId}.${window}.${sign(secret, activityId, window)}`,
    window,
    expiresAt: new Date((window + 2) * WINDOW_MS),
    refreshInMs: (window + 1) * WINDOW_MS - now,
  };
}

/** The scene token of the current window for the activity with this sign-in code (≤ 32 chars). */
export function issueSceneToken(secret: string, code: string, now: number): string {
  const window = Math.floor(now / WINDOW_MS);
  return `${code}.${window.toString(36)}.${signScene(secret, code, window)}`;
}

/** The activity a verified token names: by id (long token) or by its sign-in code (scene). */
export type TokenSubject = { activityId: string } | { checkinCode: string };

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function inWindow(window: number, now: number): Result<true> {
  const current = Math.floor(now / WINDOW_MS);
  if (window > current + 1) return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  if (window < current - 1) return fail('CHECKIN.TOKEN_EXPIRED', EXPIRED, 'CHK-05');
  return ok(true);
}

export function verifyToken(secret: string, token: string, now: number): Result<TokenSubject> {
  const scene = /^([\w-]{10})\.([0-9a-z]{1,8})\.([\w-]{12})$/.exec(token);
  if (scene) {
    const [, code, w, sig] = scene;
    const window = parseInt(w, 36);
    if (!same(signScene(secret, code, window), sig))
      return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
    const fresh = inWindow(window, now);
    return fresh.ok ? ok({ checkinCode: code }) : fresh;
  }
  const m = /^([\w-]{1,64})\.(\d{1,12})\.([\w-]{22})$/.exec(token);
  if (!m) return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  const [, activityId, w, sig] = m;
  const window = Number(w);
  if (!same(sign(secret, activityId, window), sig))
    return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  const fresh = inWindow(window, now);
  return fresh.ok ? ok({ activityId }) : fresh;
}
