import { nextCheckState } from '../../domain/media/rules';
import { decideMediaCheck, findMediaFileByTrace } from '../../repos/media';
import type { Ctx } from '../../runtime/context';
import type { PushEvent } from '../../runtime/handler';

/**
 * The `wxa_media_check` push (platform-notes §4): WeChat's verdict on a file submitted by
 * `confirmUpload`, found by its trace_id. Only a `pending` check moves, once, to pass / review /
 * risky (anything WeChat could not judge — an unknown suggest, an error — is `review`); a late or
 * repeated push, or a trace nobody submitted, changes nothing. The label is kept for the
 * uploader's reason. Answers at once: WeChat only needs to hear that the push arrived.
 */
export async function mediaCheckPush(ctx: Ctx, event: PushEvent): Promise<null> {
  const traceId = typeof event.trace_id === 'string' ? event.trace_id : '';
  if (!traceId) return null;
  const doc = await findMediaFileByTrace(traceId);
  if (!doc) return null;
  const result = (event.result ?? {}) as { suggest?: unknown; label?: unknown };
  const suggest = event.errcode === 0 || event.errcode === undefined ? result.suggest : 'error';
  const next = nextCheckState(doc.check.state, suggest);
  if (!next) return null;
  const label = Number(result.label);
  await decideMediaCheck(doc._id, {
    state: next,
    label: Number.isFinite(label) && label > 0 ? label : null,
    decidedAt: ctx.now,
  });
  return null;
}
