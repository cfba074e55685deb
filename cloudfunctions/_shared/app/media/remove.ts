import { mediaContract } from '../../contracts/media';
import type { AttachedTo } from '../../domain/media/model';
import {
  findMediaFile,
  findMediaFileByFileId,
  markMediaRemoved,
  MediaFileDoc,
  removeFreeMediaFile,
} from '../../repos/media';
import { AppError, notFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';

const WHERE: Record<AttachedTo['kind'], string> = {
  activityRecord: '纪实',
  notice: '党务公开',
  pointDeclaration: '积分申报',
  attendance: '签到记录',
};

/** Why a file cannot be removed now, or null: archived [MTG-20], or still attached somewhere. */
function refusal(doc: MediaFileDoc): AppError | null {
  if (doc.locked) return new AppError('MEDIA.LOCKED', undefined, { ruleId: 'MTG-20' });
  if (doc.attachedTo)
    return new AppError('CONFLICT', `请先在${WHERE[doc.attachedTo.kind]}里去掉这个附件`);
  return null;
}

/**
 * Removes a file [MTG-20]: its uploader, or the committee and the superior (`media.moderate`,
 * audited as theirs). Never a file on an archived record (`MEDIA.LOCKED`: corrections are
 * amendments), nor one still attached (it is taken out of the record, notice … first, by that
 * write). The file is marked removed first, then its object deleted.
 */
export const remove = action({
  input: mediaContract.remove.input,
  async run(ctx, input): Promise<{ fileId: string; removed: true }> {
    const { member } = await ctx.caller();
    const doc = await findMediaFileByFileId(input.fileId);
    if (!doc || doc.state !== 'ready') throw notFound('文件');
    const mine = doc.uploadedBy === member._id;
    const org = mine ? null : await ctx.require('media.moderate', doc.orgId);
    const refused = refusal(doc);
    if (refused) throw refused;
    if (!org) {
      // Conditional: a write that attached or archived it meanwhile wins.
      if (!(await removeFreeMediaFile(doc._id, ctx.now)))
        throw new AppError('CONFLICT', '这个文件刚被用作附件，不能删除');
    } else {
      await ctx.write(async (tx) => {
        const now = await findMediaFile(doc._id, tx);
        if (!now || now.state !== 'ready') throw notFound('文件');
        const again = refusal(now);
        if (again) throw again;
        await markMediaRemoved(doc._id, ctx.now, tx);
        return {
          audit: {
            org,
            entity: 'mediaFiles',
            entityId: doc._id,
            before: { name: doc.name, kind: doc.kind, uploadedBy: doc.uploadedBy, state: 'ready' },
            after: { state: 'removed' },
          },
        };
      });
    }
    await ctx.ports.files.remove([input.fileId]);
    return { fileId: input.fileId, removed: true };
  },
});
