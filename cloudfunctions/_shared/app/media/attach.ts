import type { Ctx } from '../../runtime/context';
import type { Tx } from '../../repos/db';
import { AttachedTo, MediaPurpose, PURPOSE_RULES } from '../../domain/media/model';
import { checkAttachmentSet, parseFileId } from '../../domain/media/rules';
import { MediaFileDoc, mediaFilesByFileIds, setMediaAttachment } from '../../repos/media';
import { AppError, orThrow } from '../../runtime/errors';
import { mediaIdOfPath } from './paths';
import { PERSONAL_PURPOSES } from './support';

const foreign = (message?: string) => new AppError('MEDIA.FOREIGN', message);

/**
 * The one check every area write runs on the fileIDs it is given as attachments, before it
 * writes: each is a file of this environment (`MEDIA.FOREIGN` otherwise, e.g.
 * `cloud://other-env.1234/…`), confirmed (`MEDIA.NOT_READY`), uploaded under `orgId` by a member
 * who could upload there (`MEDIA.FOREIGN`), of a kind the purpose takes, not risky
 * (`MEDIA.RISKY`), and the list obeys `checkAttachmentSet` — count, and nothing removed from an
 * archived record [MTG-20]. `previous` are the entity's attachments before this write (already
 * accepted: not re-checked, except that they are still there). One database read.
 *
 * A member's own evidence (a declaration, remote participation, a 流入地 proof) must also be the
 * caller's own upload: nobody attaches someone else's screenshot as their proof.
 * Answers the documents of `fileIds` (new and kept), in their order.
 */
export async function acceptAttachments(
  ctx: Ctx,
  input: {
    orgId: string;
    purpose: MediaPurpose;
    fileIds: readonly string[];
    previous?: readonly string[];
    archived?: boolean;
  },
): Promise<MediaFileDoc[]> {
  const { orgId, purpose, fileIds } = input;
  const previous = input.previous ?? [];
  const kept = new Set(previous);
  const added = fileIds.filter((f) => !kept.has(f));
  const env = ctx.ports.files.envId();
  for (const fileId of added) {
    const parsed = parseFileId(fileId);
    if (!parsed || parsed.env !== env) throw foreign('这个文件不是本系统上传的，不能作为附件');
  }
  orThrow(checkAttachmentSet({ purpose, previous, next: fileIds, archived: !!input.archived }));
  if (!fileIds.length) return [];
  const docs = new Map((await mediaFilesByFileIds(fileIds)).map((d) => [d.fileId, d]));
  const { member } = await ctx.caller();
  for (const fileId of added) {
    const doc = docs.get(fileId);
    if (!doc) throw foreign('这个文件不是本系统上传的，不能作为附件');
    if (doc.state === 'removed')
      throw new AppError('MEDIA.NOT_READY', '这个文件已经删除，请重新上传');
    if (doc.state !== 'ready') throw new AppError('MEDIA.NOT_READY');
    if (doc.orgId !== orgId) throw foreign();
    if (PERSONAL_PURPOSES.includes(purpose) && doc.uploadedBy !== member._id)
      throw foreign('只能使用您自己上传的文件作为证明');
    if (!PURPOSE_RULES[purpose].kinds.includes(doc.kind))
      throw new AppError('MEDIA.TYPE_NOT_ALLOWED', kindRefusal(purpose));
    if (doc.check.state === 'risky') throw new AppError('MEDIA.RISKY');
    // One file, one place: a file already on something else (or locked there) is not taken
    // again — detaching it from here would otherwise free it there [MTG-20].
    if (doc.attachedTo || doc.locked)
      throw new AppError('CONFLICT', '这个文件已经用在别处了，请重新上传一份');
  }
  return fileIds.map((f) => docs.get(f)).filter((d): d is MediaFileDoc => !!d);
}

const KIND_WORDS = { image: '照片', audio: '录音', video: '视频', document: '文档' } as const;
const kindRefusal = (purpose: MediaPurpose) =>
  `这里只能放${PURPOSE_RULES[purpose].kinds.map((k) => KIND_WORDS[k]).join('、')}`;

/**
 * Inside the area's write (its `ctx.write` transaction when it has one, as every repo write
 * takes `tx` last): marks the files attached to `to` (and `locked` when the record is archived,
 * so they cannot be removed any more [MTG-20]); files no longer in the list are detached. One
 * update per changed file (kept files only when they become locked).
 *
 * Files are addressed by the media id their path ends in (`…/<mediaId>.<ext>`): no read inside
 * the transaction. A fileID without one (an attachment older than media files) is left alone.
 */
export async function markAttached(
  to: AttachedTo,
  fileIds: readonly string[],
  opts: {
    previous?: readonly string[];
    locked?: boolean;
    /** The kept files are locked already (an amendment of an archived record): no rewrite. */
    keptLocked?: boolean;
  } = {},
  tx?: Tx,
): Promise<void> {
  const previous = new Set(opts.previous ?? []);
  const next = new Set(fileIds);
  for (const fileId of next) {
    const id = mediaIdOfPath(fileId);
    if (!id) continue;
    // A lock is never lifted here: only set.
    if (!previous.has(fileId))
      await setMediaAttachment(
        id,
        { attachedTo: to, ...(opts.locked ? { locked: true } : {}) },
        tx,
      );
    else if (opts.locked && !opts.keptLocked) await setMediaAttachment(id, { locked: true }, tx);
  }
  for (const fileId of previous) {
    const id = mediaIdOfPath(fileId);
    if (id && !next.has(fileId)) await setMediaAttachment(id, { attachedTo: null }, tx);
  }
}
