/** What the 评定加扣分 page draws: the standard's hand-awarded items, grouped, with their points. */
import type { ActionOutput } from '../../../services/types';

type Item = ActionOutput<'points', 'standard'>['items'][number];
export type ItemKind = Item['kind'];

export interface ItemChoice {
  code: string;
  name: string;
  kind: ItemKind;
  /** +2 分 / −5 分 / 清零 */
  pointsText: string;
  /** 全年最多 4 分 */
  capText: string;
}

export interface ItemGroup {
  kind: ItemKind;
  title: string;
  items: ItemChoice[];
}

const GROUPS: { kind: ItemKind; title: string }[] = [
  { kind: 'add', title: '加分' },
  { kind: 'deduct', title: '扣分' },
  { kind: 'veto', title: '一票否决（本年度积分清零）' },
];

export function pointsText(item: Pick<Item, 'kind' | 'points'>): string {
  if (item.kind === 'veto') return '清零';
  return `${item.kind === 'deduct' ? '−' : '+'}${item.points} 分`;
}

/**
 * The items a person awards by hand (not the ones the records score by themselves), grouped
 * 加分 · 扣分 · 一票否决; the veto group only for whoever may apply a veto.
 */
export function itemGroups(items: readonly Item[], mayVeto: boolean): ItemGroup[] {
  return GROUPS.filter((g) => g.kind !== 'veto' || mayVeto)
    .map((g) => ({
      ...g,
      items: items
        .filter((i) => i.kind === g.kind && i.source !== 'auto')
        .map((i) => ({
          code: i.code,
          name: i.name,
          kind: i.kind,
          pointsText: pointsText(i),
          capText: i.capPerYear ? `全年最多 ${i.capPerYear} 分` : '',
        })),
    }))
    .filter((g) => g.items.length > 0);
}

/** The months of `year` up to `nowMonth` ('YYYY-MM'), newest first: no points for months to come. */
export function awardMonths(nowMonth: string): string[] {
  const [year, month] = nowMonth.split('-').map(Number);
  return Array.from({ length: month }, (_, i) => `${year}-${String(month - i).padStart(2, '0')}`);
}

/** What was done, in one sentence: 已为陈明记 +2 分（讲党课或上讲台）. */
export function doneText(name: string, item: ItemChoice): string {
  if (item.kind === 'veto') return `已对${name}适用一票否决（${item.name}），本人可以申辩`;
  return `已为${name}记 ${item.pointsText}（${item.name}）`;
}
