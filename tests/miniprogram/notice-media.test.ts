/** @jest-environment ./tests/setup/page-environment.ts */
// Files of a 党务公开, against the real backend and the emulator's real storage: the secretary adds
// a document from a chat and a photo on the editor, publishes, and a member opens the document
// from the notice; a correction keeps the files. Only the platform (chat files, album, upload
// task, documents) is answered by the test.
import { uploadAs } from '../../scripts/preview/fixtures/media';
import { passCheck } from '../support/media-kit';
import { pdfBytes, plainJpeg } from '../support/media-fixtures';
import { stubMediaApis } from '../support/wx-media';
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let editorPage: string;
let detailPage: string;
beforeAll(() => {
  editorPage = loadPage('subpackages/notice/editor/index');
  detailPage = loadPage('subpackages/notice/detail/index');
});
afterEach(() => jest.restoreAllMocks());

const ORG = 'demo-branch';
const SECRETARY = 'demo-secretary';

async function pickCategory(page: PageComponent, name: string): Promise<void> {
  const index = (page.data.categories as string[]).indexOf(name);
  page.querySelector('.category-picker')!.dispatchEvent('change', { detail: { value: index } });
  await settle();
}

describe('公开的附件 [DIS-01]', () => {
  it('publishes a document and a photo with the notice, and a member opens the document [DIS-01]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined);
    const page = await openPage(editorPage);
    await pickCategory(page, '财务收支');
    await typeText(page, '.title-input', '第三季度经费支出情况');
    await typeText(page, '.body-input', '支出明细见附件。');
    wxm.nextDocument([{ bytes: pdfBytes(), name: '经费支出明细.pdf' }]);
    await tap(page, '.notice-media', '.media-picker__document');
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.notice-media', '.media-picker__album');
    await wxm.idle();
    // Kept with the draft: leaving the page loses no uploaded file.
    expect(wx.getStorageSync(`noticeDraft:${ORG}`).attachments).toHaveLength(2);
    await tap(page, '.submit-button', '.t-button');
    await settle();

    const [notice] = server.backend.docs('notices');
    const files = server.backend.docs('mediaFiles');
    expect(notice.attachments.map((a: { name: string }) => a.name)).toEqual([
      '经费支出明细.pdf',
      '照片.jpg',
    ]);
    expect(notice.attachments.map((a: { fileId: string }) => a.fileId).sort()).toEqual(
      files.map((f) => f.fileId).sort(),
    );

    for (const f of files) if (f.kind === 'image') await passCheck(server.backend, f.fileId);
    actAs('demo-member-1');
    const reader = stubMediaApis(server.backend, 'demo-member-1');
    const detail = await openPage(detailPage, { id: notice._id });
    await reader.idle();
    const gallery = find(detail, '.notice-gallery');
    expect(detail.data.filesShown).toBe(true); // the 附件 heading
    expect(textOf(gallery)).toContain('经费支出明细.pdf');
    expect(find(gallery!, '.media-gallery__thumb')).toBeTruthy();
    await tap(gallery!, '.media-gallery__document');
    await reader.idle();
    expect(reader.calls.opened).toHaveLength(1);
    expect(reader.calls.opened[0].bytes?.equals(pdfBytes())).toBe(true);
  });

  it('keeps the published files when the notice is corrected [DIS-01]', async () => {
    const fileId = await uploadAs(server.backend, SECRETARY, {
      orgId: ORG,
      purpose: 'notice',
      name: '会议通知.pdf',
      bytes: pdfBytes(),
    });
    const { id } = await server.backend.ok(
      'notice',
      'publish',
      {
        orgId: ORG,
        category: '财务收支',
        title: '第三季度经费支出情况',
        body: '支出合计1860元。',
        attachments: [{ fileId, name: '会议通知.pdf' }],
      },
      SECRETARY,
    );
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined);
    const page = await openPage(editorPage, { id });
    await wxm.idle();
    expect(textOf(find(page, '.notice-media'))).toContain('会议通知.pdf');
    await typeText(page, '.body-input', '支出合计1680元。');
    await tap(page, '.submit-button', '.t-button');
    await settle();
    const notice = server.backend.docs('notices').find((n) => n._id === id);
    expect(notice.version).toBe(2);
    expect(notice.attachments).toEqual([{ fileId, name: '会议通知.pdf' }]);
  });
});
