import type {
  AttachedTo,
  CheckState,
  FileState,
  MediaKind,
  MediaPurpose,
} from '../domain/media/model';
import { _, collection, Tx, updatedCount } from './db';

/**
 * One uploaded file (`mediaFiles`): reserved by `media.prepareUpload` under its org's path,
 * confirmed once its bytes were checked, attached by the area write that uses it. The OPENID is
 * kept for WeChat's content check only and never leaves the backend.
 */
export interface MediaFileDoc {
  /** The media id: random, 16 hex digits. */
  _id: string;
  /** The `cloud://` fileID once confirmed; null while reserved. */
  fileId: string | null;
  /** `orgs/<orgId>/<purpose>/<YYYY-MM>/<_id>.<ext>` (domain/media/rules.ts cloudPathFor). */
  cloudPath: string;
  orgId: string;
  purpose: MediaPurpose;
  kind: MediaKind;
  name: string;
  ext: string;
  /** From the bytes (sniff), set at confirm; the declared one until then. */
  mime: string;
  /** Bytes as stored (after metadata was removed); the declared size while reserved. */
  size: number;
  durationSeconds: number | null;
  uploadedBy: string;
  uploaderOpenid: string;
  state: FileState;
  check: {
    state: CheckState;
    traceId: string | null;
    label: number | null;
    submittedAt: Date | null;
    decidedAt: Date | null;
  };
  /** What was removed from the bytes before anyone else could see them (e.g. ['exif']). */
  stripped: string[];
  attachedTo: AttachedTo | null;
  /** On an archived record: it can no longer be removed [MTG-20]. */
  locked: boolean;
  createdAt: Date;
  confirmedAt: Date | null;
  removedAt: Date | null;
}

const files = collection<MediaFileDoc>('mediaFiles');

export const findMediaFile = (id: string, tx?: Tx) => files.byId(id, tx);

/** A reservation (`media.prepareUpload`): a plain insert, its random `_id` never collides twice. */
export async function insertMediaFile(doc: MediaFileDoc): Promise<void> {
  await files.add(doc);
}

/** The files with these fileIDs (confirmed ones carry theirs), in one query; none for none. */
export async function mediaFilesByFileIds(fileIds: readonly string[]): Promise<MediaFileDoc[]> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return [];
  return files.all(files.ref().where({ fileId: _.in(ids) }), ids.length);
}

export const findMediaFileByFileId = (fileId: string) => files.first(files.ref().where({ fileId }));

/** The file whose content check has this trace_id (the `wxa_media_check` push names it). */
export const findMediaFileByTrace = (traceId: string) =>
  files.first(files.ref().where({ 'check.traceId': traceId }));

type Patch = Partial<Omit<MediaFileDoc, '_id' | 'check'>> & Record<string, unknown>;

/**
 * Moves a file from the state it was read in: a conditional update, so of two concurrent calls
 * (a double confirm, a remove racing a confirm) only one moves it; false when it changed meanwhile.
 */
export async function moveMediaFile(id: string, from: FileState, patch: Patch): Promise<boolean> {
  const query = files.ref().where({ _id: id, state: from });
  return (await updatedCount(query.update({ data: patch }))) === 1;
}

/**
 * Records the content check's verdict once: only while the file is ready and its check still
 * `pending` (a repeated or late push, or one for a removed file, finds nothing to update).
 */
export async function decideMediaCheck(
  id: string,
  verdict: { state: CheckState; label: number | null; decidedAt: Date },
): Promise<boolean> {
  const query = files.ref().where({ _id: id, state: 'ready', 'check.state': 'pending' });
  const data = {
    'check.state': verdict.state,
    'check.label': verdict.label,
    'check.decidedAt': verdict.decidedAt,
  };
  return (await updatedCount(query.update({ data }))) === 1;
}

/** Attaches, detaches or locks one file: inside the area's transaction, by `_id` only. */
export async function setMediaAttachment(
  id: string,
  patch: { attachedTo?: AttachedTo | null; locked?: boolean },
  tx?: Tx,
): Promise<void> {
  await files.ref(tx).doc(id).update({ data: patch });
}

/** Marks a file removed inside a transaction (the moderator's audited removal), by `_id` only. */
export async function markMediaRemoved(id: string, at: Date, tx: Tx): Promise<void> {
  await files
    .ref(tx)
    .doc(id)
    .update({ data: { state: 'removed', removedAt: at } });
}

/** The uploader's removal: only while the file is ready, unattached and not locked [MTG-20]. */
export async function removeFreeMediaFile(id: string, at: Date): Promise<boolean> {
  const query = files.ref().where({ _id: id, state: 'ready', locked: false, attachedTo: null });
  return (await updatedCount(query.update({ data: { state: 'removed', removedAt: at } }))) === 1;
}
