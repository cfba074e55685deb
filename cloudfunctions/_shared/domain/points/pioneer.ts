import type { AttendanceStatus } from '../../contracts/activity';
import { BASE_ADJUSTMENTS, Category, CATEGORIES, ItemKind, StandardItem } from './standard';

export interface SessionFact {
  activityId: string;
  month: string;
  status: AttendanceStatus;
}

export interface LedgerEntry {
  id: string;
  itemCode: string;
  month: string;
  status: 'pending' | 'approved' | 'rejected';
  source: 'declared' | 'assessed';
  /** For appeal adjustments: the points granted (signed). */
  points?: number;
  note?: string;
  reason?: string | null;
}

export interface MemberFacts {
  memberId: string;
  exempt: boolean;
  /** 老党员 and 流动党员 use the simplified variant [PTS-35]. */
  simplified: boolean;
  committee: boolean;
  /** Closed sessions of the year at which the member was expected [PTS-28]. */
  sessions: SessionFact[];
  studyHoursTenths: number;
  dues: { monthsPaid: number; monthsDue: number } | null;
  noticeReads: { id: string; month: string }[];
  ledger: LedgerEntry[];
}

export interface IndexEntry {
  id: string;
  itemCode: string;
  name: string;
  category: Category;
  kind: ItemKind | 'base' | 'record' | 'adjust';
  points: number;
  source: 'auto' | 'declared' | 'assessed';
  activityId?: string;
  month: string | null;
  status: 'counted' | 'pending' | 'rejected' | 'overCap';
  /** For organisational-life records: the attendance state. */
  attendance?: AttendanceStatus;
  /** The member's note, and the scorer's reason for a rejection. */
  note?: string;
  reason?: string;
}

export interface PioneerIndex {
  total: number | null;
  byCategory: Record<Category, number>;
  base: { orgLife: number; study: number; dues: number; morality: number; contribution: number };
  add: number;
  deduct: number;
  vetoed: boolean;
  exempt: boolean;
  entries: IndexEntry[];
}

const ATTENDED = new Set<AttendanceStatus>(['present', 'late', 'remote']);
const NOT_EXPECTED = new Set<AttendanceStatus>(['excused', 'exempt']);

/**
 * 先锋指数 under the default template [PTS-27]: base (组织生活 24 [PTS-28], 学习 12 [PTS-29], 党费 12
 * [PTS-30], 品德 6 + 作用 6 [PTS-31]) + adds (item caps, 20 in all) [PTS-32] + 20 − deducts (item
 * caps, 20 in all) [PTS-33]; a veto sets it to 0 [PTS-34]; exempt members have no score [PTS-02].
 * Only approved ledger entries count [PTS-15]; automatic ones come from finalised records [PTS-20].
 */
export function pioneerIndex(f: MemberFacts, items: StandardItem[], year: number): PioneerIndex {
  const item = new Map(items.map((i) => [i.code, i]));
  const entries: IndexEntry[] = [];
  const used = new Map<string, number>();
  const take = (code: string, want: number): number => {
    const cap = item.get(code)?.capPerYear ?? Infinity;
    const got = Math.max(0, Math.min(want, cap - (used.get(code) ?? 0)));
    used.set(code, (used.get(code) ?? 0) + got);
    return got;
  };

  // B1 组织生活: attended ÷ expected, excused and exempt sessions not expected.
  let expected = 0;
  let attended = 0;
  for (const s of f.sessions) {
    const counts = !NOT_EXPECTED.has(s.status);
    if (counts) expected += 1;
    if (ATTENDED.has(s.status)) attended += 1;
    entries.push({
      id: `att:${s.activityId}:${f.memberId}`,
      itemCode: 'orgLife',
      name: '参加组织生活',
      category: 'discipline',
      kind: 'record',
      points: 0,
      source: 'auto',
      activityId: s.activityId,
      month: s.month,
      status: 'counted',
      attendance: s.status,
    });
    if (s.status === 'late' && item.get('late')) {
      const pts = take('late', item.get('late')!.points);
      entries.push({
        id: `late:${s.activityId}:${f.memberId}`,
        itemCode: 'late',
        name: item.get('late')!.name,
        category: 'discipline',
        kind: 'deduct',
        points: -pts,
        source: 'auto',
        activityId: s.activityId,
        month: s.month,
        status: pts ? 'counted' : 'overCap',
      });
    }
  }
  const orgLife = expected === 0 ? 24 : Math.floor((24 * attended) / expected);
  const target = f.simplified ? 160 : f.committee ? 560 : 320; // 学时 in tenths [PTS-29, PTS-35]
  const study = Math.floor((12 * Math.min(f.studyHoursTenths, target)) / target);
  const dues =
    !f.dues || f.dues.monthsDue === 0
      ? 12
      : Math.floor((12 * f.dues.monthsPaid) / f.dues.monthsDue);

  for (const r of f.noticeReads) {
    const pts = item.get('noticeRead') ? take('noticeRead', item.get('noticeRead')!.points) : 0;
    entries.push({
      id: `read:${r.id}:${f.memberId}`,
      itemCode: 'noticeRead',
      name: '7日内签阅党务公开',
      category: 'political',
      kind: 'add',
      points: pts,
      source: 'auto',
      month: r.month,
      status: pts ? 'counted' : 'overCap',
    });
  }

  const adjust: Record<'morality' | 'contribution', number> = { morality: 0, contribution: 0 };
  let vetoed = false;
  for (const e of f.ledger) {
    const it = item.get(e.itemCode);
    const category: Category = it?.category ?? 'contribution';
    const base = {
      id: e.id,
      itemCode: e.itemCode,
      name: it?.name ?? '申辩调整',
      category,
      source: e.source,
      month: e.month,
      ...(e.note ? { note: e.note } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    };
    if (e.status !== 'approved') {
      entries.push({
        ...base,
        kind: it?.kind ?? 'adjust',
        points: 0,
        status: e.status === 'pending' ? 'pending' : 'rejected',
      });
      continue;
    }
    if (e.itemCode === 'appealAdjust') {
      entries.push({ ...base, kind: 'adjust', points: e.points ?? 0, status: 'counted' });
      continue;
    }
    if (!it) continue;
    if (it.kind === 'veto') {
      vetoed = true;
      entries.push({ ...base, kind: 'veto', points: 0, status: 'counted' });
      continue;
    }
    const pts = take(it.code, it.points);
    const signed = it.kind === 'deduct' ? -pts : pts;
    if (BASE_ADJUSTMENTS[it.code]) adjust[BASE_ADJUSTMENTS[it.code]] += pts;
    entries.push({ ...base, kind: it.kind, points: signed, status: pts ? 'counted' : 'overCap' });
  }

  const morality = Math.max(0, 6 - adjust.morality);
  const contribution = Math.max(0, 6 - adjust.contribution);
  const counted = entries.filter((e) => e.status === 'counted');
  const sum = (pred: (e: IndexEntry) => boolean) =>
    counted.filter(pred).reduce((s, e) => s + e.points, 0);
  const appeal = sum((e) => e.kind === 'adjust');
  const addRaw = sum((e) => e.kind === 'add');
  const deductRaw = 0 - sum((e) => e.kind === 'deduct' && !BASE_ADJUSTMENTS[e.itemCode]);
  const add = Math.min(addRaw, 20);
  const deduct = Math.min(deductRaw, 20);

  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  byCategory.discipline += orgLife + dues;
  byCategory.political += study;
  byCategory.morality += morality;
  byCategory.contribution += contribution;
  for (const e of counted)
    if (
      (e.kind === 'add' || e.kind === 'deduct' || e.kind === 'adjust') &&
      !BASE_ADJUSTMENTS[e.itemCode]
    )
      byCategory[e.category] += e.points;

  const baseEntries: [string, string, Category, number][] = [
    ['orgLife', '组织生活（出勤折算）', 'discipline', orgLife],
    ['study', '学习（学时折算）', 'political', study],
    ['dues', '按时足额交纳党费', 'discipline', dues],
    ['morality', '品德合格', 'morality', morality],
    ['contribution', '发挥作用合格', 'contribution', contribution],
  ];
  for (const [code, name, category, points] of baseEntries) {
    entries.unshift({
      id: `base:${code}:${year}:${f.memberId}`,
      itemCode: code,
      name,
      category,
      kind: 'base',
      points,
      source: 'auto',
      month: null,
      status: 'counted',
    });
  }
  const total = f.exempt
    ? null
    : vetoed
      ? 0
      : Math.max(
          0,
          Math.min(
            100,
            orgLife + study + dues + morality + contribution + add + 20 - deduct + appeal,
          ),
        );
  return {
    total,
    byCategory,
    base: { orgLife, study, dues, morality, contribution },
    add,
    deduct,
    vetoed,
    exempt: f.exempt,
    entries,
  };
}

export interface RankRow {
  memberId: string;
  total: number;
  vetoed: boolean;
  deduct: number;
  flagged: boolean;
}

/**
 * Ranking among members with a score (exempt members are not ranked [PTS-02]); equal totals share
 * a rank. The top 20% without a veto are 评先评优 candidates [PTS-23]; the bottom 10% are flagged
 * only with a recorded problem (veto, deductions ≥ 10, an absence flag) [PTS-24]. Nothing here is
 * a grade [PTS-25].
 */
export function rank(rows: RankRow[]) {
  const sorted = [...rows].sort(
    (a, b) => b.total - a.total || a.memberId.localeCompare(b.memberId),
  );
  const n = sorted.length;
  // Members tied with the last one inside a share are inside it too: a tie is never split by id.
  const topTotal = n ? sorted[Math.ceil(n * 0.2) - 1].total : Infinity;
  const bottomTotal = n ? sorted[n - Math.ceil(n * 0.1)].total : -Infinity;
  let rankNo = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1].total !== r.total) rankNo = i + 1;
    const problem = r.vetoed || r.deduct >= 10 || r.flagged;
    return {
      ...r,
      rank: rankNo,
      candidate: r.total >= topTotal && !r.vetoed,
      needsTalk: r.total <= bottomTotal && problem,
    };
  });
}

/** Member stars from the year's total, when a branch turns them on [PTS-37]; FORT-18 uses the same bands. */
export function stars(total: number | null): number {
  if (total === null || total < 60) return 0;
  if (total >= 96) return 5;
  if (total >= 90) return 4;
  return Math.floor((total - 60) / 10) + 1;
}
