/** @jest-environment ./tests/setup/page-environment.ts */
// <media-gallery> against the real backend: a member sees 审核中 until WeChat's verdict is pushed
// (by the emulator, as 消息推送 delivers it), then the photo, which opens in the viewer with the
// others; a recording plays and pauses; a document is downloaded from the address the backend
// gave and opened with its menu; a risky file is gone for others and explained to its uploader.
import { mp3Bytes, mp4Bytes, pdfBytes, plainJpeg } from '../support/media-fixtures';
import { has, renderComponent, seedUpload, tapOn, textAt } from '../support/media-page';
import { stubMediaApis } from '../support/wx-media';
import { actAs, loadPage, useBackend } from '../setup/simulate';

const server = useBackend('demo');
let galleryId: string;
beforeAll(() => {
  galleryId = loadPage('components/media-gallery/index');
});

const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member-1';
const record = { orgId: 'demo-branch', purpose: 'record' } as const;

/** WeChat's verdict on a file, pushed by the emulator exactly as CloudBase's 消息推送 would. */
async function push(fileId: string, suggest: 'pass' | 'risky', label?: number) {
  const doc = server.backend.docs('mediaFiles').find((d) => d.fileId === fileId);
  await server.backend.emulator.pushMediaCheck(doc.check.traceId, suggest, label);
}

const gallery = (fileIds: string[], title = '活动照片和资料') =>
  renderComponent(galleryId, { fileIds, title });

describe('media-gallery', () => {
  it('shows 审核中 before the content check’s push and the photo after it, opening all photos in the viewer [MTG-10]', async () => {
    const a = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'image',
      name: 'a.jpg',
      bytes: plainJpeg(),
    });
    const v = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'video',
      name: 'v.mp4',
      bytes: mp4Bytes(),
      durationSeconds: 30,
    });
    actAs(MEMBER);
    const wxm = stubMediaApis(server.backend, MEMBER);
    const before = await gallery([a.fileId, v.fileId]);
    expect(textAt(before.comp, '.media-gallery__title')).toBe('活动照片和资料');
    expect(textAt(before.comp, '.media-gallery__checking')).toBe('审核中');
    expect(has(before.comp, '.media-gallery__image')).toBe(false);
    expect(has(before.comp, '.media-gallery__video')).toBe(true); // videos have no WeChat check
    before.comp.detach();

    await push(a.fileId, 'pass');
    const after = await gallery([a.fileId, v.fileId]);
    expect(has(after.comp, '.media-gallery__checking')).toBe(false);
    expect(has(after.comp, '.media-gallery__image .media-gallery__thumb')).toBe(true);
    const url: string = after.comp.data.visual[0].url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(after.events.loaded).toEqual([{ count: 2 }]);
    await tapOn(after.comp, '.media-gallery__image');
    expect(wxm.calls.previewed).toEqual([
      {
        sources: [
          { url, type: 'image' },
          { url: expect.stringMatching(/\.mp4/), type: 'video' },
        ],
        current: 0,
      },
    ]);
    after.comp.detach();
  });

  it('falls back to previewImage where previewMedia is missing', async () => {
    const a = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'image',
      name: 'a.jpg',
      bytes: plainJpeg(),
    });
    await push(a.fileId, 'pass');
    actAs(MEMBER);
    const wxm = stubMediaApis(server.backend, MEMBER);
    delete (globalThis as any).wx.previewMedia;
    const { comp } = await gallery([a.fileId]);
    await tapOn(comp, '.media-gallery__image');
    expect(wxm.calls.previewed).toEqual([
      { urls: [expect.any(String)], current: expect.any(String) },
    ]);
    comp.detach();
  });

  it('plays and pauses a recording, one at a time, and stops it when the page hides', async () => {
    const r = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'audio',
      name: '录音.mp3',
      bytes: mp3Bytes(),
      durationSeconds: 65,
    });
    await push(r.fileId, 'pass');
    actAs(MEMBER);
    const wxm = stubMediaApis(server.backend, MEMBER);
    const { comp } = await gallery([r.fileId]);
    expect(textAt(comp, '.media-gallery__label')).toBe('录音 1分05秒');
    expect(textAt(comp, '.media-gallery__play')).toBe('播放');
    await tapOn(comp, '.media-gallery__play');
    await wxm.idle();
    expect(wxm.calls.played).toEqual([expect.stringMatching(/\.mp3/)]);
    expect(textAt(comp, '.media-gallery__play')).toBe('暂停');
    await tapOn(comp, '.media-gallery__play');
    await wxm.idle();
    expect(wxm.calls.audioState).toBe('paused');
    expect(textAt(comp, '.media-gallery__play')).toBe('播放');
    await tapOn(comp, '.media-gallery__play');
    await wxm.idle();
    expect(wxm.calls.audioState).toBe('playing');
    comp.triggerPageLifeTime('hide');
    await wxm.idle();
    expect(wxm.calls.audioState).toBe('stopped');
    expect(textAt(comp, '.media-gallery__play')).toBe('播放');
    comp.detach();
  });

  it('opens a document downloaded from the backend’s address, with the menu to save or forward it', async () => {
    const d = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'document',
      name: '会议纪要.pdf',
      bytes: pdfBytes(),
    });
    actAs(MEMBER);
    const wxm = stubMediaApis(server.backend, MEMBER);
    const { comp } = await gallery([d.fileId]);
    expect(textAt(comp, '.media-gallery__name')).toBe('会议纪要.pdf');
    await tapOn(comp, '.media-gallery__document');
    await wxm.idle();
    expect(wxm.calls.downloaded).toEqual([
      { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1/), status: 200 },
    ]);
    expect(wxm.calls.opened).toEqual([
      {
        filePath: expect.stringMatching(/^wxfile:\/\/tmp\//),
        showMenu: true,
        fileType: 'pdf',
        bytes: pdfBytes(),
      },
    ]);
    comp.detach();
  });

  it('hides a risky photo from others and tells its uploader why, in words', async () => {
    const a = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'image',
      name: 'a.jpg',
      bytes: plainJpeg(),
    });
    await push(a.fileId, 'risky', 20002);
    actAs(MEMBER);
    stubMediaApis(server.backend, MEMBER);
    const other = await gallery([a.fileId]);
    expect(other.comp.dom.textContent).toBe('');
    expect(other.events.loaded).toEqual([{ count: 0 }]);
    other.comp.detach();

    actAs(SECRETARY);
    stubMediaApis(server.backend, SECRETARY);
    const own = await gallery([a.fileId]);
    expect(textAt(own.comp, '.media-gallery__state')).toBe('未通过审核');
    const reason = textAt(own.comp, '.media-gallery__reason');
    expect(reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(reason).not.toMatch(/[A-Za-z]/);
    own.comp.detach();
  });

  it('shows nothing of another branch’s files', async () => {
    const a = await seedUpload(server.backend, SECRETARY, {
      ...record,
      kind: 'document',
      name: 'x.pdf',
      bytes: pdfBytes(),
    });
    actAs('demo-secretary-2');
    stubMediaApis(server.backend, 'demo-secretary-2');
    const { comp, events } = await gallery([a.fileId]);
    expect(comp.dom.textContent).toBe('');
    expect(events.loaded).toEqual([{ count: 0 }]);
    comp.detach();
  });
});
