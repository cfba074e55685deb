import type { ActivityType, PlanItem, ScheduleRule } from '../../contracts/activity';
import type { Profile, Sector } from '../org/model';
import { calendarFor, HolidayCalendar, suggestedDay } from './holidays';
import { monthDay, separateItems } from './plan-slots';

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The theme day of a month under a schedule rule: first Friday (Friday among days 1–7) by
 * default [TD-02]; nth weekday, last weekday, a fixed day, or that weekday in the week of the 1st
 * [TD-03].
 */
export function themeDayOf(year: number, month: number, rule: ScheduleRule): string {
  const date = (d: number) => `${year}-${pad(month)}-${pad(d)}`;
  const first = weekday(date(1));
  switch (rule.kind) {
    case 'firstFriday':
      return date(1 + ((5 - first + 7) % 7));
    case 'nthWeekday':
      return date(1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.n - 1));
    case 'lastWeekday': {
      const last = daysIn(year, month);
      return date(last - ((weekday(date(last)) - rule.weekday + 7) % 7));
    }
    case 'dayOfMonth':
      return date(rule.day);
    case 'weekOf1st': {
      // The week (Mon–Sun) containing the 1st; a weekday before the 1st falls into the next week.
      const offset = rule.weekday - first;
      return date(offset >= 0 ? 1 + offset : 1 + offset + 7);
    }
  }
}

const TWO_PLUS_X = ['缴纳党费', '重温入党誓词', '专题学习'];
const SIX_LINKED = [
  '诵读党章',
  '缴纳党费',
  '学习党规党情和创新理论',
  '开展组织生活',
  '实行民主议事',
  '落实公开制度',
];
const HUNAN_FIVE = ['组织学习讨论', '集中交纳党费', '民主议事决策'];

/** The theme-day agenda template of a profile: 2+X by default [TD-14], 六事联动 [TD-15], 湖南五项 [TD-16]. */
export function themeDayAgenda(profile: Profile): string[] {
  if (profile === 'xianning') return SIX_LINKED;
  if (profile === 'hunan') return HUNAN_FIVE;
  return TWO_PLUS_X;
}

/**
 * The simplified template a 离退休 branch may choose (`td.template = retired`) [TD-13]: study and
 * the dues, without the longer items; elderly members meet for a shorter session in the morning.
 */
export const RETIRED_TEMPLATE = ['学习讨论', '集中交纳党费'];

/** Items of any template: a theme day whose agenda has none of them does not count [TD-30]. */
export const TEMPLATE_ITEMS = new Set([
  ...TWO_PLUS_X,
  ...SIX_LINKED,
  ...HUNAN_FIVE,
  '入党宣誓',
  '学习讨论',
  '党性分析',
  '服务党员群众',
]);

const item = (
  type: ActivityType,
  date: string,
  title: string,
  ruleId: string,
  agenda: string[] = [],
  startTime = '15:00',
  endTime = '17:00',
): PlanItem => ({
  type,
  date,
  title,
  startTime,
  endTime,
  agenda,
  ruleId,
});

/**
 * The year's required organisational life for a branch, from its schedule rule and profile:
 * monthly theme days [TD-01], quarterly assemblies [MTG-01], monthly committee meetings where a
 * committee exists [MTG-02], 党课 quarterly by default, half-yearly in `hunan`, monthly for
 * 机关/事业 in `xianning` [MTG-04, MTG-05], and the 组织生活会 in Q4 (June and December in
 * `xianning`) [MTG-28, MTG-29]. A scheduled day that is a holiday of the calendar moves to the
 * next working day of the month, and says so (`movedFrom`) [TD-04]; the meetings of that day move
 * with it. In `xianning` the 党员大会 and the morning 支委会 come with every theme day [TD-27], and
 * the calendar anchors are placed: 述学述做 in January and July, 谈心谈话 before the June and
 * December theme days, 民主评议 in December [TD-29]. With the `retired` template the theme day is a
 * short morning session of study and dues [TD-13]. No two items overlap: a later one moves to the
 * nearest free slot of a working day in the month, and says why (`separateItems`). The secretary
 * adjusts dates before publishing.
 */
export function yearPlan(
  year: number,
  rule: ScheduleRule,
  profile: Profile,
  sector: Sector,
  hasCommittee: boolean,
  calendar: HolidayCalendar = calendarFor(year),
  template: 'profile' | 'retired' = 'profile',
): PlanItem[] {
  const items: PlanItem[] = [];
  const retired = template === 'retired';
  const agenda = retired ? RETIRED_TEMPLATE : themeDayAgenda(profile);
  const xianning = profile === 'xianning';
  const days = new Map<number, { date: string; movedFrom?: string }>();
  for (let m = 1; m <= 12; m++) {
    const scheduled = themeDayOf(year, m, rule);
    const date = suggestedDay(scheduled, calendar);
    days.set(m, date === scheduled ? { date } : { date, movedFrom: scheduled });
  }
  const at = (m: number, made: PlanItem): PlanItem => {
    const d = days.get(m) as { date: string; movedFrom?: string };
    if (!d.movedFrom) return made;
    const note = `原定${monthDay(d.movedFrom)}为节假日，${d.date > d.movedFrom ? '顺延' : '提前'}至${monthDay(d.date)}`;
    return { ...made, movedFrom: d.movedFrom, moveReason: 'holiday', moveNote: note };
  };
  for (let m = 1; m <= 12; m++) {
    const td = (days.get(m) as { date: string }).date;
    const tdAgenda = xianning && (m === 1 || m === 7) ? [...agenda, '述学述做'] : agenda;
    const [from, to] = retired ? ['09:30', '10:30'] : ['15:00', '17:00'];
    items.push(at(m, item('themeDay', td, `${m}月主题党日`, 'TD-01', tdAgenda, from, to)));
    if (hasCommittee) {
      const talk = xianning && (m === 6 || m === 12) ? ['书记与支委谈心谈话'] : [];
      const rid = xianning ? 'TD-27' : 'MTG-02';
      items.push(at(m, item('committeeMeeting', td, `${m}月支委会`, rid, talk, '09:00', '10:30')));
    }
    if (m % 3 === 0 || xianning)
      items.push(
        at(
          m,
          item(
            'branchAssembly',
            td,
            `${m % 3 === 0 ? `第${m / 3}季度` : `${m}月`}支部党员大会`,
            xianning ? 'TD-27' : 'MTG-01',
            [],
            '17:00',
            '18:00',
          ),
        ),
      );
    if (lectureMonth(m, profile, sector))
      items.push(at(m, item('partyLecture', td, `${m}月党课`, 'MTG-04', [], '14:00', '15:00')));
  }
  const orgLifeMonths = xianning ? [6, 12] : [12];
  for (const m of orgLifeMonths)
    items.push(
      at(
        m,
        item(
          'orgLifeMeeting',
          (days.get(m) as { date: string }).date,
          `${m}月组织生活会`,
          'MTG-28',
          [],
          '09:00',
          '11:30',
        ),
      ),
    );
  if (xianning)
    items.push(
      at(
        12,
        item(
          'democraticAppraisal',
          (days.get(12) as { date: string }).date,
          '12月民主评议党员',
          'TD-29',
          [],
          '13:00',
          '14:00',
        ),
      ),
    );
  // never two items at once: the 组织生活会 and the morning 支委会 of the same day, say [MTG-09]
  return separateItems(items, calendar).sort((a, b) =>
    (a.date + a.startTime).localeCompare(b.date + b.startTime),
  );
}

function lectureMonth(m: number, profile: Profile, sector: Sector): boolean {
  if (profile === 'hunan') return m === 6 || m === 12;
  if (profile === 'xianning' && (sector === 'organ' || sector === 'institution')) return true;
  return m % 3 === 0;
}
