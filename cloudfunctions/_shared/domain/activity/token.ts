import { createHmac, timingSafeEqual } from 'crypto';
import { ERRORS } from '../../contracts/errors';
import { fail, ok, Result } from '../shared/result';

/**
 * The rotating sign-in token shown as a QR code [CHK-05]: HMAC-signed over the activity and a
 * 30-second window; valid in its window and the one after it (≤ 60 s), so a photo forwarded to
 * someone at home expires before it is useful. Only the cloud function holds the key.
 */
export const WINDOW_MS = 30_000;

/** What a member hears when the scanned code is no sign-in code of ours [CHK-05]. */
const NOT_A_SIGNIN_CODE = ERRORS['CHECKIN.TOKEN_INVALID'];

const sign = (secret: string, activityId: string, window: number) =>
  createHmac('sha256', secret).update(`${activityId}.${window}`).digest('base64url').slice(0, 22);

export function issueToken(secret: string, activityId: string, now: number) {
  const window = Math.floor(now / WINDOW_MS);
  return {
    token: `${activityId}.${window}.${sign(secret, activityId, window)}`,
    expiresAt: new Date((window + 2) * WINDOW_MS),
    refreshInMs: (window + 1) * WINDOW_MS - now,
  };
}

export function verifyToken(
  secret: string,
  token: string,
  now: number,
): Result<{ activityId: string }> {
  const m = /^([\w-]{1,64})\.(\d{1,12})\.([\w-]{22})$/.exec(token);
  if (!m) return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  const [, activityId, w, sig] = m;
  const window = Number(w);
  const expected = Buffer.from(sign(secret, activityId, window));
  if (expected.length !== sig.length || !timingSafeEqual(expected, Buffer.from(sig))) {
    return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  }
  const current = Math.floor(now / WINDOW_MS);
  if (window > current + 1) return fail('CHECKIN.TOKEN_INVALID', NOT_A_SIGNIN_CODE, 'CHK-05');
  if (window < current - 1)
    return fail('CHECKIN.TOKEN_EXPIRED', '二维码已过期，请扫描现场最新的二维码', 'CHK-05');
  return ok({ activityId });
}
