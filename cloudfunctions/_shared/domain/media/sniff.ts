import type { MediaKind } from './model';

/**
 * What the bytes really are, by their magic numbers — never by the name a member gave them
 * [MTG-21]. `kind` is null for a type we recognise but do not take (GIF, BMP, HEIC, a plain zip):
 * the caller refuses those. Answers null when the bytes are of no type we know. Pure, no I/O.
 */
export interface Sniffed {
  readonly mime: string;
  readonly kind: MediaKind | null;
}

const ascii = (b: Uint8Array, at: number, len: number): string =>
  at + len > b.length ? '' : String.fromCharCode(...b.subarray(at, at + len));

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32le = (b: Uint8Array, at: number): number =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u32be = (b: Uint8Array, at: number): number =>
  b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Entry names of a zip: from its central directory when there is one, else its local headers. */
function zipNames(b: Uint8Array): string[] {
  const names: string[] = [];
  const from = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= from; i--) {
    if (!startsWith(b, [0x50, 0x4b, 0x05, 0x06], i)) continue;
    const count = u16le(b, i + 10);
    let at = u32le(b, i + 16);
    for (let n = 0; n < count && startsWith(b, [0x50, 0x4b, 0x01, 0x02], at); n++) {
      const len = u16le(b, at + 28);
      names.push(ascii(b, at + 46, len));
      at += 46 + len + u16le(b, at + 30) + u16le(b, at + 32);
    }
    if (names.length) return names;
    break;
  }
  // No central directory in reach: walk the local headers while their sizes are known.
  let at = 0;
  while (names.length < 64 && startsWith(b, [0x50, 0x4b, 0x03, 0x04], at) && at + 30 <= b.length) {
    const len = u16le(b, at + 26);
    names.push(ascii(b, at + 30, len));
    const size = u32le(b, at + 18);
    if (u16le(b, at + 6) & 0x08 && size === 0) break; // sizes follow the data: cannot skip it
    at += 30 + len + u16le(b, at + 28) + size;
  }
  return names;
}

function ooxml(b: Uint8Array, ext: string): Sniffed {
  const names = zipNames(b);
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has('word/')) return { mime: OOXML.docx, kind: 'document' };
  if (has('xl/')) return { mime: OOXML.xlsx, kind: 'document' };
  if (has('ppt/')) return { mime: OOXML.pptx, kind: 'document' };
  if (names.includes('[Content_Types].xml')) {
    return { mime: OOXML[ext] ?? OOXML.docx, kind: 'document' };
  }
  return { mime: 'application/zip', kind: null };
}

/** Whether a UTF-16LE stream name appears in an OLE2 compound file (its directory entries). */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) >= 0;
}

function ole(b: Uint8Array, ext: string): Sniffed {
  if (hasUtf16(b, 'WordDocument')) return { mime: OLE.doc, kind: 'document' };
  if (hasUtf16(b, 'PowerPoint Document')) return { mime: OLE.ppt, kind: 'document' };
  if (hasUtf16(b, 'Workbook') || hasUtf16(b, 'Book')) return { mime: OLE.xls, kind: 'document' };
  return { mime: OLE[ext] ?? OLE.doc, kind: 'document' };
}

const AUDIO_BRANDS = ['M4A ', 'M4B ', 'M4P ', 'F4A '];
const IMAGE_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'];

/** ISO base media (ftyp): M4A brands are audio, HEIF/AVIF images are refused, the rest video. */
function isoMedia(b: Uint8Array): Sniffed | null {
  const size = u32be(b, 0);
  const major = ascii(b, 8, 4);
  const brands = [major];
  for (let at = 16; at + 4 <= Math.min(size, b.length, 256); at += 4) brands.push(ascii(b, at, 4));
  if (brands.some((x) => AUDIO_BRANDS.includes(x))) return { mime: 'audio/mp4', kind: 'audio' };
  if (IMAGE_BRANDS.includes(major)) {
    return { mime: major === 'avif' ? 'image/avif' : 'image/heic', kind: null };
  }
  if (major === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
  if (/^[\x20-\x7e]{4}$/.test(major)) return { mime: 'video/mp4', kind: 'video' };
  return null;
}

/**
 * The type of the bytes. `ext` (the declared extension, lower-case) only tells apart formats whose
 * bytes do not say which they are (an OOXML zip without `word/`/`xl/`/`ppt/` entries in reach, an
 * OLE2 file without a known stream) — it never turns one kind into another.
 */
export function sniff(bytes: Uint8Array, ext = ''): Sniffed | null {
  const b = bytes;
  if (b.length < 4) return null;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: 'image/png', kind: 'image' };
  }
  if (ascii(b, 0, 4) === 'RIFF') {
    const form = ascii(b, 8, 4);
    if (form === 'WEBP') return { mime: 'image/webp', kind: 'image' };
    if (form === 'WAVE') return { mime: 'audio/wav', kind: 'audio' };
    return null;
  }
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') {
    return { mime: 'image/gif', kind: null };
  }
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26 && u32le(b, 14) >= 12 && u32le(b, 14) <= 124) {
    return { mime: 'image/bmp', kind: null };
  }
  if (ascii(b, 0, 3) === 'ID3') return { mime: 'audio/mpeg', kind: 'audio' };
  if (b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return { mime: 'audio/aac', kind: 'audio' };
  if (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) {
    // MPEG audio frame sync with a valid layer, version and bitrate index.
    if ((b[1] & 0x18) !== 0x08 && (b[2] & 0xf0) !== 0xf0 && (b[2] & 0x0c) !== 0x0c) {
      return { mime: 'audio/mpeg', kind: 'audio' };
    }
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') return isoMedia(b);
  if (ascii(b, 0, 5) === '%PDF-') return { mime: 'application/pdf', kind: 'document' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ole(b, ext);
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return ooxml(b, ext);
  return null;
}
