import { checkinCodeOf, issueSceneToken, issueToken, WINDOW_MS } from '../../domain/activity/token';
import { ActivityDoc, updateActivity } from '../../repos/activities';
import type { Ctx } from '../../runtime/context';
import { codePath } from '../media/paths';

/**
 * The rotating mini-program code of the sign-in [CHK-05]: WeChat's own 扫一扫 opens `CHECKIN_PAGE`
 * with the scene token, no ICP domain needed (docs/decisions.md "Sign-in from WeChat's scanner").
 * One image per activity and 30-second window, cached here: with the host's phone and a projector
 * open on the same activity WeChat is asked once per window (2 a minute an activity, against a
 * limit of about 5,000 a minute).
 */
export const CHECKIN_PAGE = 'subpackages/activity/checkin/index';

const cache = new Map<string, string>();
const CACHE_MAX = 500;

/** The activity's short sign-in code, stored on it the first time (the same value every time). */
export async function ensureCheckinCode(ctx: Ctx, activity: ActivityDoc): Promise<string> {
  if (activity.checkinCode) return activity.checkinCode;
  const code = checkinCodeOf(ctx.ports.secret('checkin'), activity._id);
  await updateActivity(activity._id, { checkinCode: code });
  return code;
}

/** The token of this window in both shapes, and the code image carrying the scene one. */
export async function rotatingCode(ctx: Ctx, activity: ActivityDoc) {
  const secret = ctx.ports.secret('checkin');
  const now = +ctx.now;
  const t = issueToken(secret, activity._id, now);
  const scene = issueSceneToken(secret, await ensureCheckinCode(ctx, activity), now);
  const key = `${activity._id}:${Math.floor(now / WINDOW_MS)}`;
  let fileId = cache.get(key) ?? null;
  if (!fileId) {
    try {
      const image = await ctx.ports.codeImages.unlimited(scene, CHECKIN_PAGE);
      const ext = image.subarray(0, 4).toString() === '<svg' ? 'svg' : 'png'; // the emulator's SVG
      fileId = await ctx.ports.files.put(
        codePath(activity.orgId, activity._id, `checkin-${Math.floor(now / WINDOW_MS)}.${ext}`),
        image,
      );
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(key, fileId);
    } catch {
      // WeChat refused (rate limit, unreleased page): the host page shows the raw token instead.
      fileId = null;
    }
  }
  return {
    token: t.token,
    expiresAt: t.expiresAt.toISOString(),
    refreshInMs: t.refreshInMs,
    scene,
    page: CHECKIN_PAGE,
    fileId,
  };
}
