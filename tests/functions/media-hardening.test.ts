/**
 * What a phone or a committee member could try after a file was checked, and what they find:
 * the checked copy is out of every phone's reach, a file serves one place only (so an archived
 * record's photo is never freed by attaching it elsewhere), a photo still saying where it was
 * taken after the strip is refused, and a file's name is public text [MTG-20, PRIV-12, DIS-13].
 */
import { hasLocation } from '../../cloudfunctions/_shared/domain/media/metadata';
import { Backend, snapshot, startBackend } from '../support/backend';
import { exifTiff, insertAfterApp0, plainJpeg, pdfBytes } from '../support/media-fixtures';
import {
  clientUpload,
  prepareMedia,
  putBytes,
  storedBytes,
  uploadMedia,
} from '../support/media-kit';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const SEC = 'demo-secretary';
const MOBILE = 'demo-mobile';
const ORG = 'demo-branch';
const photo = (name = '现场照片.jpg') =>
  uploadMedia(b, SEC, { orgId: ORG, purpose: 'record', name, bytes: plainJpeg() });
const record = (activityId: string, attachments: string[], extra: object = {}) =>
  ({ activityId, minutes: '学习全会精神', attachments, ...extra }) as const;

describe('the checked copy is out of every phone’s reach [MTG-20, PRIV-12]', () => {
  it('stores the checked bytes where no phone may write, and deletes the phone’s upload', async () => {
    const slot = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes: plainJpeg(),
    });
    const uploaded = await putBytes(b, SEC, slot.cloudPath, plainJpeg());
    const view = await b.ok(
      'media',
      'confirmUpload',
      { mediaId: slot.mediaId, fileId: uploaded },
      SEC,
    );
    expect(view.fileId).not.toBe(uploaded);
    await expect(storedBytes(uploaded)).rejects.toBeTruthy();
    expect(await storedBytes(view.fileId)).toEqual(plainJpeg());
    const storedPath = view.fileId.replace(/^cloud:\/\/[^/]+\//, '');
    const swap = await clientUpload(b, SEC, storedPath, Buffer.from('other bytes'), 'x.jpg');
    expect(swap.status).toBe(403);
    // Re-creating the deleted upload changes nothing others see.
    expect((await clientUpload(b, SEC, slot.cloudPath, Buffer.from('junk'), 'x.jpg')).status).toBe(
      200,
    );
    expect(await storedBytes(view.fileId)).toEqual(plainJpeg());
  });
});

describe('one file, one place [MTG-20]', () => {
  it('refuses a file already on another record, so an archived photo is never freed', async () => {
    const p = await photo();
    await b.ok('activity', 'record', record('demo-theme-day', [p.fileId], { archive: true }), SEC);
    const before = snapshot(b);
    const e = await b.err('activity', 'record', record('demo-theme-day-last', [p.fileId]), SEC);
    expect(e.code).toBe('CONFLICT');
    expect(snapshot(b)).toBe(before);
    expect((await b.err('media', 'remove', { fileId: p.fileId }, SEC)).code).toBe('MEDIA.LOCKED');
  });

  it('keeps an archived record’s photos locked through every amendment', async () => {
    const p = await photo();
    await b.ok('activity', 'record', record('demo-theme-day', [p.fileId], { archive: true }), SEC);
    const more = await photo('补充照片.jpg');
    await b.ok(
      'activity',
      'record',
      record('demo-theme-day', [p.fileId, more.fileId], { reason: '补充照片' }),
      SEC,
    );
    const docs = b.docs('mediaFiles').filter((d) => [p.fileId, more.fileId].includes(d.fileId));
    expect(docs.map((d) => d.locked)).toEqual([true, true]);
  });
});

describe('a photo is stored only when it no longer says where it was taken [PRIV-12]', () => {
  it('refuses a photo whose location hides in a part the strip keeps, and deletes it', async () => {
    // GPS inside the colour profile (APP2 ICC_PROFILE, which the strip keeps).
    const icc = Buffer.concat([
      Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'),
      exifTiff({ gps: true }),
    ]);
    const seg = Buffer.concat([Buffer.from([0xff, 0xe2]), Buffer.alloc(2), icc]);
    seg.writeUInt16BE(icc.length + 2, 2);
    const bytes = insertAfterApp0(plainJpeg(), [seg]);
    expect(hasLocation(bytes)).toBe(true);
    const slot = await prepareMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: 'a.jpg',
      bytes,
    });
    const uploaded = await putBytes(b, SEC, slot.cloudPath, bytes);
    const e = await b.err(
      'media',
      'confirmUpload',
      { mediaId: slot.mediaId, fileId: uploaded },
      SEC,
    );
    expect(e.code).toBe('MEDIA.MISMATCH');
    await expect(storedBytes(uploaded)).rejects.toBeTruthy();
    expect(b.docs('mediaFiles').find((d) => d._id === slot.mediaId)?.state).toBe('removed');
  });
});

describe('a file’s name is public text [DIS-13]', () => {
  it('refuses a name with a full mobile number, and reserves nothing', async () => {
    const before = snapshot(b);
    const e = await b.err(
      'media',
      'prepareUpload',
      { orgId: ORG, purpose: 'record', kind: 'document', name: '张三13812345678.pdf', size: 100 },
      SEC,
    );
    expect(e.code).toBe('CONTENT.PERSONAL_DATA');
    expect(snapshot(b)).toBe(before);
  });
});

describe('a 流动党员’s proof stays with the record when they also join online [CHK-15, CHK-16]', () => {
  it('keeps the 流入地 proof files when an online join adds a screenshot', async () => {
    const a = { activityId: 'demo-theme-day', inflowOrg: '深圳市南山区某社区党委' };
    const proof = await uploadMedia(b, MOBILE, {
      orgId: ORG,
      purpose: 'inflowProof',
      name: '流入地证明.pdf',
      bytes: pdfBytes(),
    });
    await b.ok('activity', 'attendInflow', { ...a, proofFiles: [proof.fileId] }, MOBILE);
    const shot = await uploadMedia(b, MOBILE, {
      orgId: ORG,
      purpose: 'remoteEvidence',
      name: '截图.jpg',
      bytes: plainJpeg(),
    });
    const join = { activityId: 'demo-theme-day', note: '视频参加', evidence: [shot.fileId] };
    await b.ok('activity', 'joinRemote', join, MOBILE);
    const rows = await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC);
    expect(rows.find((r) => r.memberId === 'demo-mobile')?.evidence).toEqual([
      proof.fileId,
      shot.fileId,
    ]);
  });
});
