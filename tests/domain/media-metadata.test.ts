import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import { hasLocation, stripMetadata } from '../../cloudfunctions/_shared/domain/media/metadata';
import { sniff } from '../../cloudfunctions/_shared/domain/media/sniff';
import * as fx from '../support/media-fixtures';

const decoded = (b: Buffer) => Buffer.from(jpeg.decode(b, { useTArray: true }).data);

describe('JPEG: location and other metadata removed, pixels untouched [PRIV-15]', () => {
  const src = fx.jpegWithGps(64, 48, { icc: true, iptc: true, comment: true });
  const out = stripMetadata(src, 'image/jpeg');

  it('removes Exif (GPS), XMP, IPTC and the comment [PRIV-15]', () => {
    expect(hasLocation(src)).toBe(true);
    expect(out.understood).toBe(true);
    expect(out.removed).toEqual(['exif', 'xmp', 'iptc', 'comment']);
    expect(hasLocation(out.bytes)).toBe(false);
    expect(out.bytes.includes('Exif\0')).toBe(false);
    expect(out.bytes.includes('exif:GPS')).toBe(false);
    expect(out.bytes.includes('Changsha')).toBe(false);
    expect(out.bytes.includes('Furong')).toBe(false);
    expect(out.bytes.length).toBeLessThan(src.length);
  });

  it('keeps every other segment byte for byte: APP0, ICC profile, tables, the scan [PRIV-15]', () => {
    const icc = fx.jpegMetadataSegments({ icc: true })[2];
    expect(out.bytes.equals(fx.insertAfterApp0(fx.plainJpeg(64, 48), [icc]))).toBe(true);
  });

  it('decodes to exactly the same pixels [PRIV-15]', () => {
    expect(decoded(out.bytes).equals(decoded(src))).toBe(true);
  });

  it('is idempotent: a clean photo comes back as it is', () => {
    const again = stripMetadata(out.bytes, 'image/jpeg');
    expect(again).toEqual({ bytes: out.bytes, removed: [], understood: true });
    const plain = fx.plainJpeg();
    expect(stripMetadata(plain, 'image/jpeg').bytes).toBe(plain);
  });

  it('drops an appended image (phones append previews with their own Exif) [PRIV-15]', () => {
    const withTrailer = fx.jpegWithGps(16, 16, { trailer: true });
    const r = stripMetadata(withTrailer, 'image/jpeg');
    expect(r.removed).toEqual(['exif', 'xmp', 'trailer']);
    expect(r.bytes.equals(fx.plainJpeg(16, 16))).toBe(true);
    expect(hasLocation(r.bytes)).toBe(false);
  });
});

describe('what re-encoding does to Exif (issue 15 §4)', () => {
  const src = fx.jpegWithGps(64, 48, { icc: true });

  it('jpeg-js re-encoding of the decoded image KEEPS the Exif with its GPS: re-encoding is no strip', () => {
    const img = jpeg.decode(src);
    // jpeg-js 0.4 hands the Exif back (untyped in its .d.ts) and its encoder writes it again.
    expect((img as { exifBuffer?: Uint8Array }).exifBuffer).toBeDefined();
    const re = Buffer.from(jpeg.encode(img, 90).data);
    expect(hasLocation(re)).toBe(true);
    expect(re.includes('ICC_PROFILE')).toBe(false); // while the colour profile is lost
    expect(re.includes('exif:GPS')).toBe(false);
  });

  it('re-encoding the pixels alone drops all metadata, but changes the pixels (lossy)', () => {
    const img = jpeg.decode(src);
    const re = Buffer.from(
      jpeg.encode({ data: img.data, width: img.width, height: img.height }, 90).data,
    );
    expect(hasLocation(re)).toBe(false);
    expect(decoded(re).equals(decoded(src))).toBe(false);
  });
});

describe('PNG and WebP [PRIV-15]', () => {
  it('PNG: eXIf, tEXt, iTXt (XMP) and tIME go; the rest is the original file byte for byte [PRIV-15]', () => {
    const src = fx.pngWithText(8, 8);
    const out = stripMetadata(src, 'image/png');
    expect(hasLocation(src)).toBe(true);
    expect(out).toMatchObject({ removed: ['text', 'xmp', 'exif', 'time'], understood: true });
    expect(out.bytes.equals(fx.plainPng(8, 8))).toBe(true);
    expect(hasLocation(out.bytes)).toBe(false);
    const img = PNG.sync.read(out.bytes);
    expect(img.data.equals(PNG.sync.read(src).data)).toBe(true);
  });

  it('WebP: EXIF and XMP chunks go, their VP8X flags are cleared and the RIFF size fixed [PRIV-15]', () => {
    const src = fx.webpWithExif();
    const out = stripMetadata(src, 'image/webp');
    expect(hasLocation(src)).toBe(true);
    expect(out).toMatchObject({ removed: ['exif', 'xmp'], understood: true });
    expect(hasLocation(out.bytes)).toBe(false);
    expect(out.bytes.readUInt32LE(4)).toBe(out.bytes.length - 8);
    expect(out.bytes.toString('latin1', 12, 16)).toBe('VP8X');
    expect(out.bytes[20] & 0x0c).toBe(0);
    expect(out.bytes.includes('VP8L')).toBe(true);
    expect(sniff(out.bytes)?.mime).toBe('image/webp');
    expect(stripMetadata(out.bytes, 'image/webp')).toEqual({
      bytes: out.bytes,
      removed: [],
      understood: true,
    });
  });
});

describe('what is not understood is said so, never thrown [PRIV-15]', () => {
  it('answers a truncated or corrupt photo unchanged and not understood, so the app refuses it', () => {
    const src = fx.jpegWithGps();
    for (const bytes of [
      src.subarray(0, 30),
      src.subarray(0, src.length - 40),
      Buffer.from('not a jpeg'),
    ]) {
      const r = stripMetadata(bytes, 'image/jpeg');
      expect(r).toEqual({ bytes, removed: [], understood: false });
    }
    expect(stripMetadata(fx.plainJpeg(), 'image/png').understood).toBe(false);
    expect(stripMetadata(fx.gifBytes(), 'image/gif').understood).toBe(false);
    expect(stripMetadata(fx.pngWithText().subarray(0, 100), 'image/png').understood).toBe(false);
    expect(stripMetadata(fx.webpWithExif().subarray(0, 40), 'image/webp').understood).toBe(false);
  });

  it('leaves other kinds alone: nothing to strip, nothing to refuse', () => {
    const pdf = fx.pdfBytes();
    expect(stripMetadata(pdf, 'application/pdf')).toEqual({
      bytes: pdf,
      removed: [],
      understood: true,
    });
    expect(stripMetadata(fx.mp3Bytes(), 'audio/mpeg').understood).toBe(true);
  });

  it('never throws, on every prefix of every photo and on noise', () => {
    const photos: [Buffer, string][] = [
      [fx.jpegWithGps(), 'image/jpeg'],
      [fx.pngWithText(), 'image/png'],
      [fx.webpWithExif(), 'image/webp'],
    ];
    let seed = 7;
    const noise = Buffer.alloc(512, 0).map(
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    for (const [bytes, mime] of photos) {
      for (let n = 0; n <= bytes.length; n += 7) {
        expect(() => stripMetadata(bytes.subarray(0, n), mime)).not.toThrow();
        expect(() => hasLocation(bytes.subarray(0, n))).not.toThrow();
      }
      expect(() => stripMetadata(Buffer.concat([bytes.subarray(0, 4), noise]), mime)).not.toThrow();
    }
  });
});

describe('hasLocation', () => {
  const app1 = (payload: Buffer) => {
    const head = Buffer.from([0xff, 0xe1, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };

  it('is false for Exif without a GPS IFD, true with one or with XMP exif:GPS [PRIV-15]', () => {
    const noGps = fx.insertAfterApp0(fx.plainJpeg(), [
      app1(Buffer.concat([Buffer.from('Exif\0\0'), fx.exifTiff({ gps: false })])),
    ]);
    expect(hasLocation(noGps)).toBe(false);
    expect(stripMetadata(noGps, 'image/jpeg').removed).toEqual(['exif']);
    const gps = fx.insertAfterApp0(fx.plainJpeg(), [
      app1(Buffer.concat([Buffer.from('Exif\0\0'), fx.exifTiff()])),
    ]);
    expect(hasLocation(gps)).toBe(true);
    const xmpOnly = fx.insertAfterApp0(fx.plainJpeg(), [
      app1(
        Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), Buffer.from(fx.XMP_PACKET)]),
      ),
    ]);
    expect(hasLocation(xmpOnly)).toBe(true);
    expect(hasLocation(fx.plainJpeg())).toBe(false);
    expect(hasLocation(fx.plainPng())).toBe(false);
    expect(hasLocation(fx.plainWebp())).toBe(false);
  });
});
