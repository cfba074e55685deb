import type { Sector } from '../org/model';

/**
 * The catalogue the standard's items are filed under: the 四个合格 and their sub-items
 * [PTS-04 … PTS-08] (seed 000 积分 二: 农村 adds 带头致富, 社区 adds 便民服务), and the 咸宁 先锋指数
 * groups [PTS-09]. Pure data; a branch's items name a sub-item and a group from here.
 */
export const CATEGORIES = ['political', 'discipline', 'morality', 'contribution'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_NAMES: Record<Category, string> = {
  political: '政治合格',
  discipline: '执行纪律合格',
  morality: '品德合格',
  contribution: '发挥作用合格',
};

export interface SubItem {
  code: string;
  name: string;
  /** Only for branches of these sectors. */
  sectors?: readonly Sector[];
}

export const SUB_ITEMS: Record<Category, readonly SubItem[]> = {
  // PTS-05
  political: [
    { code: 'studyTheory', name: '学习党章党规和总书记系列重要讲话精神' },
    { code: 'fourConsciousness', name: '树立“四个意识”、坚定“四个自信”' },
    { code: 'noHarmfulTalk', name: '不听信、不传播有损党的形象的言论' },
    { code: 'noReligion', name: '不信仰宗教，不参与非法邪教组织' },
    { code: 'massLine', name: '践行党的群众路线' },
  ],
  // PTS-06
  discipline: [
    { code: 'partyDiscipline', name: '遵守党的纪律，尤其是政治纪律政治规矩' },
    { code: 'lawAndIntegrity', name: '遵守法律法规、廉洁自律、村规民约' },
    { code: 'noPetitionTrouble', name: '不支持不参与上访闹事' },
    { code: 'orgLife', name: '参加“三会一课”和民主评议' },
    { code: 'dues', name: '按时足额交纳党费' },
  ],
  // PTS-07
  morality: [
    { code: 'coreValues', name: '践行社会主义核心价值观' },
    { code: 'virtue', name: '遵守社会公德、职业道德、家庭美德' },
    { code: 'customs', name: '移风易俗，不大操大办，不搞封建迷信' },
    { code: 'noVice', name: '抵制“黄赌毒”' },
  ],
  // PTS-08
  contribution: [
    { code: 'promise', name: '承诺践诺、结对帮扶、志愿服务' },
    { code: 'centralWork', name: '参与中心工作和民主管理' },
    { code: 'mediation', name: '调解邻里纠纷、化解矛盾' },
    { code: 'urgentTasks', name: '急难险重任务中冲锋在前' },
    { code: 'leadProsperity', name: '带头致富、带领群众致富', sectors: ['village'] },
    { code: 'convenience', name: '为居民群众提供便民利民服务', sectors: ['community'] },
  ],
};

const SUB_RULE: Record<Category, string> = {
  political: 'PTS-05',
  discipline: 'PTS-06',
  morality: 'PTS-07',
  contribution: 'PTS-08',
};
export const subItemRule = (c: Category) => SUB_RULE[c];

/** The sub-items a branch of this sector files its items under [PTS-05 … PTS-08]. */
export function catalogueFor(sector: Sector) {
  return CATEGORIES.map((category) => ({
    category,
    name: CATEGORY_NAMES[category],
    subItems: SUB_ITEMS[category]
      .filter((s) => !s.sectors || s.sectors.includes(sector))
      .map(({ code, name }) => ({ code, name })),
  }));
}

/** Whether a sub-item belongs to the category for this sector. */
export const isSubItemOf = (category: Category, code: string, sector: Sector): boolean =>
  SUB_ITEMS[category].some((s) => s.code === code && (!s.sectors || s.sectors.includes(sector)));

/** The 咸宁 先锋指数 groups [PTS-09]. */
export const INDEX_GROUPS = [
  'themeDayPlus',
  'meetings',
  'oversight',
  'capability',
  'duty',
] as const;
export type IndexGroup = (typeof INDEX_GROUPS)[number];
export const INDEX_GROUP_NAMES: Record<IndexGroup, string> = {
  themeDayPlus: '参加“主题党日+”',
  meetings: '参加“三会一课”',
  oversight: '民主监督',
  capability: '能力提升',
  duty: '履职履责',
};
/** The group of an item that names none: by its category [PTS-09]. */
export const CATEGORY_GROUP: Record<Category, IndexGroup> = {
  political: 'capability',
  discipline: 'meetings',
  morality: 'duty',
  contribution: 'duty',
};
