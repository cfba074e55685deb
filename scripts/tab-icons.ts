/**
 * Draws the tab bar's icons (81×81 PNG, grey and Party red) from plain shapes, so no asset is
 * downloaded: `npx tsx scripts/tab-icons.ts` writes miniprogram/images/tab/<name>[-active].png.
 * Each icon is a coverage function over a 24×24 grid, sampled 4×4 per pixel for smooth edges.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Shape = (x: number, y: number) => boolean;
const SIZE = 81;
const SAMPLES = 4;

const rect =
  (x0: number, y0: number, x1: number, y1: number, r = 0): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const union =
  (...s: Shape[]): Shape =>
  (x, y) =>
    s.some((f) => f(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);
/** A filled triangle. */
const triangle = (p: [number, number][]): Shape => {
  const side = (a: number[], b: number[], x: number, y: number) =>
    (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  return (x, y) => {
    const s = [0, 1, 2].map((i) => side(p[i], p[(i + 1) % 3], x, y));
    return s.every((v) => v >= 0) || s.every((v) => v <= 0);
  };
};

const ICONS: Record<string, Shape> = {
  // 首页: a house with a door
  home: union(
    minus(
      triangle([
        [12, 2.5],
        [22.5, 11.5],
        [1.5, 11.5],
      ]),
      triangle([
        [12, 5.6],
        [18.6, 11.2],
        [5.4, 11.2],
      ]),
    ),
    minus(
      rect(4.5, 10.5, 19.5, 21.5, 1),
      union(rect(6.5, 10.5, 17.5, 19.5), rect(6.5, 19.5, 17.5, 19.5)),
    ),
    rect(10, 14, 14, 21.5, 0.5),
  ),
  // 活动: a calendar page with rings and days
  activity: union(
    minus(rect(2.5, 4.5, 21.5, 21.5, 2), rect(4.5, 10, 19.5, 19.5, 0.5)),
    rect(6.5, 2, 8.5, 7, 1),
    rect(15.5, 2, 17.5, 7, 1),
    rect(7, 12.5, 9.5, 15),
    rect(10.75, 12.5, 13.25, 15),
    rect(14.5, 12.5, 17, 15),
    rect(7, 16.5, 9.5, 18.5),
  ),
  // 积分: three rising bars on a base line
  points: union(
    rect(3, 14, 7, 20, 0.8),
    rect(10, 9, 14, 20, 0.8),
    rect(17, 3.5, 21, 20, 0.8),
    rect(1.5, 20.5, 22.5, 22.2, 0.8),
  ),
  // 我的: a head and shoulders
  me: union(
    minus(circle(12, 7.5, 5), circle(12, 7.5, 3)),
    minus(
      (x, y) => y <= 22 && (x - 12) ** 2 / 81 + (y - 22.5) ** 2 / 64 <= 1,
      (x, y) => y <= 20 && (x - 12) ** 2 / 49 + (y - 22.5) ** 2 / 42 <= 1,
    ),
    rect(3, 20, 21, 22, 1),
  ),
};

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of `shape` in `rgb`, transparent elsewhere. */
export function drawPng(shape: Shape, rgb: [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
      let hit = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) * 24) / SIZE;
          const y = ((py + (sy + 0.5) / SAMPLES) * 24) / SIZE;
          if (shape(x, y)) hit++;
        }
      row.set([...rgb, Math.round((255 * hit) / SAMPLES ** 2)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'miniprogram', 'images', 'tab');
  for (const [name, shape] of Object.entries(ICONS)) {
    writeFileSync(join(dir, `${name}.png`), drawPng(shape, [0x66, 0x66, 0x66]));
    writeFileSync(join(dir, `${name}-active.png`), drawPng(shape, [0xc8, 0x16, 0x1d]));
  }
}
