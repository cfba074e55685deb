import { Backend, snapshot, startBackend } from '../support/backend';
import { file, found, json } from '../support/narrow';
import type { ActionInput } from '../../miniprogram/services/types';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // Fri 14:30 in Shanghai
  await b.reset('demo');
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
async function themeDay(extra: object = {}): Promise<string> {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type: 'themeDay',
      title: '12月主题党日',
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
      agenda: ['集中交纳党费', '组织学习讨论'],
      ...extra,
    },
    SEC,
  );
  return id;
}
const token = async (activityId: string) =>
  (await b.ok('activity', 'checkinToken', { activityId }, SEC)).token as string;

describe('QR sign-in', () => {
  it('signs in a member present before start + 10 min, late after [CHK-09]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:05:00Z');
    expect(
      await b.ok('activity', 'checkin', { token: await token(id) }, 'demo-member-1'),
    ).toMatchObject({ activityId: id, status: 'present', alreadyCheckedIn: false });
    at('2026-12-04T07:11:00Z');
    expect(
      (await b.ok('activity', 'checkin', { token: await token(id) }, 'demo-member-2')).status,
    ).toBe('late');
  });
  it('refuses sign-in outside the window [CHK-09]', async () => {
    const id = await themeDay();
    const t = await token(id);
    expect((await b.err('activity', 'checkin', { token: t }, 'demo-member-1')).code).toBe(
      'CHECKIN.OUTSIDE_WINDOW',
    );
  });
  it('refuses expired, forged, cross-activity and replayed tokens [CHK-05]', async () => {
    const id = await themeDay();
    const other = await themeDay({ title: '另一场' });
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    const [aid, w, sig] = t.split('.');
    expect(
      (
        await b.err(
          'activity',
          'checkin',
          { token: `${aid}.${w}.${'A'.repeat(22)}` },
          'demo-member-1',
        )
      ).code,
    ).toBe('CHECKIN.TOKEN_INVALID');
    expect(
      (await b.err('activity', 'checkin', { token: `${other}.${w}.${sig}` }, 'demo-member-1')).code,
    ).toBe('CHECKIN.TOKEN_INVALID');
    b.emulator.clock.advance(61_000);
    expect((await b.err('activity', 'checkin', { token: t }, 'demo-member-1')).code).toBe(
      'CHECKIN.TOKEN_EXPIRED',
    );
    // the host who showed the code is present at her meeting; no member was signed in
    const signed = b.docs('attendance').filter((a) => a.activityId === id && a.method !== 'host');
    expect(signed).toEqual([]);
  });
  it('refuses a member of another branch, whose OPENID is not on the list [CHK-07]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:00:00Z');
    const err = await b.err('activity', 'checkin', { token: await token(id) }, 'demo-secretary-2');
    expect(err).toMatchObject({ code: 'CHECKIN.NOT_PARTICIPANT', details: { ruleId: 'CHK-07' } });
  });
  it('gives one record for 50 concurrent sign-ins of one member [CHK-11]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    const res = await Promise.all(
      Array.from({ length: 50 }, () =>
        b.invoke('activity', { action: 'checkin', data: { token: t } }, 'demo-member-3'),
      ),
    );
    expect(res.every((r) => r.ok)).toBe(true);
    expect(res.filter((r) => r.ok && !r.data.alreadyCheckedIn)).toHaveLength(1);
    expect(
      b.docs('attendance').filter((a) => a.activityId === id && a.memberId === 'demo-member-3'),
    ).toHaveLength(1);
  });
  it('loses none of 500 distinct concurrent sign-ins', async () => {
    const people = Array.from({ length: 500 }, (_, i) => ({
      name: `党员${i}`,
      status: 'full' as const,
      joinedAt: '2015-07-01',
      birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    }));
    const { created } = await b.ok(
      'org',
      'importMembers',
      { orgId: 'demo-branch', members: people },
      SEC,
    );
    expect(created).toHaveLength(500);
    // Fixture: bind each imported member to an OPENID (binding itself is tested in org tests).
    const bindings = b.emulator.store.ensure('bindings');
    const members = b.emulator.store.ensure('members');
    created.forEach((memberId: string) => {
      bindings.set(`wx-${memberId}`, { _id: `wx-${memberId}`, memberId });
      members.set(memberId, { ...members.get(memberId)!, openid: `wx-${memberId}` });
    });
    const id = await themeDay();
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    const res = await Promise.all(
      created.map((m: string) =>
        b.invoke('activity', { action: 'checkin', data: { token: t } }, `wx-${m}`),
      ),
    );
    expect(res.filter((r) => !r.ok)).toEqual([]);
    const scanned = b.docs('attendance').filter((a) => a.activityId === id && a.method === 'qr');
    expect(scanned).toHaveLength(500);
  });
  it('refuses sign-in after close [CHK-18]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    await b.ok('activity', 'close', { activityId: id }, SEC);
    expect((await b.err('activity', 'checkin', { token: t }, 'demo-member-1')).code).toBe(
      'CHECKIN.CLOSED',
    );
  });
  it('flags a sign-in outside the geofence without refusing it [CHK-10]', async () => {
    const id = await themeDay({ geofence: { latitude: 28.2, longitude: 112.97, radiusM: 300 } });
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    expect(
      (
        await b.ok(
          'activity',
          'checkin',
          { token: t, location: { latitude: 28.3, longitude: 112.97 } },
          'demo-member-1',
        )
      ).geo,
    ).toBe('mismatch');
    expect(
      (
        await b.ok(
          'activity',
          'checkin',
          { token: t, location: { latitude: 28.2, longitude: 112.97 } },
          'demo-member-2',
        )
      ).geo,
    ).toBe('pass');
    expect(JSON.stringify(b.docs('attendance'))).not.toContain('28.3');
  });
  it('lets only the host or the committee show the QR [CHK-06]', async () => {
    const id = await themeDay();
    expect(
      (await b.err('activity', 'checkinToken', { activityId: id }, 'demo-member-1')).code,
    ).toBe('AUTH.FORBIDDEN');
  });
  it('lets a host without a committee seat run their own activity, and only that one [CHK-06, CHK-13]', async () => {
    const hosted = await themeDay({ hostId: 'demo-member-1', title: '党小组学习' });
    const other = await themeDay({ title: '另一场' });
    expect(
      await b.ok('activity', 'checkinToken', { activityId: hosted }, 'demo-member-1'),
    ).toHaveProperty('token');
    expect((await b.ok('activity', 'get', { id: hosted }, 'demo-member-1')).canManage).toBe(true);
    expect(
      (await b.err('activity', 'checkinToken', { activityId: other }, 'demo-member-1')).code,
    ).toBe('AUTH.FORBIDDEN');
    expect((await b.ok('activity', 'get', { id: other }, 'demo-member-1')).canManage).toBe(false);
  });
  it('opens the page with a printed code but never signs in with it', async () => {
    const id = await themeDay();
    const code = await b.ok('activity', 'signinCode', { activityId: id }, SEC);
    expect(code).toMatchObject({ scene: id, page: 'subpackages/activity/detail/index' });
    at('2026-12-04T07:00:00Z');
    expect(
      (
        await b.err(
          'activity',
          'checkin',
          { token: `${code.scene}.0.${'x'.repeat(22)}` },
          'demo-member-1',
        )
      ).code,
    ).toBe('CHECKIN.TOKEN_INVALID');
  });
});

describe('remote participation', () => {
  it('counts a 流动党员 joining with a note as remote; the host may reject with a reason [CHK-15, TD-09]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:05:00Z');
    expect(
      (
        await b.ok(
          'activity',
          'joinRemote',
          { activityId: id, note: '在深圳通过视频参加，已提交学习笔记' },
          'demo-mobile',
        )
      ).status,
    ).toBe('remote');
    expect(
      (await b.err('activity', 'joinRemote', { activityId: id, note: '在家' }, 'demo-member-1'))
        .code,
    ).toBe('CHECKIN.REMOTE_NOT_ALLOWED');
    expect(
      (
        await b.err(
          'activity',
          'decideRemote',
          { activityId: id, memberId: 'demo-mobile', accept: false },
          SEC,
        )
      ).code,
    ).toBe('INPUT.INVALID');
    expect(
      await b.ok(
        'activity',
        'decideRemote',
        { activityId: id, memberId: 'demo-mobile', accept: false, reason: '未见学习笔记' },
        SEC,
      ),
    ).toEqual({ memberId: 'demo-mobile', status: 'absent' });
    expect(
      b
        .docs('auditLogs')
        .some((a) => a.action === 'activity.decideRemote' && a.reason === '未见学习笔记'),
    ).toBe(true);
    // The rejection stands: joining online again cannot lift it [CHK-15].
    const rejoin = await b.err(
      'activity',
      'joinRemote',
      { activityId: id, note: '再次提交' },
      'demo-mobile',
    );
    expect(rejoin).toMatchObject({ code: 'CHECKIN.REMOTE_NOT_ALLOWED' });
    expect(rejoin.message).toContain('主持人没有确认');
    expect(b.docs('attendance').find((a) => a._id === `${id}:demo-mobile`).status).toBe('absent');
  });
});

describe('leave, close and corrections', () => {
  it('takes leave before the cut-off only [CHK-04]', async () => {
    const id = await themeDay();
    expect(
      await b.ok(
        'activity',
        'requestLeave',
        { activityId: id, reason: '住院治疗', category: 'sick' },
        'demo-member-4',
      ),
    ).toEqual({ activityId: id, status: 'pending' });
    at('2026-12-04T06:45:00Z');
    expect(
      (
        await b.err(
          'activity',
          'requestLeave',
          { activityId: id, reason: '临时有事' },
          'demo-member-5',
        )
      ).code,
    ).toBe('LEAVE.TOO_LATE');
  });
  it('closes: unrecorded become absent, exempt stay exempt; a later approved leave makes absent excused [CHK-02, TD-08]', async () => {
    const id = await themeDay();
    await b.ok(
      'activity',
      'requestLeave',
      { activityId: id, reason: '出差', category: 'official' },
      'demo-member-4',
    );
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    for (const m of ['demo-member-1', 'demo-member-2', 'demo-organizer', SEC])
      await b.ok('activity', 'checkin', { token: t }, m);
    const counts = await b.ok('activity', 'close', { activityId: id }, SEC);
    expect(counts).toEqual({ present: 4, late: 0, remote: 0, excused: 0, absent: 9, exempt: 1 });
    expect(await b.ok('activity', 'close', { activityId: id }, SEC)).toEqual(counts);
    await b.ok(
      'activity',
      'decideLeave',
      { activityId: id, memberId: 'demo-member-4', approve: true },
      SEC,
    );
    const rows = await b.ok('activity', 'attendance', { activityId: id }, 'demo-member-1');
    expect(rows.find((r: any) => r.memberId === 'demo-member-4')).toMatchObject({
      status: 'excused',
      leave: { status: 'approved', category: 'official', reason: null },
    });
    expect(found(rows.find((r) => r.memberId === 'demo-elder')).status).toBe('exempt');
    // Decided once [CHK-04]: a second decision is refused and changes nothing.
    const decidedAgain = await b.err(
      'activity',
      'decideLeave',
      { activityId: id, memberId: 'demo-member-4', approve: false },
      SEC,
    );
    expect(decidedAgain).toMatchObject({ code: 'CONFLICT', message: '这份请假申请已经处理过了' });
    expect(b.docs('leaveRequests').find((l) => l._id === `${id}:demo-member-4`).status).toBe(
      'approved',
    );
  });
  it('writes the absent rows in one batch; a sign-in that raced it is kept, never doubled [CHK-02, CHK-11]', async () => {
    const { insertAttendanceRows } = require('../../cloudfunctions/_shared/repos/attendance');
    const id = await themeDay();
    at('2026-12-04T07:00:00Z');
    await b.ok('activity', 'checkin', { token: await token(id) }, 'demo-member-1');
    const row = (memberId: string) => ({
      _id: `${id}:${memberId}`,
      activityId: id,
      orgId: 'demo-branch',
      memberId,
      status: 'absent',
      at: new Date(b.emulator.clock.now()),
      method: 'close',
      geo: null,
      note: null,
    });
    // the duplicate in the middle: whether the database wrote the rows before it or none of them
    const batch = ['demo-member-2', 'demo-member-1', 'demo-member-5'].map(row);
    expect(await insertAttendanceRows(batch)).toBe(true);
    expect(await insertAttendanceRows(['demo-member-3', 'demo-member-4'].map(row))).toBe(false);
    const rows = b.docs('attendance').filter((a) => a.activityId === id);
    expect(rows.map((r) => [r.memberId, r.status]).sort()).toEqual([
      ['demo-member-1', 'present'],
      ['demo-member-2', 'absent'],
      ['demo-member-3', 'absent'],
      ['demo-member-4', 'absent'],
      ['demo-member-5', 'absent'],
      ['demo-secretary', 'present'], // the host who showed the code
    ]);
  });
  it('shows the leave reason to the approver only [PRIV-17]', async () => {
    const id = await themeDay();
    await b.ok(
      'activity',
      'requestLeave',
      { activityId: id, reason: '住院治疗', category: 'sick' },
      'demo-member-4',
    );
    const forHost = await b.ok('activity', 'attendance', { activityId: id }, SEC);
    const row = found(forHost.find((r) => r.memberId === 'demo-member-4'));
    expect(found(row.leave, 'the leave').reason).toBe('住院治疗');
  });
  it('lets the host correct with a reason, audited, but nobody their own record [CHK-12, CHK-13, PRIV-21]', async () => {
    const id = await themeDay();
    expect(
      await b.err(
        'activity',
        'setAttendance',
        { activityId: id, memberId: SEC, status: 'present', reason: '本人' },
        SEC,
      ),
    ).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(
      (
        await b.err(
          'activity',
          'setAttendance',
          { activityId: id, memberId: 'demo-member-2', status: 'present', reason: '帮签' },
          'demo-member-1',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'activity',
      'setAttendance',
      {
        activityId: id,
        memberId: 'demo-member-6',
        status: 'present',
        reason: '老同志无智能手机，现场点名',
      },
      SEC,
    );
    const log = b.docs('auditLogs').find((a) => a.action === 'activity.setAttendance');
    expect(log).toMatchObject({
      before: { status: null },
      after: { status: 'present' },
      reason: '老同志无智能手机，现场点名',
    });
  });
});

describe('nobody decides their own case [PRIV-21]', () => {
  const leave = (activityId: string, who: string) =>
    b.ok('activity', 'requestLeave', { activityId, reason: '单位值班', category: 'official' }, who);
  const decide = (activityId: string, memberId: string, who: string) =>
    b.invoke(
      'activity',
      { action: 'decideLeave', data: { activityId, memberId, approve: true } },
      who,
    );

  it('refuses a committee member approving their own leave, with a Chinese reason and no change [PRIV-21]', async () => {
    const id = await themeDay();
    await leave(id, 'demo-organizer'); // 组织委员, on the committee
    const before = snapshot(b);
    const res = await decide(id, 'demo-organizer', 'demo-organizer');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(res.error.message).toMatch(/本人/);
    expect(res.error.message).not.toMatch(/[A-Za-z]/); // no field names, no English
    expect(snapshot(b)).toBe(before);
    expect(b.docs('leaveRequests').find((l) => l.memberId === 'demo-organizer').status).toBe(
      'pending',
    );
  });
  it('lets another committee member approve it [PRIV-21]', async () => {
    const id = await themeDay();
    await leave(id, 'demo-organizer');
    expect(
      await b.ok(
        'activity',
        'decideLeave',
        { activityId: id, memberId: 'demo-organizer', approve: true },
        SEC,
      ),
    ).toEqual({
      memberId: 'demo-organizer',
      status: 'excused',
    });
    const log = b.docs('auditLogs').find((a) => a.action === 'activity.decideLeave');
    expect(log).toMatchObject({ actor: { memberId: SEC }, after: { status: 'approved' } });
  });
  it('refuses the secretary their own leave even as host; the superior or another 支委 decides it [PRIV-21]', async () => {
    const id = await themeDay(); // the 书记 hosts by default
    await leave(id, SEC);
    const own = await decide(id, SEC, SEC);
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } },
    });
    expect((await decide(id, SEC, 'demo-member-1')).ok).toBe(false); // not a 支委
    expect(
      await b.ok(
        'activity',
        'decideLeave',
        { activityId: id, memberId: SEC, approve: true },
        'demo-superior',
      ),
    ).toEqual({
      memberId: SEC,
      status: 'excused',
    });
    const other = await themeDay({ title: '另一场' });
    await leave(other, SEC);
    expect((await decide(other, SEC, 'demo-organizer')).ok).toBe(true);
  });
  it('leaves the secretary’s leave to the deputy, a commissioner or the superior, not to a member who hosts [PRIV-21]', async () => {
    const id = await themeDay({ hostId: 'demo-member-1', title: '党小组学习' });
    await leave(id, SEC);
    await leave(id, 'demo-member-2');
    const byHost = await decide(id, SEC, 'demo-member-1');
    expect(byHost).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await decide(id, 'demo-member-2', 'demo-member-1')).ok).toBe(true); // a member's: yes
    expect((await decide(id, SEC, 'demo-organizer')).ok).toBe(true);
  });
  it('refuses deciding one’s own online participation [PRIV-21]', async () => {
    const id = await themeDay({ allowRemote: true });
    at('2026-12-04T07:05:00Z');
    await b.ok(
      'activity',
      'joinRemote',
      { activityId: id, note: '在外地通过视频参加' },
      'demo-organizer',
    );
    const err = await b.err(
      'activity',
      'decideRemote',
      { activityId: id, memberId: 'demo-organizer', accept: false, reason: '无' },
      'demo-organizer',
    );
    expect(err).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
  });
});

describe('sane activity times', () => {
  const base = { orgId: 'demo-branch', type: 'partyLecture', title: '党课' } as const;
  const make = (startAt: string, endAt: string, lateReason?: string) => ({
    ...base,
    startAt,
    endAt,
    ...(lateReason ? { lateReason } : {}),
  });
  it('refuses the year 0000, more than 400 days ahead, and longer than a day, writing nothing [MTG-17]', async () => {
    const before = snapshot(b);
    for (const input of [
      make('0000-01-01T15:00:00+08:00', '0000-01-01T17:00:00+08:00', '补录'),
      make('2028-01-06T09:00:00+08:00', '2028-01-06T10:00:00+08:00'), // 401 days ahead
      make('2025-10-26T08:00:00+08:00', '2025-10-26T10:00:00+08:00', '补录'), // 401 days ago
      make('2026-12-04T15:00:00+08:00', '2026-12-05T15:30:00+08:00'),
    ]) {
      const e = await b.err('activity', 'create', input, SEC);
      expect(e.code).toBe('ACTIVITY.TIME_RANGE');
      expect(e.message).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'activity',
      'create',
      make('2028-01-05T09:00:00+08:00', '2028-01-05T10:00:00+08:00'),
      SEC,
    );
    // An activity long over is within range and still needs the late-registration path.
    const late = make('2025-10-28T08:00:00+08:00', '2025-10-28T10:00:00+08:00');
    expect((await b.err('activity', 'create', late, SEC)).code).toBe('ACTIVITY.BACKFILL');
    await b.ok('activity', 'create', { ...late, lateReason: '当天停电，未能在线创建' }, SEC);
  });
  it('publishes no plan with an item more than about a year ahead', async () => {
    const before = snapshot(b);
    const item = { type: 'themeDay', date: '2028-02-04', title: '主题党日' } as const;
    const e = await b.err(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2028, items: [item] },
      SEC,
    );
    expect(e.code).toBe('ACTIVITY.TIME_RANGE');
    expect(snapshot(b)).toBe(before);
  });
});

describe('records and back-filling', () => {
  it('refuses a record created after the activity ended unless registered late with a reason [MTG-17, MTG-18]', async () => {
    const input = {
      orgId: 'demo-branch',
      type: 'partyLecture',
      title: '11月党课',
      startAt: '2026-11-20T14:00:00+08:00',
      endAt: '2026-11-20T15:00:00+08:00',
    } satisfies ActionInput<'activity', 'create'>;
    const before = snapshot(b);
    expect((await b.err('activity', 'create', input, SEC)).details.ruleId).toBe('MTG-17');
    expect(snapshot(b)).toBe(before);
    const { id } = await b.ok(
      'activity',
      'create',
      { ...input, lateReason: '当天停电，线下开展，未能在线创建' },
      SEC,
    );
    expect((await b.ok('activity', 'get', { id }, SEC)).lateRegistration).toEqual({
      reason: '当天停电，线下开展，未能在线创建',
      approved: false,
    });
    expect(
      (await b.err('activity', 'approveLateRegistration', { activityId: id, approve: true }, SEC))
        .code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'activity',
      'approveLateRegistration',
      { activityId: id, approve: true },
      'demo-superior',
    );
  });
  it('appends corrections to an archived record and keeps the original [MTG-20]', async () => {
    const id = await themeDay();
    await b.ok('activity', 'record', { activityId: id, minutes: '学习讨论', archive: true }, SEC);
    expect(
      (await b.err('activity', 'record', { activityId: id, minutes: '改过的内容' }, SEC)).code,
    ).toBe('RECORD.ARCHIVED');
    expect(
      await b.ok(
        'activity',
        'record',
        { activityId: id, minutes: '改过的内容', reason: '补充讨论要点' },
        SEC,
      ),
    ).toEqual({ activityId: id, archived: true, amendments: 1, alerts: [] });
    const doc = b.docs('activities').find((a) => a._id === id);
    expect(doc.amendments[0].before.minutes).toBe('学习讨论');
  });
});

describe('votes at a meeting', () => {
  async function assembly(present: string[]) {
    const { id } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'branchAssembly',
        title: '党员大会',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
      },
      SEC,
    );
    at('2026-12-04T07:00:00Z');
    const t = await token(id);
    for (const m of present) await b.ok('activity', 'checkin', { token: t }, m);
    return id;
  }
  const full = [
    'demo-secretary',
    'demo-organizer',
    'demo-member-1',
    'demo-member-2',
    'demo-member-3',
    'demo-member-4',
    'demo-member-5',
  ];
  it('counts only 正式党员 in E and needs more than half present [VOTE-01, VOTE-05]', async () => {
    const id = await assembly([...full.slice(0, 6), 'demo-probationary']);
    const r = await b.ok(
      'activity',
      'vote',
      { activityId: id, motion: '接收捐赠', yes: 6, no: 0, abstain: 0 },
      SEC,
    );
    expect(r).toMatchObject({ eligible: 13, presentEligible: 6, valid: false, passed: false });
    expect(r.reason).toMatch(/未超过应到13人的半数/);
  });
  it('passes on yes over half of E, not of those present, storing counts only [VOTE-06, VOTE-15, VOTE-22]', async () => {
    const id = await assembly([...full, 'demo-member-6', 'demo-member-7', 'demo-member-8']);
    expect(
      await b.ok(
        'activity',
        'vote',
        { activityId: id, motion: 'A', yes: 7, no: 3, abstain: 0 },
        SEC,
      ),
    ).toMatchObject({ valid: true, passed: true, presentEligible: 10 });
    expect(
      await b.ok(
        'activity',
        'vote',
        { activityId: id, motion: 'B', yes: 6, no: 4, abstain: 0 },
        SEC,
      ),
    ).toMatchObject({ valid: true, passed: false });
    expect(b.docs('votes').every((v) => !('voters' in v))).toBe(true);
  });
  it('refuses more votes than voters present [VOTE-13]', async () => {
    const id = await assembly(full);
    expect(
      (
        await b.err(
          'activity',
          'vote',
          { activityId: id, motion: 'C', yes: 8, no: 0, abstain: 0 },
          SEC,
        )
      ).code,
    ).toBe('VOTE.TALLY_INVALID');
  });
  it('takes written opinions only from absent eligible members: 7 present all no, written 99 [VOTE-09]', async () => {
    const id = await assembly(full);
    const vote = (written: number) => ({
      activityId: id,
      motion: '接收预备党员',
      kind: 'development' as const,
      yes: 0,
      no: 7,
      abstain: 0,
      written,
    });
    const before = snapshot(b);
    const e = await b.err('activity', 'vote', vote(99), SEC);
    expect(e).toMatchObject({ code: 'VOTE.TALLY_INVALID', details: { ruleId: 'VOTE-09' } });
    expect(e.message).toMatch(/书面意见99份，超过了未到会的有表决权党员6人/);
    expect((await b.err('activity', 'vote', vote(7), SEC)).code).toBe('VOTE.TALLY_INVALID');
    expect(snapshot(b)).toBe(before);
    expect(await b.ok('activity', 'vote', vote(6), SEC)).toMatchObject({
      valid: true,
      passed: false,
    });
  });
});

describe('plan, compliance, alerts and report', () => {
  it('proposes first Fridays and publishes future items as activities [TD-02, MTG-09]', async () => {
    const p = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    expect(p.published).toBe(false);
    expect(
      p.items
        .filter((i: any) => i.type === 'themeDay')
        .map((i: any) => i.date)
        .slice(0, 3),
    ).toEqual(['2027-01-04', '2027-02-09', '2027-03-05']); // 元旦 and 春节 move to working days [TD-04]
    expect(p.items.filter((i: any) => i.type === 'partyLecture')).toHaveLength(2); // hunan: half-yearly [MTG-05]
    expect(
      (await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, 'demo-member-1')).items,
    ).toEqual([]);
    const { created } = await b.ok(
      'activity',
      'publishPlan',
      { orgId: 'demo-branch', year: 2027, items: p.items.slice(0, 3) },
      SEC,
    );
    expect(created).toHaveLength(3);
    expect(
      (await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, 'demo-member-1'))
        .published,
    ).toBe(true);
  });
  it('follows a changed schedule rule [TD-03]', async () => {
    await b.ok(
      'activity',
      'setSchedule',
      { orgId: 'demo-branch', rule: { kind: 'lastWeekday', weekday: 5 } },
      SEC,
    );
    const p = await b.ok('activity', 'plan', { orgId: 'demo-branch', year: 2027 }, SEC);
    expect(found(p.items.find((i) => i.type === 'themeDay')).date).toBe('2027-01-29');
  });
  it('flags three theme days missed in a row, as a candidate for review only [TD-22]', async () => {
    const ids: string[] = [];
    for (const [m, d] of [
      ['01', '02'],
      ['02', '06'],
      ['03', '06'],
    ]) {
      at(`2026-${m}-01T00:00:00Z`);
      const { id } = await b.ok(
        'activity',
        'create',
        {
          orgId: 'demo-branch',
          type: 'themeDay',
          title: `${m}月主题党日`,
          startAt: `2026-${m}-${d}T15:00:00+08:00`,
          endAt: `2026-${m}-${d}T17:00:00+08:00`,
          agenda: ['集中交纳党费'],
        },
        SEC,
      );
      at(`2026-${m}-${d}T07:05:00Z`);
      await b.ok('activity', 'checkin', { token: await token(id) }, 'demo-member-2');
      await b.ok('activity', 'close', { activityId: id }, SEC);
      ids.push(id);
    }
    const alerts = await b.ok('activity', 'alerts', { orgId: 'demo-branch', year: 2026 }, SEC);
    const m1 = alerts.find((a: any) => a.memberId === 'demo-member-1');
    expect(m1).toMatchObject({
      kind: 'consecutiveAbsences',
      count: 3,
      activityIds: ids,
      ruleId: 'TD-22',
      name: '陈明',
    });
    expect(
      alerts.some((a: any) => a.memberId === 'demo-member-2' || a.memberId === 'demo-elder'),
    ).toBe(false);
    expect(
      (await b.err('activity', 'alerts', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
  });
  it('reports compliance with missing months and counts only recorded sessions [TD-01, MTG-27]', async () => {
    const { items } = await b.ok(
      'activity',
      'compliance',
      { orgId: 'demo-branch', year: 2026 },
      SEC,
    );
    const td = found(items.find((i) => i.type === 'themeDay'));
    expect(td.missing).toContain('2026-01');
    expect(td.missing).not.toContain('2026-11'); // the seed's closed, recorded November theme day counts
    expect(td.missing).not.toContain('2026-12'); // December is still running
    const superior = await b.ok(
      'activity',
      'compliance',
      { orgId: 'demo-branch', year: 2026 },
      'demo-superior',
    );
    expect(superior.items).toEqual(items);
  });
  it('generates the half-year report from records, as JSON and as xlsx (export audited) [TD-21, MTG-22, PRIV-07]', async () => {
    const report = json(
      await b.ok('activity', 'report', { orgId: 'demo-branch', half: '2026-H2' }, SEC),
    );
    const nov = found(report.activities.find((a) => a.id === 'demo-theme-day-last'));
    expect(nov).toMatchObject({
      typeName: '主题党日',
      counted: true,
      counts: { absent: 1, excused: 1, exempt: 1, remote: 1 },
    });
    expect(nov.attendanceRate).toBe(90); // 10 attended of 13 − 1 exempt − 1 excused, floored [CHK-03]
    const { fileId } = file(
      await b.ok(
        'activity',
        'report',
        { orgId: 'demo-branch', half: '2026-H2', format: 'xlsx' },
        SEC,
      ),
    );
    const bytes = await b.emulator.readFile(fileId);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(b.docs('auditLogs').some((a) => a.entity === 'exports' && a.entityId === fileId)).toBe(
      true,
    );
  });
});
