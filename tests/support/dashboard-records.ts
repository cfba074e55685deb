import type { BranchPlan } from '../../emulator/seeds/committee';
import { TEMPLATE_ITEMS } from '../../cloudfunctions/_shared/domain/activity/schedule';

/**
 * What tests/functions/dashboard-records.test.ts derives from the records of the `committee`
 * seed on its own (periods, what counts, the expected cell), independently of the dashboard.
 */
export const TODAY = '2026-12-01';
export const YEAR = 2026;
export const MONTHS = Array.from(
  { length: 12 },
  (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`,
);
const HOUR = 3600_000;
export const local = (d: Date | string) => new Date(+new Date(d) + 8 * HOUR).toISOString();
export const localDay = (d: Date | string) => local(d).slice(0, 10);
export const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}`;
};

/** Periods of a frequency: label, its months, its last day. */
export function periods(freq: string): { label: string; months: string[]; last: string }[] {
  const group = (size: number, name: (i: number) => string) =>
    Array.from({ length: 12 / size }, (_, i) => {
      const months = MONTHS.slice(i * size, i * size + size);
      return { label: name(i), months, last: lastDay(months[months.length - 1]) };
    });
  if (freq === 'monthly') return group(1, (i) => MONTHS[i]);
  if (freq === 'quarterly') return group(3, (i) => `${YEAR}-Q${i + 1}`);
  if (freq === 'halfYearly') return group(6, (i) => `${YEAR}-H${i + 1}`);
  if (freq === 'yearlyQ4')
    return [{ label: `${YEAR}-Q4`, months: MONTHS.slice(9), last: `${YEAR}-12-31` }];
  throw new Error(freq);
}

/** The branch's records from the store, and whether each counts (closed, theme, minutes, an attendee besides the host, template item). */
export function recordsOf(docs: (collection: string) => any[], orgId: string) {
  const rows = docs('attendance').filter((a) => a.orgId === orgId);
  const activities = docs('activities').filter(
    (a) => a.orgId === orgId && localDay(a.startAt).startsWith(String(YEAR)),
  );
  const counts = (a: any) =>
    a.status === 'closed' &&
    !!a.title.trim() &&
    !!a.record?.minutes?.trim() &&
    rows.some(
      (r) =>
        r.activityId === a._id &&
        r.memberId !== a.hostId &&
        ['present', 'late', 'remote'].includes(r.status),
    ) &&
    (!a.lateRegistration || a.lateRegistration.approved) &&
    (a.type !== 'themeDay' || a.agenda.some((x: string) => TEMPLATE_ITEMS.has(x)));
  return activities.map((a) => ({
    ...a,
    month: localDay(a.startAt).slice(0, 7),
    counts: counts(a),
  }));
}

/** held / missing / due of an activity obligation for a period, from the records. */
export function expectedCell(
  records: ReturnType<typeof recordsOf>,
  type: string,
  p: { months: string[]; last: string },
) {
  if (records.some((a) => a.type === type && a.counts && p.months.includes(a.month))) return 'held';
  return p.last < TODAY ? 'missing' : 'due';
}

export function activityObligations(bp: BranchPlan): [string, string][] {
  return [
    ['themeDay', 'monthly'],
    ['branchAssembly', 'quarterly'],
    ...(bp.hasCommittee ? ([['committeeMeeting', 'monthly']] as [string, string][]) : []),
    ['partyLecture', bp.profile === 'hunan' ? 'halfYearly' : 'quarterly'],
    ['orgLifeMeeting', 'yearlyQ4'],
  ];
}
