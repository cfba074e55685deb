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

export interface Files {
  put(cloudPath: string, bytes: Buffer): Promise<string>;
  get(fileId: string): Promise<Buffer>;
}

export interface Ports {
  clock: Clock;
  identity: Identity;
  messenger: Messenger;
  contentCheck: ContentCheck;
  codeImages: CodeImages;
  files: Files;
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
  putFile(cloudPath: string, bytes: Buffer): Promise<string>;
  getFile(fileId: string): Promise<Buffer>;
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
