/** @jest-environment ./tests/setup/page-environment.ts */
// 纪实 media on the pages where the record happens, against the real backend and the emulator's
// real storage: the secretary adds a photo and a recording on the host's record form and saves;
// a member sees them on the activity page once WeChat's check passed; an archived record's
// photo has no 删除 while a correction may add one; the superior's minimum is named in words.
// Only the platform (album, microphone, upload task, dialogs) is answered by the test.
import { mp3Bytes, plainJpeg } from '../support/media-fixtures';
import { passCheck } from '../support/media-kit';
import { uploadAs } from '../../scripts/preview/fixtures/media';
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
let hostPage: string;
let detailPage: string;
beforeAll(() => {
  hostPage = loadPage('subpackages/activity/host/index');
  detailPage = loadPage('subpackages/activity/detail/index');
});
afterEach(() => jest.restoreAllMocks());

const THEME_DAY = 'demo-theme-day';
const LAST = 'demo-theme-day-last';
const SECRETARY = 'demo-secretary';

const form = (page: PageComponent, ...path: string[]) => find(page, '.record-form', ...path);
const recordOf = (id: string) => server.backend.docs('activities').find((a) => a._id === id).record;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** A photo of the last theme day, attached by a correction of its archived record. */
async function archivedPhoto(): Promise<string> {
  const fileId = await uploadAs(server.backend, SECRETARY, {
    orgId: 'demo-branch',
    purpose: 'record',
    name: '照片.jpg',
    bytes: plainJpeg(),
  });
  const minutes = recordOf(LAST).minutes;
  await server.backend.ok(
    'activity',
    'record',
    { activityId: LAST, minutes, attachments: [fileId], reason: '补充会场照片' },
    SECRETARY,
  );
  return fileId;
}

describe('纪实：照片和录音', () => {
  it('a secretary adds a photo and a recording on the record form and saves them with the record [MTG-10]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const page = await openPage(hostPage, { id: THEME_DAY });
    await typeText(
      page,
      ['.record-form', '.minutes-input', '.t-textarea__wrapper-inner'],
      '学习全会精神，交流发言。',
    );

    const release = wxm.holdUploads();
    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.record-form', '.record-media', '.media-picker__album');
    await until(() => textOf(form(page)).includes('45%'), 'the upload under way');
    // Saving waits for the upload, and says why.
    expect(textOf(form(page))).toContain('文件正在上传，上传完成后才能保存');
    expect(form(page)!.data.uploading).toBe(true);
    await tap(page, '.record-form', '.record-save', '.t-button');
    expect(recordOf(THEME_DAY)).toBeNull();
    release();
    await wxm.idle();

    wxm.nextRecording({ bytes: mp3Bytes(), seconds: 65 });
    await tap(page, '.record-form', '.record-media', '.media-picker__record');
    await tap(page, '.record-form', '.record-media', '.media-recorder__start');
    await tap(page, '.record-form', '.record-media', '.media-recorder__stop');
    await wxm.idle();
    expect(textOf(form(page))).not.toContain('文件正在上传');

    await tap(page, '.record-form', '.archive-box', '.t-checkbox');
    await tap(page, '.record-form', '.record-save', '.t-button');
    await settle();
    expect(textOf(form(page))).toContain('纪实已保存并归档');
    const files = server.backend.docs('mediaFiles');
    expect(files.map((f) => f.kind).sort()).toEqual(['audio', 'image']);
    expect(recordOf(THEME_DAY)).toMatchObject({ archived: true });
    expect([...recordOf(THEME_DAY).attachments].sort()).toEqual(files.map((f) => f.fileId).sort());
    // Archived now: the files on it stay, 删除 is gone [MTG-20].
    expect(find(page, '.record-form', '.record-media', '.media-tile')).toBeTruthy();
    expect(find(page, '.record-form', '.record-media', '.media-tile__remove')).toBeUndefined();
  });

  it('a member sees the record’s photo and hears the recording once the check passed [MTG-10]', async () => {
    const b = server.backend;
    const photo = await uploadAs(b, SECRETARY, {
      orgId: 'demo-branch',
      purpose: 'record',
      name: '照片.jpg',
      bytes: plainJpeg(),
    });
    const audio = await uploadAs(b, SECRETARY, {
      orgId: 'demo-branch',
      purpose: 'record',
      name: '录音.mp3',
      bytes: mp3Bytes(),
      durationSeconds: 65,
    });
    const attachments = [photo, audio];
    await b.ok(
      'activity',
      'record',
      { activityId: THEME_DAY, minutes: '学习全会精神。', attachments, archive: true },
      SECRETARY,
    );
    await b.ok('activity', 'close', { activityId: THEME_DAY }, SECRETARY);

    actAs('demo-member-1');
    const wxm = stubMediaApis(b, 'demo-member-1');
    const before = await openPage(detailPage, { id: THEME_DAY });
    const pending = textOf(find(before, '.record-gallery'));
    expect(pending).toContain('活动照片和资料');
    expect(pending).toContain('审核中'); // the content check has not answered: no picture yet
    expect(find(before, '.record-gallery', '.media-gallery__thumb')).toBeUndefined();

    await passCheck(b, photo);
    await passCheck(b, audio);
    const page = await openPage(detailPage, { id: THEME_DAY });
    await wxm.idle();
    expect(find(page, '.record-gallery', '.media-gallery__thumb')).toBeTruthy();
    expect(textOf(find(page, '.record-gallery'))).not.toContain('审核中');
    await tap(page, '.record-gallery', '.media-gallery__play');
    expect(wxm.calls.played).toHaveLength(1);
    expect(wxm.calls.audioState).toBe('playing');
  });
});

describe('归档后的附件 [MTG-20]', () => {
  it('shows an archived record’s photo without 删除, and a correction adds another with its reason [MTG-20]', async () => {
    const kept = await archivedPhoto();
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const page = await openPage(hostPage, { id: LAST });
    await wxm.idle();
    expect(textOf(form(page))).toContain('已归档的附件不能删除，更正时可以再添加');
    expect(find(page, '.record-form', '.record-media', '.media-tile')).toBeTruthy();
    expect(find(page, '.record-form', '.record-media', '.media-tile__remove')).toBeUndefined();

    wxm.nextMedia([{ bytes: plainJpeg(), ext: 'jpg' }]);
    await tap(page, '.record-form', '.record-media', '.media-picker__album');
    await wxm.idle();
    await typeText(
      page,
      ['.record-form', '.reason-input', '.t-input__control'],
      '补充一张会场照片',
    );
    await tap(page, '.record-form', '.record-save', '.t-button');
    await settle();
    expect(textOf(form(page))).toContain('更正已保存');
    const attachments: string[] = recordOf(LAST).attachments;
    expect(attachments).toHaveLength(2);
    expect(attachments[0]).toBe(kept);
  });
});

describe('照片可不传 [PRIV-12, MTG-21]', () => {
  it('says the files are optional when the superior set no minimum [PRIV-12]', async () => {
    actAs(SECRETARY);
    const page = await openPage(hostPage, { id: THEME_DAY });
    const text = textOf(form(page));
    expect(text).toContain('可拍照、录音或上传会议材料，都可不传');
    expect(text).not.toMatch(/请上传至少|至少上传/);
  });

  it('names the superior’s minimum in words near the picker [MTG-21]', async () => {
    await server.backend.ok(
      'org',
      'setSetting',
      { orgId: 'demo-branch', key: 'mtg.minEvidence', value: 1, reason: '上级要求留存会场照片' },
      'demo-superior',
    );
    actAs(SECRETARY);
    const page = await openPage(hostPage, { id: THEME_DAY });
    expect(textOf(form(page))).toContain('上级党组织要求每次活动至少上传1份照片或资料');
  });
});
