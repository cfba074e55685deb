import { mediaContract } from '../../contracts/media';
import { MEDIA_LIMITS } from '../../domain/media/model';
import { checkUpload, cloudPathFor } from '../../domain/media/rules';
import { insertMediaFile } from '../../repos/media';
import type { Ctx } from '../../runtime/context';
import { notFound, orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { activityRunner } from '../activity/queries';
import { UPLOAD_PERMISSION } from './support';

/**
 * Reserves an upload [MTG-21]: who may upload for the purpose, the kind, type, size and length
 * within the limits, a random media id and the org's own path for the bytes. Nothing is stored
 * but the reservation (not an administrator write: the write that attaches the file is audited).
 */
export const prepareUpload = action({
  input: mediaContract.prepareUpload.input,
  async run(ctx, input) {
    const { openid, member } = await ctx.caller();
    const orgId = await mayUpload(ctx, input, member._id);
    const { ext } = orThrow(checkUpload(input));
    const mediaId = Buffer.from(ctx.ports.random(8)).toString('hex');
    const cloudPath = cloudPathFor(orgId, input.purpose, mediaId, ext, ctx.now);
    await insertMediaFile({
      _id: mediaId,
      fileId: null,
      cloudPath,
      orgId,
      purpose: input.purpose,
      kind: input.kind,
      name: input.name,
      ext,
      mime: 'application/octet-stream',
      size: input.size,
      durationSeconds: input.durationSeconds ?? null,
      uploadedBy: member._id,
      uploaderOpenid: openid,
      state: 'reserved',
      check: { state: 'none', traceId: null, label: null, submittedAt: null, decidedAt: null },
      stripped: [],
      attachedTo: null,
      locked: false,
      createdAt: ctx.now,
      confirmedAt: null,
      removedAt: null,
    });
    return { mediaId, cloudPath, maxBytes: MEDIA_LIMITS[input.kind].maxBytes };
  },
});

/**
 * Who may upload for the purpose (app/media/support.ts UPLOAD_PERMISSION); a 纪实 photo also by
 * whoever runs that activity of the org — its host or recorder, committee seat or not [MTG-10,
 * MTG-15], as `activity.record` lets them write the record. Answers the org of the upload.
 */
async function mayUpload(
  ctx: Ctx,
  input: { orgId: string; purpose: keyof typeof UPLOAD_PERMISSION; activityId?: string },
  memberId: string,
): Promise<string> {
  if (input.purpose === 'record' && input.activityId) {
    const runner = await activityRunner(input.activityId, memberId);
    if (!runner || runner.orgId !== input.orgId) throw notFound('活动');
    if (runner.runs) return runner.orgId;
  }
  return (await ctx.require(UPLOAD_PERMISSION[input.purpose], input.orgId))._id;
}
