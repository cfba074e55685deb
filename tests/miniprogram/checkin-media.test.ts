/** @jest-environment ./tests/setup/page-environment.ts */
// Evidence of taking part from afar, against the real backend and the emulator's real storage:
// a 流动党员 joins online with a screenshot [CHK-15], or records the 流入地's theme day with its
// proof as a photo [CHK-16]; the host sees the files on the roll. Photos stay optional: the form
// submits without one. Only the platform (album, upload task) is answered by the test.
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
let detailPage: string;
let hostPage: string;
beforeAll(() => {
  detailPage = loadPage('subpackages/activity/detail/index');
  hostPage = loadPage('subpackages/activity/host/index');
});
afterEach(() => jest.restoreAllMocks());

const THEME_DAY = 'demo-theme-day';
const MOBILE = 'demo-mobile';

const attendanceOf = (memberId: string) =>
  server.backend.docs('attendance').find((a) => a._id === `${THEME_DAY}:${memberId}`);

async function typeNote(page: PageComponent, value: string) {
  await typeText(page, ['.note-input', '.t-textarea__wrapper-inner'], value);
}

/** The host's roll, once the files' check passed. */
async function hostRoll(): Promise<PageComponent> {
  actAs('demo-secretary');
  const host = await openPage(hostPage, { id: THEME_DAY });
  await settle();
  return host;
}

describe('线上参加的截图或照片 [CHK-15]', () => {
  it('a 流动党员 joins online with a screenshot, and the host sees it on the roll [CHK-15]', async () => {
    actAs(MOBILE);
    const wxm = stubMediaApis(server.backend, MOBILE);
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.remote-button', '.t-button');
    expect(textOf(page)).toContain('截图或照片（可不传）');
    await typeNote(page, '通过视频会议参加，学习了全会精神');
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.remote-evidence', '.media-picker__album');
    await wxm.idle();
    await tap(page, '.remote-submit', '.t-button');
    await settle();

    expect(textOf(page)).toContain('参学说明和1份截图或照片已提交');
    const [file] = server.backend.docs('mediaFiles');
    expect(file.purpose).toBe('remoteEvidence');
    expect(attendanceOf(MOBILE)).toMatchObject({ status: 'remote', evidence: [file.fileId] });

    await passCheck(server.backend, file.fileId);
    stubMediaApis(server.backend, 'demo-secretary');
    const host = await hostRoll();
    expect(textOf(find(host, `.row-${MOBILE}`))).toContain('证明材料');
    expect(find(host, `.evidence-${MOBILE}`, '.media-gallery__thumb')).toBeTruthy();
  });

  it('joins online with the note alone: the screenshot is optional [CHK-15, PRIV-12]', async () => {
    actAs(MOBILE);
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.remote-button', '.t-button');
    await typeNote(page, '在外地出差，线上学习');
    await tap(page, '.remote-submit', '.t-button');
    await settle();
    expect(textOf(page)).toContain('已线上参加');
    expect(attendanceOf(MOBILE)?.status).toBe('remote');
    expect(attendanceOf(MOBILE)?.evidence ?? []).toEqual([]);
  });
});

describe('流入地的证明 [CHK-16]', () => {
  it('a 流动党员 records the 流入地’s theme day with a photo of its proof, which the host sees [CHK-16]', async () => {
    actAs(MOBILE);
    const wxm = stubMediaApis(server.backend, MOBILE);
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.inflow-button', '.t-button');
    await typeText(page, ['.inflow-org-input', '.t-input__control'], '深圳市南山区科技园党支部');
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.inflow-proof', '.media-picker__album');
    await wxm.idle();
    await tap(page, '.inflow-submit', '.t-button');
    await settle();

    expect(textOf(page)).toContain('已登记在流入地参加');
    const [file] = server.backend.docs('mediaFiles');
    expect(file.purpose).toBe('inflowProof');
    expect(attendanceOf(MOBILE)).toMatchObject({
      status: 'remotePending',
      method: 'inflow',
      evidence: [file.fileId],
    });

    await passCheck(server.backend, file.fileId);
    stubMediaApis(server.backend, 'demo-secretary');
    const host = await hostRoll();
    expect(textOf(find(host, `.row-${MOBILE}`))).toContain('深圳市南山区科技园党支部');
    expect(find(host, `.evidence-${MOBILE}`, '.media-gallery__thumb')).toBeTruthy();
  });

  it('records the 流入地 with the proof to follow, and says so [CHK-16]', async () => {
    actAs(MOBILE);
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.inflow-button', '.t-button');
    await tap(page, '.inflow-submit', '.t-button');
    expect(textOf(page)).toContain('请填写参加活动的流入地党组织');
    await typeText(page, ['.inflow-org-input', '.t-input__control'], '深圳市南山区科技园党支部');
    await tap(page, '.inflow-submit', '.t-button');
    await settle();
    expect(textOf(page)).toContain('已登记，证明待补交');
    expect(attendanceOf(MOBILE)).toMatchObject({ status: 'remotePending', method: 'inflow' });
  });

  it('offers the 流入地 form only to a 流动党员 [CHK-16]', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    expect(find(page, '.inflow-button')).toBeUndefined();
  });
});
