import type { Sector } from '../org/model';

/**
 * The parts of the 堡垒指数 that are tables: the 咸宁 groups [FORT-01], the 个性 40 by sector
 * [FORT-02, FORT-14], and the advisory mapping from stars to the 评组织 grade [FORT-21].
 */

/** 咸宁 堡垒指数 groups [FORT-01]. */
export const FORTRESS_GROUPS = ['themeDayPlus', 'meetings', 'oversight', 'twoStudies'] as const;
export type FortressGroup = (typeof FORTRESS_GROUPS)[number];
export const FORTRESS_GROUP_NAMES: Record<FortressGroup, string> = {
  themeDayPlus: '组织开展“主题党日+”',
  meetings: '开展“三会一课”',
  oversight: '强化日常监督',
  twoStudies: '落实“两学一做”',
};

/** The 共性 item codes and their group [FORT-01]. */
export const ITEM_GROUP: Record<string, FortressGroup> = {
  themeDay: 'themeDayPlus',
  assembly: 'meetings',
  committee: 'meetings',
  groupMeeting: 'meetings',
  lecture: 'twoStudies',
  orgLife: 'meetings',
  appraisal: 'twoStudies',
  dues: 'oversight',
  term: 'oversight',
  disclosure: 'oversight',
  records: 'oversight',
  reports: 'oversight',
};

/** What 中心工作 means for a branch of each sector: the 个性 part is set per sector [FORT-02]. */
const CENTRAL_WORK: Record<Sector, string> = {
  organ: '服务中心、建设队伍',
  institution: '服务中心、推动事业发展',
  soe: '推动生产经营、深化改革',
  private: '促进企业健康发展',
  socialOrg: '引领社会组织健康发展',
  village: '推动乡村振兴、带领群众致富',
  community: '服务居民群众、参与基层治理',
  school: '立德树人、办学治校',
  hospital: '服务患者、推动卫生健康事业',
  retired: '老有所为、发挥余热',
};

export interface PersonalScores {
  evaluation: number;
  fiveStandards: number;
  centralWork: number;
}

/**
 * 个性 40 [FORT-02, FORT-14]: 党员群众测评 20, 五化 10, the sector's 中心工作 10, all set by the
 * superior [FORT-16]; points null until assessed.
 */
export function personalItems(sector: Sector, a: PersonalScores | null) {
  return [
    { code: 'evaluation', name: '党员群众测评', points: a?.evaluation ?? null, max: 20 },
    { code: 'fiveStandards', name: '“五化”建设达标', points: a?.fiveStandards ?? null, max: 10 },
    {
      code: 'centralWork',
      name: `中心工作：${CENTRAL_WORK[sector]}`,
      points: a?.centralWork ?? null,
      max: 10,
    },
  ];
}

export type OrgGrade = '先进' | '一类' | '二类' | '三类';

/**
 * Advisory 评组织 grade from the stars [FORT-21]: 5★ → 先进 candidate, 4★ or 3★ → 一类, 2★ or 1★ →
 * 二类, no star or a reverse item → 三类. Only advice: the superior decides (FORT-19).
 */
export function advisedGrade(
  stars: number,
  reverse: boolean,
): { grade: OrgGrade; candidate: boolean } {
  if (reverse || stars <= 0) return { grade: '三类', candidate: false };
  if (stars >= 5) return { grade: '先进', candidate: true };
  if (stars >= 3) return { grade: '一类', candidate: false };
  return { grade: '二类', candidate: false };
}
