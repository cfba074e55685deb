/**
 * The few things a use case needs that are not the database. Production implementations sit
 * in adapters/wx.ts (wx-server-sdk openapi, storage); local ones in adapters/local.ts.
 */
export interface Clock {
  now(): Date;
}

export interface Identity {
  /** The caller's OPENID as the platform reports it; undefined for anonymous/server calls. */
  openid(): string | undefined;
  /**
   * Who started the call as the platform reports it (`getWXContext().SOURCE`): `wx_trigger` for
   * a timer trigger, `wx_client` for the mini-program, … [PRIV-22].
   */
  source(): string | undefined;
}

export interface SubscriptionMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface Messenger {
  send(message: SubscriptionMessage): Promise<void>;
}

export interface ContentCheck {
  /** msgSecCheck v2 in production; a word list locally. */
  check(text: string, openid?: string): Promise<{ pass: boolean; reason?: string }>;
}

export interface CodeImages {
  /** wxacode.getUnlimited: a printed mini-program code that opens `page` with `scene` (≤ 32 chars). */
  unlimited(scene: string, page: string): Promise<Buffer>;
}

/**
 * CloudBase storage through wx-server-sdk (`uploadFile`, `downloadFile`, `getTempFileURL`,
 * `deleteFile`) — the same implementation in CloudBase and against the emulator, which serves
 * the SDK's storage actions (adapters/sdk-files.ts).
 */
export interface Files {
  /** Uploads (or overwrites) `cloudPath`; answers the `cloud://<env>.<bucket>/<cloudPath>` fileID. */
  put(cloudPath: string, bytes: Buffer): Promise<string>;
  get(fileId: string): Promise<Buffer>;
  /** Deletes the files; a file that is already gone is no error. */
  remove(fileIds: readonly string[]): Promise<void>;
  /**
   * Temporary download URLs valid for `maxAgeSeconds`, by fileID (chunked by 50, CloudBase's cap
   * per call). A file that does not exist is left out of the answer.
   */
  tempUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<Record<string, string>>;
  /** This environment's id: the `<env>` of every fileID it issues (`cloud://<env>.<bucket>/…`). */
  envId(): string;
}

/** The kinds of file WeChat's asynchronous content check takes (media_type 1 audio, 2 image). */
export type CheckedMediaType = 'audio' | 'image';

/**
 * security.mediaCheckAsync v2 (platform-notes §4): submits a publicly downloadable URL and
 * answers the trace_id; the verdict is pushed later as the `wxa_media_check` event to the media
 * function. Locally the emulator records the submission and pushes the verdict when told to
 * (`POST /__emulator/media-check`), or by itself after a delay under `npm start`.
 */
export interface MediaCheck {
  submit(input: {
    url: string;
    type: CheckedMediaType;
    /** The uploader's OPENID (WeChat requires one who used the mini-program in the last 2 h). */
    openid: string;
    /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
    scene: 1 | 2 | 3 | 4;
  }): Promise<string>;
}

export interface Ports {
  clock: Clock;
  identity: Identity;
  messenger: Messenger;
  contentCheck: ContentCheck;
  codeImages: CodeImages;
  files: Files;
  mediaCheck: MediaCheck;
  random(bytes: number): Uint8Array;
  /** A server-side key (e.g. for signing sign-in tokens); never leaves the function. */
  secret(name: 'checkin'): string;
  /** The subscription-message template ID configured for a logical key, if any. */
  templateId(key: string): string | undefined;
}

/**
 * What the local emulator installs on `globalThis` before it loads any function. Its absence is
 * how a function knows it runs in CloudBase. Nothing of it is reachable from a request body.
 */
export interface EmulatorHooks {
  openid(): string | undefined;
  /** `wx_trigger` only when the emulator itself fires a timer trigger [PRIV-22]. */
  source(): string | undefined;
  now(): number;
  /** Records a mediaCheckAsync submission; answers its trace_id (emulator/media-check.ts). */
  mediaCheck(input: Parameters<MediaCheck['submit']>[0]): Promise<string>;
  bannedWords: readonly string[];
  secrets: Record<string, string>;
  /** Lets the emulator simulate WeChat refusing a send (tests of retries). */
  beforeSend?(message: SubscriptionMessage): void;
  /**
   * A test fault: the `_id` the next audit entry of an action (`<fn>.<action>`) takes. An `_id`
   * already in the log makes the append fail inside the write's transaction (tests of atomicity).
   */
  auditId?(action: string): string | undefined;
}

export const EMULATOR_HOOKS = Symbol.for('xianfeng.emulator');
