import {
  checkBytes,
  checkedKind,
  checkUpload,
} from '../../cloudfunctions/_shared/domain/media/rules';
import {
  MEDIA_KINDS,
  MEDIA_LIMITS,
  type MediaKind,
} from '../../cloudfunctions/_shared/domain/media/model';
import { sniff } from '../../cloudfunctions/_shared/domain/media/sniff';
import * as fx from '../support/media-fixtures';

const failure = (r: { ok: boolean }) =>
  r as { ok: false; code: string; message: string; ruleId?: string };

describe('the bytes themselves [MTG-21]', () => {
  const cases: [string, MediaKind, Buffer, string][] = [
    ['jpeg', 'image', fx.jpegWithGps(), 'image/jpeg'],
    ['png', 'image', fx.pngWithText(), 'image/png'],
    ['webp', 'image', fx.webpWithExif(), 'image/webp'],
    ['mp3 with ID3', 'audio', fx.mp3Bytes(), 'audio/mpeg'],
    ['mp3 frames only', 'audio', fx.mp3Bytes({ id3: false }), 'audio/mpeg'],
    ['aac (ADTS)', 'audio', fx.aacBytes(), 'audio/aac'],
    ['m4a', 'audio', fx.m4aBytes(), 'audio/mp4'],
    ['wav', 'audio', fx.wavBytes(), 'audio/wav'],
    ['mp4', 'video', fx.mp4Bytes(), 'video/mp4'],
    ['mov', 'video', fx.movBytes(), 'video/quicktime'],
    ['pdf', 'document', fx.pdfBytes(), 'application/pdf'],
    [
      'docx',
      'document',
      fx.docxBytes(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'xlsx',
      'document',
      fx.xlsxBytes(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'pptx',
      'document',
      fx.pptxBytes(),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['doc', 'document', fx.oleBytes('doc'), 'application/msword'],
    ['xls', 'document', fx.oleBytes('xls'), 'application/vnd.ms-excel'],
  ];

  it.each(cases)('knows a real %s by its bytes [MTG-21]', (_, kind, bytes, mime) => {
    expect(checkBytes(kind, bytes)).toEqual({ ok: true, value: { mime } });
  });

  it('refuses a renamed file: a PDF called photo.jpg is not a photo [MTG-21]', () => {
    const file = fx.renamed(fx.pdfBytes(), 'photo.jpg');
    expect(
      checkUpload({ purpose: 'record', kind: 'image', name: file.name, size: file.size }).ok,
    ).toBe(true);
    const r = failure(checkBytes('image', file.bytes));
    expect(r).toMatchObject({ code: 'MEDIA.MISMATCH', ruleId: 'MTG-21' });
    expect(r.message).toBe('这个文件不是照片，可能被改过名字，请重新选择');
    expect(failure(checkBytes('audio', fx.mp4Bytes())).code).toBe('MEDIA.MISMATCH');
    expect(failure(checkBytes('video', fx.m4aBytes())).code).toBe('MEDIA.MISMATCH');
    expect(failure(checkBytes('document', fx.jpegWithGps())).code).toBe('MEDIA.MISMATCH');
  });

  it('refuses types it recognises but does not take: GIF, HEIC, a plain zip [MTG-21]', () => {
    expect(failure(checkBytes('image', fx.gifBytes())).code).toBe('MEDIA.MISMATCH');
    expect(failure(checkBytes('image', fx.heicBytes())).code).toBe('MEDIA.MISMATCH');
    expect(failure(checkBytes('document', fx.plainZipBytes())).code).toBe('MEDIA.MISMATCH');
    expect(
      failure(checkBytes('document', Buffer.from('just some text, not a document'))).code,
    ).toBe('MEDIA.MISMATCH');
    expect(failure(checkBytes('image', Buffer.alloc(0))).code).toBe('MEDIA.MISMATCH');
  });

  it('refuses bytes over the kind’s limit whatever size was declared [MTG-21]', () => {
    const big = Buffer.concat([fx.plainJpeg(), Buffer.alloc(MEDIA_LIMITS.image.maxBytes)]);
    expect(failure(checkBytes('image', big))).toMatchObject({
      code: 'MEDIA.TOO_LARGE',
      message: '照片不能超过10MB，这张有10.1MB',
    });
  });

  it('checks images and audio with WeChat, not video or documents', () => {
    expect(MEDIA_KINDS.filter(checkedKind)).toEqual(['image', 'audio']);
  });
});

describe('sniff', () => {
  it('tells OOXML apart by its entries, and falls back to the declared extension', () => {
    const bare = fx.zipBytes({ '[Content_Types].xml': '<Types/>' });
    expect(sniff(bare, 'xlsx')?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniff(bare)?.kind).toBe('document');
    // The bytes win over the extension: a docx called .xlsx is still a Word document.
    expect(sniff(fx.docxBytes('docx'), 'xlsx')?.mime).toContain('wordprocessingml');
  });

  it('never throws on short or random bytes', () => {
    for (const n of [0, 1, 3, 4, 11, 12, 64]) {
      const b = Buffer.alloc(n, 0xff);
      expect(() => sniff(b)).not.toThrow();
    }
    expect(sniff(Buffer.from('RIFF\0\0\0\0AVI ', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from([0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70, 1, 2, 3, 4]))).toBeNull();
  });
});
