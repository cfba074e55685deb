import type { Sector } from '../org/model';
import { fail, ok, Result } from '../shared/result';
import {
  Category,
  CATEGORIES,
  CATEGORY_NAMES,
  IndexGroup,
  isSubItemOf,
  subItemRule,
} from './catalogue';

export { CATEGORIES, CATEGORY_NAMES };
export type { Category };

export type ItemKind = 'add' | 'deduct' | 'veto';
export type ItemSource = 'auto' | 'declared' | 'assessed';

export interface StandardItem {
  code: string;
  category: Category;
  /** The sub-item of the 四个合格 it is filed under [PTS-05 … PTS-08]. */
  subItem?: string;
  /** The 咸宁 先锋指数 group [PTS-09]; by its category when absent. */
  group?: IndexGroup;
  name: string;
  kind: ItemKind;
  /** Positive size of the item; a deduct item subtracts it. */
  points: number;
  capPerYear?: number;
  source: ItemSource;
}

const item = (
  code: string,
  [category, subItem, group]: [Category, string, IndexGroup],
  name: string,
  kind: ItemKind,
  points: number,
  capPerYear: number | undefined,
  source: ItemSource,
): StandardItem => ({
  code,
  category,
  subItem,
  group,
  name,
  kind,
  points,
  ...(capPerYear ? { capPerYear } : {}),
  source,
});

/**
 * The default standard [PTS-27 … PTS-34]: not policy, a starting point each branch replaces.
 * Base items (组织生活 24, 学习 12, 党费 12, 品德 6, 作用 6) are computed from records; these are
 * the add, deduct and veto items on top, each filed under a sub-item and a group [PTS-05 … PTS-09].
 */
export const DEFAULT_ITEMS: StandardItem[] = [
  item(
    'lecture',
    ['contribution', 'centralWork', 'capability'],
    '讲党课或上讲台',
    'add',
    2,
    4,
    'assessed',
  ),
  item(
    'volunteer',
    ['contribution', 'promise', 'duty'],
    '志愿服务、结对帮扶、承诺践诺',
    'add',
    1,
    6,
    'declared',
  ),
  item(
    'urgentTask',
    ['contribution', 'urgentTasks', 'duty'],
    '急难险重或中心工作表现突出',
    'add',
    2,
    6,
    'assessed',
  ),
  item('commendation', ['morality', 'virtue', 'duty'], '受到表彰', 'add', 1, 4, 'assessed'),
  item(
    'noticeRead',
    ['political', 'studyTheory', 'oversight'],
    '7日内签阅党务公开',
    'add',
    1,
    2,
    'auto',
  ),
  item('late', ['discipline', 'orgLife', 'meetings'], '组织生活迟到', 'deduct', 1, 4, 'auto'),
  item(
    'promiseUnfulfilled',
    ['contribution', 'promise', 'duty'],
    '承诺或设岗定责任务未完成',
    'deduct',
    2,
    6,
    'assessed',
  ),
  item(
    'falseDeclaration',
    ['discipline', 'partyDiscipline', 'oversight'],
    '弄虚作假（虚假申报、伪造证明、虚报积分）',
    'deduct',
    5,
    10,
    'assessed',
  ),
  item(
    'criticism',
    ['morality', 'virtue', 'oversight'],
    '受到批评教育或诫勉',
    'deduct',
    5,
    10,
    'assessed',
  ),
  item(
    'moralityConcern',
    ['morality', 'virtue', 'duty'],
    '品德方面经核实的问题',
    'deduct',
    3,
    6,
    'assessed',
  ),
  item(
    'contributionConcern',
    ['contribution', 'centralWork', 'duty'],
    '发挥作用方面经核实的问题',
    'deduct',
    3,
    6,
    'assessed',
  ),
  item(
    'disciplinePunishment',
    ['discipline', 'partyDiscipline', 'oversight'],
    '受到党纪处分或纪委通报',
    'veto',
    0,
    undefined,
    'assessed',
  ),
  item(
    'crime',
    ['discipline', 'lawAndIntegrity', 'oversight'],
    '违法犯罪受到刑事处罚',
    'veto',
    0,
    undefined,
    'assessed',
  ),
  item(
    'religion',
    ['political', 'noReligion', 'oversight'],
    '信仰宗教或参与邪教',
    'veto',
    0,
    undefined,
    'assessed',
  ),
  item(
    'selfLapse',
    ['discipline', 'orgLife', 'meetings'],
    '自行脱党情形',
    'veto',
    0,
    undefined,
    'assessed',
  ),
];

/** What 农村 and 社区 branches add to the default standard [PTS-08]. */
const SECTOR_ITEMS: Partial<Record<Sector, StandardItem[]>> = {
  village: [
    item(
      'leadProsperity',
      ['contribution', 'leadProsperity', 'duty'],
      '带头致富、带领群众致富',
      'add',
      2,
      6,
      'assessed',
    ),
  ],
  community: [
    item(
      'convenience',
      ['contribution', 'convenience', 'duty'],
      '为居民群众提供便民利民服务',
      'add',
      1,
      6,
      'declared',
    ),
  ],
};

/** The default standard of a branch of this sector [PTS-08, PTS-27]. */
export const defaultItems = (sector?: Sector): StandardItem[] => [
  ...DEFAULT_ITEMS,
  ...((sector && SECTOR_ITEMS[sector]) ?? []),
];

/** Items that reduce a base item (B4) rather than count as deductions [PTS-31]. */
export const BASE_ADJUSTMENTS: Record<string, 'morality' | 'contribution'> = {
  moralityConcern: 'morality',
  contributionConcern: 'contribution',
};

/** Items whose confirmation is reported to the superior: 弄虚作假 [PTS-26]. */
export const INTEGRITY_ITEMS: readonly string[] = ['falseDeclaration'];

/** Formalism the rules forbid to score: daily login, check-in, online or reading time [PTS-12, PRIV-08]. */
const FORBIDDEN =
  /打卡|签到打卡|每日签到|登录|登陆|在线时长|阅读时长|浏览时长|观看时长|活跃度|login|online|daily/i;

/**
 * Validates a branch's standard: every item in one of the 四个合格 [PTS-04], under a sub-item of
 * that category for the branch's sector when it names one [PTS-05 … PTS-08], capped (veto items
 * excepted) [PTS-11], and none of the forbidden formalism items [PTS-12]; codes unique.
 */
export function checkStandard(items: StandardItem[], sector?: Sector): Result<StandardItem[]> {
  const codes = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (!CATEGORIES.includes(item.category))
      return fail('POINTS.STANDARD_INVALID', `第${i + 1}项未归入“四个合格”`, 'PTS-04');
    if (item.subItem && sector && !isSubItemOf(item.category, item.subItem, sector))
      return fail(
        'POINTS.STANDARD_INVALID',
        `第${i + 1}项“${item.name}”的细目不属于“${CATEGORY_NAMES[item.category]}”`,
        subItemRule(item.category),
      );
    if (item.kind !== 'veto' && !(item.capPerYear && item.capPerYear >= item.points)) {
      return fail('POINTS.STANDARD_INVALID', `第${i + 1}项“${item.name}”须设年度上限`, 'PTS-11');
    }
    if (FORBIDDEN.test(`${item.code} ${item.name}`)) {
      return fail(
        'POINTS.STANDARD_INVALID',
        `第${i + 1}项“${item.name}”属于打卡、登录或在线时长类，不得计分`,
        'PTS-12',
      );
    }
    if (codes.has(item.code)) return fail('POINTS.STANDARD_INVALID', `项目代码 ${item.code} 重复`);
    codes.add(item.code);
  }
  return ok(items);
}
