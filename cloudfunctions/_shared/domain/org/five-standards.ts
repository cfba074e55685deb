import { Alert, fail, ok, Result } from '../shared/result';
import { addMonths } from '../shared/time';
import { Profile } from './model';

/** 五化 status of a branch in a year [ORG-26]. */
export const FIVE_STATUSES = {
  notDeclared: '未申报',
  declared: '已申报',
  met: '达标',
  model: '示范点',
  spotFailed: '抽查不合格',
} as const;
export type FiveStatus = keyof typeof FIVE_STATUSES;

/** The five dimensions [ORG-26]. */
export const FIVE_DIMENSIONS = [
  '支部建设标准化',
  '组织生活正常化',
  '管理服务精细化',
  '工作制度体系化',
  '阵地建设规范化',
] as const;

/** One month of the 创建进度表 [ORG-28]. */
export interface ProgressRow {
  month: number;
  /** 目标任务 */
  target: string;
  /** 问题短板 */
  gap: string;
  /** 责任部门或人员 */
  owner: string;
  /** 完成情况 */
  done: string;
}

export const emptyProgress = (): ProgressRow[] =>
  Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    target: '',
    gap: '',
    owner: '',
    done: '',
  }));

/** The rows after a partial update by month (untouched months and fields stay). */
export function mergeProgress(
  rows: readonly ProgressRow[],
  patch: readonly (Partial<ProgressRow> & { month: number })[],
): ProgressRow[] {
  const out = rows.length === 12 ? rows.map((r) => ({ ...r })) : emptyProgress();
  for (const p of patch) Object.assign(out[p.month - 1], p);
  return out;
}

/**
 * The status of year Y: the year's own record, else 达标 or 示范点 carried from the latest earlier
 * year (a branch stays 达标 until a spot check fails), else 未申报.
 */
export function statusOf(
  year: number,
  records: readonly { year: number; status: FiveStatus }[],
): FiveStatus {
  const own = records.find((r) => r.year === year);
  if (own) return own.status;
  const earlier = records.filter((r) => r.year < year).sort((a, b) => b.year - a.year)[0];
  return earlier && (earlier.status === 'met' || earlier.status === 'model')
    ? 'met'
    : 'notDeclared';
}

/**
 * 申报表 + 创建进度表 due date [ORG-27]: 30 April, or one month after founding for a branch founded
 * (or reorganised) in that year.
 */
export const declarationDue = (year: number, foundedOn: string): string =>
  foundedOn.startsWith(`${year}-`) ? addMonths(foundedOn, 1) : `${year}-04-30`;

/** 示范点 申报 closes on 31 May; acceptance is in June [ORG-29]. */
export const modelDeclarationDue = (year: number): string => `${year}-05-31`;

export interface FiveFacts {
  year: number;
  status: FiveStatus;
  foundedOn: string;
  progress: readonly ProgressRow[];
  today: string;
}

/** The 申报 due date [ORG-27] and the past months without 完成情况 [ORG-28]. Soft. */
export function fiveStandardsAlerts(f: FiveFacts): Alert[] {
  const out: Alert[] = [];
  const due = declarationDue(f.year, f.foundedOn);
  if (f.status === 'notDeclared' && f.today >= addMonths(due, -1)) {
    out.push(
      f.today > due
        ? {
            ruleId: 'ORG-27',
            level: 'warning',
            message: `五化申报表和创建进度表应于${due}前报送，已逾期`,
          }
        : { ruleId: 'ORG-27', level: 'info', message: `请于${due}前报送五化申报表和创建进度表` },
    );
  }
  // The table is in use once declared (创建中) or once the branch has written targets in it.
  const started = f.status === 'declared' || f.progress.some((r) => r.target.trim());
  const [y, m] = f.today.split('-').map(Number);
  const pastMonths = f.year < y ? 12 : f.year === y ? m - 1 : 0;
  const empty = f.progress
    .filter((r) => r.month <= pastMonths && !r.done.trim())
    .map((r) => r.month);
  if (started && empty.length) {
    out.push({
      ruleId: 'ORG-28',
      level: 'warning',
      message: `五化创建进度表${empty.map((n) => `${n}月`).join('、')}的完成情况未填写`,
    });
  }
  return out;
}

/** 党员活动室 六有 [ORG-31]. */
export const ROOM_ITEMS = {
  site: '有场所',
  facilities: '有设施',
  signage: '有标志',
  flag: '有党旗',
  books: '有书报',
  rules: '有制度',
} as const;
export type RoomItem = keyof typeof ROOM_ITEMS;

export interface RoomChecklist {
  items: Partial<Record<RoomItem, boolean>>;
  /** The member who manages the room (a member of the branch). */
  managerId: string | null;
  /** 入党誓词 displayed (咸宁 一室两挂). */
  oath: boolean;
}

export const emptyRoom = (): RoomChecklist => ({ items: {}, managerId: null, oath: false });

/** Missing 六有 items, no manager, and in 咸宁 no 入党誓词 [ORG-31]. Soft. */
export function roomAlerts(room: RoomChecklist, profile: Profile): Alert[] {
  const missing: string[] = (Object.keys(ROOM_ITEMS) as RoomItem[])
    .filter((k) => !room.items[k])
    .map((k) => ROOM_ITEMS[k]);
  if (!room.managerId) missing.push('明确活动室管理人');
  if (profile === 'xianning' && !room.oath) missing.push('张贴入党誓词');
  return missing.length
    ? [{ ruleId: 'ORG-31', level: 'info', message: `党员活动室尚缺：${missing.join('、')}` }]
    : [];
}

/**
 * A branch that failed the 五化 spot check in year Y can be neither graded 先进 nor nominated as a
 * 先进基层党组织 in Y [ORG-30]. For the year-end grading (FORT-19/20) to call.
 */
export function advancedGradeAllowed(statusInYear: FiveStatus, year: number): Result<void> {
  return statusInYear === 'spotFailed'
    ? fail(
        'ORG.SPOT_CHECK_FAILED',
        `该支部${year}年五化抽查不合格，当年不能评为先进，也不能推荐为先进基层党组织`,
        'ORG-30',
      )
    : ok(undefined);
}
