/** @jest-environment ./tests/setup/page-environment.ts */
// Local mode end to end: the mini-program's services talk to the emulator over HTTP exactly as
// on a phone pointed at `npm start` — functions through wx.request, and the storage calls of
// services/storage.ts (wx.cloud.uploadFile / getTempFileURL in local mode) through the
// emulator's client routes, under the bucket's rule (repos/storage-spec.ts). Only wx.request
// and wx.uploadFile are answered here, by real HTTP requests; nothing of ours is stubbed.
import { plainJpeg } from '../support/media-fixtures';
import { postMultipart } from '../support/media-page';
import { useBackend } from '../setup/simulate';

// Required, not imported: the mini-program's sources type-check against its own tsconfig (wx typings).
const { backendConfig } = require('../../miniprogram/config');
const { setDevOpenid } = require('../../miniprogram/services/dev-identity');
const { callCloud } = require('../../miniprogram/services/cloud');
const { storage } = require('../../miniprogram/services/storage');
type TempUrlItem = { fileID: string; tempFileURL: string; status: number };

const server = useBackend('demo');
const files = new Map<string, Buffer>();
let saved: Record<string, unknown>;

beforeEach(() => {
  saved = { ...backendConfig };
  Object.assign(backendConfig, { mode: 'local', emulatorUrl: server.backend.url });
  const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
  wx.request = (o: any) =>
    void fetch(o.url, {
      method: o.method ?? 'GET',
      headers: o.header,
      body: o.data === undefined ? undefined : JSON.stringify(o.data),
    })
      .then(async (r) => o.success?.({ statusCode: r.status, data: await r.json() }))
      .catch((e) => o.fail?.({ errMsg: String(e) }));
  wx.uploadFile = (o: any) => {
    void postMultipart(
      o.url,
      o.header['X-WX-OPENID'],
      o.formData.cloudPath,
      files.get(o.filePath)!,
      'tmp.jpg',
    )
      .then(async (r) => o.success?.({ statusCode: r.status, data: await r.text() }))
      .catch((e) => o.fail?.({ errMsg: String(e) }));
    return { onProgressUpdate: () => undefined, abort: () => undefined };
  };
});
afterEach(() => Object.assign(backendConfig, saved));

const upload = (cloudPath: string, filePath: string) =>
  new Promise<string>((resolve, reject) =>
    storage().uploadFile({
      cloudPath,
      filePath,
      success: (r: { fileID: string }) => resolve(r.fileID),
      fail: (e: { errMsg: string }) => reject(new Error(e.errMsg)),
    }),
  );
const tempUrls = (fileList: string[]) =>
  new Promise<TempUrlItem[]>((resolve, reject) =>
    storage().getTempFileURL({
      fileList,
      success: (r: { fileList: TempUrlItem[] }) => resolve(r.fileList),
      fail: (e: { errMsg: string }) => reject(new Error(e.errMsg)),
    }),
  );

describe('local mode: the mini-program’s storage calls against the emulator', () => {
  it('uploads to the reserved path, and only the uploader reads the file back [MTG-10]', async () => {
    setDevOpenid('demo-secretary');
    const bytes = plainJpeg();
    files.set('wxfile://tmp_1.jpg', bytes);
    const slot = await callCloud('media', 'prepareUpload', {
      orgId: 'demo-branch',
      purpose: 'record',
      kind: 'image',
      name: '照片.jpg',
      size: bytes.length,
    });
    const fileId = await upload(slot.cloudPath, 'wxfile://tmp_1.jpg');
    expect(fileId).toMatch(/^cloud:\/\/local-emulator\.[^/]+\/orgs\/demo-branch\/record\//);

    const [own] = await tempUrls([fileId]);
    expect(own).toMatchObject({ fileID: fileId, status: 0 });
    expect((await fetch(own.tempFileURL)).status).toBe(200);
    setDevOpenid('demo-member-1');
    const [other] = await tempUrls([fileId]);
    expect(other).toMatchObject({ status: -503002, tempFileURL: '' });

    // Confirmed: the checked copy is where no phone reads or writes; the upload itself is gone.
    setDevOpenid('demo-secretary');
    const confirmed = await callCloud('media', 'confirmUpload', { mediaId: slot.mediaId, fileId });
    expect(confirmed).toMatchObject({ kind: 'image', mine: true });
    expect(confirmed.fileId).toMatch(/\/orgs\/demo-branch\/media\/record\//);
    const [copy, upload1] = await tempUrls([confirmed.fileId, fileId]);
    expect(copy).toMatchObject({ status: -503002 });
    expect(upload1).toMatchObject({ status: -503003 });
  });

  it('refuses an upload outside a reserved path, as the bucket’s rule does', async () => {
    setDevOpenid('demo-member-1');
    files.set('wxfile://tmp_2.jpg', plainJpeg());
    await expect(
      upload('orgs/demo-branch/exports/dues/x.xlsx', 'wxfile://tmp_2.jpg'),
    ).rejects.toThrow(/status 403/);
  });
});
