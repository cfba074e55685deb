import type { PlanItem } from '../../cloudfunctions/_shared/contracts/activity';
import {
  calendarFor,
  isProvisional,
  isWorkingDay,
  NATIONAL_CALENDAR,
} from '../../cloudfunctions/_shared/domain/activity/holidays';
import { separateItems } from '../../cloudfunctions/_shared/domain/activity/plan-slots';
import { yearPlan } from '../../cloudfunctions/_shared/domain/activity/schedule';
import type { ScheduleRule } from '../../cloudfunctions/_shared/contracts/activity';

const item = (
  type: PlanItem['type'],
  date: string,
  startTime: string,
  endTime: string,
): PlanItem => ({ type, date, title: type, startTime, endTime, agenda: [], ruleId: '' });

const none = { holidays: [], workdays: [] };

const clashes = (items: readonly PlanItem[]) =>
  items.flatMap((a, i) =>
    items
      .slice(i + 1)
      .filter((b) => a.date === b.date && a.startTime < b.endTime && b.startTime < a.endTime)
      .map((b) => `${a.date} ${a.title}/${b.title}`),
  );

describe('official calendar [TD-04]', () => {
  it('2026 is the State Council arrangement, 调休 weekends included; 2027 is provisional', () => {
    // the same days as chinese-days 1.5.7 publishes for 2026 (checked when this was written)
    expect(NATIONAL_CALENDAR[2026].workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(NATIONAL_CALENDAR[2026].holidays).toHaveLength(33);
    const cal = calendarFor(2026);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true); // a Sunday, 调休上班
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false); // a Wednesday of 国庆
    expect(isProvisional(2026)).toBe(false);
    expect(isProvisional(2027)).toBe(true);
    expect(isProvisional(2027, { holidays: [], workdays: [] })).toBe(false);
  });

  it('moves the theme day and its meetings off 元旦 onto the 调休 Sunday, and says why', () => {
    const jan = yearPlan(2026, { kind: 'firstFriday' }, 'default', 'organ', true).filter((i) =>
      i.date.startsWith('2026-01'),
    );
    expect(jan.map((i) => [i.type, i.date])).toEqual([
      ['committeeMeeting', '2026-01-04'],
      ['themeDay', '2026-01-04'],
    ]);
    for (const i of jan) {
      expect(i).toMatchObject({ movedFrom: '2026-01-02', moveReason: 'holiday' });
      expect(i.moveNote).toBe('原定1月2日为节假日，顺延至1月4日');
    }
  });

  it('a provisional year keeps items off the statutory days: 元旦 and 国庆 2027', () => {
    const p = yearPlan(2027, { kind: 'firstFriday' }, 'default', 'organ', true);
    const cal = calendarFor(2027);
    expect(p.filter((i) => cal.holidays.includes(i.date))).toEqual([]);
    expect(p.find((i) => i.type === 'themeDay' && i.date.startsWith('2027-10'))).toMatchObject({
      date: '2027-10-04',
      movedFrom: '2027-10-01',
    });
  });

  it('a holiday at the month end moves the day back, never into the next month', () => {
    const cal = { holidays: ['2026-04-30'], workdays: [] };
    const p = yearPlan(2026, { kind: 'dayOfMonth', day: 30 }, 'default', 'organ', false, cal);
    const april = p.find((i) => i.type === 'themeDay' && i.date.startsWith('2026-04'));
    expect(april).toMatchObject({ date: '2026-04-29', movedFrom: '2026-04-30' });
    expect(april?.moveNote).toBe('原定4月30日为节假日，提前至4月29日');
  });
});

describe('no two plan items at once', () => {
  it('the December 组织生活会 no longer overlaps that morning’s 支委会', () => {
    const p = yearPlan(2026, { kind: 'firstFriday' }, 'default', 'organ', true);
    const life = p.find((i) => i.type === 'orgLifeMeeting');
    expect(life).toMatchObject({
      date: '2026-12-07',
      startTime: '09:00',
      movedFrom: '2026-12-04',
      moveReason: 'overlap',
    });
    expect(life?.moveNote).toBe('原定12月4日 09:00与支委会时间重叠，调至12月7日');
  });

  const rules: ScheduleRule[] = [
    { kind: 'firstFriday' },
    { kind: 'lastWeekday', weekday: 5 },
    { kind: 'dayOfMonth', day: 1 },
    { kind: 'nthWeekday', n: 1, weekday: 1 },
    { kind: 'weekOf1st', weekday: 3 },
  ];
  it.each([2026, 2027])(
    'every rule, profile and template of %i: no overlap, all in their month',
    (y) => {
      for (const rule of rules)
        for (const profile of ['default', 'xianning', 'hunan'] as const)
          for (const template of ['profile', 'retired'] as const) {
            const p = yearPlan(y, rule, profile, 'organ', true, calendarFor(y), template);
            expect(clashes(p)).toEqual([]);
            const cal = calendarFor(y);
            expect(p.filter((i) => cal.holidays.includes(i.date))).toEqual([]);
            for (const i of p.filter((x) => x.movedFrom))
              expect(i.date.slice(0, 7)).toBe(i.movedFrom?.slice(0, 7));
          }
    },
  );

  it('items that only touch (one ends as the next starts) stay where they are', () => {
    const a = item('committeeMeeting', '2026-03-06', '09:00', '10:30');
    const b = item('partyLecture', '2026-03-06', '10:30', '11:30');
    expect(separateItems([a, b], none)).toEqual([a, b]);
  });

  it('one minute of overlap moves the later item within the day, nearest hours first', () => {
    const a = item('themeDay', '2026-03-06', '09:30', '10:30');
    const b = item('committeeMeeting', '2026-03-06', '09:00', '09:31');
    const [, moved] = separateItems([a, b], none);
    expect(moved).toMatchObject({ date: '2026-03-06', startTime: '08:59', endTime: '09:30' });
    expect(moved.movedFromTime).toBe('09:00');
    expect(moved.movedFrom).toBeUndefined();
  });

  it('a 组织生活会 keeps its hours on the nearest working day; on the month’s last one, the day before', () => {
    const cal = calendarFor(2026);
    const first = item('committeeMeeting', '2026-12-31', '09:00', '10:30');
    const life = item('orgLifeMeeting', '2026-12-31', '09:00', '11:30');
    const [, moved] = separateItems([first, life], cal);
    expect(moved).toMatchObject({
      date: '2026-12-30',
      startTime: '09:00',
      movedFrom: '2026-12-31',
    });
    // skips the weekend and the holiday: after 2 October 2026 comes 8 October
    const oct = separateItems(
      [
        item('themeDay', '2026-10-08', '09:00', '11:00'),
        item('orgLifeMeeting', '2026-10-08', '09:00', '11:00'),
      ],
      cal,
    );
    expect(oct[1].date).toBe('2026-10-09');
  });

  it('a month with no free slot left keeps the item and asks the secretary', () => {
    const cal = { holidays: [], workdays: [] };
    const full = [];
    for (let d = 1; d <= 28; d++)
      full.push(item('themeDay', `2026-02-${String(d).padStart(2, '0')}`, '08:00', '18:00'));
    const extra = item('orgLifeMeeting', '2026-02-10', '09:00', '11:00');
    const out = separateItems([...full, extra], cal);
    expect(out[28]).toMatchObject({
      date: '2026-02-10',
      moveNote: '2月10日当月已无空闲时段，请手动调整',
    });
  });
});
