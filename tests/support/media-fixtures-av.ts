/** Audio, video and document fixtures (issue 15); re-exported by media-fixtures.ts. */
import { box, crc32, latin1, riff, riffChunk } from './media-fixtures-bytes';

// ---------- Audio and video ----------
/** ID3v2.4 tag + three MPEG-1 Layer III frames (128 kbps, 44.1 kHz, 417 bytes each). */
export function mp3Bytes(opts: { id3?: boolean } = {}): Buffer {
  const frame = Buffer.alloc(417);
  Buffer.from([0xff, 0xfb, 0x90, 0x00]).copy(frame);
  const frames = [frame, frame, frame];
  if (opts.id3 === false) return Buffer.concat(frames);
  const title = Buffer.from('支部会议', 'utf8'); // TIT2, UTF-8 (encoding byte 3)
  const size = Buffer.from([0, 0, 0, title.length + 1, 0, 0, 3]);
  const tag = Buffer.concat([latin1('TIT2'), size, title]);
  const head = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, tag.length]);
  return Buffer.concat([head, tag, ...frames]);
}

/** Three ADTS frames (AAC LC, 44.1 kHz, stereo), as RecorderManager's 'aac' format writes. */
export function aacBytes(): Buffer {
  const payload = 32;
  const len = 7 + payload;
  const head = Buffer.from([
    0xff,
    0xf1,
    0x50,
    0x80 | (len >> 11),
    (len >> 3) & 0xff,
    ((len & 7) << 5) | 0x1f,
    0xfc,
  ]);
  const frame = Buffer.concat([head, Buffer.alloc(payload)]);
  return Buffer.concat([frame, frame, frame]);
}

const ftyp = (major: string, compat: string[]) =>
  box('ftyp', Buffer.concat([latin1(major), Buffer.alloc(4), ...compat.map(latin1)]));

export function m4aBytes(): Buffer {
  return Buffer.concat([ftyp('M4A ', ['M4A ', 'mp42', 'isom']), box('mdat', Buffer.alloc(64))]);
}
export function mp4Bytes(major = 'isom'): Buffer {
  return Buffer.concat([
    ftyp(major, [major, 'iso2', 'avc1', 'mp41']),
    box('mdat', Buffer.alloc(64)),
  ]);
}
export function movBytes(): Buffer {
  return Buffer.concat([ftyp('qt  ', ['qt  ']), box('mdat', Buffer.alloc(64))]);
}
export function heicBytes(): Buffer {
  return Buffer.concat([ftyp('heic', ['mif1', 'heic']), box('mdat', Buffer.alloc(16))]);
}

/** A 16-bit mono 8 kHz WAV with 0.01 s of silence. */
export function wavBytes(): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  return riff('WAVE', [riffChunk('fmt ', fmt), riffChunk('data', Buffer.alloc(160))]);
}

// ---------- Documents ----------
export function pdfBytes(): Buffer {
  return latin1(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A stored (uncompressed) zip with a central directory. */
export function zipBytes(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameB = latin1(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameB.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameB.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameB, data);
    centrals.push(central, nameB);
    offset += 30 + nameB.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const OOXML_PART = {
  docx: 'word/document.xml',
  xlsx: 'xl/workbook.xml',
  pptx: 'ppt/presentation.xml',
};

/** An OOXML package: [Content_Types].xml + the main part of a docx / xlsx / pptx. */
export function docxBytes(type: 'docx' | 'xlsx' | 'pptx' = 'docx'): Buffer {
  return zipBytes({ '[Content_Types].xml': CT, [OOXML_PART[type]]: '<x/>' });
}
export const xlsxBytes = () => docxBytes('xlsx');
export const pptxBytes = () => docxBytes('pptx');
/** A zip that is no Office document (no [Content_Types].xml). */
export const plainZipBytes = () => zipBytes({ 'readme.txt': 'hello' });

/** An OLE2 compound file header with a directory entry naming the stream of a doc / xls / ppt. */
export function oleBytes(type: 'doc' | 'xls' | 'ppt' = 'doc'): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(head);
  const stream = { doc: 'WordDocument', xls: 'Workbook', ppt: 'PowerPoint Document' }[type];
  const dir = Buffer.alloc(128);
  Buffer.from(stream, 'utf16le').copy(dir);
  return Buffer.concat([head, dir]);
}

// ---------- Renaming ----------
/** A file as a member picks it: bytes under a name (possibly lying about what it is). */
export function renamed(
  bytes: Buffer,
  name: string,
): { name: string; bytes: Buffer; size: number } {
  return { name, bytes, size: bytes.length };
}
