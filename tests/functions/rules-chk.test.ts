import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SUP = 'demo-superior';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const activity = (id: string) => b.docs('activities').find((a) => a._id === id);
const row = (activityId: string, memberId: string) =>
  b.docs('attendance').find((r) => r._id === `${activityId}:${memberId}`);
const setting = (orgId: string, key: string, value: unknown, as = SUP) =>
  b.ok(
    'org',
    'setSetting',
    { orgId, key: key as never, value: value as never, reason: '支委会研究决定' },
    as,
  );
const themeDay = async (startAt: string, endAt: string, title = '主题党日') =>
  (
    await b.ok(
      'activity',
      'create',
      { orgId: 'demo-branch', type: 'themeDay', title, startAt, endAt, agenda: ['集中交纳党费'] },
      SEC,
    )
  ).id;

describe('guests [TD-10, CHK-17, PRIV-19]', () => {
  it('records invited guests by name only, apart from the expected list and attendance [TD-10, CHK-17]', async () => {
    const before = await b.ok('activity', 'get', { id: 'demo-theme-day' }, SEC);
    const rows = (await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC))
      .length;
    expect(
      await b.ok(
        'activity',
        'addGuest',
        { activityId: 'demo-theme-day', name: '王小明', kind: '入党积极分子' },
        SEC,
      ),
    ).toEqual({ activityId: 'demo-theme-day', guests: 1 });
    await b.ok(
      'activity',
      'addGuest',
      { activityId: 'demo-theme-day', name: '赵群', kind: '群众代表' },
      SEC,
    );
    await b.ok(
      'activity',
      'addGuest',
      { activityId: 'demo-theme-day', name: '赵群', kind: '群众代表' },
      SEC,
    ); // once
    const after = await b.ok('activity', 'get', { id: 'demo-theme-day' }, SEC);
    expect(after.guests.map((g) => g.name)).toEqual(['王小明', '赵群']);
    expect(after.counts).toEqual(before.counts); // not expected
    expect(
      (await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC)).length,
    ).toBe(rows);
    expect(b.docs('attendance').some((r) => r.memberId.includes('王小明'))).toBe(false);
    // the audit log keeps the count, not the name
    expect(JSON.stringify(b.docs('auditLogs'))).not.toContain('王小明');
    // a member cannot add guests; personal data in a name is refused
    const s = snapshot(b);
    expect(
      (
        await b.err(
          'activity',
          'addGuest',
          { activityId: 'demo-theme-day', name: '张三' },
          'demo-member-1',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (
        await b.err(
          'activity',
          'addGuest',
          { activityId: 'demo-theme-day', name: '张三13812345678' },
          SEC,
        )
      ).code,
    ).toBe('CONTENT.PERSONAL_DATA');
    expect(
      (
        await b.err(
          'activity',
          'addGuest',
          { activityId: 'demo-theme-day', name: '张三', phone: '1' },
          SEC,
        )
      ).code,
    ).toBe('INPUT.INVALID');
    expect(snapshot(b)).toBe(s);
  });

  it('deletes guests’ names after the retention period, by the daily run [PRIV-19]', async () => {
    await b.ok('activity', 'addGuest', { activityId: 'demo-theme-day', name: '王小明' }, SEC);
    const run = async () =>
      (
        (await (
          await fetch(`${b.url}/__emulator/trigger/scheduler`, { method: 'POST' })
        ).json()) as any
      ).data.guests;
    at('2027-12-01T09:00:00+08:00'); // 12 months: still kept
    expect(await run()).toEqual({ purged: 0 });
    expect(activity('demo-theme-day').guests).toHaveLength(1);
    at('2027-12-02T09:00:00+08:00');
    await setting('demo-branch', 'priv.guestRetentionMonths', 24);
    expect(await run()).toEqual({ purged: 0 }); // the branch keeps them 24 months
    await setting('demo-branch', 'priv.guestRetentionMonths', 12);
    expect(await run()).toEqual({ purged: 1 });
    expect(activity('demo-theme-day')).toMatchObject({ guests: [], guestsPurged: { count: 1 } });
    expect(JSON.stringify(b.docs('activities'))).not.toContain('王小明');
  });
});

describe('batches [TD-12]', () => {
  const mark = (activityId: string, memberId: string) =>
    b.ok(
      'activity',
      'setAttendance',
      { activityId, memberId, status: 'present', reason: '现场点名' },
      SEC,
    );
  async function twoBatches() {
    const first = await themeDay(
      '2026-12-04T15:00:00+08:00',
      '2026-12-04T17:00:00+08:00',
      '12月主题党日（第一批）',
    );
    const second = await themeDay(
      '2026-12-11T15:00:00+08:00',
      '2026-12-11T17:00:00+08:00',
      '12月主题党日（第二批）',
    );
    await mark(first, 'demo-member-1');
    await b.ok('activity', 'close', { activityId: first }, SEC);
    await mark(second, 'demo-member-2');
    await b.ok('activity', 'close', { activityId: second }, SEC);
    return { first, second };
  }
  it('counts a member who attended one batch as not absent at the other [TD-12]', async () => {
    await setting('demo-branch', 'td.batches', 2, SEC);
    const { first, second } = await twoBatches();
    expect(row(second, 'demo-member-1')).toMatchObject({ status: 'excused', method: 'otherBatch' });
    expect(row(first, 'demo-member-2')).toMatchObject({ status: 'excused', method: 'otherBatch' });
    expect(row(first, 'demo-member-3')).toMatchObject({ status: 'absent' });
    expect(row(second, 'demo-member-3')).toMatchObject({ status: 'absent' });
    expect(b.docs('auditLogs').find((e) => e.entityId === `${first}:demo-member-2`)).toMatchObject({
      after: { status: 'excused' },
    });
  });
  it('keeps every theme day on its own with one batch, the default [TD-12]', async () => {
    const { first, second } = await twoBatches();
    expect(row(second, 'demo-member-1')).toMatchObject({ status: 'absent' });
    expect(row(first, 'demo-member-2')).toMatchObject({ status: 'absent' });
  });
});

describe('sign-in integrity [CHK-14, CHK-16, CHK-20, PRIV-16]', () => {
  it('warns the superior when attendance is mostly entered by hand [CHK-14]', async () => {
    // 5 of the quarter's 19 records (the November theme day was signed in by QR): 26% > 20%
    for (const m of [
      'demo-member-1',
      'demo-member-2',
      'demo-member-3',
      'demo-member-4',
      'demo-member-5',
    ])
      await b.ok(
        'activity',
        'setAttendance',
        { activityId: 'demo-theme-day', memberId: m, status: 'present', reason: '现场点名' },
        SEC,
      );
    const r = await b.ok(
      'activity',
      'integrity',
      { orgId: 'demo-branch', quarter: '2026-Q4' },
      SUP,
    );
    expect(r.sessions).toMatchObject([
      { activityId: 'demo-theme-day', handEntered: 5, attended: 5, pct: 100 },
    ]);
    expect(r.sessions.map((s) => s.activityId)).not.toContain('demo-theme-day-last'); // signed in by QR
    expect(r.correctors).toMatchObject([{ memberId: SEC, corrections: 5 }]);
    expect(r.ruleId).toBe('CHK-14');
    await setting('demo-branch', 'chk.inflationSessionPct', 100);
    await setting('demo-branch', 'chk.inflationQuarterPct', 100);
    const relaxed = await b.ok(
      'activity',
      'integrity',
      { orgId: 'demo-branch', quarter: '2026-Q4' },
      SUP,
    );
    expect(relaxed).toMatchObject({
      sessions: [],
      correctors: [],
      thresholds: { sessionPct: 100 },
    });
  });

  it('counts a 流入地 participation as remote once that organisation’s proof is accepted [CHK-16]', async () => {
    const a = { activityId: 'demo-theme-day', inflowOrg: '深圳市南山区某社区党委' };
    expect(await b.ok('activity', 'attendInflow', a, 'demo-mobile')).toMatchObject({
      status: 'remotePending',
      proofReceived: false,
    });
    const decide = { activityId: 'demo-theme-day', memberId: 'demo-mobile', accept: true };
    const s = snapshot(b);
    expect((await b.err('activity', 'decideRemote', decide, SEC)).details.ruleId).toBe('CHK-16');
    expect(snapshot(b)).toBe(s);
    expect((await b.err('activity', 'attendInflow', a, 'demo-member-1')).details.ruleId).toBe(
      'CHK-16',
    );
    // closed in the meantime: the proof still arrives within 7 days
    await b.ok('activity', 'close', { activityId: 'demo-theme-day' }, SEC);
    at('2026-12-05T10:00:00+08:00');
    expect(
      await b.ok(
        'activity',
        'attendInflow',
        { ...a, proof: '南山区某社区党委证明（编号2026-118）' },
        'demo-mobile',
      ),
    ).toMatchObject({ proofReceived: true });
    expect(await b.ok('activity', 'decideRemote', decide, SEC)).toMatchObject({ status: 'remote' });
    expect(row('demo-theme-day', 'demo-mobile')).toMatchObject({
      status: 'remote',
      method: 'inflow',
    });
    at('2026-12-20T10:00:00+08:00');
    expect((await b.err('activity', 'attendInflow', a, 'demo-mobile')).code).toBe(
      'CHECKIN.OUTSIDE_WINDOW',
    );
  });

  it('takes no continuous location, no extra location fields and no face data at sign-in [CHK-20, PRIV-16]', async () => {
    const { token } = await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, SEC);
    const s = snapshot(b);
    for (const data of [
      { token, location: { latitude: 30, longitude: 114, accuracy: 5 } },
      { token, location: { latitude: 30, longitude: 114, track: [[30, 114]] } },
      {
        token,
        location: { latitude: 30, longitude: 114 },
        faceImage: 'data:image/png;base64,AAAA',
      },
      { token, locations: [{ latitude: 30, longitude: 114 }] },
    ])
      expect((await b.err('activity', 'checkin', data, 'demo-member-1')).code).toBe(
        'INPUT.INVALID',
      );
    expect(snapshot(b)).toBe(s);
    await b.ok(
      'activity',
      'checkin',
      { token, location: { latitude: 30, longitude: 114 } },
      'demo-member-1',
    );
  });
});
