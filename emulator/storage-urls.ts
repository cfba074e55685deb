import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { fileIdOf } from './storage';

/** How long an upload URL of storage.getUploadMetadata is valid (emulator clock). */
export const UPLOAD_TTL_MS = 10 * 60_000;
/** CloudBase's default (and longest) temporary URL: one day. */
export const DEFAULT_MAX_AGE_S = 86_400;
export const OBJECT_ROUTE = '/__emulator/storage/object/';
export const COS_ROUTE = '/__emulator/storage/cos/';

interface Ticket {
  cloudPath: string;
  authorization: string;
  expiresAt: number;
}

/**
 * The signed URLs of the emulator's storage, as COS hands them out: an upload URL is single-use
 * (its token and authorization go in the PUT's headers, as the SDK sends them) and expires after
 * 10 minutes; a temporary download URL carries `sign` and `t` (its expiry, unix seconds) and is
 * refused once the emulator clock passes `t`. The key is random per emulator: URLs do not outlive
 * a restart (pages ask the backend for fresh ones).
 */
export class StorageUrls {
  private readonly key = randomBytes(32);
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly now: () => number,
    private readonly baseUrl: () => string,
  ) {}

  /** A single-use upload URL for `cloudPath` (getUploadMetadata). */
  upload(cloudPath: string): { url: string; token: string; authorization: string } {
    this.sweep();
    const token = randomBytes(24).toString('hex');
    const expiresAt = this.now() + UPLOAD_TTL_MS;
    const authorization = `q-sign-algorithm=sha256&q-signature=${this.mac(`PUT\n${cloudPath}\n${token}\n${expiresAt}`)}`;
    this.tickets.set(token, { cloudPath, authorization, expiresAt });
    return { url: this.base() + COS_ROUTE + encodePath(cloudPath), token, authorization };
  }

  /**
   * Takes the ticket of a PUT: the path it was issued for, or why it is refused (COS error codes).
   * A ticket is spent by its first successful check: a second PUT with it is refused.
   */
  takeUpload(
    cloudPath: string,
    token: string | undefined,
    authorization: string | undefined,
  ): { ok: true } | { ok: false; code: string; message: string } {
    const t = token ? this.tickets.get(token) : undefined;
    if (!t || !authorization || !same(t.authorization, authorization) || t.cloudPath !== cloudPath)
      return { ok: false, code: 'AccessDenied', message: 'Access Denied.' };
    this.tickets.delete(token as string);
    if (this.now() > t.expiresAt)
      return { ok: false, code: 'RequestTimeTooSkewed', message: 'Request has expired' };
    return { ok: true };
  }

  /** A temporary download URL valid for `maxAgeSeconds` (the path raw, as CloudBase's are). */
  download(cloudPath: string, maxAgeSeconds: number): string {
    const t = Math.floor((this.now() + maxAgeSeconds * 1000) / 1000);
    return `${this.base()}${OBJECT_ROUTE}${cloudPath}?sign=${this.mac(`GET\n${cloudPath}\n${t}`)}&t=${t}`;
  }

  /** Whether a download URL's `sign` and `t` are this emulator's and not expired. */
  checkDownload(
    cloudPath: string,
    sign: string | null,
    t: string | null,
  ): 'ok' | 'forbidden' | 'expired' {
    if (!sign || !t || !/^\d{1,12}$/.test(t)) return 'forbidden';
    if (!same(this.mac(`GET\n${cloudPath}\n${t}`), sign)) return 'forbidden';
    return this.now() > Number(t) * 1000 ? 'expired' : 'ok';
  }

  private base(): string {
    return this.baseUrl();
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, t] of this.tickets)
      if (now > t.expiresAt + UPLOAD_TTL_MS) this.tickets.delete(k);
  }
}

/** A cloud path in a URL: each segment percent-encoded. */
export function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The `cloud://` fileID an <image> src shows when it is one of the emulator's files: the fileID
 * itself, its /__emulator/files/ URL or a temporary URL (scripts/preview draws those bytes).
 */
export function storedFileId(src: string): string | undefined {
  try {
    if (src.startsWith('cloud://')) return src;
    const debug = /\/__emulator\/files\/([^?#]+)/.exec(src)?.[1];
    if (debug) return decodeURIComponent(debug);
    const temp = /\/__emulator\/storage\/object\/([^?#]+)/.exec(src)?.[1];
    return temp ? fileIdOf(decodeURIComponent(temp)) : undefined;
  } catch {
    return undefined;
  }
}

/** An image's type from its first bytes (SVG, JPEG, else PNG). */
export function imageTypeOf(bytes: Buffer): string {
  if (bytes.subarray(0, 4).toString() === '<svg') return 'image/svg+xml';
  return bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png';
}
