/**
 * The emulator's storage on disk and over HTTP: persistence across restarts, crash leftovers,
 * refused paths, single-use upload URLs, and the mini-program's local-mode upload route.
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { request } from 'http';
import { tmpdir } from 'os';
import * as path from 'path';
import { DEMO_NOW_MS } from '../../emulator/demo-instant';
import { Emulator, startEmulator } from '../../emulator/server';
import { fileIdOf } from '../../emulator/storage';

let dir: string;
let emu: Emulator;
let cloud: any;
const storageDir = () => path.join(dir, 'storage');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'xfzb-storage-'));
  emu = await startEmulator({ port: 0, dataDir: dir, seed: 'empty', seedClock: 'freeze' });
  ({ cloud } = require('../../cloudfunctions/_shared/repos/db'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function restart(): Promise<void> {
  await emu.close();
  emu = await startEmulator({ port: 0, dataDir: dir, seedClock: 'freeze' });
  emu.clock.freeze(DEMO_NOW_MS); // no seed is loaded on a restart: freeze by hand
}

async function api(body: object): Promise<any> {
  const res = await fetch(`${emu.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

function put(url: string, meta: any, bytes: Buffer) {
  return fetch(url, {
    method: 'PUT',
    headers: { 'x-cos-security-token': meta.token, authorization: meta.authorization },
    body: new Uint8Array(bytes),
  });
}

function clientUpload(cloudPath: string, bytes: Buffer, openid?: string) {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'tmp_123.jpg');
  return fetch(`${emu.url}/__emulator/storage/upload`, {
    method: 'POST',
    body: form,
    headers: openid ? { 'X-WX-OPENID': openid } : {},
  });
}

describe('emulator storage on disk', () => {
  it('serves a file uploaded before a restart on the same DATA_DIR', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_x, i) => 255 - i));
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'orgs/o1/keep.bin',
      fileContent: bytes,
    });
    await restart();
    const { fileContent } = await cloud.downloadFile({ fileID });
    expect(Buffer.compare(fileContent, bytes)).toBe(0);
    expect(emu.storage.meta('orgs/o1/keep.bin')).toMatchObject({
      size: 256,
      contentType: 'application/octet-stream',
    });
  });

  it('never serves the leftover of a write torn by a crash, and cleans it up on start', async () => {
    const name = createHash('sha256').update('orgs/o1/torn.jpg').digest('hex');
    const leftover = path.join(storageDir(), `${name}.obj.tmp-0badc0de`);
    writeFileSync(
      leftover,
      `XFZBOBJ1\n${JSON.stringify({ cloudPath: 'orgs/o1/torn.jpg', size: 9 })}\nhalf`,
    );
    // and an object file cut short (its header promises more bytes than it holds)
    const cut = path.join(
      storageDir(),
      `${createHash('sha256').update('orgs/o1/cut.jpg').digest('hex')}.obj`,
    );
    writeFileSync(
      cut,
      `XFZBOBJ1\n${JSON.stringify({ cloudPath: 'orgs/o1/cut.jpg', size: 9 })}\nhalf`,
    );
    await restart();
    expect(existsSync(leftover)).toBe(false);
    for (const p of ['orgs/o1/torn.jpg', 'orgs/o1/cut.jpg']) {
      const { fileList } = await cloud.getTempFileURL({
        fileList: [{ fileID: fileIdOf(p), maxAge: 60 }],
      });
      expect(fileList[0].status).toBe(-503003);
    }
    expect(readdirSync(storageDir()).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses absolute, empty, dot-dot, backslash and NUL paths; nothing leaves the storage', async () => {
    const before = readdirSync(storageDir()).sort();
    for (const cloudPath of [
      '../x.txt',
      'a/../../x.txt',
      '/abs.txt',
      '',
      'a\\b.txt',
      'a\0b.txt',
      'a//../b',
    ]) {
      await expect(
        cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }),
      ).rejects.toBeTruthy();
      expect(
        await api({ action: 'storage.getUploadMetadata', path: cloudPath, method: 'put' }),
      ).toMatchObject({ code: 'INVALID_PARAM' });
    }
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
    expect(readdirSync(storageDir()).sort()).toEqual(before);
    const traversal = await fetch(
      `${emu.url}/__emulator/storage/object/..%2F..%2Fstore.json?sign=0&t=9999999999`,
    );
    expect(traversal.status).toBe(403);
  });

  it('takes an upload URL once, and not after 10 minutes', async () => {
    const meta = (
      await api({ action: 'storage.getUploadMetadata', path: 'orgs/o1/once.txt', method: 'put' })
    ).data;
    expect(meta.fileId).toBe(fileIdOf('orgs/o1/once.txt'));
    expect((await put(meta.url, meta, Buffer.from('first'))).status).toBe(200);
    const second = await put(meta.url, meta, Buffer.from('second'));
    expect(second.status).toBe(403);
    expect(await second.text()).toMatch(/<Code>AccessDenied<\/Code>/);
    expect((await emu.readFile(meta.fileId)).toString()).toBe('first');

    const late = (
      await api({ action: 'storage.getUploadMetadata', path: 'orgs/o1/late.txt', method: 'put' })
    ).data;
    emu.clock.advance(10 * 60_000 + 1);
    expect((await put(late.url, late, Buffer.from('late'))).status).toBe(403);
    const forged = (
      await api({ action: 'storage.getUploadMetadata', path: 'orgs/o1/f.txt', method: 'put' })
    ).data;
    expect((await put(forged.url.replace('f.txt', 'g.txt'), forged, Buffer.from('x'))).status).toBe(
      403,
    );
    expect(
      (await put(forged.url, { ...forged, authorization: 'x' }, Buffer.from('x'))).status,
    ).toBe(403);
    expect(emu.storage.has('orgs/o1/late.txt') || emu.storage.has('orgs/o1/g.txt')).toBe(false);
  });
});

describe('the mini-program’s local-mode upload (POST /__emulator/storage/upload)', () => {
  it('stores a multipart upload with its uploader’s OPENID and answers the fileID', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d]);
    const res = await clientUpload(
      'orgs/o1/record/2026-12/00000000000000ab.jpg',
      bytes,
      'demo-member-1',
    );
    expect(res.status).toBe(200);
    const { fileID } = await res.json();
    expect(fileID).toBe(fileIdOf('orgs/o1/record/2026-12/00000000000000ab.jpg'));
    expect(Buffer.compare(await emu.readFile(fileID), bytes)).toBe(0);
    expect(emu.storage.meta('orgs/o1/record/2026-12/00000000000000ab.jpg')).toMatchObject({
      openid: 'demo-member-1',
      size: 8,
    });
    const { fileContent } = await cloud.downloadFile({ fileID });
    expect(Buffer.compare(fileContent, bytes)).toBe(0);
  });

  it('refuses an upload without X-WX-OPENID, and overwriting an existing file', async () => {
    const before = emu.storage.list();
    const anonymous = await clientUpload(
      'orgs/o1/record/2026-12/00000000000000cd.jpg',
      Buffer.from('x'),
    );
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('AUTH.FORBIDDEN');
    const over = await clientUpload(
      'orgs/o1/record/2026-12/00000000000000ab.jpg',
      Buffer.from('evil'),
      'demo-member-2',
    );
    expect(over.status).toBe(403);
    expect(await clientUpload('../escape.jpg', Buffer.from('x'), 'demo-member-1')).toHaveProperty(
      'status',
      400,
    );
    // Outside an upload path (a generated export, a code): the bucket's rule refuses it.
    for (const elsewhere of ['orgs/o1/exports/dues/x.xlsx', 'orgs/o1/codes/a1/code.png'])
      expect(await clientUpload(elsewhere, Buffer.from('x'), 'demo-member-1')).toHaveProperty(
        'status',
        403,
      );
    expect(emu.storage.list()).toEqual(before);
  });

  it('refuses a body that is not multipart (415) or over 60 MB (413) before reading it', async () => {
    const json = await fetch(`${emu.url}/__emulator/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'X-WX-OPENID': 'demo-member-1' },
      body: 'x',
    });
    expect(json.status).toBe(415);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/__emulator/storage/upload`, {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=b',
          'content-length': String(61 * 1024 * 1024),
          'x-wx-openid': 'demo-member-1',
        },
      });
      req.on('response', (r) => {
        resolve(r.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('--b\r\n');
    });
    expect(status).toBe(413);
  });
});
