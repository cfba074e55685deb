/**
 * The mini-program's local-mode wx.cloud.getTempFileURL (POST /__emulator/storage/temp-url):
 * the storage rule of repos/storage-spec.ts — a client reads only the files it uploaded itself.
 */
import { Emulator, startEmulator } from '../../emulator/server';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 'empty' });
});
afterAll(() => emu.close());

function clientUpload(cloudPath: string, bytes: Buffer, openid: string) {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'tmp_1.jpg');
  return fetch(`${emu.url}/__emulator/storage/upload`, {
    method: 'POST',
    body: form,
    headers: { 'X-WX-OPENID': openid },
  });
}

function tempUrl(fileList: unknown, openid?: string) {
  return fetch(`${emu.url}/__emulator/storage/temp-url`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
    body: JSON.stringify({ fileList }),
  });
}

describe('the mini-program’s local-mode getTempFileURL', () => {
  it('gives the uploader a working temporary URL of their own file, and nobody else', async () => {
    const bytes = Buffer.from('own photo bytes');
    const up = await clientUpload(
      'orgs/o1/record/2026-12/0123456789abcdef.jpg',
      bytes,
      'demo-member-1',
    );
    const { fileID } = await up.json();
    const mine = await (await tempUrl([{ fileID, maxAge: 60 }], 'demo-member-1')).json();
    expect(mine.fileList[0]).toMatchObject({ fileID, status: 0 });
    const got = await fetch(mine.fileList[0].tempFileURL);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).toString()).toBe('own photo bytes');
    const other = await (await tempUrl([fileID], 'demo-member-2')).json();
    expect(other.fileList[0]).toMatchObject({ fileID, status: -503002, tempFileURL: '' });
  });

  it('answers a missing file as not found and refuses a call without identity', async () => {
    const gone = await (
      await tempUrl(['cloud://local-emulator.x/orgs/o1/none.jpg'], 'demo-member-1')
    ).json();
    expect(gone.fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' });
    expect((await tempUrl(['x'])).status).toBe(401);
    expect((await tempUrl([], 'demo-member-1')).status).toBe(400);
  });
});
