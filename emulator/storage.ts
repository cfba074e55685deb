import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { syncDir } from './journal';

/** The emulator's environment id: the `<env>` of every fileID it issues (TCB_ENV). */
export const ENV_ID = 'local-emulator';
/**
 * The bucket, in CloudBase's shape: the hex of the env id's first two letters, the env id, an
 * APPID-like number (`cloud://test-1a2b.7465-test-1a2b-1250000000/…` in CloudBase).
 */
export const BUCKET = `${Buffer.from(ENV_ID.slice(0, 2)).toString('hex')}-${ENV_ID}-1300000000`;
const FILE_ID_PREFIX = `cloud://${ENV_ID}.${BUCKET}/`;
const MAX_PATH_BYTES = 850; // COS object keys: 850 bytes
const MAGIC = 'XFZBOBJ1';
const OBJECT_FILE = /^[0-9a-f]{64}\.obj$/;

export interface ObjectMeta {
  cloudPath: string;
  contentType: string;
  size: number;
  /** The OPENID of a client upload (CloudBase records a client upload's owner); none for admin. */
  openid?: string;
  /** By the emulator clock (ms). */
  createdAt: number;
}

export class StorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A cloud path as CloudBase stores it, or a StorageError: relative, not empty, no `..` segment,
 * no backslash, NUL or control character, and none of `?`, `#`, `%` (a temporary URL carries the
 * path raw and the SDK `encodeURI`s it, which would split or double-decode those).
 */
export function normalisePath(raw: unknown): string {
  if (typeof raw !== 'string')
    throw new StorageError('INVALID_PARAM', 'cloudPath must be a string');
  const p = raw.replace(/\/{2,}/g, '/');
  const bad =
    p === '' ||
    p.startsWith('/') ||
    p.endsWith('/') ||
    /[\\\u0000-\u001f\u007f?#%]/.test(p) ||
    p.split('/').some((s) => s === '..' || s === '.' || s.trim() === '') ||
    Buffer.byteLength(p) > MAX_PATH_BYTES;
  if (bad) throw new StorageError('INVALID_PARAM', `invalid cloudPath: ${JSON.stringify(raw)}`);
  return p;
}

export function fileIdOf(cloudPath: string): string {
  return FILE_ID_PREFIX + cloudPath;
}

/** The cloud path of one of this environment's fileIDs; null for another env's or a malformed one. */
export function pathOfFileId(fileId: unknown): string | null {
  if (typeof fileId !== 'string' || !fileId.startsWith(FILE_ID_PREFIX)) return null;
  try {
    return normalisePath(fileId.slice(FILE_ID_PREFIX.length));
  } catch {
    return null;
  }
}

export function contentTypeOf(cloudPath: string): string {
  const ext = cloudPath.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain; charset=utf-8',
};

/**
 * The emulator's cloud storage: objects by cloud path, in memory (tests) or one file per object
 * under `<DATA_DIR>/storage/` (named by the SHA-256 of the path; a header line with the metadata,
 * then the bytes). Crash-safe like the document store: an object is written to
 * `<name>.tmp-<rand>`, fsynced, renamed into place and the directory fsynced, so a reader sees the
 * old object or the new one, never a torn one; `load()` deletes leftovers of an interrupted write.
 */
export class ObjectStorage {
  private readonly index = new Map<string, ObjectMeta>();
  private readonly memory = new Map<string, Buffer>();
  private readonly dir: string | undefined;

  constructor(dataDir: string | undefined) {
    this.dir = dataDir ? path.join(dataDir, 'storage') : undefined;
  }

  async load(): Promise<void> {
    if (!this.dir) return;
    await fs.mkdir(this.dir, { recursive: true });
    for (const name of await fs.readdir(this.dir)) {
      const file = path.join(this.dir, name);
      if (name.includes('.tmp-')) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (!OBJECT_FILE.test(name)) continue;
      const meta = await readMeta(file).catch(() => null);
      if (meta && nameOf(meta.cloudPath) === name) this.index.set(meta.cloudPath, meta);
    }
    await syncDir(this.dir);
  }

  has(cloudPath: string): boolean {
    return this.index.has(cloudPath);
  }

  meta(cloudPath: string): ObjectMeta | undefined {
    return this.index.get(cloudPath);
  }

  list(): ObjectMeta[] {
    return [...this.index.values()].sort((a, b) => a.cloudPath.localeCompare(b.cloudPath));
  }

  /** Stores (or overwrites) an object; resolves once it is durably on disk. */
  async put(cloudPath: string, bytes: Buffer, owner: { openid?: string; now: number }) {
    const p = normalisePath(cloudPath);
    const meta: ObjectMeta = {
      cloudPath: p,
      contentType: contentTypeOf(p),
      size: bytes.length,
      createdAt: owner.now,
      ...(owner.openid ? { openid: owner.openid } : {}),
    };
    if (this.dir) {
      await fs.mkdir(this.dir, { recursive: true });
      const file = path.join(this.dir, nameOf(p));
      const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(Buffer.from(`${MAGIC}\n${JSON.stringify(meta)}\n`));
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, file);
      await syncDir(this.dir);
    } else this.memory.set(p, Buffer.from(bytes));
    this.index.set(p, meta);
    return meta;
  }

  /** The object's bytes, or undefined when there is none. */
  async get(cloudPath: string): Promise<Buffer | undefined> {
    const meta = this.index.get(cloudPath);
    if (!meta) return undefined;
    if (!this.dir) return this.memory.get(cloudPath);
    const all = await fs.readFile(path.join(this.dir, nameOf(cloudPath))).catch(() => null);
    if (!all) return undefined;
    return all.subarray(all.length - meta.size);
  }

  /** Deletes an object; false when there was none. */
  async remove(cloudPath: string): Promise<boolean> {
    if (!this.index.delete(cloudPath)) return false;
    this.memory.delete(cloudPath);
    if (this.dir) {
      await fs.rm(path.join(this.dir, nameOf(cloudPath)), { force: true });
      await syncDir(this.dir);
    }
    return true;
  }

  /** Wipes every object (reset). */
  async clear(): Promise<void> {
    for (const p of [...this.index.keys()]) await this.remove(p);
    this.memory.clear();
  }
}

function nameOf(cloudPath: string): string {
  return `${createHash('sha256').update(cloudPath).digest('hex')}.obj`;
}

async function readMeta(file: string): Promise<ObjectMeta | null> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(MAX_PATH_BYTES * 2 + 512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    const lines = text.split('\n');
    if (lines.length < 3 || lines[0] !== MAGIC) return null;
    const meta = JSON.parse(lines[1]) as ObjectMeta;
    const headerBytes = Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`);
    const { size } = await handle.stat();
    return size === headerBytes + meta.size ? meta : null;
  } finally {
    await handle.close();
  }
}
