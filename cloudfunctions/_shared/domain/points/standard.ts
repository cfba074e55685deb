import { fail, ok, Result } from '../shared/result';

export const CATEGORIES = ['political', 'discipline', 'morality', 'contribution'] as const; // 四个合格 [PTS-04]
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_NAMES: Record<Category, string> = {
  political: '政治合格',
  discipline: '执行纪律合格',
  morality: '品德合格',
  contribution: '发挥作用合格',
};

export type ItemKind = 'add' | 'deduct' | 'veto';
export type ItemSource = 'auto' | 'declared' | 'assessed';

export interface StandardItem {
  code: string;
  category: Category;
  name: string;
  kind: ItemKind;
  /** Positive size of the item; a deduct item subtracts it. */
  points: number;
  capPerYear?: number;
  source: ItemSource;
}

/**
 * The default standard [PTS-27 … PTS-34]: not policy, a starting point each branch replaces.
 * Base items (组织生活 24, 学习 12, 党费 12, 品德 6, 作用 6) are computed from records; these are
 * the add, deduct and veto items on top.
 */
export const DEFAULT_ITEMS: StandardItem[] = [
  {
    code: 'lecture',
    category: 'contribution',
    name: '讲党课或上讲台',
    kind: 'add',
    points: 2,
    capPerYear: 4,
    source: 'assessed',
  },
  {
    code: 'volunteer',
    category: 'contribution',
    name: '志愿服务、结对帮扶、承诺践诺',
    kind: 'add',
    points: 1,
    capPerYear: 6,
    source: 'declared',
  },
  {
    code: 'urgentTask',
    category: 'contribution',
    name: '急难险重或中心工作表现突出',
    kind: 'add',
    points: 2,
    capPerYear: 6,
    source: 'assessed',
  },
  {
    code: 'commendation',
    category: 'morality',
    name: '受到表彰',
    kind: 'add',
    points: 1,
    capPerYear: 4,
    source: 'assessed',
  },
  {
    code: 'noticeRead',
    category: 'political',
    name: '7日内签阅党务公开',
    kind: 'add',
    points: 1,
    capPerYear: 2,
    source: 'auto',
  },
  {
    code: 'late',
    category: 'discipline',
    name: '组织生活迟到',
    kind: 'deduct',
    points: 1,
    capPerYear: 4,
    source: 'auto',
  },
  {
    code: 'promiseUnfulfilled',
    category: 'contribution',
    name: '承诺或设岗定责任务未完成',
    kind: 'deduct',
    points: 2,
    capPerYear: 6,
    source: 'assessed',
  },
  {
    code: 'falseDeclaration',
    category: 'discipline',
    name: '申报不实',
    kind: 'deduct',
    points: 5,
    capPerYear: 10,
    source: 'assessed',
  },
  {
    code: 'criticism',
    category: 'morality',
    name: '受到批评教育或诫勉',
    kind: 'deduct',
    points: 5,
    capPerYear: 10,
    source: 'assessed',
  },
  {
    code: 'moralityConcern',
    category: 'morality',
    name: '品德方面经核实的问题',
    kind: 'deduct',
    points: 3,
    capPerYear: 6,
    source: 'assessed',
  },
  {
    code: 'contributionConcern',
    category: 'contribution',
    name: '发挥作用方面经核实的问题',
    kind: 'deduct',
    points: 3,
    capPerYear: 6,
    source: 'assessed',
  },
  {
    code: 'disciplinePunishment',
    category: 'discipline',
    name: '受到党纪处分或纪委通报',
    kind: 'veto',
    points: 0,
    source: 'assessed',
  },
  {
    code: 'crime',
    category: 'discipline',
    name: '违法犯罪受到刑事处罚',
    kind: 'veto',
    points: 0,
    source: 'assessed',
  },
  {
    code: 'religion',
    category: 'political',
    name: '信仰宗教或参与邪教',
    kind: 'veto',
    points: 0,
    source: 'assessed',
  },
  {
    code: 'selfLapse',
    category: 'discipline',
    name: '自行脱党情形',
    kind: 'veto',
    points: 0,
    source: 'assessed',
  },
];

/** Items that reduce a base item (B4) rather than count as deductions [PTS-31]. */
export const BASE_ADJUSTMENTS: Record<string, 'morality' | 'contribution'> = {
  moralityConcern: 'morality',
  contributionConcern: 'contribution',
};

/** Formalism the rules forbid to score: daily login, check-in, online or reading time [PTS-12, PRIV-08]. */
const FORBIDDEN =
  /打卡|签到打卡|每日签到|登录|登陆|在线时长|阅读时长|浏览时长|观看时长|活跃度|login|online|daily/i;

/**
 * Validates a branch's standard: every item in one of the 四个合格 [PTS-04], capped (veto items
 * excepted) [PTS-11], and none of the forbidden formalism items [PTS-12]; codes unique.
 */
export function checkStandard(items: StandardItem[]): Result<StandardItem[]> {
  const codes = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (!CATEGORIES.includes(item.category))
      return fail('POINTS.STANDARD_INVALID', `第${i + 1}项未归入“四个合格”`, 'PTS-04');
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

/** The standard in force for a year: its latest version, or the default one [PTS-10, PTS-13]. */
export function standardInForce(
  latest: { items: StandardItem[]; version: number; effectiveFrom: string | null } | null,
): { items: StandardItem[]; version: number; effectiveFrom: string | null; isDefault: boolean } {
  return latest
    ? {
        items: latest.items,
        version: latest.version,
        effectiveFrom: latest.effectiveFrom,
        isDefault: false,
      }
    : { items: DEFAULT_ITEMS, version: 0, effectiveFrom: null, isDefault: true };
}
