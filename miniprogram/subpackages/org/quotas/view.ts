/** View helpers of 名额和排名: each quota as big numbers with words, the ranking in words. */
import type { QuotaMeter, QuotasOutput } from '../../../services/oversight';

export interface MeterView {
  limit: number;
  used: number;
  left: number;
  /** 共20个党支部，最多可评3个（15%）. */
  basis: string;
  /** ✓ 还可以评2个 / ✗ 已超出1个 / 名额已用完 / 今年没有名额. */
  leftText: string;
  tone: 'ok' | 'bad' | 'wait';
  note: string;
  /** False where the region sets no such quota: only the note is shown. */
  applies: boolean;
}

export interface RankView {
  key: string;
  rank: string;
  name: string;
  total: string;
  stars: string;
}

export interface QuotasView {
  title: string;
  advanced: MeterView;
  good: MeterView;
  ranking: RankView[];
}

/** ★★★☆☆ 3星: the stars drawn and said. */
export function starsText(stars: number): string {
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${n}星`;
}

export function meterView(m: QuotaMeter, of: string): MeterView {
  const over = m.used - m.limit;
  const leftText =
    m.limit === 0
      ? '今年没有名额'
      : over > 0
        ? `✗ 已超出${over}个`
        : m.left > 0
          ? `✓ 还可以评${m.left}个`
          : '名额已用完，不能再评';
  return {
    limit: m.limit,
    used: m.used,
    left: Math.max(0, m.left),
    basis: `共${m.of}${of}，最多可评${m.limit}个（不超过15%）`,
    leftText,
    tone: over > 0 ? 'bad' : m.left > 0 ? 'ok' : 'wait',
    note: m.note,
    applies: m.applies !== false,
  };
}

export function quotasView(q: QuotasOutput): QuotasView {
  return {
    title: `${q.year}年度`,
    advanced: meterView(q.advanced, '个党支部'),
    good: meterView(q.good, '名参加述职评议的书记'),
    ranking: q.ranking.map((r) => ({
      key: r.orgId,
      rank: `第${r.rank}名`,
      name: r.name,
      total: `堡垒指数 ${r.total}分`,
      stars: starsText(r.stars),
    })),
  };
}
