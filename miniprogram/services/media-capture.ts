/**
 * Capture on the phone, before anything reaches the backend: the camera and the album
 * (wx.chooseMedia, photos compressed), a recording for the minutes (the RecorderManager), a
 * document from a chat (wx.chooseMessageFile). Each gives a PickedFile; services/media.ts
 * uploads it. Nothing here refuses a file: the backend's `prepareUpload` does, in words.
 */
import {
  AUDIO_MAX_SECONDS,
  COMPRESS_OVER_BYTES,
  DOCUMENT_EXTS,
  extOfPath,
  fitName,
  VIDEO_MAX_SECONDS,
  type MediaKind,
} from '../utils/media-view';

/** A file on the phone, ready to upload. */
export interface PickedFile {
  kind: MediaKind;
  /** The local temporary path (wxfile://…). */
  filePath: string;
  /** What the member calls it: a document's own name, 照片.jpg, 录音.mp3. */
  name: string;
  size: number;
  durationSeconds?: number;
  /** A picture to show while it uploads: the photo itself, a video's cover; '' for others. */
  thumbPath: string;
}

const cancelled = (errMsg?: string) => /cancel/i.test(errMsg ?? '');

/** The size of a local file, or `fallback` when the platform cannot tell. */
function sizeOf(filePath: string, fallback: number): Promise<number> {
  return new Promise((resolve) => {
    try {
      wx.getFileSystemManager().getFileInfo({
        filePath,
        success: (r) => resolve(r.size || fallback),
        fail: () => resolve(fallback),
      });
    } catch {
      resolve(fallback);
    }
  });
}

/** A large photo compressed on the phone (quality 80); the original when that fails. */
function compressed(file: PickedFile): Promise<PickedFile> {
  if (file.kind !== 'image' || file.size <= COMPRESS_OVER_BYTES) return Promise.resolve(file);
  return new Promise((resolve) => {
    wx.compressImage({
      src: file.filePath,
      quality: 80,
      success: async (r) => {
        const size = await sizeOf(r.tempFilePath, file.size);
        resolve({ ...file, filePath: r.tempFilePath, thumbPath: r.tempFilePath, size });
      },
      fail: () => resolve(file),
    });
  });
}

const picked = (f: WechatMiniprogram.MediaFile): PickedFile => {
  const video = f.fileType === 'video';
  const ext = extOfPath(f.tempFilePath) || (video ? 'mp4' : 'jpg');
  return {
    kind: video ? 'video' : 'image',
    filePath: f.tempFilePath,
    name: `${video ? '视频' : '照片'}.${ext}`,
    size: f.size,
    durationSeconds: video ? Math.round(f.duration) : undefined,
    thumbPath: video ? f.thumbTempFilePath || '' : f.tempFilePath,
  };
};

function chooseMedia(
  source: 'camera' | 'album',
  count: number,
  mediaType: ('image' | 'video')[],
): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: Math.max(1, Math.min(count, 9)),
      mediaType: mediaType.length ? mediaType : ['image'],
      sourceType: [source],
      sizeType: ['compressed'],
      maxDuration: VIDEO_MAX_SECONDS,
      camera: 'back',
      success: (r) => resolve(Promise.all(r.tempFiles.map((f) => compressed(picked(f))))),
      fail: (err) => (cancelled(err.errMsg) ? resolve([]) : reject(pickFailed(source, err.errMsg))),
    });
  });
}

/** Why the camera or album did not open, in words (a refused permission says where to allow it). */
export class PickFailed extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, PickFailed.prototype);
  }
}

/**
 * WeChat refuses an API the 用户隐私保护指引 does not declare (errno 112, "api scope is not declared
 * in the privacy agreement"): a setup gap of the mini-program, not the member's doing.
 */
export const NOT_DECLARED =
  '小程序还没有开通这项功能（隐私保护指引未声明），请联系支部书记或管理员';
const undeclared = (errMsg?: string) => /privacy|not declared/i.test(errMsg ?? '');

function pickFailed(source: 'camera' | 'album' | 'chat', errMsg?: string): PickFailed {
  if (undeclared(errMsg)) return new PickFailed(NOT_DECLARED);
  if (/auth|permission|deny/i.test(errMsg ?? ''))
    return new PickFailed(
      source === 'camera'
        ? '没有使用相机的权限：请点右上角“…”→“设置”，打开“摄像头”后再试'
        : '没有读取相册的权限：请点右上角“…”→“设置”中允许后再试',
    );
  return new PickFailed(
    source === 'chat' ? '没能打开聊天文件，请稍后再试' : '没能打开相机或相册，请稍后再试',
  );
}

/** 拍照（或录像）: an empty list when the member changed their mind. */
export function chooseFromCamera(count: number, mediaType: ('image' | 'video')[] = ['image']) {
  return chooseMedia('camera', count, mediaType);
}

/** 从相册选 */
export function chooseFromAlbum(count: number, mediaType: ('image' | 'video')[] = ['image']) {
  return chooseMedia('album', count, mediaType);
}

/** 从聊天中选文件 (PDF, Word, Excel, PPT): the file keeps its own name. */
export function chooseDocument(count: number): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: Math.max(1, Math.min(count, 100)),
      type: 'file',
      extension: [...DOCUMENT_EXTS],
      success: (r) =>
        resolve(
          r.tempFiles.map((f) => ({
            kind: 'document' as const,
            filePath: f.path,
            name: fitName(f.name),
            size: f.size,
            thumbPath: '',
          })),
        ),
      fail: (err) => (cancelled(err.errMsg) ? resolve([]) : reject(pickFailed('chat', err.errMsg))),
    });
  });
}

export interface RecorderHandlers {
  onStart(): void;
  /** The recording, saved (also when the limit stopped it). */
  onStop(file: PickedFile): void;
  /** In words; `denied`: the microphone was not allowed (say where to allow it). */
  onError(message: string, denied: boolean): void;
}

export interface Recorder {
  start(): void;
  /** 停止并保存 */
  stop(): void;
  /** 放弃: the recording is dropped. */
  cancel(): void;
}

export const RECORD_DENIED =
  '没有录音权限：请点右上角“…”→“设置”，打开“麦克风”后再录（也可以点下面的“去设置”）';

/**
 * The recorder for the minutes: mp3, 16 kHz mono at 48 kbps (about 3.6 MB for the 10 minutes the
 * platform allows at most, within the backend's 10 MB). WeChat asks for scope.record at the
 * first start; a refusal comes back as onError.
 */
export function recorder(handlers: RecorderHandlers): Recorder {
  const manager = wx.getRecorderManager();
  let discard = false;
  manager.onStart(() => handlers.onStart());
  manager.onStop((r) => {
    if (discard || !r.tempFilePath) return;
    handlers.onStop({
      kind: 'audio',
      filePath: r.tempFilePath,
      name: `录音.${extOfPath(r.tempFilePath) || 'mp3'}`,
      size: r.fileSize,
      durationSeconds: Math.round(r.duration / 1000),
      thumbPath: '',
    });
  });
  manager.onError((err) => {
    if (undeclared(err.errMsg)) return handlers.onError(NOT_DECLARED, false);
    const denied = /auth|permission|deny/i.test(err.errMsg ?? '');
    handlers.onError(denied ? RECORD_DENIED : '录音没有成功，请再试一次', denied);
  });
  return {
    start() {
      discard = false;
      manager.start({
        format: 'mp3',
        sampleRate: 16000,
        numberOfChannels: 1,
        encodeBitRate: 48000,
        duration: AUDIO_MAX_SECONDS * 1000,
      });
    },
    stop() {
      discard = false;
      manager.stop();
    },
    cancel() {
      discard = true;
      manager.stop();
    },
  };
}
