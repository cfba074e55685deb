import { mediaContract, MediaView } from '../../contracts/media';
import { hasLocation, stripMetadata } from '../../domain/media/metadata';
import { checkBytes, checkedKind, parseFileId } from '../../domain/media/rules';
import { findMediaFile, MediaFileDoc, moveMediaFile } from '../../repos/media';
import type { Ctx } from '../../runtime/context';
import { AppError, notFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { storedPathOf } from './paths';
import { CHECK_URL_SECONDS, pageUrls, viewOf } from './support';

/**
 * Confirms an upload [MTG-21, CHK-20, PRIV-12]: the reservation is the caller's, the fileID is
 * this environment's and names the reserved path (`MEDIA.FOREIGN` otherwise, nothing changed);
 * the bytes are read back and must be of the declared kind and within its limit (otherwise the
 * object is deleted and the reservation dropped); a photo's location and other metadata are
 * removed and the clean bytes are stored where only functions write (paths.ts storedPathOf), the
 * phone's upload deleted, before anyone else can see them; images and
 * audio then go to WeChat's asynchronous content check. Nothing here recognises faces or any
 * other biometric feature [CHK-20]: the only platform call is security.mediaCheckAsync.
 * Confirming again the same file answers it again (a retry after a lost answer).
 */
export const confirmUpload = action({
  input: mediaContract.confirmUpload.input,
  async run(ctx, input): Promise<MediaView> {
    const { member } = await ctx.caller();
    const doc = await findMediaFile(input.mediaId);
    if (!doc) throw notFound('要确认的文件');
    if (doc.uploadedBy !== member._id)
      throw new AppError('MEDIA.FOREIGN', '这个文件不是您上传的，不能确认');
    const parsed = parseFileId(input.fileId);
    if (!parsed || parsed.env !== ctx.ports.files.envId() || parsed.path !== doc.cloudPath)
      throw new AppError('MEDIA.FOREIGN', '上传的文件和登记的不一致，请重新上传');
    if (doc.state === 'ready' && doc.fileId) return answer(ctx, doc);
    if (doc.state !== 'reserved')
      throw new AppError('MEDIA.NOT_READY', '这个文件已经删除，请重新上传');

    const bytes = await download(ctx, input.fileId);
    const checked = checkBytes(doc.kind, bytes, doc.ext);
    if (!checked.ok) {
      await drop(ctx, doc, input.fileId);
      throw AppError.from(checked);
    }
    const { mime } = checked.value;
    let stored = bytes;
    let stripped: string[] = [];
    if (doc.kind === 'image') {
      const clean = stripMetadata(bytes, mime);
      // A photo we could not walk, or one still saying where it was taken after the strip (GPS in
      // a part we keep), is never stored [PRIV-12].
      if (!clean.understood || hasLocation(clean.bytes)) {
        await drop(ctx, doc, input.fileId);
        throw new AppError('MEDIA.MISMATCH', '这张照片无法处理，请换一张或重新拍摄后再上传');
      }
      stored = clean.bytes;
      stripped = clean.removed;
    }
    // The checked bytes go where only functions write; the phone's upload is deleted. So what
    // others see can never be swapped or deleted from a phone afterwards [MTG-20].
    const fileId = await ctx.ports.files.put(storedPathOf(doc.cloudPath), stored);
    const check = checkedKind(doc.kind)
      ? await submitCheck(ctx, doc, fileId)
      : { state: 'none' as const, traceId: null, submittedAt: null };
    const patch = {
      fileId,
      mime,
      size: stored.length,
      state: 'ready' as const,
      'check.state': check.state,
      'check.traceId': check.traceId,
      'check.submittedAt': check.submittedAt,
      stripped,
      confirmedAt: ctx.now,
    };
    if (!(await moveMediaFile(doc._id, 'reserved', patch))) {
      // Confirmed by a concurrent retry meanwhile: answer what it stored.
      const now = await findMediaFile(doc._id);
      if (now?.state === 'ready' && now.fileId) return answer(ctx, now);
      throw new AppError('MEDIA.NOT_READY', '这个文件已经删除，请重新上传');
    }
    await ctx.ports.files.remove([input.fileId]);
    const confirmed: MediaFileDoc = {
      ...doc,
      fileId,
      mime,
      size: stored.length,
      state: 'ready',
      check: { ...doc.check, ...check },
      stripped,
      confirmedAt: ctx.now,
    };
    return answer(ctx, confirmed);
  },
});

/** The uploaded bytes; a file that is not there (yet) is not ready. */
async function download(ctx: Ctx, fileId: string): Promise<Buffer> {
  try {
    return await ctx.ports.files.get(fileId);
  } catch {
    throw new AppError('MEDIA.NOT_READY');
  }
}

/** Refused bytes: the object is deleted and the reservation dropped (nobody ever saw them). */
async function drop(ctx: Ctx, doc: MediaFileDoc, fileId: string): Promise<void> {
  await ctx.ports.files.remove([fileId]);
  await moveMediaFile(doc._id, 'reserved', { state: 'removed', removedAt: ctx.now });
}

/**
 * Submits the file to security.mediaCheckAsync with an hour-long URL and the uploader's OPENID
 * (WeChat asks for one who used the mini-program recently). A refusal by WeChat leaves the
 * reservation as it was, so that confirming again retries.
 */
async function submitCheck(ctx: Ctx, doc: MediaFileDoc, fileId: string) {
  const urls = await ctx.ports.files.tempUrls([fileId], CHECK_URL_SECONDS);
  const url = urls[fileId];
  if (!url) throw new AppError('MEDIA.NOT_READY');
  let traceId: string;
  try {
    traceId = await ctx.ports.mediaCheck.submit({
      url,
      type: doc.kind === 'image' ? 'image' : 'audio',
      openid: doc.uploaderOpenid,
      scene: 1,
    });
  } catch {
    throw new AppError('MEDIA.NOT_READY', '文件的安全检测暂时无法开始，请稍后点“重试”');
  }
  return { state: 'pending' as const, traceId, submittedAt: ctx.now };
}

/** The uploader's own view of the file: always in full, with its URL. */
async function answer(ctx: Ctx, doc: MediaFileDoc): Promise<MediaView> {
  const { member } = await ctx.caller();
  const { urls, expiresAt } = await pageUrls(ctx, [doc.fileId!]);
  const url = urls[doc.fileId!] ?? null;
  const view = viewOf(
    doc,
    { memberId: member._id, standing: { read: true, moderator: false } },
    { url, expiresAt: url ? expiresAt : null },
  );
  if (!view) throw new AppError('MEDIA.NOT_READY');
  return view;
}
