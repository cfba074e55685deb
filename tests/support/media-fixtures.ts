/**
 * Real media bytes for tests (issue 15): photos encoded with jpeg-js/pngjs carrying real Exif GPS
 * and XMP, a hand-built WebP, MPEG/ADTS/MP4/WAV audio and video headers, PDF, OLE2 and OOXML
 * documents. Small, deterministic, no files on disk.
 */
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import { crc32, latin1, riff, riffChunk } from './media-fixtures-bytes';

export * from './media-fixtures-av';
export { crc32 } from './media-fixtures-bytes';

// ---------- Exif (TIFF) with a GPS IFD ----------
/** Changsha, 28°11'24"N 112°58'12"E — where a member might live. */
export const GPS = { lat: [28, 11, 24], long: [112, 58, 12] } as const;

/** A little-endian TIFF body: IFD0 {Make, GPS pointer}, GPS IFD {lat/long refs and values}. */
export function exifTiff(opts: { gps?: boolean } = {}): Buffer {
  const gps = opts.gps !== false;
  const entries0 = gps ? 2 : 1;
  const ifd0 = 8;
  const ifd0Size = 2 + 12 * entries0 + 4;
  const make = latin1('XFZB\0');
  const makeAt = ifd0 + ifd0Size;
  const gpsAt = makeAt + make.length + (make.length & 1);
  const gpsSize = 2 + 12 * 4 + 4;
  const latAt = gpsAt + gpsSize;
  const longAt = latAt + 24;
  const b = Buffer.alloc(gps ? longAt + 24 : gpsAt);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(ifd0, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  b.writeUInt16LE(entries0, ifd0);
  entry(ifd0 + 2, 0x010f, 2, make.length, makeAt);
  make.copy(b, makeAt);
  if (gps) {
    entry(ifd0 + 14, 0x8825, 4, 1, gpsAt);
    b.writeUInt16LE(4, gpsAt);
    entry(gpsAt + 2, 1, 2, 2, 0x4e); // GPSLatitudeRef 'N'
    entry(gpsAt + 14, 2, 5, 3, latAt);
    entry(gpsAt + 26, 3, 2, 2, 0x45); // GPSLongitudeRef 'E'
    entry(gpsAt + 38, 4, 5, 3, longAt);
    GPS.lat.forEach(
      (v, i) => (b.writeUInt32LE(v, latAt + 8 * i), b.writeUInt32LE(1, latAt + 8 * i + 4)),
    );
    GPS.long.forEach(
      (v, i) => (b.writeUInt32LE(v, longAt + 8 * i), b.writeUInt32LE(1, longAt + 8 * i + 4)),
    );
  }
  return b;
}

export const XMP_PACKET =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ' +
  'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="28,11.4N" ' +
  'exif:GPSLongitude="112,58.2E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

// ---------- JPEG ----------
/** Deterministic RGBA pixels: a gradient with a red square, so decoding is checkable. */
export function pixels(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 4 * (y * w + x);
      const square = x > w / 4 && x < w / 2 && y > h / 4 && y < h / 2;
      data[i] = square ? 220 : (x * 255) / Math.max(1, w - 1);
      data[i + 1] = square ? 20 : (y * 255) / Math.max(1, h - 1);
      data[i + 2] = 120;
      data[i + 3] = 255;
    }
  }
  return data;
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** A real baseline JPEG from jpeg-js (APP0 JFIF, tables, one scan), no metadata. */
export function plainJpeg(w = 16, h = 16, quality = 90): Buffer {
  return Buffer.from(jpeg.encode({ data: pixels(w, h), width: w, height: h }, quality).data);
}

/** The APPn/COM segments a phone writes, to insert after APP0. */
export function jpegMetadataSegments(
  opts: { icc?: boolean; iptc?: boolean; comment?: boolean } = {},
) {
  const segs = [
    segment(0xe1, Buffer.concat([latin1('Exif\0\0'), exifTiff()])),
    segment(0xe1, Buffer.concat([latin1('http://ns.adobe.com/xap/1.0/\0'), latin1(XMP_PACKET)])),
  ];
  if (opts.icc)
    segs.push(
      segment(
        0xe2,
        Buffer.concat([latin1('ICC_PROFILE\0'), Buffer.from([1, 1]), Buffer.alloc(128, 7)]),
      ),
    );
  if (opts.iptc)
    segs.push(
      segment(0xed, latin1('Photoshop 3.0\0' + '8BIM\x04\x04\0\0\0\0\0\x0cCity: Changsha')),
    );
  if (opts.comment) segs.push(segment(0xfe, latin1('taken at home, 5 Furong Road')));
  return segs;
}

/** Inserts segments right after a JPEG's APP0 (or SOI when there is none). */
export function insertAfterApp0(jpg: Buffer, segs: Buffer[]): Buffer {
  const at = jpg[2] === 0xff && jpg[3] === 0xe0 ? 4 + jpg.readUInt16BE(4) : 2;
  return Buffer.concat([jpg.subarray(0, at), ...segs, jpg.subarray(at)]);
}

/**
 * A real JPEG (jpeg-js) with an Exif APP1 carrying a GPS IFD (lat/long), an XMP APP1 with
 * exif:GPSLatitude, and optionally ICC (kept by the strip), IPTC and a comment (removed).
 */
export function jpegWithGps(
  w = 16,
  h = 16,
  opts: { icc?: boolean; iptc?: boolean; comment?: boolean; trailer?: boolean } = {},
): Buffer {
  const withMeta = insertAfterApp0(plainJpeg(w, h), jpegMetadataSegments(opts));
  if (!opts.trailer) return withMeta;
  // An appended second image with its own Exif, as phones append previews (MPF).
  return Buffer.concat([withMeta, jpegWithGps(8, 8)]);
}

// ---------- PNG ----------
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([latin1(type), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function plainPng(w = 8, h = 8): Buffer {
  const png = new PNG({ width: w, height: h });
  pixels(w, h).copy(png.data);
  return PNG.sync.write(png);
}

/** A real PNG (pngjs) with tEXt, iTXt (XMP with exif:GPS), zTXt-free eXIf (GPS) and tIME before IDAT. */
export function pngWithText(w = 8, h = 8): Buffer {
  const png = plainPng(w, h);
  const ihdrEnd = 8 + 12 + 13;
  const time = Buffer.from([0x07, 0xea, 12, 1, 9, 0, 0]);
  const extra = [
    pngChunk('tEXt', latin1('Comment\0taken at home')),
    pngChunk('iTXt', Buffer.concat([latin1('XML:com.adobe.xmp\0\0\0\0\0'), latin1(XMP_PACKET)])),
    pngChunk('eXIf', exifTiff()),
    pngChunk('tIME', time),
  ];
  return Buffer.concat([png.subarray(0, ihdrEnd), ...extra, png.subarray(ihdrEnd)]);
}

// ---------- WebP ----------
/** A 1×1 lossless VP8L bitstream (the well-known minimal image). */
const VP8L_1X1 = Buffer.from('2f00000010071011118888fe07', 'hex');

export function plainWebp(): Buffer {
  return riff('WEBP', [riffChunk('VP8L', VP8L_1X1)]);
}

/** VP8X (EXIF+XMP flags set) + VP8L 1×1 + EXIF (GPS) + XMP chunks, built by hand. */
export function webpWithExif(): Buffer {
  const vp8x = Buffer.alloc(10); // flags, 3 reserved, canvas w-1 (24 bits), h-1 (24 bits)
  vp8x[0] = 0x08 | 0x04;
  return riff('WEBP', [
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', VP8L_1X1),
    riffChunk('EXIF', exifTiff()),
    riffChunk('XMP ', latin1(XMP_PACKET)),
  ]);
}

export function gifBytes(): Buffer {
  return Buffer.from(
    '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b',
    'hex',
  );
}
