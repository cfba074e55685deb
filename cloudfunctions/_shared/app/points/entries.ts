import { defaultItems } from '../../domain/points/standard';
import { localMonth } from '../../domain/shared/time';
import { findActivity } from '../../repos/activities';
import { findEntry, latestStandard } from '../../repos/points';

/**
 * What an index entry is, for appeals. Entries are stored (declared, assessed) or derived with
 * deterministic ids: `att:<activity>:<member>` / `late:<activity>:<member>` from attendance,
 * `base:<item>:<year>:<member>` for base items.
 */
export interface EntryRef {
  /** The month the entry belongs to, or 'base' for base items (every quarter). */
  month: string | 'base';
  /** In words, so the answer screen can say what the appeal is about. */
  label: string;
}

const ATTENDANCE = /^(att|late):(.+):([^:]+)$/;
const BASE = /^base:(\w+):.*:([^:]+)$/;
const BASE_NAMES: Record<string, string> = {
  orgLife: '组织生活（出勤折算）',
  study: '学习（学时折算）',
  dues: '党费',
  morality: '品德合格',
  contribution: '发挥作用合格',
};

/** The member's own index entry with this id, or null when it is not theirs (or does not exist). */
export async function ownEntry(entryId: string, memberId: string): Promise<EntryRef | null> {
  const att = ATTENDANCE.exec(entryId);
  if (att) {
    if (att[3] !== memberId) return null;
    const a = await findActivity(att[2]);
    if (!a) return null;
    const what = att[1] === 'late' ? '迟到扣分：' : '组织生活：';
    return { month: localMonth(a.startAt), label: `${what}${a.title}` };
  }
  const base = BASE.exec(entryId);
  if (base) {
    if (base[2] !== memberId) return null;
    return { month: 'base', label: BASE_NAMES[base[1]] ?? '基础分' };
  }
  const e = await findEntry(entryId);
  if (!e || e.memberId !== memberId) return null;
  const latest = await latestStandard(e.orgId, e.year);
  const item = [
    ...(latest?.items ?? []),
    ...defaultItems('village'),
    ...defaultItems('community'),
  ].find((i) => i.code === e.itemCode);
  return { month: e.month, label: item ? `${item.name}（${e.month}）` : '积分记录' };
}
