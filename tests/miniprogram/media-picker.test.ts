/** @jest-environment ./tests/setup/page-environment.ts */
// <media-picker> against the real backend and the emulator's real storage: a secretary picks a
// photo, sees it upload (bar and percent), and the page hears the fileID the backend confirmed;
// a dropped network shows 重试 and the retry goes on from the failed step; a video over the
// limit is refused in the backend's words before a byte moves; an archived record's files have
// no 删除. Only the platform (camera, album, upload task) is answered by the test.
import { jpegWithGps, mp4Bytes, plainJpeg } from '../support/media-fixtures';
import { snapshot } from '../support/backend';
import { css, has, renderComponent, seedUpload, tapOn, textAt, until } from '../support/media-page';
import { stubMediaApis } from '../support/wx-media';
import { actAs, loadPage, settle, textOf, useBackend } from '../setup/simulate';

const server = useBackend('demo');
let pickerId: string;
beforeAll(() => {
  pickerId = loadPage('components/media-picker/index');
});

const SECRETARY = 'demo-secretary';

/** The picker as the 纪实 form uses it: every kind, up to 30. */
async function renderPicker(props: Record<string, unknown> = {}) {
  const { comp, events } = await renderComponent(pickerId, {
    orgId: 'demo-branch',
    purpose: 'record',
    kinds: ['image', 'video', 'audio', 'document'],
    max: 30,
    ...props,
  });
  const e = events as { change?: any[]; busy?: { uploading: boolean }[] };
  return {
    comp,
    events: {
      get change() {
        return e.change ?? [];
      },
      get busy() {
        return (e.busy ?? []).map((b) => b.uploading);
      },
    },
  };
}

const tap = tapOn;
const text = textAt;

describe('media-picker: 上传', () => {
  it('uploads a picked photo with a progress bar and percent, then emits the fileID the backend confirmed [MTG-10]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const release = wxm.holdUploads();
    wxm.nextMedia([{ bytes: jpegWithGps(), ext: 'jpg' }]);
    const { comp, events } = await renderPicker();
    await tap(comp, '.media-picker__album');
    await until(() => textOf(comp).includes('45%'), 'the progress');
    expect(text(comp, '.media-tile--uploading .media-tile__state')).toBe('上传中 45%');
    expect(text(comp, '.media-tile--uploading .media-tile__percent')).toBe('45%');
    expect(comp.dom.querySelector(css('.media-tile__bar')).getAttribute('style')).toContain(
      'width: 45%',
    );
    expect(comp.data.tiles[0].percent).toBe(45);
    expect(comp.data.tiles[0].thumb).toMatch(/^wxfile:\/\/tmp\//); // the photo on the phone
    expect(events.busy).toEqual([true]);
    expect(events.change).toEqual([]);
    expect(wxm.calls.chooseMedia[0]).toMatchObject({
      mediaType: ['image', 'video'],
      sourceType: ['album'],
      sizeType: ['compressed'],
      maxDuration: 60,
    });
    release();
    await wxm.idle();
    const [doc] = server.backend.docs('mediaFiles');
    expect(doc.fileId).toMatch(/^cloud:\/\/local-emulator\./);
    expect(events.change).toEqual([
      { fileIds: [doc.fileId], items: [{ fileId: doc.fileId, kind: 'image', name: '照片.jpg' }] },
    ]);
    expect(events.busy).toEqual([true, false]);
    // WeChat's content check has not answered yet: the uploader sees that in words.
    expect(text(comp, '.media-tile--pending .media-tile__state')).toBe('审核中');
    expect(wxm.calls.uploads.map((u) => u.cloudPath)).toEqual([doc.cloudPath]);
    // after it: the stored (location-free) photo, from the address media.confirmUpload gave
    expect(comp.data.tiles[0].thumb.startsWith(`${server.backend.url}/`)).toBe(true);
    comp.detach();
  });

  it('shows 上传失败 with 重试 when the network drops, and the retry sends the bytes again under the same reservation', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.failNextUpload();
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    const { comp, events } = await renderPicker();
    await tap(comp, '.media-picker__camera');
    await wxm.idle();
    expect(wxm.calls.chooseMedia[0].sourceType).toEqual(['camera']);
    expect(text(comp, '.media-tile--failed .media-tile__state')).toBe('上传失败');
    expect(text(comp, '.media-tile--failed .media-tile__reason')).toBe(
      '上传失败，请检查网络后点“重试”',
    );
    expect(text(comp, '.media-tile--failed .media-tile__retry')).toBe('重试');
    expect(events.change).toEqual([]);
    expect(events.busy).toEqual([true, false]);
    await tap(comp, '.media-tile__retry');
    await wxm.idle();
    const docs = server.backend.docs('mediaFiles');
    expect(docs).toHaveLength(1); // the same reservation: only the bytes went again
    expect(wxm.calls.uploads).toHaveLength(2);
    expect(events.change.at(-1).fileIds).toEqual([docs[0].fileId]);
    expect(has(comp, '.media-tile--failed')).toBe(false);
    comp.detach();
  });

  it('retries only the confirmation when the bytes arrived but the confirmation did not', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const wx = (globalThis as any).wx;
    const call = wx.cloud.callFunction;
    let dropped = 0;
    wx.cloud.callFunction = (o: any) => {
      if (o.data.action === 'confirmUpload' && !dropped++)
        return Promise.reject(new Error('network'));
      return call(o);
    };
    try {
      wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
      const { comp, events } = await renderPicker();
      await tap(comp, '.media-picker__album');
      await wxm.idle();
      expect(text(comp, '.media-tile--failed .media-tile__retry')).toBe('重试');
      await tap(comp, '.media-tile__retry');
      await wxm.idle();
      expect(wxm.calls.uploads).toHaveLength(1);
      expect(events.change.at(-1).fileIds).toEqual([server.backend.docs('mediaFiles')[0].fileId]);
      comp.detach();
    } finally {
      wx.cloud.callFunction = call;
    }
  });

  it('refuses a video over 60 seconds in the backend’s words before a byte is uploaded [MTG-21]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.nextMedia([{ bytes: mp4Bytes(), seconds: 75 }]);
    const before = snapshot(server.backend);
    const { comp, events } = await renderPicker();
    await tap(comp, '.media-picker__camera');
    await wxm.idle();
    const expected = await server.backend.err(
      'media',
      'prepareUpload',
      {
        orgId: 'demo-branch',
        purpose: 'record',
        kind: 'video',
        name: '视频.mp4',
        size: mp4Bytes().length,
        durationSeconds: 75,
      },
      SECRETARY,
    );
    expect(expected.code).toBe('MEDIA.TOO_LONG');
    expect(text(comp, '.media-tile--refused .media-tile__reason')).toBe(expected.message);
    expect(has(comp, '.media-tile--refused .media-tile__retry')).toBe(false);
    expect(wxm.calls.uploads).toEqual([]);
    expect(snapshot(server.backend)).toBe(before);
    expect(events.change).toEqual([]);
    await tap(comp, '.media-tile__remove'); // 去掉: nothing was stored, no question asked
    expect(comp.data.tiles).toEqual([]);
    comp.detach();
  });

  it('refuses a video over 50 MB before uploading it [MTG-21]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.nextMedia([{ bytes: mp4Bytes(), seconds: 30, size: 60 * 1024 * 1024 }]);
    const { comp } = await renderPicker();
    await tap(comp, '.media-picker__album');
    await wxm.idle();
    expect(text(comp, '.media-tile--refused .media-tile__reason')).toMatch(/50\s*MB/);
    expect(wxm.calls.uploads).toEqual([]);
    comp.detach();
  });

  it('compresses a photo over 2 MB on the phone before uploading it', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg', size: 3 * 1024 * 1024 }]);
    const { comp, events } = await renderPicker();
    await tap(comp, '.media-picker__album');
    await wxm.idle();
    expect(wxm.calls.compressed).toEqual([{ src: expect.stringMatching(/^wxfile:/), quality: 80 }]);
    expect(wxm.calls.uploads[0].filePath).not.toBe(wxm.calls.compressed[0].src);
    expect(events.change).toHaveLength(1);
    comp.detach();
  });
  it('keeps a confirmed file when the page re-renders with its old list as the upload ends', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    const { comp, events } = await renderPicker({ value: [] });
    const trigger = comp.instance.triggerEvent;
    // As a page does when it re-renders on `busy`: every child property is applied again.
    comp.instance.triggerEvent = function (this: unknown, name: string, detail: any) {
      trigger.call(this, name, detail);
      if (name === 'busy' && !detail.uploading) comp.instance.setData({ value: [] });
    };
    await tap(comp, '.media-picker__album');
    await wxm.idle();
    const [doc] = server.backend.docs('mediaFiles');
    expect(events.change.map((c: any) => c.fileIds)).toEqual([[doc.fileId]]);
    expect(comp.data.tiles.map((t: any) => t.fileId)).toEqual([doc.fileId]);
    comp.detach();
  });
});

describe('media-picker: 删除', () => {
  it('offers no 删除 on a locked file of an archived record, and keeps it when another is removed [MTG-20]', async () => {
    const photo = { orgId: 'demo-branch', purpose: 'record', kind: 'image' } as const;
    const a = await seedUpload(server.backend, SECRETARY, {
      ...photo,
      name: 'a.jpg',
      bytes: plainJpeg(),
    });
    const b = await seedUpload(server.backend, SECRETARY, {
      ...photo,
      name: 'b.jpg',
      bytes: plainJpeg(),
    });
    actAs(SECRETARY);
    stubMediaApis(server.backend, SECRETARY);
    const { comp, events } = await renderPicker({
      value: [a.fileId, b.fileId],
      locked: [a.fileId],
    });
    await settle();
    const tiles = comp.data.tiles;
    expect(tiles.map((t: any) => [t.fileId, t.removable])).toEqual([
      [a.fileId, false],
      [b.fileId, true],
    ]);
    const rendered = comp.dom.querySelectorAll(css('.media-tile'));
    expect(rendered).toHaveLength(2);
    expect(rendered[0].querySelector(css('.media-tile__remove'))).toBeNull();
    expect(rendered[1].querySelector(css('.media-tile__remove'))?.textContent).toBe('删除');
    await tap(comp, '.media-tile__remove');
    expect(events.change.at(-1).fileIds).toEqual([a.fileId]);
    // An attached file leaves with the page's save; the picker does not delete it from storage.
    expect(server.backend.docs('mediaFiles').find((d) => d.fileId === b.fileId).state).toBe(
      'ready',
    );
    comp.detach();
  });

  it('deletes a file uploaded in this visit from storage too, after asking', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const asked = jest.spyOn((globalThis as any).wx, 'showModal');
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    const { comp, events } = await renderPicker({ max: 1 });
    await tap(comp, '.media-picker__album');
    await wxm.idle();
    expect(has(comp, '.media-picker__album')).toBe(false); // max 1 reached
    await tap(comp, '.media-tile__remove');
    await wxm.idle();
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这个附件？' }));
    expect(events.change.at(-1).fileIds).toEqual([]);
    expect(server.backend.docs('mediaFiles')[0].state).toBe('removed');
    expect(has(comp, '.media-picker__album')).toBe(true);
    comp.detach();
  });
});
