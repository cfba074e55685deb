/** @jest-environment ./tests/setup/page-environment.ts */
// Evidence of a point declaration, against the real backend and the emulator's real storage: a
// member declares with a photo, and the scorer sees it on the declaration's card before deciding
// [PTS-15]; the photo is optional [PRIV-12]. Only the platform (album, upload task) is answered.
import { plainJpeg } from '../support/media-fixtures';
import { passCheck } from '../support/media-kit';
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
  type PageComponent,
} from '../setup/simulate';

const server = useBackend('demo');
let declarePage: string;
let reviewPage: string;
beforeAll(() => {
  declarePage = loadPage('subpackages/points/declare/index');
  reviewPage = loadPage('subpackages/points/review/index');
});
afterEach(() => jest.restoreAllMocks());

const SCORER = 'demo-organizer';

/** The index of a member's declaration on the scorer's desk. */
function indexOf(page: PageComponent, name: string): number {
  const i = (page.data.queue as { name: string }[]).findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no declaration of ${name}`);
  return i;
}
const cardOf = (page: PageComponent, name: string) =>
  find(page, `.declaration-${indexOf(page, name)}`);

async function typeNote(page: PageComponent, note: string) {
  await typeText(page, ['.note-input', '.t-textarea__wrapper-inner'], note);
}

describe('申报积分的证明材料 [PTS-15]', () => {
  it('offers the evidence as optional, in words [PRIV-12]', async () => {
    actAs('demo-member-1');
    const page = await openPage(declarePage);
    const text = textOf(page);
    expect(text).toContain('证明材料（选填）');
    expect(text).toContain('可上传照片或材料作为证明（可不传）');
    expect(text).not.toMatch(/请上传至少|至少上传/);
  });

  it('carries a declaration’s photo from the member to the scorer’s card [PTS-15]', async () => {
    actAs('demo-member-1');
    const wxm = stubMediaApis(server.backend, 'demo-member-1');
    const page = await openPage(declarePage);
    await typeNote(page, '周六到社区敬老院志愿服务半天');
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.declare-evidence', '.media-picker__album');
    await wxm.idle();
    await tap(page, '.submit-button', '.t-button');
    await settle();
    expect(textOf(page)).toContain('记分员核实通过后计分');
    // The form is empty again for the next declaration.
    expect(find(page, '.declare-evidence', '.media-tile')).toBeUndefined();

    const [file] = server.backend.docs('mediaFiles');
    expect(file.purpose).toBe('declaration');
    const declared = server.backend
      .docs('pointEntries')
      .find((e) => e.memberId === 'demo-member-1' && e.status === 'pending');
    expect(declared?.evidence).toEqual([file.fileId]);

    // Before WeChat's check answers the scorer is told it is being checked; then sees the photo.
    actAs(SCORER);
    const viewer = stubMediaApis(server.backend, SCORER);
    const before = await openPage(reviewPage);
    expect(textOf(cardOf(before, '陈明'))).toContain('审核中');
    await passCheck(server.backend, file.fileId);
    const desk = await openPage(reviewPage);
    await viewer.idle();
    const i = indexOf(desk, '陈明');
    expect(textOf(cardOf(desk, '陈明'))).toContain('证明材料');
    expect(find(desk, `.evidence-${i}`, '.media-gallery__thumb')).toBeTruthy();
    await tap(desk, `.evidence-${i}`, '.media-gallery__image');
    expect(viewer.calls.previewed).toHaveLength(1);
  });

  it('shows the scorer that a declaration came without evidence [PTS-15]', async () => {
    actAs('demo-member-1');
    const page = await openPage(declarePage);
    await typeNote(page, '参加街道防汛值守');
    await tap(page, '.submit-button', '.t-button');
    await settle();
    actAs(SCORER);
    const desk = await openPage(reviewPage);
    expect(textOf(cardOf(desk, '陈明'))).toContain('未附证明材料，请按申报说明核实');
    expect(find(desk, `.evidence-${indexOf(desk, '陈明')}`)).toBeUndefined();
  });
});
