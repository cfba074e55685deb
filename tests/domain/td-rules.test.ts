import {
  calendarFor,
  isWorkingDay,
  NATIONAL_CALENDAR,
  suggestedDay,
} from '../../cloudfunctions/_shared/domain/activity/holidays';
import { guestsExpired } from '../../cloudfunctions/_shared/domain/activity/guests';
import {
  correctorInflation,
  sessionInflation,
} from '../../cloudfunctions/_shared/domain/activity/inflation';
import {
  planFilingWarnings,
  rescheduleWarnings,
} from '../../cloudfunctions/_shared/domain/activity/reschedule';
import { yearPlan } from '../../cloudfunctions/_shared/domain/activity/schedule';

const FIRST_FRIDAY = { kind: 'firstFriday' } as const;
const themeDays = (items: { type: string; date: string }[]) =>
  items.filter((i) => i.type === 'themeDay').map((i) => i.date);

describe('holiday calendar and the plan [TD-04]', () => {
  const cal2026 = NATIONAL_CALENDAR[2026];
  it('takes working days from the calendar, never from weekdays alone [TD-04]', () => {
    expect(isWorkingDay('2026-10-02', cal2026)).toBe(false); // a Friday in 国庆
    expect(isWorkingDay('2026-09-20', cal2026)).toBe(true); // a Sunday, 调休上班
    expect(isWorkingDay('2026-01-04', cal2026)).toBe(true); // a Sunday, 调休上班
    expect(isWorkingDay('2026-10-17', cal2026)).toBe(false); // an ordinary Saturday
  });
  it('suggests the next working day of the month for a scheduled holiday [TD-04]', () => {
    expect(suggestedDay('2026-10-02', cal2026)).toBe('2026-10-08');
    expect(suggestedDay('2026-01-02', cal2026)).toBe('2026-01-04'); // the adjusted Sunday
    expect(suggestedDay('2027-01-01', calendarFor(2027))).toBe('2027-01-04');
    expect(suggestedDay('2026-12-04', cal2026)).toBe('2026-12-04');
    // no working day left in the month: the last one before it, never into the next month
    const endOfMonth = { holidays: ['2026-07-30', '2026-07-31'], workdays: [] };
    expect(suggestedDay('2026-07-31', endOfMonth)).toBe('2026-07-29');
  });
  it('never plans a theme day on 元旦 or 国庆 and says where it moved from [TD-04]', () => {
    const p2027 = yearPlan(2027, FIRST_FRIDAY, 'default', 'organ', true);
    expect(themeDays(p2027)).not.toContain('2027-01-01');
    expect(themeDays(p2027)).not.toContain('2027-10-01');
    const jan = p2027.find((i) => i.type === 'themeDay' && i.date.startsWith('2027-01'));
    expect(jan).toMatchObject({ date: '2027-01-04', movedFrom: '2027-01-01' });
    const p2026 = yearPlan(2026, FIRST_FRIDAY, 'default', 'organ', true);
    const oct = p2026.filter((i) => i.date === '2026-10-08').map((i) => i.type);
    expect(oct).toEqual(expect.arrayContaining(['themeDay', 'committeeMeeting'])); // the day's meetings move with it
    expect(p2026.some((i) => i.date === '2026-10-02')).toBe(false);
    // a committee's own calendar (the State Council's arrangement) is used when given
    const own = {
      holidays: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workdays: [],
    };
    const withOwn = yearPlan(2027, FIRST_FRIDAY, 'default', 'organ', true, own);
    expect(themeDays(withOwn)).toContain('2027-10-08');
  });
  it('warns when a theme day moves out of its month, and on a holiday [TD-04]', () => {
    const cal = calendarFor(2027);
    const from = new Date('2026-12-04T07:00:00Z');
    expect(rescheduleWarnings('themeDay', from, new Date('2026-12-11T07:00:00Z'), cal2026)).toEqual(
      [],
    );
    const out = rescheduleWarnings('themeDay', from, new Date('2027-01-01T07:00:00Z'), cal);
    expect(out.map((w) => [w.ruleId, w.kind])).toEqual([
      ['TD-04', 'otherMonth'],
      ['TD-04', 'holiday'],
    ]);
    expect(out[1].date).toBe('2027-01-04');
    // a meeting is not bound to its month
    expect(rescheduleWarnings('partyLecture', from, new Date('2027-01-08T07:00:00Z'), cal)).toEqual(
      [],
    );
  });
});

describe('plan filing [TD-06]', () => {
  it('flags a plan not filed once the first theme day has come, or filed on or after it [TD-06]', () => {
    expect(planFilingWarnings(null, '2027-01-04', '2027-01-03')).toEqual([]);
    expect(planFilingWarnings(null, '2027-01-04', '2027-01-04')[0]).toMatchObject({
      ruleId: 'TD-06',
      kind: 'planNotFiled',
    });
    expect(planFilingWarnings('2026-12-20', '2027-01-04', '2027-02-01')).toEqual([]);
    expect(planFilingWarnings('2027-01-04', '2027-01-04', '2027-02-01')[0]).toMatchObject({
      ruleId: 'TD-06',
      kind: 'planFiledLate',
    });
  });
});

describe('xianning plan [TD-27, TD-29]', () => {
  const plan = yearPlan(2027, FIRST_FRIDAY, 'xianning', 'organ', true);
  it('holds a 党员大会 and a morning 支委会 with every theme day [TD-27]', () => {
    for (const date of themeDays(plan)) {
      const same = plan.filter((i) => i.date === date);
      expect(same.map((i) => i.type)).toEqual(
        expect.arrayContaining(['branchAssembly', 'committeeMeeting']),
      );
      const committee = same.find((i) => i.type === 'committeeMeeting');
      const theme = same.find((i) => i.type === 'themeDay');
      expect(committee!.startTime < theme!.startTime && committee!.startTime < '12:00').toBe(true);
    }
    const hunan = yearPlan(2027, FIRST_FRIDAY, 'hunan', 'organ', true);
    expect(hunan.filter((i) => i.type === 'branchAssembly')).toHaveLength(4);
  });
  it('places the calendar anchors: 述学述做, 谈心谈话, 民主评议 [TD-29]', () => {
    const td = (m: string) => plan.find((i) => i.type === 'themeDay' && i.date.startsWith(m))!;
    expect(td('2027-01').agenda).toContain('述学述做');
    expect(td('2027-07').agenda).toContain('述学述做');
    expect(td('2027-03').agenda).not.toContain('述学述做');
    const talks = plan.filter((i) => i.agenda.includes('书记与支委谈心谈话'));
    expect(talks.map((i) => [i.type, i.date.slice(0, 7)])).toEqual([
      ['committeeMeeting', '2027-06'],
      ['committeeMeeting', '2027-12'],
    ]);
    expect(plan.filter((i) => i.type === 'democraticAppraisal').map((i) => i.date)).toEqual([
      td('2027-12').date,
    ]);
    expect(
      yearPlan(2027, FIRST_FRIDAY, 'default', 'organ', true).some(
        (i) => i.type === 'democraticAppraisal',
      ),
    ).toBe(false);
  });
});

describe('sign-in inflation [CHK-14]', () => {
  const rows = (hand: number, qr: number) => [
    ...Array.from({ length: hand }, () => ({ status: 'present' as const, method: 'hostMarked' })),
    ...Array.from({ length: qr }, () => ({ status: 'present' as const, method: 'qr' })),
    { status: 'absent' as const, method: 'hostMarked' },
  ];
  it('flags a session where hand-entered attendance is more than 30% of those present [CHK-14]', () => {
    expect(sessionInflation(rows(3, 7), 30)).toMatchObject({ flagged: false, pct: 30 }); // 超过: not at the bound
    expect(sessionInflation(rows(4, 6), 30)).toMatchObject({
      flagged: true,
      pct: 40,
      attended: 10,
    });
    expect(sessionInflation(rows(4, 6), 50).flagged).toBe(false);
  });
  it('flags an administrator correcting more than 20% of the quarter’s attendance [CHK-14]', () => {
    const c = ['a', 'a', 'a', 'b'];
    expect(correctorInflation(c, 10, 20)).toEqual([{ memberId: 'a', corrections: 3, pct: 30 }]);
    expect(correctorInflation(c, 15, 20)).toEqual([]); // 3 of 15 = 20%: not more
  });
});

describe('guest retention [PRIV-19]', () => {
  it('deletes guests’ names once the retention months have passed [PRIV-19]', () => {
    const end = new Date('2026-03-10T09:00:00Z');
    expect(guestsExpired(end, 12, new Date('2027-03-10T09:00:00Z'))).toBe(false);
    expect(guestsExpired(end, 12, new Date('2027-03-11T09:00:00Z'))).toBe(true);
    expect(guestsExpired(end, 24, new Date('2027-03-11T09:00:00Z'))).toBe(false);
  });
});
