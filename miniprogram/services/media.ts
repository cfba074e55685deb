/**
 * The `media` cloud function and the bytes: 纪实 photos, recordings, videos and documents.
 * An upload is reserved by the backend (`prepareUpload`: the limits, the org's own path), sent
 * by the phone straight to storage (wx.cloud.uploadFile, or the same call against the local
 * emulator: services/storage.ts), then confirmed (`confirmUpload`: the bytes checked, a photo's location data
 * removed, the content check started). Every address of a stored file comes from the backend
 * (`view`, `fileUrl`), which checks who asks; nothing here reads storage by fileID.
 */
import { callCloud, CloudError, NETWORK_FAILED } from './cloud';
import { storage } from './storage';
import type { PickedFile } from './media-capture';
import { chunks, extOfPath, inOrder, type MediaView } from '../utils/media-view';
import type { ActionInput } from './types';

export {
  chooseDocument,
  chooseFromAlbum,
  chooseFromCamera,
  PickFailed,
  recorder,
  type PickedFile,
  type Recorder,
} from './media-capture';
export type { MediaView };

export const UPLOAD_FAILED_MESSAGE = '上传失败，请检查网络后点“重试”';

export type UploadTarget = Pick<
  ActionInput<'media', 'prepareUpload'>,
  'orgId' | 'purpose' | 'activityId'
>;

/** How far an upload got: a retry starts from the step that failed. */
export interface UploadResume {
  mediaId?: string;
  cloudPath?: string;
  fileId?: string;
}

/** A failed upload: `retryable` when the network failed (then `resume` says where to go on). */
export class UploadFailed extends CloudError {
  readonly retryable: boolean;
  readonly resume: UploadResume;

  constructor(code: string, message: string, retryable: boolean, resume: UploadResume) {
    super(code, message);
    Object.setPrototypeOf(this, UploadFailed.prototype);
    this.retryable = retryable;
    this.resume = resume;
  }
}

/** A refusal (too big, wrong type…) keeps the backend's words; a network failure says 重试. */
function failure(err: unknown, resume: UploadResume): UploadFailed {
  const code = err instanceof CloudError ? err.code : NETWORK_FAILED;
  if (code === NETWORK_FAILED) return new UploadFailed(code, UPLOAD_FAILED_MESSAGE, true, resume);
  // The bytes did not arrive: send them again under the same reservation.
  if (code === 'MEDIA.NOT_READY')
    return new UploadFailed(code, UPLOAD_FAILED_MESSAGE, true, { ...resume, fileId: undefined });
  return new UploadFailed(code, (err as CloudError).message, false, resume);
}

type Progress = (percent: number) => void;

/** The bytes to `cloudPath`, as the mode's storage takes them from the phone; resolves the fileID. */
function transfer(filePath: string, cloudPath: string, onProgress: Progress): Promise<string> {
  return new Promise((resolve, reject) => {
    const failed = (why: string) =>
      reject(new CloudError(NETWORK_FAILED, UPLOAD_FAILED_MESSAGE, why));
    const task = storage().uploadFile({
      cloudPath,
      filePath,
      success: (r) => (r.fileID ? resolve(r.fileID) : failed('no fileID')),
      fail: (e) => failed(e.errMsg),
    });
    task?.onProgressUpdate?.((p) => onProgress(Math.max(0, Math.min(100, p.progress))));
  });
}

/**
 * Uploads one picked file for `target`: reserve, send the bytes (progress 0–100), confirm.
 * Resolves the file as the backend now shows it to its uploader; rejects with UploadFailed.
 * Pass the failure's `resume` to try again from the step that failed.
 */
export async function upload(
  file: PickedFile,
  target: UploadTarget,
  onProgress: Progress = () => undefined,
  resume: UploadResume = {},
): Promise<MediaView> {
  let { mediaId, cloudPath, fileId } = resume;
  if (!mediaId || !cloudPath) {
    try {
      const slot = await callCloud('media', 'prepareUpload', {
        orgId: target.orgId,
        purpose: target.purpose,
        ...(target.activityId ? { activityId: target.activityId } : {}),
        kind: file.kind,
        name: file.name,
        size: Math.max(1, Math.round(file.size)),
        ...(file.durationSeconds != null ? { durationSeconds: file.durationSeconds } : {}),
      });
      mediaId = slot.mediaId;
      cloudPath = slot.cloudPath;
    } catch (err) {
      throw failure(err, {});
    }
  }
  if (!fileId) {
    try {
      fileId = await transfer(file.filePath, cloudPath, onProgress);
    } catch (err) {
      throw failure(err, { mediaId, cloudPath });
    }
  }
  try {
    return await callCloud('media', 'confirmUpload', { mediaId, fileId });
  } catch (err) {
    throw failure(err, { mediaId, cloudPath, fileId });
  }
}

/** What the caller may see of these files, in the order asked (hidden ones left out). */
export async function viewMedia(fileIds: readonly string[]): Promise<MediaView[]> {
  const ids = [...new Set(fileIds.filter(Boolean))];
  if (!ids.length) return [];
  const answers = await Promise.all(
    chunks(ids).map((part) => callCloud('media', 'view', { fileIds: part })),
  );
  return inOrder(
    ids,
    answers.flatMap((a) => a.items),
  );
}

/** 删除 a file not (or no longer) attached anywhere: its uploader or the committee. */
export async function removeMedia(fileId: string): Promise<void> {
  await callCloud('media', 'remove', { fileId });
}

/**
 * The temporary address of a file the backend generated for the caller (an export, a sign-in
 * code), after the backend's access check — asked each time, never cached: the check is the point.
 */
export async function fileUrl(fileId: string): Promise<string> {
  const { url } = await callCloud('media', 'fileUrl', { fileId });
  return url;
}

/** Downloads an address to the phone; resolves the local temporary path. */
export function downloadUrl(url: string, message = '下载失败，请稍后重试'): Promise<string> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(new CloudError(NETWORK_FAILED, message));
    wx.downloadFile({
      url,
      success: (r) => (r.statusCode === 200 && r.tempFilePath ? resolve(r.tempFilePath) : failed()),
      fail: failed,
    });
  });
}

const OPEN_FAILED = '文件打开失败，请稍后重试';
const DOC_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

/** Opens a downloaded document in WeChat's viewer, whose menu can save or forward it. */
export function openDocumentAt(filePath: string, name: string): Promise<void> {
  const ext = extOfPath(name);
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      showMenu: true,
      ...(DOC_TYPES.includes(ext) ? { fileType: ext as 'pdf' } : {}),
      success: () => resolve(),
      fail: () => reject(new CloudError('FILE.OPEN_FAILED', OPEN_FAILED)),
    });
  });
}

/**
 * Shows one file: photos and videos in WeChat's viewer with the others of `all` to swipe
 * through (previewImage where previewMedia is missing), a document downloaded and opened.
 * Recordings play in place (services/media-audio.ts).
 */
export async function openMedia(
  item: MediaView,
  all: readonly MediaView[] = [item],
): Promise<void> {
  if (!item.url) throw new CloudError('MEDIA.NOT_READY', '这个文件还在审核，暂时不能打开');
  if (item.kind === 'document') {
    const path = await downloadUrl(item.url, OPEN_FAILED);
    return openDocumentAt(path, item.name);
  }
  if (item.kind === 'audio') return;
  const visual = all.filter((v) => v.url && (v.kind === 'image' || v.kind === 'video'));
  const list = visual.some((v) => v.fileId === item.fileId) ? visual : [item];
  const current = Math.max(
    0,
    list.findIndex((v) => v.fileId === item.fileId),
  );
  if (typeof wx.previewMedia === 'function') {
    wx.previewMedia({
      sources: list.map((v) => ({ url: v.url!, type: v.kind === 'video' ? 'video' : 'image' })),
      current,
    });
    return;
  }
  const images = list.filter((v) => v.kind === 'image');
  if (item.kind !== 'image')
    throw new CloudError('MEDIA.PREVIEW', '当前微信版本不能播放视频，请升级微信后再看');
  wx.previewImage({ urls: images.map((v) => v.url!), current: item.url });
}
