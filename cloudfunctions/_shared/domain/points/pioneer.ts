import type { AttendanceStatus } from '../../contracts/activity';
import { CATEGORY_GROUP, IndexGroup, INDEX_GROUPS } from './catalogue';
import type { IndexEntry, MemberFacts, PioneerIndex } from './index-types';
import { BASE_ADJUSTMENTS, Category, CATEGORIES, StandardItem } from './standard';
import { StandardVersion, versionAt } from './versions';

export type {
  IndexEntry,
  LedgerEntry,
  MemberFacts,
  PioneerIndex,
  SessionFact,
} from './index-types';

const ATTENDED = new Set<AttendanceStatus>(['present', 'late', 'remote']);
const isTimeline = (
  s: StandardItem[] | readonly StandardVersion[],
): s is readonly StandardVersion[] => s.length > 0 && 'items' in s[0];
const NOT_EXPECTED = new Set<AttendanceStatus>(['excused', 'exempt']);

/**
 * 先锋指数 under the default template [PTS-27]: base (组织生活 24 [PTS-28], 学习 12 [PTS-29], 党费 12
 * [PTS-30], 品德 6 + 作用 6 [PTS-31]) + adds (item caps, 20 in all) [PTS-32] + 20 − deducts (item
 * caps, 20 in all) [PTS-33]; a veto sets it to 0 [PTS-34]; exempt members have no score [PTS-02].
 * Only approved ledger entries count [PTS-15]; automatic ones come from finalised records [PTS-20].
 */
export function pioneerIndex(
  f: MemberFacts,
  standard: StandardItem[] | readonly StandardVersion[],
  year: number,
): PioneerIndex {
  const versions: readonly StandardVersion[] = isTimeline(standard)
    ? standard
    : [{ version: 0, effectiveFrom: `${year}-01-01`, items: standard, isDefault: false }];
  const maps = new Map(versions.map((v) => [v, new Map(v.items.map((i) => [i.code, i]))]));
  // each event is scored by the version in force at its date [PTS-13]
  const itemAt = (code: string, date: string | undefined, month: string | null) =>
    maps.get(versionAt(versions, date ?? `${month ?? year}-01`))!.get(code);
  const groupOf = (it: StandardItem | undefined, c: Category) => it?.group ?? CATEGORY_GROUP[c];
  const entries: IndexEntry[] = [];
  const used = new Map<string, number>();
  const take = (it: StandardItem, want: number): number => {
    const code = it.code;
    const cap = it.capPerYear ?? Infinity;
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
      group: s.themeDay ? 'themeDayPlus' : 'meetings',
      kind: 'record',
      points: 0,
      source: 'auto',
      activityId: s.activityId,
      month: s.month,
      status: 'counted',
      attendance: s.status,
    });
    const late = s.status === 'late' ? itemAt('late', s.date, s.month) : undefined;
    if (late) {
      const pts = take(late, late.points);
      entries.push({
        id: `late:${s.activityId}:${f.memberId}`,
        itemCode: 'late',
        name: late.name,
        category: late.category,
        group: groupOf(late, late.category),
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
  // 主题党日+ share of B1 for the 咸宁 groups [PTS-09]; the rest is 三会一课
  const themeDayLife =
    expected === 0
      ? 0
      : Math.floor(
          (24 * f.sessions.filter((s) => s.themeDay && ATTENDED.has(s.status)).length) / expected,
        );
  const yearTarget = f.simplified ? 160 : f.committee ? 560 : 320; // 学时 in tenths [PTS-29, PTS-35]
  // only the time on the roster is expected [PTS-36]
  const target = Math.ceil((yearTarget * Math.min(12, Math.max(1, f.rosterMonths ?? 12))) / 12);
  const study = Math.floor((12 * Math.min(f.studyHoursTenths, target)) / target);
  const dues =
    !f.dues || f.dues.monthsDue === 0
      ? 12
      : Math.floor((12 * f.dues.monthsPaid) / f.dues.monthsDue);

  for (const r of f.noticeReads) {
    const read = itemAt('noticeRead', r.date, r.month);
    const pts = read ? take(read, read.points) : 0;
    entries.push({
      id: `read:${r.id}:${f.memberId}`,
      itemCode: 'noticeRead',
      name: '7日内签阅党务公开',
      category: read?.category ?? 'political',
      group: groupOf(read, read?.category ?? 'political'),
      kind: 'add',
      points: pts,
      source: 'auto',
      month: r.month,
      status: pts ? 'counted' : 'overCap',
    });
  }

  const adjust: Record<'morality' | 'contribution', number> = { morality: 0, contribution: 0 };
  let vetoed = false;
  // in the order of the events, so a cap is reached by the later ones [PTS-32, PTS-13]
  const ledger = [...f.ledger].sort(
    (x, y) =>
      (x.date ?? `${x.month}-01`).localeCompare(y.date ?? `${y.month}-01`) ||
      x.id.localeCompare(y.id),
  );
  for (const e of ledger) {
    const it = itemAt(e.itemCode, e.date, e.month);
    const category: Category = it?.category ?? 'contribution';
    const base = {
      id: e.id,
      itemCode: e.itemCode,
      name: it?.name ?? '申辩调整',
      category,
      group: groupOf(it, category),
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
    const pts = take(it, it.points);
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
  const byGroup = Object.fromEntries(INDEX_GROUPS.map((g) => [g, 0])) as Record<IndexGroup, number>;
  byGroup.themeDayPlus += themeDayLife;
  byGroup.meetings += orgLife - themeDayLife;
  byGroup.capability += study;
  byGroup.duty += dues + morality + contribution;
  for (const e of counted)
    if (
      (e.kind === 'add' || e.kind === 'deduct' || e.kind === 'adjust') &&
      !BASE_ADJUSTMENTS[e.itemCode]
    ) {
      byCategory[e.category] += e.points;
      byGroup[e.group] += e.points;
    }

  const baseEntries: [string, string, Category, IndexGroup, number][] = [
    ['orgLife', '组织生活（出勤折算）', 'discipline', 'meetings', orgLife],
    ['study', '学习（学时折算）', 'political', 'capability', study],
    ['dues', '按时足额交纳党费', 'discipline', 'duty', dues],
    ['morality', '品德合格', 'morality', 'duty', morality],
    ['contribution', '发挥作用合格', 'contribution', 'duty', contribution],
  ];
  for (const [code, name, category, group, points] of baseEntries) {
    entries.unshift({
      id: `base:${code}:${year}:${f.memberId}`,
      itemCode: code,
      name,
      category,
      group,
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
    byGroup,
    base: { orgLife, study, dues, morality, contribution },
    add,
    deduct,
    vetoed,
    exempt: f.exempt,
    entries,
  };
}

export { rank, stars } from './rank';
export type { RankRow } from './rank';
