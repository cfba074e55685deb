/**
 * CloudBase storage through the real wx-server-sdk (uploadFile, getTempFileURL, downloadFile,
 * deleteFile) and the Files port over it (adapters/sdk-files.ts). Always against the emulator;
 * against a real CloudBase environment too when XFZB_REAL_TCB=1 with TCB_ENV and
 * TENCENTCLOUD_SECRETID/SECRETKEY set (as tests/emulator/sdk-contract.test.ts).
 */
import { randomBytes } from 'crypto';
import { Emulator, startEmulator } from '../../emulator/server';
import { BUCKET, ENV_ID } from '../../emulator/storage';
import { runAsInvocation } from '../../emulator/stats';
import type { Files } from '../../cloudfunctions/_shared/ports';

const realEnv =
  process.env.XFZB_REAL_TCB === '1' && process.env.TCB_ENV && process.env.TENCENTCLOUD_SECRETID;
const NONEXIST = -503003; // wx-server-sdk's status for STORAGE_FILE_NONEXIST
const run = randomBytes(4).toString('hex');
const at = (name: string) => `contract-tests/${run}/${name}`;
let emu: Emulator | undefined;
let cloud: any;
let files: Files;
const made: string[] = [];

beforeAll(async () => {
  if (!realEnv) emu = await startEmulator({ port: 0, seed: 'empty', seedClock: 'freeze' });
  ({ cloud } = require('../../cloudfunctions/_shared/repos/db'));
  files = require('../../cloudfunctions/_shared/adapters/sdk-files').sdkFiles();
});
afterAll(async () => {
  if (made.length) await files.remove(made).catch(() => undefined);
  await emu?.close();
});

async function upload(name: string, bytes: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath: at(name), fileContent: bytes });
  made.push(fileID);
  return fileID;
}

describe(`CloudBase storage through the SDK (${realEnv ? `real environment ${process.env.TCB_ENV}` : 'emulator'})`, () => {
  it('round-trips every byte value and a 5 MB buffer, under a cloud:// fileID', async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_x, i) => i));
    const big = randomBytes(5 * 1024 * 1024);
    const a = await upload('bytes.bin', all);
    const b = await upload('big.bin', big);
    const env = realEnv ? process.env.TCB_ENV : ENV_ID;
    expect(a).toMatch(new RegExp(`^cloud://${env}\\.[\\w-]+/${at('bytes.bin')}$`));
    if (!realEnv) expect(a).toBe(`cloud://${ENV_ID}.${BUCKET}/${at('bytes.bin')}`);
    expect(BUCKET).toBe('6c6f-local-emulator-1300000000');
    expect(Buffer.compare((await cloud.downloadFile({ fileID: a })).fileContent, all)).toBe(0);
    expect(Buffer.compare((await cloud.downloadFile({ fileID: b })).fileContent, big)).toBe(0);
  });

  it('overwrites a path in place: same fileID, new bytes', async () => {
    const first = await upload('same.txt', Buffer.from('一'));
    const second = await upload('same.txt', Buffer.from('二二'));
    expect(second).toBe(first);
    expect((await cloud.downloadFile({ fileID: first })).fileContent.toString()).toBe('二二');
  });

  it('answers a temporary URL that serves the bytes with their content type', async () => {
    const bytes = randomBytes(1000);
    const id = await upload('photo.jpg', bytes);
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: id, maxAge: 60 }] });
    expect(fileList[0]).toMatchObject({ fileID: id, status: 0 });
    const res = await fetch(encodeURI(fileList[0].tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes)).toBe(0);
  });

  it('deletes a file: gone for the SDK, and deleting it again is no error', async () => {
    const id = await upload('gone.txt', Buffer.from('x'));
    const first = await cloud.deleteFile({ fileList: [id] });
    expect(first.fileList).toEqual([expect.objectContaining({ fileID: id, status: 0 })]);
    const urls = await cloud.getTempFileURL({ fileList: [{ fileID: id, maxAge: 60 }] });
    expect(urls.fileList[0]).toMatchObject({ fileID: id, status: NONEXIST, tempFileURL: '' });
    await expect(cloud.downloadFile({ fileID: id })).rejects.toBeTruthy();
    const again = await cloud.deleteFile({ fileList: [id] });
    expect(again.fileList[0]).toMatchObject({ fileID: id, status: NONEXIST });
  });

  it('Files port: put, get, tempUrls (chunked by 50, missing left out), remove, envId', async () => {
    expect(files.envId()).toBe(realEnv ? process.env.TCB_ENV : ENV_ID);
    const ids: string[] = [];
    for (let i = 0; i < 55; i += 1)
      ids.push(await files.put(at(`many/${i}.txt`), Buffer.from(`${i}`)));
    made.push(...ids);
    expect((await files.get(ids[54])).toString()).toBe('54');
    const missing = ids[0].replace('/0.txt', '/none.txt');
    const urls = await files.tempUrls([...ids, missing], 120);
    expect(Object.keys(urls).sort()).toEqual([...ids].sort());
    await files.remove([ids[1], ids[1], missing]);
    expect(Object.keys(await files.tempUrls([ids[1], ids[2]], 60))).toEqual([ids[2]]);
  });
});

(realEnv ? describe.skip : describe)('emulator storage specifics', () => {
  const e = () => emu as Emulator;

  it('refuses a temporary URL once the emulator clock passes its max_age', async () => {
    const id = await upload('expiring.png', Buffer.from('png'));
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: id, maxAge: 60 }] });
    const url: string = fileList[0].tempFileURL;
    expect((await fetch(url)).status).toBe(200);
    e().clock.advance(59_000);
    expect((await fetch(url)).status).toBe(200);
    e().clock.advance(2_000);
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/<Error>[\s\S]*<Code>AccessDenied<\/Code>/);
    expect((await fetch(url.replace(/sign=[0-9a-f]/, 'sign=0'))).status).toBe(403);
    expect((await fetch(url.replace(/[?].*$/, ''))).status).toBe(403);
  });

  it('treats another environment’s fileID (and a malformed one) as not found', async () => {
    const id = await upload('mine.txt', Buffer.from('x'));
    const foreign = id.replace(`cloud://${ENV_ID}.`, 'cloud://other-env.');
    const { fileList } = await cloud.getTempFileURL({
      fileList: [foreign, 'cloud://x', 'not-a-file-id'].map((fileID) => ({ fileID, maxAge: 60 })),
    });
    expect(fileList.map((f: any) => f.status)).toEqual([NONEXIST, NONEXIST, NONEXIST]);
    await expect(e().readFile(foreign)).rejects.toThrow();
  });

  it('counts storage requests apart from database round trips, per action', async () => {
    e().resetStats();
    await runAsInvocation({ key: 'probe.storage' }, async () => {
      const id = await files.put(at('counted.txt'), Buffer.from('x'));
      made.push(id);
      await files.get(id);
    });
    // put = getUploadMetadata + PUT; get = batchGetDownloadUrl + GET
    expect(e().stats().actions['probe.storage']).toEqual({
      storageRoundTrips: 4,
      dbRoundTrips: 0,
      calls: 0,
    });
  });

  it('wipes the storage on reset', async () => {
    const id = await upload('reset.txt', Buffer.from('x'));
    await e().reset('empty');
    await expect(e().readFile(id)).rejects.toThrow();
    expect(e().storage.list()).toEqual([]);
  });
});
