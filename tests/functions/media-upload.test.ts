import { decode } from 'jpeg-js';
import { hasLocation } from '../../cloudfunctions/_shared/domain/media/metadata';
import { Backend, snapshot, startBackend } from '../support/backend';
import {
  jpegWithGps,
  mp3Bytes,
  mp4Bytes,
  pdfBytes,
  plainJpeg,
  pngWithText,
  webpWithExif,
} from '../support/media-fixtures';
import { passCheck, prepareMedia, putBytes, storedBytes, uploadMedia } from '../support/media-kit';

/** An upload as the mini-program makes it: reserve, send the bytes, confirm [MTG-21, PRIV-12]. */

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const SEC = 'demo-secretary';
const MEMBER = 'demo-member-1';
const ORG = 'demo-branch';
const doc = (fileId: string) => b.docs('mediaFiles').find((d) => d.fileId === fileId);
const reservation = (mediaId: string) => b.docs('mediaFiles').find((d) => d._id === mediaId);
const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const photo = (bytes = plainJpeg(), name = '现场照片.jpg', who = SEC) =>
  uploadMedia(b, who, { orgId: ORG, purpose: 'record', name, bytes });

describe('a 纪实 record’s photo and recording [MTG-10]', () => {
  it('lets a secretary upload a photo and a recording that a member sees once checked [MTG-10]', async () => {
    const image = await photo();
    const audio = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '会议录音.mp3',
      bytes: mp3Bytes(),
      durationSeconds: 95,
    });
    // The uploader sees their own files at once, with a URL that serves the stored bytes.
    expect(image.view).toMatchObject({ kind: 'image', mine: true, visibility: 'full' });
    expect(image.view.check).toBe('pending');
    expect(await download(image.view.url!)).toEqual(plainJpeg());
    expect(audio.view).toMatchObject({ kind: 'audio', durationSeconds: 95, check: 'pending' });
    // The attachment is the checked copy, where no phone writes [MTG-20, PRIV-12].
    expect(image.fileId).toMatch(
      /^cloud:\/\/local-emulator\.[\w-]+\/orgs\/demo-branch\/media\/record\/2026-12\//,
    );

    const files = [image.fileId, audio.fileId];
    const early = await b.ok('media', 'view', { fileIds: files }, MEMBER);
    expect(early.items.map((i) => [i.visibility, i.url])).toEqual([
      ['checking', null],
      ['checking', null],
    ]);
    await passCheck(b, image.fileId);
    await passCheck(b, audio.fileId);
    const seen = await b.ok('media', 'view', { fileIds: files }, MEMBER);
    expect(seen.items.map((i) => [i.fileId, i.kind, i.visibility, i.check, i.mine])).toEqual([
      [image.fileId, 'image', 'full', 'pass', false],
      [audio.fileId, 'audio', 'full', 'pass', false],
    ]);
    expect(await download(seen.items[1].url!)).toEqual(mp3Bytes());
    expect(Date.parse(seen.items[0].expiresAt!) - Date.parse('2026-12-01T01:00:00Z')).toBe(600_000);
  });

  it('sends only images and audio to the content check; a video or a document needs none', async () => {
    const video = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '现场视频.mp4',
      bytes: mp4Bytes(),
      durationSeconds: 20,
    });
    const docFile = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '学习材料.pdf',
      bytes: pdfBytes(),
    });
    expect([video.view.check, docFile.view.check]).toEqual(['none', 'none']);
    expect(b.emulator.mediaChecks()).toEqual([]);
    const seen = await b.ok('media', 'view', { fileIds: [video.fileId, docFile.fileId] }, MEMBER);
    expect(seen.items.map((i) => i.visibility)).toEqual(['full', 'full']);
  });

  it('answers a repeated confirmation with the same file and one content check', async () => {
    const { mediaId, view } = await photo();
    const doc = b.docs('mediaFiles').find((d) => d._id === mediaId)!;
    const uploaded = `cloud://local-emulator.${view.fileId.split('/')[2].split('.')[1]}/${doc.cloudPath}`;
    const again = await b.ok('media', 'confirmUpload', { mediaId, fileId: uploaded }, SEC);
    expect({ ...again, url: null }).toEqual({ ...view, url: null });
    expect(b.emulator.mediaChecks()).toHaveLength(1);
  });
});

describe('a photo’s location, removed before anyone else sees it [PRIV-12]', () => {
  it('stores a phone photo without its Exif GPS and XMP location, pixels untouched [PRIV-12]', async () => {
    const original = jpegWithGps(32, 24, { comment: true });
    expect(hasLocation(original)).toBe(true);
    const { fileId, view } = await photo(original);
    const stored = await storedBytes(fileId);
    expect(hasLocation(stored)).toBe(false);
    expect(stored.length).toBeLessThan(original.length);
    expect(view.size).toBe(stored.length);
    expect(decode(stored).data).toEqual(decode(original).data);
    expect(doc(fileId).stripped).toEqual(expect.arrayContaining(['exif', 'xmp', 'comment']));
    // What the content check downloads and what anyone is ever shown are the clean bytes.
    const [submitted] = b.emulator.mediaChecks();
    expect(hasLocation(await download(submitted.url))).toBe(false);
    await passCheck(b, fileId);
    const seen = await b.ok('media', 'view', { fileIds: [fileId] }, MEMBER);
    expect(await download(seen.items[0].url!)).toEqual(stored);
  });

  it('removes a PNG’s text chunks and a WebP’s Exif as well [PRIV-12]', async () => {
    const png = await photo(pngWithText(), '截图.png');
    const webp = await photo(webpWithExif(), '照片.webp');
    expect(hasLocation(await storedBytes(webp.fileId))).toBe(false);
    expect(doc(png.fileId).stripped.length).toBeGreaterThan(0);
    expect(doc(webp.fileId).stripped).toContain('exif');
  });

  it('refuses a photo it cannot read to the end rather than store it with its location [PRIV-12]', async () => {
    const torn = jpegWithGps().subarray(0, 60); // a JPEG cut inside its Exif segment
    const { mediaId, cloudPath } = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes: torn,
    });
    const fileId = await putBytes(b, SEC, cloudPath, torn);
    const err = await b.err('media', 'confirmUpload', { mediaId, fileId }, SEC);
    expect(err.code).toBe('MEDIA.MISMATCH');
    expect(reservation(mediaId).state).toBe('removed');
    await expect(storedBytes(fileId)).rejects.toBeTruthy();
  });
});

describe('type and size limits, in plain words [MTG-21]', () => {
  const prepare = (data: Record<string, unknown>, who = SEC) =>
    b.err('media', 'prepareUpload', { orgId: ORG, purpose: 'record', ...data }, who);

  it('refuses what is over the limits before any byte moves, and writes nothing [MTG-21]', async () => {
    const before = snapshot(b);
    const big = await prepare({ kind: 'image', name: '照片.jpg', size: 12.5 * 1024 * 1024 });
    expect([big.code, big.message]).toEqual(['MEDIA.TOO_LARGE', '照片不能超过10MB，这张有12.5MB']);
    const long = await prepare({
      kind: 'audio',
      name: '录音.mp3',
      size: 1000,
      durationSeconds: 660,
    });
    expect(long.code).toBe('MEDIA.TOO_LONG');
    expect(long.message).toMatch(/^录音不能超过10分钟/);
    const video = await prepare({
      kind: 'video',
      name: '视频.mp4',
      size: 1000,
      durationSeconds: 75,
    });
    expect(video.message).toMatch(/^视频不能超过60秒/);
    const gif = await prepare({ kind: 'image', name: '动图.gif', size: 1000 });
    expect(gif.code).toBe('MEDIA.TYPE_NOT_ALLOWED');
    const exe = await prepare({ kind: 'document', name: '工具.exe', size: 1000 });
    expect(exe.message).toMatch(/只能上传/);
    const noticeAudio = await b.err(
      'media',
      'prepareUpload',
      { orgId: ORG, purpose: 'notice', kind: 'audio', name: '录音.mp3', size: 1000 },
      SEC,
    );
    expect(noticeAudio.code).toBe('MEDIA.TYPE_NOT_ALLOWED');
    expect(snapshot(b)).toBe(before);
  });

  it('checks the bytes themselves: a renamed file is refused and what was uploaded deleted [MTG-21]', async () => {
    const bytes = pdfBytes();
    const { mediaId, cloudPath } = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes,
    });
    const fileId = await putBytes(b, SEC, cloudPath, bytes);
    const err = await b.err('media', 'confirmUpload', { mediaId, fileId }, SEC);
    expect(err.code).toBe('MEDIA.MISMATCH');
    expect(err.message).toMatch(/不是照片/);
    expect(reservation(mediaId)).toMatchObject({ state: 'removed', fileId: null });
    await expect(storedBytes(fileId)).rejects.toBeTruthy();
    expect(b.emulator.mediaChecks()).toEqual([]);
  });

  it('checks the real size, not the declared one [MTG-21]', async () => {
    const bytes = Buffer.concat([plainJpeg(), Buffer.alloc(10 * 1024 * 1024)]);
    const { mediaId, cloudPath } = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes: plainJpeg(), // declares the small size
    });
    const fileId = await putBytes(b, SEC, cloudPath, bytes);
    const err = await b.err('media', 'confirmUpload', { mediaId, fileId }, SEC);
    expect(err.code).toBe('MEDIA.TOO_LARGE');
    expect(err.message).toMatch(/^照片不能超过10MB，这张有10(\.\d)?MB$/);
  });
});

describe('only this environment’s file, at the path reserved by the caller [issue 15 §4]', () => {
  async function reserved(who = SEC) {
    const bytes = plainJpeg();
    const r = await prepareMedia(b, who, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes,
    });
    const fileId = await putBytes(b, who, r.cloudPath, bytes);
    return { ...r, fileId };
  }

  it('refuses a fileID of another environment, and changes nothing', async () => {
    const { mediaId, cloudPath } = await reserved();
    const before = snapshot(b);
    const foreign = `cloud://other-env.1234/${cloudPath}`;
    const err = await b.err('media', 'confirmUpload', { mediaId, fileId: foreign }, SEC);
    expect(err.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
  });

  it('refuses a file of this environment at another path (another org’s, another upload’s)', async () => {
    const mine = await reserved();
    const other = await reserved();
    const before = snapshot(b);
    const swapped = await b.err(
      'media',
      'confirmUpload',
      { mediaId: mine.mediaId, fileId: other.fileId },
      SEC,
    );
    expect(swapped.code).toBe('MEDIA.FOREIGN');
    const otherOrg = mine.fileId.replace('/orgs/demo-branch/', '/orgs/demo-branch-2/');
    const moved = await b.err(
      'media',
      'confirmUpload',
      { mediaId: mine.mediaId, fileId: otherOrg },
      SEC,
    );
    expect(moved.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
  });

  it('refuses to confirm another member’s reservation', async () => {
    const theirs = await reserved(SEC);
    const before = snapshot(b);
    const { mediaId, fileId } = theirs;
    const err = await b.err('media', 'confirmUpload', { mediaId, fileId }, 'demo-organizer');
    expect(err.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
  });

  it('answers “not uploaded yet” while the bytes have not arrived', async () => {
    const bytes = plainJpeg();
    const bucket = (await photo()).fileId.replace(/\/orgs\/.*$/, '');
    const r = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes,
    });
    const fileId = `${bucket}/${r.cloudPath}`;
    const err = await b.err('media', 'confirmUpload', { mediaId: r.mediaId, fileId }, SEC);
    expect(err.code).toBe('MEDIA.NOT_READY');
    expect(reservation(r.mediaId).state).toBe('reserved');
  });
});
