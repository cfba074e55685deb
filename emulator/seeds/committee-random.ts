/**
 * The deterministic randomness of the committee seeds: a small seeded PRNG (mulberry32 over an
 * FNV-1a hash of a text seed), never Math.random, and the generated Chinese names.
 */

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  /** 32 hex digits (what `randomUUID().replace(/-/g, '')` gives the real actions). */
  hex32(): string;
}

/** A PRNG whose whole sequence follows from the text `seed`. */
export function rng(seed: string): Rng {
  let a = hash(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    hex32: () =>
      Array.from({ length: 4 }, () =>
        Math.floor(next() * 2 ** 32)
          .toString(16)
          .padStart(8, '0'),
      ).join(''),
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建国志文辉斌宇浩凯鹏飞鑫波宁琳晨欣怡婷雪梅海燕春兰德福永胜金荣春生',
];

/** A generated Chinese name (surname and one or two characters), not yet in `taken`. */
export function chineseName(r: Rng, taken: Set<string>): string {
  for (;;) {
    const given = r.next() < 0.6 ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN);
    const name = r.pick(SURNAMES) + given;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A local date `YYYY-MM-DD` with day ≤ 28 (valid in every month). */
export const dateIn = (r: Rng, year: number): string =>
  `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
