/**
 * The platform's media APIs for page tests, answered in-process: what the camera, the album,
 * a chat or the microphone "gives" is queued by the test (real bytes: tests/support/
 * media-fixtures.ts); uploads reach the emulator's REAL storage as the given member (the client
 * upload route, as CloudBase records a mini-program upload's owner); downloads fetch the signed
 * URL the backend handed out. Viewers, documents and audio only record what the page asked for.
 * The backend and the emulator are never stubbed.
 */
import type { Backend } from './backend';
import { settle } from '../setup/simulate';
import { postMultipart } from './media-page';

type Callbacks = { success?: (r: any) => void; fail?: (e: { errMsg: string }) => void };
type Who = string | (() => string | undefined);

export interface QueuedMedia {
  bytes: Buffer;
  ext?: string;
  /** A video's length in seconds (makes it a video). */
  seconds?: number;
  /** Claimed size (default: the bytes' length), e.g. for an over-limit video. */
  size?: number;
}

export interface MediaCalls {
  chooseMedia: any[];
  compressed: { src: string; quality?: number }[];
  uploads: { cloudPath: string; filePath: string; fileID?: string; failed?: boolean }[];
  downloaded: { url: string; status: number }[];
  previewed: { sources?: any[]; urls?: string[]; current: unknown }[];
  opened: { filePath: string; showMenu?: boolean; fileType?: string; bytes?: Buffer }[];
  recorderStarts: any[];
  played: string[];
  audioState: string;
  settingsOpened: number;
}

let seq = 0;

export function stubMediaApis(backend: Backend, who: Who) {
  const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
  const files = new Map<string, Buffer>();
  const media: QueuedMedia[][] = [];
  const documents: { bytes: Buffer; name: string }[][] = [];
  let recording: { bytes: Buffer; seconds: number } | undefined;
  let recordError = '';
  let failUploads = 0;
  let hold: Promise<void> | undefined;
  let busy = 0;
  const calls: MediaCalls = {
    chooseMedia: [],
    compressed: [],
    uploads: [],
    downloaded: [],
    previewed: [],
    opened: [],
    recorderStarts: [],
    played: [],
    audioState: 'none',
    settingsOpened: 0,
  };
  const openid = () => (typeof who === 'function' ? who() : who) ?? '';
  const temp = (bytes: Buffer, ext: string) => {
    const path = `wxfile://tmp/media-${++seq}.${ext}`;
    files.set(path, bytes);
    return path;
  };
  const later = (fn: () => void) => setTimeout(fn, 0);
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    busy += 1;
    try {
      return await work();
    } finally {
      busy -= 1;
    }
  };

  wx.chooseMedia = (o: any & Callbacks): void => {
    calls.chooseMedia.push({ ...o, success: undefined, fail: undefined });
    const next = media.shift();
    if (!next) return void later(() => o.fail?.({ errMsg: 'chooseMedia:fail cancel' }));
    const tempFiles = next.map((m) => {
      const video = m.seconds !== undefined;
      const ext = m.ext ?? (video ? 'mp4' : 'jpg');
      return {
        tempFilePath: temp(m.bytes, ext),
        size: m.size ?? m.bytes.length,
        duration: m.seconds ?? 0,
        fileType: video ? 'video' : 'image',
        thumbTempFilePath: video ? temp(Buffer.from('cover'), 'jpg') : '',
        width: 16,
        height: 16,
      };
    });
    later(() => o.success?.({ tempFiles, type: 'mix', errMsg: 'chooseMedia:ok' }));
  };
  wx.compressImage = (o: { src: string; quality?: number } & Callbacks) => {
    calls.compressed.push({ src: o.src, quality: o.quality });
    later(() => o.success?.({ tempFilePath: temp(files.get(o.src) ?? Buffer.alloc(0), 'jpg') }));
  };
  const fsm = typeof wx.getFileSystemManager === 'function' ? wx.getFileSystemManager() : {};
  wx.getFileSystemManager = () => ({
    ...fsm,
    copyFileSync: (from: string, to: string) =>
      void files.set(to, files.get(from) ?? Buffer.alloc(0)),
    getFileInfo: (o: { filePath: string } & Callbacks) =>
      later(() => o.success?.({ size: files.get(o.filePath)?.length ?? 0 })),
  });
  wx.env = { USER_DATA_PATH: 'wxfile://usr' };
  wx.chooseMessageFile = (o: Callbacks): void => {
    const next = documents.shift();
    if (!next) return void later(() => o.fail?.({ errMsg: 'chooseMessageFile:fail cancel' }));
    const tempFiles = next.map((d) => ({
      path: temp(d.bytes, d.name.split('.').pop() ?? 'bin'),
      size: d.bytes.length,
      name: d.name,
      type: 'file',
      time: 0,
    }));
    later(() => o.success?.({ tempFiles, errMsg: 'chooseMessageFile:ok' }));
  };

  const listeners: Record<string, (r?: any) => void> = {};
  const manager = {
    onStart: (f: () => void) => void (listeners.start = f),
    onStop: (f: (r: any) => void) => void (listeners.stop = f),
    onError: (f: (r: any) => void) => void (listeners.error = f),
    start: (opts: unknown) => {
      calls.recorderStarts.push(opts);
      later(() => (recordError ? listeners.error?.({ errMsg: recordError }) : listeners.start?.()));
    },
    stop: () =>
      later(() => {
        const r = recording ?? { bytes: Buffer.alloc(0), seconds: 0 };
        recording = undefined;
        listeners.stop?.({
          tempFilePath: temp(r.bytes, 'mp3'),
          duration: r.seconds * 1000,
          fileSize: r.bytes.length,
        });
      }),
  };
  wx.getRecorderManager = () => manager;
  wx.openSetting = () => void (calls.settingsOpened += 1);

  const post = (url: string, cloudPath: string, filePath: string) =>
    postMultipart(
      url,
      openid(),
      cloudPath,
      files.get(filePath) ?? Buffer.alloc(0),
      filePath.split('/').pop() ?? 'file',
    );
  function uploadTask(
    cloudPath: string,
    filePath: string,
    url: string,
    o: Callbacks,
    raw: boolean,
  ) {
    const progress: ((p: any) => void)[] = [];
    const record: MediaCalls['uploads'][number] = { cloudPath, filePath };
    calls.uploads.push(record);
    const size = files.get(filePath)?.length ?? 0;
    const tell = (p: number) =>
      progress.forEach((f) =>
        f({ progress: p, totalBytesSent: (size * p) / 100, totalBytesExpectedToSend: size }),
      );
    void tracked(async () => {
      await new Promise((r) => setTimeout(r, 0));
      tell(45);
      if (hold) await hold;
      if (failUploads > 0) {
        failUploads -= 1;
        record.failed = true;
        return o.fail?.({ errMsg: 'uploadFile:fail network error' });
      }
      const res = await post(url, cloudPath, filePath);
      const text = await res.text();
      tell(100);
      if (raw) return o.success?.({ statusCode: res.status, data: text });
      const fileID = res.status === 200 ? (JSON.parse(text).fileID as string) : undefined;
      record.fileID = fileID;
      if (fileID) o.success?.({ fileID, statusCode: 200 });
      else o.fail?.({ errMsg: `cloud.uploadFile:fail ${res.status}` });
    });
    return {
      onProgressUpdate: (f: (p: any) => void) => void progress.push(f),
      abort: () => undefined,
    };
  }
  wx.cloud.uploadFile = (o: { cloudPath: string; filePath: string } & Callbacks) =>
    uploadTask(o.cloudPath, o.filePath, `${backend.url}/__emulator/storage/upload`, o, false);
  wx.uploadFile = (
    o: { url: string; filePath: string; formData: { cloudPath: string } } & Callbacks,
  ) => uploadTask(o.formData.cloudPath, o.filePath, o.url, o, true);

  wx.downloadFile = (o: { url: string } & Callbacks) =>
    void tracked(async () => {
      const res = await fetch(o.url).catch(() => null);
      calls.downloaded.push({ url: o.url, status: res?.status ?? 0 });
      if (!res) return o.fail?.({ errMsg: 'downloadFile:fail' });
      const bytes = Buffer.from(await res.arrayBuffer());
      const ext = new URL(o.url).pathname.split('.').pop() ?? 'bin';
      o.success?.({ statusCode: res.status, tempFilePath: temp(bytes, ext) });
    });
  wx.openDocument = (o: MediaCalls['opened'][number] & Callbacks) => {
    calls.opened.push({
      filePath: o.filePath,
      showMenu: o.showMenu,
      fileType: o.fileType,
      bytes: files.get(o.filePath),
    });
    later(() => o.success?.({}));
  };
  wx.previewMedia = (o: any) =>
    void calls.previewed.push({ sources: o.sources, current: o.current });
  wx.previewImage = (o: any) => void calls.previewed.push({ urls: o.urls, current: o.current });
  wx.setInnerAudioOption = () => undefined;
  wx.createInnerAudioContext = () => {
    const on: Record<string, () => void> = {};
    const ctx: any = {
      src: '',
      play: () => {
        calls.played.push(ctx.src);
        calls.audioState = 'playing';
        later(() => on.play?.());
      },
      pause: () => {
        calls.audioState = 'paused';
        later(() => on.pause?.());
      },
      stop: () => {
        calls.audioState = 'stopped';
        later(() => on.stop?.());
      },
    };
    for (const name of ['Play', 'Pause', 'Stop', 'Ended', 'Error'])
      ctx[`on${name}`] = (f: () => void) => void (on[name.toLowerCase()] = f);
    return ctx;
  };
  wx.showModal = (o: Callbacks) => later(() => o.success?.({ confirm: true, cancel: false }));

  return {
    calls,
    /** What 拍照/相册 gives next (one call each); nothing queued: the member cancelled. */
    nextMedia: (items: QueuedMedia[]) => void media.push(items),
    nextDocument: (items: { bytes: Buffer; name: string }[]) => void documents.push(items),
    /** What the microphone records before 停止并保存. */
    nextRecording: (r: { bytes: Buffer; seconds: number }) => void (recording = r),
    /** The microphone is not allowed (scope.record refused). */
    denyRecording: (errMsg = 'operateRecorder:fail auth deny') => void (recordError = errMsg),
    /** The next `n` uploads of bytes fail as a dropped network would. */
    failNextUpload: (n = 1) => void (failUploads += n),
    /** Uploads stop at 45% until the returned function is called. */
    holdUploads(): () => void {
      let release: () => void = () => undefined;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = undefined;
        release();
      };
    },
    /** The local file a temp path holds (what the page would upload or open). */
    fileAt: (path: string) => files.get(path),
    /** Waits until every upload/download the stubs started and every backend call settled. */
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (let quiet = 0; quiet < 3;) {
        if (Date.now() > deadline) throw new Error('wx-media: uploads did not settle');
        await settle(timeoutMs);
        await new Promise((r) => setTimeout(r, 5));
        quiet = busy ? 0 : quiet + 1;
      }
    },
  };
}
