/**
 * A branch's year for the superior (org.branchDetail) as plain data: counts, the committee, each
 * activity (counted or not, attended of expected, filed on time), dues and disclosure by month,
 * alerts. Every state is said in words with a symbol; no ordinary member is named (the backend
 * sends none).
 */
import type { BranchDetailOutput } from '../../../services/oversight';
import { typeLabels } from '../../../utils/activity-view';
import { roleLabels } from '../../../utils/member-view';

type Detail = BranchDetailOutput;

/** 2026-03-05 or an ISO instant → 3月5日 (Beijing date for an instant). */
export function dateText(date: string): string {
  const iso = /T/.test(date) ? new Date(Date.parse(date) + 8 * 3600_000).toISOString() : date;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A date inside a message as people say it: 任期将于2026-12-01届满 → 任期将于2026年12月1日届满. */
export const datesInWords = (text: string): string =>
  text.replace(
    /(\d{4})-(\d{2})-(\d{2})/g,
    (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
  );

/** 2026-03 → 3月 */
const monthText = (month: string) => {
  const m = /^\d{4}-(\d{2})$/.exec(month);
  return m ? `${Number(m[1])}月` : month;
};

const roleText = (role: string) => (roleLabels as Record<string, string | undefined>)[role] ?? role;

export interface RecordView {
  key: string;
  date: string;
  type: string;
  title: string;
  counted: string;
  countedTone: 'ok' | 'bad' | 'na';
  attendance: string;
  filed: string;
  filedTone: 'ok' | 'bad' | 'na';
}

export interface MonthView {
  key: string;
  month: string;
  text: string;
  tone: 'ok' | 'bad' | 'na' | 'wait';
}

export interface BranchView {
  title: string;
  /** 正式党员10人 / 预备党员1人 / 其中流动党员1人: each kept on one line. */
  members: string[];
  fortress: string;
  stars: string;
  committee: { key: string; text: string }[];
  alerts: { key: string; text: string }[];
  records: RecordView[];
  recordsSummary: string;
  dues: MonthView[];
  disclosures: MonthView[];
}

/** Beijing's local date of an instant: 2026-12-01. */
export const localDay = (ms: number): string =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** Not counted: a meeting of today or later is still under way, not a failure (yet). */
function countedOf(r: Detail['records'][number], today: string) {
  if (r.counted) return { counted: '✓ 计入', countedTone: 'ok' as const };
  if (r.date.slice(0, 10) >= today) return { counted: '… 尚未完成', countedTone: 'na' as const };
  return { counted: '✗ 不计入', countedTone: 'bad' as const };
}

function recordView(r: Detail['records'][number], today: string): RecordView {
  const filed =
    r.filedOnTime === null
      ? { filed: '— 无需归档或尚未到期', filedTone: 'na' as const }
      : r.filedOnTime
        ? { filed: '✓ 按时归档', filedTone: 'ok' as const }
        : { filed: '✗ 逾期归档', filedTone: 'bad' as const };
  return {
    key: r.activityId,
    date: dateText(r.date),
    type: (typeLabels as Record<string, string | undefined>)[r.type] ?? r.type,
    title: r.title,
    ...countedOf(r, today),
    attendance: `到会${r.attended}人，应到${r.expected}人`,
    ...filed,
  };
}

function duesView(m: Detail['dues']['months'][number]): MonthView {
  const month = monthText(m.month);
  if (m.due === 0 || m.state === 'n/a')
    return { key: m.month, month, text: '— 无需交纳', tone: 'na' };
  if (m.state === 'due')
    return {
      key: m.month,
      month,
      text: `… 本月收缴中：已交${m.paid}人，应交${m.due}人`,
      tone: 'wait',
    };
  const all = m.state === 'held';
  return {
    key: m.month,
    month,
    text: all ? `✓ 已交齐（${m.due}人）` : `✗ 未交齐：已交${m.paid}人，应交${m.due}人`,
    tone: all ? 'ok' : 'bad',
  };
}

function disclosureView(d: Detail['disclosures'][number]): MonthView {
  const month = monthText(d.month);
  if (d.count) return { key: d.month, month, text: `✓ 公开${d.count}次`, tone: 'ok' };
  if (d.state === 'due') return { key: d.month, month, text: '… 本月尚未公开', tone: 'wait' };
  if (d.state === 'n/a') return { key: d.month, month, text: '— 支部成立前', tone: 'na' };
  return { key: d.month, month, text: '✗ 没有公开', tone: 'bad' };
}

/** The page's view of the branch as of `now` (ms; the phone's clock, read in Beijing time). */
export function branchView(d: Detail, now: number): BranchView {
  const today = localDay(now);
  const n = Math.max(0, Math.min(5, d.fortress.stars));
  const counted = d.records.filter((r) => r.counted).length;
  return {
    title: `${d.name} ${d.year}年`,
    members: [
      `正式党员${d.members.full}人`,
      `预备党员${d.members.probationary}人`,
      ...(d.members.mobile ? [`其中流动党员${d.members.mobile}人`] : []),
    ],
    fortress: `堡垒指数 ${d.fortress.total} 分`,
    stars: `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${n}星`,
    committee: d.committee.map((c, i) => ({
      key: `${i}`,
      text: `${c.name}：${c.roles.map(roleText).join('、') || '支委'}`,
    })),
    alerts: d.alerts.map((a, i) => ({ key: `${a.kind}-${i}`, text: datesInWords(a.message) })),
    records: [...d.records]
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .map((r) => recordView(r, today)),
    recordsSummary: d.records.length
      ? `共${d.records.length}次，计入${counted}次${
          d.records.length - counted ? `，不计入${d.records.length - counted}次` : ''
        }`
      : '今年还没有活动记录',
    dues: d.dues.months.map(duesView),
    disclosures: d.disclosures.map(disclosureView),
  };
}
