import { mediaContract } from '../../contracts/media';
import { MEDIA_LIMITS } from '../../domain/media/model';
import { checkUpload, cloudPathFor } from '../../domain/media/rules';
import { insertMediaFile } from '../../repos/media';
import { orThrow } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { UPLOAD_PERMISSION } from './support';

/**
 * Reserves an upload [MTG-21]: who may upload for the purpose, the kind, type, size and length
 * within the limits, a random media id and the org's own path for the bytes. Nothing is stored
 * but the reservation (not an administrator write: the write that attaches the file is audited).
 */
export const prepareUpload = action({
  input: mediaContract.prepareUpload.input,
  async run(ctx, input) {
    const org = await ctx.require(UPLOAD_PERMISSION[input.purpose], input.orgId);
    const { ext } = orThrow(checkUpload(input));
    const { openid, member } = await ctx.caller();
    const mediaId = Buffer.from(ctx.ports.random(8)).toString('hex');
    const cloudPath = cloudPathFor(org._id, input.purpose, mediaId, ext, ctx.now);
    await insertMediaFile({
      _id: mediaId,
      fileId: null,
      cloudPath,
      orgId: org._id,
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
