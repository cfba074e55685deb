/**
 * What the 基层党委's 评组织 board shows [FORT-19, FORT-20, FORT-21, FORT-23, FORT-24, ORG-30]: per
 * branch the 测评 (members and 群众代表), 工作实绩, 堡垒指数 and stars, the 五化 spot check, the
 * advice with its reasons; the 先进 limit in the backend's plain words (none under 7 branches).
 * The grade pickers shut 先进 where the backend says it is not allowed, with the reason in words.
 */
import type { BranchBoardOut } from '../../../services/appraisal';

type Board = BranchBoardOut;
type Branch = Board['branches'][number];
type Rating = Branch['rating']['members'];

const ratingText = (who: string, r: Rating): string => {
  if (!r) return `${who}：还没有测评`;
  if (r.status === 'open') return `${who}：正在投票`;
  if (r.status === 'void') return `${who}：本次投票作废`;
  return `${who}：有效票${r.valid}张，评为先进或一类的${r.favourable}张`;
};

export function branchView(b: Board, x: Branch, pick: string | undefined, reason: string) {
  const advanced = b.grades[0]?.key;
  const shutAdvanced = !x.five.advancedAllowed || b.quota.limit === 0;
  const departs = !!pick && pick !== x.advice.grade;
  return {
    id: x.orgId,
    name: x.name,
    rank: `堡垒指数排名第${x.rank}`,
    ratings: [
      ratingText('党员测评', x.rating.members),
      ratingText('群众代表测评', x.rating.masses),
    ],
    share:
      x.rating.share === null ? '' : `评为先进或一类的比例：${Math.round(x.rating.share * 100)}%`,
    work: x.work === null ? '工作实绩：未评定' : `工作实绩：${x.work}分（满分10分）`,
    fortress:
      x.fortress.total === null
        ? '堡垒指数：未记录'
        : `堡垒指数：${x.fortress.total}分，${x.fortress.stars}星${x.fortress.reverse ? '（有否决事项）' : ''}`,
    five: `五化建设抽查：${x.five.label}${x.five.advancedAllowed ? '' : '，不能评先进'}`,
    fiveFailed: !x.five.advancedAllowed,
    advice: `参考等次：${x.advice.label}`,
    because: x.advice.because,
    tie: x.advice.tie ? '与其他支部条件相同，处在先进名额边界上，请写明取舍的理由' : '',
    options: b.grades.map((g) => ({
      key: g.key,
      label: g.label,
      chosen: pick === g.key,
      shut: g.key === advanced && shutAdvanced && pick !== g.key,
    })),
    reasonShown: departs || x.advice.tie || !!reason,
    reason,
  };
}

export type BranchView = ReturnType<typeof branchView>;

export function quotaView(b: Board, picks: Record<string, string>) {
  const advanced = b.grades[0];
  const used = b.branches.filter((x) => picks[x.orgId] === advanced?.key).length;
  return {
    words: b.quota.words,
    text:
      b.quota.limit === 0
        ? `本年度不能评“${advanced?.label ?? '先进'}”`
        : `“${advanced?.label ?? '先进'}”最多${b.quota.limit}个，已选${used}个`,
    none: b.quota.limit === 0,
    over: used > b.quota.limit,
  };
}

export function tieTexts(b: Board): string[] {
  return b.ties.map((group) => {
    const names = group.map((id) => b.branches.find((x) => x.orgId === id)?.name ?? '');
    return `${names.join('、')}条件相同，处在先进名额边界上：选谁都要写明理由`;
  });
}

/** The branches the decide call grades: every branch, as picked. */
export const gradesToSend = (b: Board, picks: Record<string, string>) =>
  Object.fromEntries(b.branches.map((x) => [x.orgId, (picks[x.orgId] as never) ?? null]));
