import { absenceFlags as allFlags } from '../../cloudfunctions/_shared/domain/activity/absence';
import {
  attendanceRate,
  closeStatuses,
  countStatuses,
  geoCheck,
  neverDowngrade,
  signInStatus,
} from '../../cloudfunctions/_shared/domain/activity/attendance';
import {
  activityCounts,
  compliance,
  periodOf,
  requirements,
} from '../../cloudfunctions/_shared/domain/activity/compliance';
import {
  attended,
  expectedOf,
  hasCommittee,
  holderOf,
  isParticipant,
  onSite,
  runsActivity,
  sitsOnCommittee,
} from '../../cloudfunctions/_shared/domain/activity/participants';
import {
  themeDayAgenda,
  themeDayOf,
  yearPlan,
} from '../../cloudfunctions/_shared/domain/activity/schedule';
import {
  issueToken,
  verifyToken,
  WINDOW_MS,
} from '../../cloudfunctions/_shared/domain/activity/token';
import { decideVote, VoteFacts } from '../../cloudfunctions/_shared/domain/activity/vote';
import { checkActivityTimes } from '../../cloudfunctions/_shared/domain/activity/timing';
import { DEMO_NOW_MS } from '../../emulator/demo-instant';

describe('theme-day schedule', () => {
  it('defaults to the first Friday, the Friday among days 1–7 [TD-02]', () => {
    expect(themeDayOf(2026, 11, { kind: 'firstFriday' })).toBe('2026-11-06');
    expect(themeDayOf(2026, 5, { kind: 'firstFriday' })).toBe('2026-05-01');
  });
  it('supports nth weekday, last weekday, a fixed day and the week of the 1st [TD-03]', () => {
    expect(themeDayOf(2026, 11, { kind: 'nthWeekday', n: 2, weekday: 3 })).toBe('2026-11-11');
    expect(themeDayOf(2026, 11, { kind: 'lastWeekday', weekday: 5 })).toBe('2026-11-27');
    expect(themeDayOf(2026, 11, { kind: 'dayOfMonth', day: 11 })).toBe('2026-11-11');
    // 2026-10-01 is a Thursday: the Friday of that week is the 2nd; 2026-11-01 is a Sunday: Friday of that week has passed → next
    expect(themeDayOf(2026, 10, { kind: 'weekOf1st', weekday: 5 })).toBe('2026-10-02');
    expect(themeDayOf(2026, 11, { kind: 'weekOf1st', weekday: 5 })).toBe('2026-11-06');
  });
  it('uses 2+X by default and the profile templates elsewhere [TD-14, TD-15, TD-16]', () => {
    expect(themeDayAgenda('default')).toContain('缴纳党费');
    expect(themeDayAgenda('default')).toContain('重温入党誓词');
    expect(themeDayAgenda('xianning')).toHaveLength(6);
    expect(themeDayAgenda('hunan')).toContain('集中交纳党费');
  });
  it('plans 12 theme days, quarterly assemblies, lectures by profile and a Q4 组织生活会 [TD-01, MTG-01, MTG-05, MTG-28]', () => {
    const p = yearPlan(2027, { kind: 'firstFriday' }, 'hunan', 'organ', true);
    const n = (t: string) => p.filter((i) => i.type === t).length;
    expect(n('themeDay')).toBe(12);
    expect(n('committeeMeeting')).toBe(12);
    expect(n('branchAssembly')).toBe(4);
    expect(n('partyLecture')).toBe(2);
    // issue 12: it no longer overlaps that morning's 支委会: the next working day, same hours
    expect(p.filter((i) => i.type === 'orgLifeMeeting').map((i) => i.date)).toEqual(['2027-12-06']);
    expect(
      yearPlan(2027, { kind: 'firstFriday' }, 'xianning', 'organ', true).filter(
        (i) => i.type === 'partyLecture',
      ),
    ).toHaveLength(12);
    expect(
      yearPlan(2027, { kind: 'firstFriday' }, 'xianning', 'village', false).filter(
        (i) => i.type === 'orgLifeMeeting',
      ),
    ).toHaveLength(2);
  });
});

describe('sign-in tokens [CHK-05]', () => {
  const secret = 's3cret';
  const t0 = 1_800_000_000_000;
  it('accepts a fresh token and names its activity', () => {
    const { token } = issueToken(secret, 'act-1', t0);
    expect(verifyToken(secret, token, t0 + 1000)).toEqual({
      ok: true,
      value: { activityId: 'act-1' },
    });
  });
  it('accepts the previous window as grace and refuses anything older as expired', () => {
    const { token, expiresAt } = issueToken(secret, 'act-1', t0);
    expect(+expiresAt - t0).toBeLessThanOrEqual(2 * WINDOW_MS);
    expect(verifyToken(secret, token, t0 + WINDOW_MS).ok).toBe(true);
    expect(verifyToken(secret, token, t0 + 2 * WINDOW_MS + 1)).toMatchObject({
      code: 'CHECKIN.TOKEN_EXPIRED',
    });
  });
  it('refuses a forged signature, a changed activity and garbage as invalid', () => {
    const { token } = issueToken(secret, 'act-1', t0);
    expect(verifyToken('other', token, t0)).toMatchObject({ code: 'CHECKIN.TOKEN_INVALID' });
    expect(verifyToken(secret, token.replace('act-1', 'act-2'), t0)).toMatchObject({
      code: 'CHECKIN.TOKEN_INVALID',
    });
    expect(verifyToken(secret, 'act-1', t0)).toMatchObject({ code: 'CHECKIN.TOKEN_INVALID' });
  });
});

describe('attendance', () => {
  const start = new Date('2026-11-06T07:00:00Z');
  const end = new Date('2026-11-06T09:00:00Z');
  it('opens 20 minutes before the start, is late after 10 minutes, closes at the end [CHK-09]', () => {
    expect(signInStatus(new Date(+start - 21 * 60_000), start, end)).toMatchObject({
      code: 'CHECKIN.OUTSIDE_WINDOW',
    });
    expect(signInStatus(new Date(+start - 20 * 60_000), start, end)).toEqual({
      ok: true,
      value: 'present',
    });
    expect(signInStatus(new Date(+start + 10 * 60_000), start, end)).toEqual({
      ok: true,
      value: 'present',
    });
    expect(signInStatus(new Date(+start + 10 * 60_000 + 1), start, end)).toEqual({
      ok: true,
      value: 'late',
    });
    expect(signInStatus(new Date(+end + 1), start, end)).toMatchObject({
      code: 'CHECKIN.OUTSIDE_WINDOW',
    });
  });
  it('never lowers a recorded state [CHK-11]', () => {
    expect(neverDowngrade('present', 'late')).toBe('present');
    expect(neverDowngrade('excused', 'present')).toBe('present');
    expect(neverDowngrade('absent', 'excused')).toBe('excused');
    expect(neverDowngrade(null, 'late')).toBe('late');
  });
  it('turns unrecorded expected members absent, or exempt by decision, at close [CHK-02, TD-08]', () => {
    const out = closeStatuses(
      [
        { memberId: 'a', exempt: false },
        { memberId: 'b', exempt: true },
        { memberId: 'c', exempt: false },
      ],
      new Map([['c', 'present']]),
    );
    expect([...out]).toEqual([
      ['a', 'absent'],
      ['b', 'exempt'],
      ['c', 'present'],
    ]);
  });
  it('computes the rate over expected − exempt − excused, n/a when empty [CHK-03]', () => {
    const c = countStatuses(['present', 'late', 'remote', 'absent', 'excused', 'exempt']);
    expect(attendanceRate(c, 6)).toBe(75);
    expect(attendanceRate(countStatuses(['exempt']), 1)).toBeNull();
  });
  it('flags a sign-in outside the geofence for review and keeps no coordinates [CHK-10, PRIV-15]', () => {
    const fence = { latitude: 28.2, longitude: 112.97, radiusM: 500 };
    expect(geoCheck(fence, { latitude: 28.2001, longitude: 112.9701 })).toBe('pass');
    expect(geoCheck(fence, { latitude: 28.3, longitude: 112.97 })).toBe('mismatch');
    expect(geoCheck(null, undefined)).toBeNull();
  });
});

describe('votes', () => {
  const base: VoteFacts = {
    meeting: 'assembly',
    kind: 'ordinary',
    eligible: 10,
    presentEligible: 6,
    presentOnSite: 5,
    committeeSize: 5,
    committeePresent: 3,
    yes: 6,
    no: 0,
    abstain: 0,
    written: 0,
  };
  it('needs more than half of E present to vote [VOTE-05]', () => {
    expect(decideVote({ ...base, presentEligible: 5, yes: 5 })).toMatchObject({
      ok: true,
      value: { valid: false, passed: false },
    });
  });
  it('passes on yes > E/2, counting E and not those present [VOTE-06, VOTE-15]', () => {
    expect(decideVote({ ...base, yes: 5, no: 1 })).toMatchObject({
      value: { valid: true, passed: false },
    });
    expect(decideVote(base)).toMatchObject({ value: { valid: true, passed: true } });
  });
  it('counts only members on site for a development vote and adds written opinions [VOTE-09, VOTE-10, VOTE-21]', () => {
    expect(decideVote({ ...base, kind: 'development', presentOnSite: 5, yes: 5 })).toMatchObject({
      value: { valid: false },
    });
    expect(
      decideVote({ ...base, kind: 'development', presentOnSite: 6, yes: 5, written: 1 }),
    ).toMatchObject({ value: { valid: true, passed: true } });
  });
  it('takes written opinions only from absent eligible members [VOTE-09]', () => {
    const dev = { ...base, kind: 'development' as const, presentOnSite: 7, yes: 0, no: 7 };
    expect(decideVote({ ...dev, written: 99 })).toMatchObject({
      ok: false,
      code: 'VOTE.TALLY_INVALID',
    });
    expect(decideVote({ ...dev, written: 4 })).toMatchObject({ ok: false }); // 10 − 7 = 3 absent
    expect(decideVote({ ...dev, written: 3 })).toMatchObject({
      ok: true,
      value: { passed: false },
    });
    expect(decideVote({ ...dev, no: 1, yes: 3, written: 3 })).toMatchObject({
      value: { valid: true, passed: true },
    });
  });
  it('uses the committee size for a 支委会 [VOTE-07, VOTE-08]', () => {
    expect(decideVote({ ...base, meeting: 'committee', yes: 3 })).toMatchObject({
      value: { valid: true, passed: true },
    });
    expect(
      decideVote({ ...base, meeting: 'committee', committeePresent: 2, yes: 2 }),
    ).toMatchObject({ value: { valid: false } });
  });
  it('refuses a tally larger than those present [VOTE-13]', () => {
    expect(decideVote({ ...base, yes: 7 })).toMatchObject({
      ok: false,
      code: 'VOTE.TALLY_INVALID',
    });
  });
});

describe('compliance', () => {
  const done = {
    status: 'closed',
    title: 't',
    agenda: ['缴纳党费'],
    minutes: 'm',
    attendedBesidesHost: 3,
    lateRegistration: null,
  };
  it('counts only finalised records with theme, minutes and an attendee besides the host [MTG-27]', () => {
    expect(activityCounts({ type: 'branchAssembly', ...done })).toBe(true);
    expect(activityCounts({ type: 'branchAssembly', ...done, minutes: '' })).toBe(false);
    expect(activityCounts({ type: 'branchAssembly', ...done, attendedBesidesHost: 0 })).toBe(false);
    expect(activityCounts({ type: 'branchAssembly', ...done, status: 'planned' })).toBe(false);
  });
  it('does not count a theme day without any template item [TD-30]', () => {
    expect(activityCounts({ type: 'themeDay', ...done, agenda: ['业务工作部署'] })).toBe(false);
  });
  it('counts a late registration only once approved [MTG-18]', () => {
    expect(
      activityCounts({ type: 'partyLecture', ...done, lateRegistration: { approved: false } }),
    ).toBe(false);
    expect(
      activityCounts({ type: 'partyLecture', ...done, lateRegistration: { approved: true } }),
    ).toBe(true);
  });
  it('lists ended periods without a counted activity as missing, not the running one [TD-01, MTG-08]', () => {
    const items = compliance(
      requirements('default', 'organ', true),
      [{ type: 'themeDay', date: '2026-01-09', counts: true }],
      2026,
      '2026-03-15',
    );
    const td = items.find((i) => i.type === 'themeDay')!;
    expect(td).toMatchObject({ required: 12, held: 1, missing: ['2026-02'] });
    expect(items.find((i) => i.type === 'partyLecture')).toMatchObject({
      required: 4,
      missing: [],
      ruleId: 'MTG-04',
    });
  });
  it('follows the profile: 党课 half-yearly in hunan, 组织生活会 in June and December in xianning [MTG-05, MTG-29]', () => {
    expect(
      requirements('hunan', 'organ', false).find((r) => r.type === 'partyLecture')?.frequency,
    ).toBe('halfYearly');
    expect(
      requirements('xianning', 'organ', false).find((r) => r.type === 'orgLifeMeeting')?.frequency,
    ).toBe('juneDecember');
    expect(requirements('default', 'organ', false).some((r) => r.type === 'committeeMeeting')).toBe(
      false,
    );
    expect(periodOf('yearlyQ4', '2026-09-30')).toBeNull();
  });
});

describe('theme-day absences [TD-22]', () => {
  const s = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
  const of = (...st: string[]) => new Map(st.map((x, i) => [s[i], x as any]));
  /** The TD-22 flags only; the TD-23 early warnings have their own tests (alerts-rules). */
  const absenceFlags = (...a: Parameters<typeof allFlags>) =>
    allFlags(...a).filter((f) => f.ruleId === 'TD-22');
  it('flags 3 unexcused absences in a row', () => {
    expect(absenceFlags(s, new Map([['m', of('present', 'absent', 'absent', 'absent')]]))).toEqual([
      {
        memberId: 'm',
        kind: 'consecutiveAbsences',
        count: 3,
        activityIds: ['a2', 'a3', 'a4'],
        ruleId: 'TD-22',
      },
    ]);
  });
  it('skips excused and exempt sessions without breaking the streak; attendance breaks it', () => {
    expect(
      absenceFlags(s, new Map([['m', of('absent', 'excused', 'absent', 'exempt', 'absent')]]))[0],
    ).toMatchObject({ count: 3 });
    expect(
      absenceFlags(s, new Map([['m', of('absent', 'absent', 'remote', 'absent', 'absent')]])),
    ).toEqual([]);
  });
  it('flags 6 cumulative absences in the year', () => {
    const flags = absenceFlags(
      s,
      new Map([['m', of('absent', 'absent', 'present', 'absent', 'absent', 'late', 'absent')]]),
    );
    expect(flags).toEqual([]);
    const six = absenceFlags(
      [...s, 'a8', 'a9'],
      new Map([
        [
          'm',
          new Map([
            ...of('absent', 'absent', 'present', 'absent', 'absent', 'late', 'absent'),
            ['a8', 'present'],
            ['a9', 'absent'],
          ]),
        ],
      ]),
    );
    expect(six).toEqual([expect.objectContaining({ kind: 'cumulativeAbsences', count: 6 })]);
  });
});

describe('participants', () => {
  const m = (id: string, roles: [string, string][] = [], orgId = 'b1') => ({
    _id: id,
    orgId,
    roles: roles.map(([o, role]) => ({ orgId: o, role: role as never })),
  });
  const roster = [
    m('sec', [['b1', 'secretary']]),
    m('org', [['b1', 'orgCommissioner']]),
    m('scorer', [['b1', 'scorer']]), // a duty role, not a committee seat
    m('boss', [['b2', 'secretary']]), // 支委 of another branch
    m('plain'),
  ];
  const themeDay = { orgId: 'b1', type: 'themeDay' as const };
  const committeeMeeting = { orgId: 'b1', type: 'committeeMeeting' as const };

  it('expects every member of the branch at a theme day [TD-07]', () => {
    expect(expectedOf(themeDay, roster).map((p) => p._id)).toEqual([
      'sec',
      'org',
      'scorer',
      'boss',
      'plain',
    ]);
    expect(isParticipant(themeDay, m('visitor', [], 'b2'))).toBe(false);
  });
  it('expects only 支委 of this branch at a 支委会; a duty role or another branch’s seat is not one [TD-07]', () => {
    expect(expectedOf(committeeMeeting, roster).map((p) => p._id)).toEqual(['sec', 'org']);
    expect(sitsOnCommittee(roster[3], 'b1')).toBe(false);
    expect(sitsOnCommittee(roster[2], 'b1')).toBe(false);
  });
  it('has a committee with more than one 支委 [MTG-02]', () => {
    expect(hasCommittee(roster, 'b1')).toBe(true);
    expect(hasCommittee(roster.slice(1), 'b1')).toBe(false);
    expect(hasCommittee([], 'b1')).toBe(false);
  });
  it('finds the 书记 to host and the 组织委员 to record by default [MTG-15, MTG-16]', () => {
    expect(holderOf(roster, 'b1', 'secretary')?._id).toBe('sec');
    expect(holderOf(roster, 'b1', 'orgCommissioner')?._id).toBe('org');
    expect(holderOf(roster, 'b2', 'orgCommissioner')).toBeUndefined();
  });
  it('lets the host and the recorder run their activity, nobody else by that rule [CHK-06, CHK-13]', () => {
    const a = { ...themeDay, hostId: 'plain', recorderId: 'scorer' };
    expect(runsActivity(a, 'plain')).toBe(true);
    expect(runsActivity(a, 'scorer')).toBe(true);
    expect(runsActivity(a, 'sec')).toBe(false);
    expect(runsActivity({ ...themeDay, hostId: null, recorderId: null }, 'sec')).toBe(false);
  });
  it('counts present, late and remote as attended, only present and late as on site [CHK-01, VOTE-21]', () => {
    expect(['present', 'late', 'remote'].every((s) => attended(s as never))).toBe(true);
    expect(
      ['remotePending', 'excused', 'absent', 'exempt', null].some((s) => attended(s as never)),
    ).toBe(false);
    expect(onSite('late')).toBe(true);
    expect(onSite('remote')).toBe(false);
  });
});

describe('sane activity times', () => {
  const now = new Date(DEMO_NOW_MS);
  const DAY = 86_400_000;
  const at = (days: number, hours = 2) => {
    const start = new Date(DEMO_NOW_MS + days * DAY);
    return checkActivityTimes(start, new Date(+start + hours * 3_600_000), now);
  };
  it('starts within 400 days of now, either way, at the boundary and not beyond', () => {
    expect(at(400, 1)).toMatchObject({ ok: true });
    expect(at(400.0001, 1)).toMatchObject({ ok: false, code: 'ACTIVITY.TIME_RANGE' });
    expect(at(-400, 1)).toMatchObject({ ok: true });
    expect(at(-400.0001, 1)).toMatchObject({ ok: false, code: 'ACTIVITY.TIME_RANGE' });
  });
  it('ends after it starts and lasts at most a day', () => {
    expect(at(3, 24)).toMatchObject({ ok: true });
    expect(at(3, 24.01)).toMatchObject({ ok: false, code: 'ACTIVITY.TIME_RANGE' });
    expect(at(3, 0)).toMatchObject({ ok: false });
    expect(at(3, -1)).toMatchObject({ ok: false });
  });
  it('refuses the year 0000 and an unparseable time', () => {
    const zero = new Date('0000-01-01T00:00:00+08:00');
    expect(checkActivityTimes(zero, new Date(+zero + 3_600_000), now)).toMatchObject({
      ok: false,
      message: '活动开始时间太早了，一年以前的活动不能再登记',
    });
    expect(checkActivityTimes(new Date('x'), now, now)).toMatchObject({ ok: false });
  });
});
