import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo')); // the demo instant: Tue 2026-12-01 09:00, a theme day running
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const ORG = 'demo-branch';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
const talk = (memberIds: [string, string], extra: object = {}) => ({
  orgId: ORG,
  date: '2026-11-20',
  memberIds,
  faceToFace: true as const,
  noticeGiven: true as const,
  outlineGiven: true as const,
  ...extra,
});
const talks = (who: string) => b.ok('activity', 'talks', { orgId: ORG, year: 2026 }, who);
async function orgLife(): Promise<string> {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: ORG,
      type: 'orgLifeMeeting',
      title: '2026年度组织生活会',
      startAt: '2026-12-18T14:30:00+08:00',
      endAt: '2026-12-18T17:30:00+08:00',
    },
    SEC,
  );
  return id;
}

describe('谈心谈话 records [MTG-34, PRIV-14]', () => {
  it('refuses a talk that is not one-to-one, face to face, with notice and outline, writing nothing [MTG-34]', async () => {
    const before = snapshot(b);
    for (const data of [
      talk(['demo-member-1', 'demo-member-1']),
      talk(['demo-member-1', 'demo-b2-member-1']),
      talk(['demo-member-1', 'demo-member-2'], { faceToFace: false }),
      talk(['demo-member-1', 'demo-member-2'], { noticeGiven: false }),
      talk(['demo-member-1', 'demo-member-2'], { outlineGiven: false }),
    ]) {
      const e = await b.err('activity', 'recordTalk', data, SEC);
      expect(e).toMatchObject({ code: 'TALK.INVALID', details: { ruleId: 'MTG-34' } });
    }
    expect(snapshot(b)).toBe(before);
  });

  it('refuses the content of a talk by name and stores only date, participants and issues [PRIV-14, MTG-34]', async () => {
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'recordTalk',
      talk(['demo-member-1', 'demo-member-2'], { content: '谈了家里的困难' }),
      'demo-member-1',
    );
    expect(e).toMatchObject({ code: 'TALK.CONTENT_NOT_STORED', details: { ruleId: 'PRIV-14' } });
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'activity',
      'recordTalk',
      talk(['demo-member-1', 'demo-member-2'], { issues: ['学习不够经常'] }),
      'demo-member-1',
    );
    const [doc] = b.docs('talks');
    expect(Object.keys(doc).sort()).toEqual(
      [
        '_id',
        'at',
        'category',
        'date',
        'issues',
        'memberIds',
        'orgId',
        'recordedBy',
        'year',
      ].sort(),
    );
    const audit = b.docs('auditLogs').filter((a) => a.entity === 'talks');
    expect(JSON.stringify(audit)).not.toContain('学习不够经常');
  });

  it('shows the issue list only to the two participants and the secretary [PRIV-14]', async () => {
    await b.ok(
      'activity',
      'recordTalk',
      talk(['demo-member-1', 'demo-member-2'], { issues: ['学习不够经常'] }),
      'demo-member-1',
    );
    const issuesSeenBy = async (who: string) => (await talks(who)).talks.map((t) => t.issues);
    expect(await issuesSeenBy(SEC)).toEqual([['学习不够经常']]);
    expect(await issuesSeenBy('demo-member-2')).toEqual([['学习不够经常']]);
    expect(await issuesSeenBy('demo-organizer')).toEqual([null]); // a 支委, not a participant
    expect(await issuesSeenBy('demo-superior')).toEqual([null]);
    expect(await issuesSeenBy('demo-member-3')).toEqual([]); // sees only their own talks
  });
});

describe('谈心谈话 coverage and hints [MTG-32, MTG-33, MTG-35]', () => {
  it('shows each member’s coverage per pair category, alerting gaps in Q4, and the yearly minimum is a setting [MTG-32]', async () => {
    await b.ok('activity', 'recordTalk', talk(['demo-member-1', 'demo-member-2']), SEC);
    await b.ok('activity', 'recordTalk', talk(['demo-organizer', 'demo-member-1']), SEC);
    const r = await talks(SEC);
    const m1 = r.coverage.find((c) => c.memberId === 'demo-member-1');
    expect(m1).toMatchObject({
      counts: { peer: 1, committeeMember: 1, secretaryCommittee: 0 },
      missing: [],
    });
    expect(r.coverage.find((c) => c.memberId === 'demo-member-2')?.missing).toEqual([
      'committeeMember',
    ]);
    expect(r.alerts).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'MTG-32' })]),
    );
    const own = await talks('demo-member-1');
    expect(own.coverage.map((c) => c.memberId)).toEqual(['demo-member-1']);
    expect(own.alerts).toEqual([]);
    await b.ok(
      'org',
      'setSetting',
      { orgId: ORG, key: 'talk.perPairCategory', value: 2, reason: '支委会决定每类每年两次' },
      SEC,
    );
    expect(
      (await talks(SEC)).coverage.find((c) => c.memberId === 'demo-member-1')?.missing,
    ).toEqual(['committeeMember', 'peer']);
  });

  it('hints 谈心谈话不正常 when every talk of the year is in the 30 days before the 组织生活会 [MTG-35]', async () => {
    await orgLife();
    await b.ok('activity', 'recordTalk', talk(['demo-member-1', 'demo-member-2']), SEC);
    await b.ok(
      'activity',
      'recordTalk',
      talk(['demo-organizer', 'demo-member-3'], { date: '2026-11-30' }),
      SEC,
    );
    const hinted = (await talks(SEC)).alerts.filter((a) => a.ruleId === 'MTG-35');
    expect(hinted).toHaveLength(1);
    await b.ok(
      'activity',
      'recordTalk',
      talk(['demo-member-4', 'demo-member-5'], { date: '2026-05-12' }),
      SEC,
    );
    expect((await talks(SEC)).alerts.filter((a) => a.ruleId === 'MTG-35')).toEqual([]);
  });

  it('xianning: before the December theme day the 书记 talks with each 支委; off by default elsewhere [MTG-33]', async () => {
    const mtg33 = async () => (await talks(SEC)).alerts.filter((a) => a.ruleId === 'MTG-33');
    expect(await mtg33()).toEqual([]); // demo-branch runs the hunan profile
    await b.ok(
      'org',
      'setSetting',
      { orgId: ORG, key: 'talk.beforeThemeDays', value: true, reason: '参照咸宁做法' },
      SEC,
    );
    expect(await mtg33()).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/12月主题党日.*1名支委/) }),
    ]);
    await b.ok(
      'activity',
      'recordTalk',
      talk([SEC, 'demo-organizer'], { date: '2026-11-30' }),
      SEC,
    );
    expect(await mtg33()).toEqual([]);
  });
});

describe('组织生活会 workflow [MTG-30]', () => {
  it('records the steps only in order, the meeting not before it is held, and ends with a rectification list', async () => {
    const id = await orgLife();
    const step = (s: string, extra: object = {}) => ({ activityId: id, step: s, ...extra });
    const before = snapshot(b);
    const e = await b.err('activity', 'orgLifeStep', step('study'), SEC);
    expect(e).toMatchObject({ code: 'ORGLIFE.STEP_ORDER', details: { ruleId: 'MTG-30' } });
    expect(snapshot(b)).toBe(before);
    for (const s of ['topicAgreed', 'study', 'talks'])
      await b.ok('activity', 'orgLifeStep', step(s, { note: '已完成' }) as never, SEC);
    expect((await b.err('activity', 'orgLifeStep', step('meeting'), SEC)).code).toBe(
      'ORGLIFE.STEP_ORDER',
    );
    at('2026-12-18T09:00:00Z');
    await b.ok('activity', 'orgLifeStep', step('meeting') as never, SEC);
    expect((await b.err('activity', 'orgLifeStep', step('rectification'), SEC)).code).toBe(
      'ORGLIFE.STEP_ORDER',
    );
    await b.ok('activity', 'orgLifeStep', step('reported') as never, SEC);
    expect((await b.err('activity', 'orgLifeStep', step('rectification'), SEC)).code).toBe(
      'ORGLIFE.STEP_ORDER',
    ); // no items: owners and deadlines are required
    const done = await b.ok(
      'activity',
      'orgLifeStep',
      step('rectification', {
        items: [{ problem: '理论学习不够系统', ownerId: 'demo-organizer', due: '2027-03-31' }],
      }) as never,
      SEC,
    );
    expect(done).toEqual({
      done: ['topicAgreed', 'study', 'talks', 'meeting', 'reported', 'rectification'],
      next: null,
    });
  });
});

describe('dual organisational life [MTG-38]', () => {
  it('tracks a leading cadre in their own branch like any member: roll, absence and E', async () => {
    const cadre = b.emulator.store.get('members')!.get('demo-member-3')!;
    (cadre.roles as unknown[]).push({ orgId: 'demo-committee', role: 'superiorAdmin' });
    at('2026-12-04T06:30:00Z');
    const { id } = await b.ok(
      'activity',
      'create',
      {
        orgId: ORG,
        type: 'branchAssembly',
        title: '党员大会',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
      },
      SEC,
    );
    at('2026-12-04T07:00:00Z');
    const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
    await b.ok('activity', 'checkin', { token }, 'demo-member-3');
    const vote = await b.ok(
      'activity',
      'vote',
      { activityId: id, motion: '表决', yes: 1, no: 0, abstain: 0 },
      SEC,
    );
    // the cadre and the host who showed the code [CHK-13]
    expect(vote).toMatchObject({ eligible: 13, presentEligible: 2 });
    at('2026-12-04T10:00:00Z');
    await b.ok('activity', 'close', { activityId: id }, SEC);
    const roll = await b.ok('activity', 'attendance', { activityId: id }, SEC);
    expect(roll.find((r) => r.memberId === 'demo-member-3')?.status).toBe('present');
    await b.reset('demo');
    const again = b.emulator.store.get('members')!.get('demo-member-3')!;
    (again.roles as unknown[]).push({ orgId: 'demo-committee', role: 'superiorAdmin' });
    at('2026-12-04T06:30:00Z');
    const other = await b.ok(
      'activity',
      'create',
      {
        orgId: ORG,
        type: 'branchAssembly',
        title: '党员大会',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
      },
      SEC,
    );
    at('2026-12-04T10:00:00Z');
    await b.ok('activity', 'close', { activityId: other.id }, SEC);
    const roll2 = await b.ok('activity', 'attendance', { activityId: other.id }, SEC);
    expect(roll2.find((r) => r.memberId === 'demo-member-3')?.status).toBe('absent');
  });
});
