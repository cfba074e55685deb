import type { AttendanceStatus } from '../../cloudfunctions/_shared/contracts/activity';
import {
  absenceFlags,
  absenceWindow,
  warningKey,
} from '../../cloudfunctions/_shared/domain/activity/absence';
import {
  inactivityKey,
  inactivityOf,
} from '../../cloudfunctions/_shared/domain/activity/inactivity';
import {
  arrearsRule,
  missingThemeDayMonth,
  previousMonth,
  staleAudience,
  termStage,
} from '../../cloudfunctions/_shared/domain/org/branch-alerts';
import { workAlertData } from '../../cloudfunctions/_shared/domain/org/work-alert';

const S = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
const member = (...statuses: (AttendanceStatus | null)[]) =>
  new Map([
    [
      'm',
      new Map(statuses.flatMap((s, i) => (s ? [[S[i], s] as [string, AttendanceStatus]] : []))),
    ],
  ]);
const kinds = (...statuses: (AttendanceStatus | null)[]) =>
  absenceFlags(S.slice(0, statuses.length), member(...statuses)).map(
    (f) => `${f.ruleId}:${f.kind}:${f.count}`,
  );

describe('theme-day absences', () => {
  it('[TD-23] warns after 2 absences in a row, and gives way to the TD-22 flag at 3', () => {
    expect(kinds('absent')).toEqual([]);
    expect(kinds('present', 'absent', 'absent')).toEqual(['TD-23:consecutiveWarning:2']);
    expect(kinds('absent', 'absent', 'absent')).toEqual(['TD-22:consecutiveAbsences:3']);
    // A run that was broken is no early warning any more.
    expect(kinds('absent', 'absent', 'present')).toEqual([]);
  });
  it('[TD-23] warns at 4 in the year until the TD-22 flag at 6', () => {
    const a = 'absent' as const;
    const p = 'present' as const;
    expect(kinds(a, p, a, p, a, p)).toEqual([]);
    expect(kinds(a, p, a, p, a, p, a)).toEqual(['TD-23:cumulativeWarning:4']);
    expect(kinds(a, a, p, a, a, p, a)).toEqual(['TD-23:cumulativeWarning:5']);
    // Once flagged, no early warning is left to give (it came before the flag).
    expect(kinds(a, a, p, a, a, p, a, a)).toEqual(['TD-22:cumulativeAbsences:6']);
    expect(kinds(a, a, a, p, a)).toEqual(['TD-22:consecutiveAbsences:3']);
  });
  it('[TD-23] keys one message per run of absences and one per fourth absence', () => {
    const [run] = absenceFlags(S.slice(0, 3), member('present', 'absent', 'absent'));
    expect(warningKey(run)).toBe('m:run:s2');
    const [total] = absenceFlags(
      S.slice(0, 7),
      member('absent', 'present', 'absent', 'present', 'absent', 'present', 'absent'),
    );
    expect(warningKey(total)).toBe('m:total:s7');
  });
  it('[TD-24] excused absences are skipped by default, and end the run when the branch chooses', () => {
    const statuses = member('absent', 'excused', 'absent', 'absent');
    const flags = (excusedBreaksStreak: boolean) =>
      absenceFlags(S.slice(0, 4), statuses, { excusedBreaksStreak }).map((f) => f.kind);
    expect(flags(false)).toEqual(['consecutiveAbsences']);
    expect(flags(true)).toEqual(['consecutiveWarning']);
  });
  it('[TD-24] counts the calendar year, or the 12 months up to today (across the year turn and a leap day)', () => {
    expect(absenceWindow('calendar', 2026, '2026-12-01')).toEqual(['2026-01-01', '2027-01-01']);
    expect(absenceWindow('rolling12', 2027, '2027-01-10')).toEqual(['2026-01-11', '2027-01-11']);
    expect(absenceWindow('rolling12', 2028, '2028-02-29')).toEqual(['2027-03-01', '2028-03-01']);
    expect(absenceWindow('rolling12', 2026, '2027-01-10')).toEqual(['2026-01-01', '2027-01-01']);
  });
});

describe('inactivity', () => {
  const after = (today: string, last: string | null = '2026-11-01') =>
    inactivityOf(last, '2020-01-01', today, 30);
  it('[FORT-22] turns yellow at 30 days without a record: 29 no, 30 and 31 yes', () => {
    expect(after('2026-11-30')).toMatchObject({ inactive: false, days: 29, message: null });
    expect(after('2026-12-01')).toMatchObject({ inactive: true, days: 30, ruleId: 'FORT-22' });
    expect(after('2026-12-02')).toMatchObject({ inactive: true, days: 31 });
    expect(after('2026-12-01').message).toBe('已30天没有组织生活记录');
  });
  it('[FORT-22] counts across the year turn and a leap February', () => {
    expect(after('2027-01-01', '2026-12-02')).toMatchObject({ inactive: true, days: 30 });
    expect(after('2028-03-01', '2028-02-01')).toMatchObject({ inactive: false, days: 29 });
    expect(after('2028-03-02', '2028-02-01')).toMatchObject({ inactive: true, days: 30 });
  });
  it('[FORT-22] counts a branch without records from its set-up, and keys each stretch once', () => {
    const fresh = inactivityOf(null, '2026-12-01', '2026-12-31', 30);
    expect(fresh).toMatchObject({ inactive: true, hasRecord: false, since: '2026-12-01' });
    expect(inactivityOf(null, '2026-12-01', '2026-12-30', 30).inactive).toBe(false);
    expect(inactivityKey('b', fresh)).toBe('b:2026-12-01');
    expect(inactivityKey('b', after('2027-02-01', '2027-01-01'))).toBe('b:2027-01-01');
    expect(inactivityOf('2026-11-01', '2020-01-01', '2026-12-31', 60).inactive).toBe(true);
    expect(inactivityOf('2026-11-01', '2020-01-01', '2026-12-30', 60).inactive).toBe(false);
  });
});

describe('branch alerts sent by the scheduler', () => {
  it('[TD-01] alerts a missing month from day 1 of the next, never the running month', () => {
    expect(previousMonth('2027-01-01')).toBe('2026-12');
    expect(previousMonth('2028-03-01')).toBe('2028-02');
    expect(missingThemeDayMonth('2027-01-01', ['2026-03', '2026-12'])).toBe('2026-12');
    expect(missingThemeDayMonth('2026-12-31', ['2026-12'])).toBeNull();
    expect(missingThemeDayMonth('2026-12-01', ['2026-03'])).toBeNull(); // an old month was sent in its time
  });
  it('[ORG-19] reminds at −6, −3 and −1 months, and [ORG-22] monthly once the term has passed', () => {
    const end = '2027-06-30';
    expect(termStage(end, '2026-12-29')).toBeNull();
    expect(termStage(end, '2026-12-30')).toEqual({ ruleId: 'ORG-19', stage: 'm6' });
    expect(termStage(end, '2027-03-29')).toEqual({ ruleId: 'ORG-19', stage: 'm6' });
    expect(termStage(end, '2027-03-30')).toEqual({ ruleId: 'ORG-19', stage: 'm3' });
    expect(termStage(end, '2027-05-30')).toEqual({ ruleId: 'ORG-19', stage: 'm1' });
    expect(termStage(end, end)).toEqual({ ruleId: 'ORG-19', stage: 'm1' });
    expect(termStage(end, '2027-07-01')).toEqual({ ruleId: 'ORG-22', stage: 'over-2027-07' });
    expect(termStage('2028-08-31', '2028-02-29')).toEqual({ ruleId: 'ORG-19', stage: 'm6' }); // clamped to the leap day
    expect(termStage('2028-08-31', '2028-02-28')).toBeNull();
  });
  it('[DIS-07] a stale 公开栏 alerts the maintainer, then the secretary and the superior', () => {
    expect(staleAudience('ok')).toEqual([]);
    expect(staleAudience('maintainer')).toEqual(['maintainer']);
    expect(staleAudience('secretary')).toEqual(['maintainer', 'officers', 'superior']);
  });
  it('[FEE-23] six months in a row with nothing paid is the procedure alert, less is [FEE-24]', () => {
    expect(arrearsRule({ consecutiveUnpaid: 5 })).toBe('FEE-24');
    expect(arrearsRule({ consecutiveUnpaid: 6 })).toBe('FEE-23');
  });
  it('[PRIV-10] fits the 工作提醒 template: every thing at most 20 characters', () => {
    const d = workAlertData({
      what: '中共示范学院委员会机关第一党支部第二党小组连续两个月未开展主题党日活动',
      org: '机关第一党支部',
      hint: '请尽快补开',
      at: new Date('2026-12-01T01:00:00Z'),
    });
    expect([...d.thing1.value]).toHaveLength(20);
    expect(d.thing1.value.endsWith('…')).toBe(true);
    expect(d.time4.value).toBe('2026年12月01日 09:00');
  });
});
