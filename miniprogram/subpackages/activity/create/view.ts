/** The 新建活动 form's arithmetic: Beijing dates and times to instants, agenda lines, late entry. */
import type { ActivityType } from '../../../services/types';

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' in Beijing, `days` from now. */
export function beijingDate(now: number, days = 0): string {
  const d = new Date(now + OFFSET_MS + days * 86400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A Beijing date and clock time ('2026-12-02', '09:30') as an ISO instant with its offset. */
export function instantOf(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** 2026年12月2日 */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The agenda as typed, one item a line, blank lines dropped. */
export function agendaLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Whether the activity ended already: it can only be registered late, with a reason [MTG-17]. */
export function endsInPast(date: string, endTime: string, now: number): boolean {
  return Date.parse(instantOf(date, endTime)) < now;
}

/** Types whose host, when not the 书记, needs the reason the host was delegated [MTG-15]. */
export function needsDelegation(type: ActivityType): boolean {
  return type === 'branchAssembly' || type === 'committeeMeeting';
}
