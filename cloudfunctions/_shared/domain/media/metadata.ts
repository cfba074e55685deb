/**
 * Photo metadata [issue 15 §4, PRIV-12]: what a photo says beyond its pixels — where it was taken
 * (Exif GPS, XMP exif:GPS*), the camera, the time, captions — is removed before anyone but the
 * uploader can see it. The pixels are never re-encoded: kept segments and chunks are copied
 * byte for byte, so the picture is exactly the one the member took. Pure: no I/O, never throws.
 */

export interface Stripped {
  bytes: Buffer;
  /** What was removed: 'exif', 'xmp', 'iptc', 'comment', 'text', 'time', 'other', 'trailer'. */
  removed: string[];
  /**
   * (additive) Whether the structure of an image was walked to its end. `false` means the bytes
   * came back unchanged and MAY still carry a location: the caller must refuse such an image
   * (MEDIA.MISMATCH) rather than store it — storing a photo we could not clean would publish
   * where a member lives. Non-image types are always `true` (there is nothing to strip).
   */
  understood: boolean;
}

const u16be = (b: Buffer, at: number): number => (b[at] << 8) | b[at + 1];
const startsAscii = (b: Buffer, at: number, s: string): boolean =>
  at + s.length <= b.length && b.toString('latin1', at, at + s.length) === s;

const unchanged = (bytes: Buffer, understood: boolean): Stripped => ({
  bytes,
  removed: [],
  understood,
});
const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** Which label an APPn/COM segment of a JPEG carries, or null when it is kept. */
function jpegDrop(b: Buffer, marker: number, data: number): string | null {
  if (marker === 0xfe) return 'comment';
  if (marker === 0xe1) {
    if (startsAscii(b, data, 'Exif\0')) return 'exif';
    if (startsAscii(b, data, 'http://ns.adobe.com/x')) return 'xmp';
    return 'other';
  }
  if (marker === 0xed) return 'iptc';
  if (marker === 0xe2 && startsAscii(b, data, 'ICC_PROFILE\0')) return null;
  if (marker === 0xee && startsAscii(b, data, 'Adobe')) return null;
  if (marker >= 0xe2 && marker <= 0xef) return 'other';
  return null; // APP0 (JFIF), tables, frame headers: needed to show the picture
}

/**
 * JPEG: the segments up to the first SOS are walked; APP1 (Exif, XMP), APP13 (IPTC), COM and
 * APP2..APP15 go, except ICC_PROFILE (APP2) and Adobe (APP14), which colour needs. From SOS to
 * the first EOI everything is copied as is; bytes after EOI (appended preview or depth images,
 * which carry their own Exif) are dropped.
 */
function stripJpeg(b: Buffer): Stripped {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return unchanged(b, false);
  const parts: Buffer[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let i = 2;
  for (;;) {
    if (i + 1 >= b.length || b[i] !== 0xff) return unchanged(b, false);
    let m = i + 1;
    while (m < b.length && b[m] === 0xff) m++; // fill bytes
    if (m >= b.length) return unchanged(b, false);
    const marker = b[m];
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(b.subarray(m - 1, m + 1));
      i = m + 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00) return unchanged(b, false);
    if (m + 2 >= b.length) return unchanged(b, false);
    const len = u16be(b, m + 1);
    const end = m + 1 + len;
    if (len < 2 || end > b.length) return unchanged(b, false);
    if (marker === 0xda) {
      const eoi = findEoi(b, end);
      if (eoi < 0) return unchanged(b, false);
      parts.push(b.subarray(m - 1, eoi + 2));
      if (eoi + 2 < b.length) removed.push('trailer');
      break;
    }
    const label = jpegDrop(b, marker, m + 3);
    if (label) removed.push(label);
    else parts.push(b.subarray(m - 1, end));
    i = end;
  }
  return removed.length
    ? { bytes: Buffer.concat(parts), removed: uniq(removed), understood: true }
    : unchanged(b, true);
}

/** The first EOI after `from`: in entropy-coded data a 0xFF is always followed by 00 or a marker. */
function findEoi(b: Buffer, from: number): number {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    if (b[i + 1] === 0xd9) return i;
  }
  return -1;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP: Record<string, string> = {
  eXIf: 'exif',
  tEXt: 'text',
  zTXt: 'text',
  iTXt: 'text',
  tIME: 'time',
};

/** PNG: eXIf, tEXt, zTXt, iTXt (XMP lives in one) and tIME go; kept chunks keep their CRCs. */
function stripPng(b: Buffer): Stripped {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return unchanged(b, false);
  const parts: Buffer[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  for (;;) {
    if (i + 12 > b.length) return unchanged(b, false);
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (len > 0x7fffffff || end > b.length || !/^[A-Za-z]{4}$/.test(type)) {
      return unchanged(b, false);
    }
    const label = PNG_DROP[type];
    if (label === 'text' && type === 'iTXt' && startsAscii(b, i + 8, 'XML:com.adobe.xmp\0')) {
      removed.push('xmp');
    } else if (label) removed.push(label);
    else parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  if (i < b.length) removed.push('trailer');
  return removed.length
    ? { bytes: Buffer.concat(parts), removed: uniq(removed), understood: true }
    : unchanged(b, true);
}

/** WebP: EXIF and XMP chunks go, VP8X's EXIF (0x08) and XMP (0x04) flags are cleared, RIFF size fixed. */
function stripWebp(b: Buffer): Stripped {
  if (b.length < 12 || !startsAscii(b, 0, 'RIFF') || !startsAscii(b, 8, 'WEBP')) {
    return unchanged(b, false);
  }
  const riffEnd = 8 + b.readUInt32LE(4);
  if (riffEnd > b.length || riffEnd < 12) return unchanged(b, false);
  const parts: Buffer[] = [];
  const removed: string[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return unchanged(b, false);
    const type = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    const end = i + 8 + len + (len & 1);
    if (end > riffEnd + (len & 1) || !/^[\x20-\x7e]{4}$/.test(type)) return unchanged(b, false);
    const chunk = b.subarray(i, Math.min(end, b.length));
    if (type === 'EXIF') removed.push('exif');
    else if (type === 'XMP ') removed.push('xmp');
    else parts.push(chunk);
    i = end;
  }
  if (riffEnd < b.length) removed.push('trailer');
  if (!removed.length) return unchanged(b, true);
  const body = Buffer.concat(parts);
  const vp8x = body.indexOf('VP8X', 0, 'latin1') === 0;
  const out = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'), body]);
  out.writeUInt32LE(out.length - 8, 4);
  if (vp8x && out.length > 20) out[20] &= ~0x0c;
  return { bytes: out, removed: uniq(removed), understood: true };
}

/**
 * Removes what a photo says beyond its pixels before anyone else can see it: JPEG APP1 (Exif —
 * GPS, camera, time — and XMP), APP13 (IPTC) and comments; PNG eXIf/tEXt/iTXt/zTXt/tIME; WebP
 * EXIF/XMP chunks. The pixels are not re-encoded. Answers the clean bytes and what was removed
 * (e.g. ['exif']); other kinds come back unchanged.
 *
 * Never throws. When an image's structure is not understood (truncated, a segment longer than
 * the file, a mime that is not JPEG/PNG/WebP) the bytes come back unchanged with removed [] and
 * `understood: false` — that is NOT safe to publish (the location may still be inside), so the
 * caller refuses the file instead of storing it.
 */
export function stripMetadata(bytes: Buffer, mime: string): Stripped {
  try {
    const m = String(mime).toLowerCase();
    if (m === 'image/jpeg' || m === 'image/jpg') return stripJpeg(bytes);
    if (m === 'image/png') return stripPng(bytes);
    if (m === 'image/webp') return stripWebp(bytes);
    return unchanged(bytes, !m.startsWith('image/'));
  } catch {
    return unchanged(bytes, false);
  }
}

/** Whether a TIFF header at `at` (Exif's body) has IFD0 with a GPS IFD pointer (tag 0x8825). */
function tiffHasGps(b: Buffer, at: number): boolean {
  const le = b[at] === 0x49;
  const r16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const r32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (at + 8 > b.length) return false;
  const ifd = at + r32(at + 4);
  if (ifd + 2 > b.length) return false;
  const count = r16(ifd);
  for (let n = 0; n < count && ifd + 2 + 12 * n + 12 <= b.length; n++) {
    if (r16(ifd + 2 + 12 * n) === 0x8825) return true;
  }
  return false;
}

const TIFF_LE = Buffer.from('II*\0', 'latin1');
const TIFF_BE = Buffer.from('MM\0*', 'latin1');

/**
 * Whether the bytes still carry location data (an Exif GPS IFD, or XMP with exif:GPS*).
 * Structure-blind on purpose: every TIFF header anywhere in the bytes (JPEG APP1, PNG eXIf, WebP
 * EXIF, an appended image) is tried, and XMP's `exif:GPS` is searched as text.
 */
export function hasLocation(bytes: Buffer): boolean {
  try {
    if (bytes.indexOf('exif:GPS', 0, 'latin1') >= 0) return true;
    for (const header of [TIFF_LE, TIFF_BE]) {
      for (let i = bytes.indexOf(header); i >= 0; i = bytes.indexOf(header, i + 1)) {
        if (tiffHasGps(bytes, i)) return true;
      }
    }
    return false;
  } catch {
    return true; // cannot tell: assume the worst
  }
}
