/**
 * The 积分标准 editor's model: the standard's items as drafts grouped by the 四个合格, what each
 * says in Chinese, and the checks a person can fix before saving (the backend checks again).
 */
import type { ActionInput, ActionOutput } from '../../../services/types';

type Standard = ActionOutput<'points', 'standard'>;
export type StandardItem = ActionInput<'points', 'setStandard'>['items'][number];

/** One item as the form edits it: numbers as typed. */
export interface Draft {
  key: string;
  item: StandardItem;
  pointsText: string;
  capText: string;
}

export interface DraftView {
  key: string;
  name: string;
  kindText: string;
  kind: StandardItem['kind'];
  sourceText: string;
  pointsText: string;
  capText: string;
}

export interface CategoryView {
  category: string;
  name: string;
  items: DraftView[];
}

const KIND_TEXT = { add: '加分', deduct: '扣分', veto: '一票否决' } as const;
const SOURCE_TEXT = { auto: '系统自动记录', declared: '党员申报', assessed: '支委评定' } as const;

export const kindChoices = ['add', 'deduct', 'veto'] as const;
export const kindNames = kindChoices.map((k) => KIND_TEXT[k]);

export function toDrafts(items: Standard['items']): Draft[] {
  return items.map((item, i) => ({
    key: `${item.code}-${i}`,
    item: { ...item },
    pointsText: String(item.points),
    capText: item.capPerYear ? String(item.capPerYear) : '',
  }));
}

export function categoryViews(drafts: readonly Draft[], catalogue: Standard['catalogue']) {
  return catalogue.map((c) => ({
    category: c.category,
    name: c.name,
    items: drafts
      .filter((d) => d.item.category === c.category)
      .map((d) => ({
        key: d.key,
        name: d.item.name,
        kind: d.item.kind,
        kindText: KIND_TEXT[d.item.kind],
        sourceText: SOURCE_TEXT[d.item.source],
        pointsText: d.pointsText,
        capText: d.capText,
      })),
  }));
}

/** A new item of a category: a 支委评定 加分 of 1 point, with a code no other item has. */
export function newDraft(category: StandardItem['category'], taken: readonly Draft[], seq: number) {
  let n = seq;
  while (taken.some((d) => d.item.code === `custom${n}`)) n += 1;
  const item: StandardItem = {
    code: `custom${n}`,
    category,
    name: '',
    kind: 'add',
    points: 1,
    source: 'assessed',
  };
  return { key: `custom${n}-new`, item, pointsText: '1', capText: '' };
}

const whole = (text: string, min: number, max: number) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The items to save, or the first thing to fix, said plainly. */
export function itemsToSave(
  drafts: readonly Draft[],
): { items: StandardItem[] } | { error: string } {
  const items: StandardItem[] = [];
  for (const d of drafts) {
    const name = d.item.name.trim();
    if (!name) return { error: '有一项没有填写名称，请填写或删除这一项' };
    const points = d.item.kind === 'veto' ? 0 : whole(d.pointsText, 1, 20);
    if (points === null) return { error: `“${name}”的分值应为1到20之间的整数` };
    const cap = d.capText.trim() === '' ? undefined : whole(d.capText, 1, 20);
    if (cap === null) return { error: `“${name}”的全年上限应为1到20之间的整数，或者不填` };
    const rest: StandardItem = { ...d.item };
    delete rest.capPerYear;
    items.push({
      ...rest,
      name,
      points,
      ...(cap !== undefined && d.item.kind !== 'veto' ? { capPerYear: cap } : {}),
    });
  }
  if (!items.length) return { error: '积分标准至少要有一项' };
  return { items };
}

/** 2026-12-01 → 自12月1日起执行 (with the year when it is not `year`). */
export function effectiveText(date: string | null, year: number): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `自${y === year ? '' : `${y}年`}${m}月${d}日起执行`;
}

/** Today in Beijing, 'YYYY-MM-DD'. */
export function beijingToday(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
