/**
 * 三会一课 records through the API: hosts and recorders, the 党课 and 党员大会 records, the
 * filing window, what only the assembly decides, evidence, and the record-keeping alerts.
 */
import { Backend, snapshot, startBackend } from '../support/backend';
import { plainJpeg } from '../support/media-fixtures';
import { uploadMedia } from '../support/media-kit';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  await b.reset('demo');
  b.emulator.clock.freeze(Date.parse('2026-12-04T06:30:00Z')); // Fri 14:30 in Shanghai
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SUP = 'demo-superior';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));
type Type = 'themeDay' | 'branchAssembly' | 'committeeMeeting' | 'groupMeeting' | 'partyLecture';

async function meeting(type: Type, extra: Record<string, unknown> = {}, by = SEC) {
  return b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type,
      title: '会议',
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
      ...extra,
    } as never,
    by,
  );
}
// The 书记's own attendance is set by another 支委 [PRIV-21].
const present = (activityId: string, memberId: string) =>
  b.ok(
    'activity',
    'setAttendance',
    { activityId, memberId, status: 'present', reason: '现场参加' },
    memberId === SEC ? 'demo-organizer' : SEC,
  );
const get = (id: string, who = SEC) => b.ok('activity', 'get', { id }, who);
const alertsOf = (who = SEC, year = 2026) =>
  b.ok('activity', 'meetingAlerts', { orgId: 'demo-branch', year }, who);
const setSetting = (key: string, value: unknown, who = SUP) =>
  b.ok('org', 'setSetting', { orgId: 'demo-branch', key, value, reason: '上级要求' } as never, who);

describe('hosts and recorders [MTG-15, MTG-16]', () => {
  it('publishes plan items hosted by the 书记 and recorded by the 组织委员, changeable later [MTG-15, MTG-16]', async () => {
    const { created } = await b.ok(
      'activity',
      'publishPlan',
      {
        orgId: 'demo-branch',
        year: 2026,
        items: [{ type: 'committeeMeeting', date: '2026-12-15', title: '12月支委会' }],
      },
      SEC,
    );
    const [id] = created;
    expect(await get(id)).toMatchObject({
      host: { id: 'demo-secretary' },
      recorder: { id: 'demo-organizer' },
    });
    await b.ok(
      'activity',
      'update',
      { activityId: id, recorderId: 'demo-member-1', place: '村委会会议室' },
      SEC,
    );
    expect(await get(id)).toMatchObject({
      recorder: { id: 'demo-member-1' },
      place: '村委会会议室',
      host: { id: 'demo-secretary' },
    });
    const entry = b.docs('auditLogs').find((a) => a.entityId === id && a.after?.recorderId);
    expect(entry).toMatchObject({ before: { recorderId: 'demo-organizer' } });
  });

  it('refuses a host of a committee meeting who is not the 书记 unless a 支委 stands in with the reason [MTG-15]', async () => {
    const { id } = await meeting('committeeMeeting');
    const before = snapshot(b);
    const plain = await b.err(
      'activity',
      'update',
      { activityId: id, hostId: 'demo-member-1' },
      SEC,
    );
    expect(plain).toMatchObject({
      code: 'ACTIVITY.HOST_NOT_ALLOWED',
      details: { ruleId: 'MTG-15' },
    });
    const noReason = await b.err(
      'activity',
      'update',
      { activityId: id, hostId: 'demo-organizer' },
      SEC,
    );
    expect(noReason.details.ruleId).toBe('MTG-15');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'activity',
      'update',
      {
        activityId: id,
        hostId: 'demo-organizer',
        delegationReason: '书记参加县委培训，委托组织委员主持',
      },
      SEC,
    );
    expect(await get(id)).toMatchObject({
      host: { id: 'demo-organizer' },
      delegation: { reason: '书记参加县委培训，委托组织委员主持' },
    });
    // A member may not even be chosen at creation.
    expect(
      (
        await b.err(
          'activity',
          'create',
          {
            orgId: 'demo-branch',
            type: 'branchAssembly',
            title: '党员大会',
            startAt: '2026-12-10T15:00:00+08:00',
            endAt: '2026-12-10T17:00:00+08:00',
            hostId: 'demo-member-2',
          },
          SEC,
        )
      ).code,
    ).toBe('ACTIVITY.HOST_NOT_ALLOWED');
  });

  it('has the group leader host the 党小组会, with the topic agreed with a 支委 [MTG-14]', async () => {
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-3', orgId: 'demo-branch', role: 'groupLeader', on: true },
      SEC,
    );
    const start = { startAt: '2026-12-10T15:00:00+08:00', endAt: '2026-12-10T17:00:00+08:00' };
    const unagreed = await meeting('groupMeeting', start);
    expect(unagreed.alerts).toEqual([
      expect.objectContaining({ ruleId: 'MTG-14', level: 'warning' }),
    ]);
    expect((await get(unagreed.id)).host).toMatchObject({ id: 'demo-member-3' });
    const agreed = await meeting('groupMeeting', { ...start, topicAgreedBy: 'demo-organizer' });
    expect(agreed.alerts).toEqual([]);
    // The same day: notice was not given in advance.
    const today = await meeting('groupMeeting', { topicAgreedBy: 'demo-organizer' });
    expect(today.alerts.map((a) => a.ruleId)).toEqual(['MTG-14']);
  });
});

describe('the records', () => {
  it('keeps the 党课 record with 授课人 and counts from attendance, guests apart [MTG-13]', async () => {
    const { id } = await meeting('partyLecture', {
      title: '学习党章 做合格党员',
      lecturer: '王建国',
      guests: [{ name: '小赵', kind: '入党积极分子' }],
    });
    await present(id, 'demo-member-1');
    await present(id, 'demo-member-2');
    const page = await get(id);
    expect(page.lecture).toEqual({
      topic: '学习党章 做合格党员',
      at: '2026-12-04T07:00:00.000Z',
      lecturer: '王建国',
      attended: 2,
      absent: page.counts.expected - 2,
      guests: 1,
    });
    await present(id, 'demo-member-3');
    expect((await get(id)).lecture).toMatchObject({
      attended: 3,
      absent: page.counts.expected - 3,
    });
  });

  it('states the 党员大会 count and validity, and needs each decision with its resolution and tally [MTG-11]', async () => {
    const { id } = await meeting('branchAssembly', { title: '第四季度党员大会' });
    for (const m of ['demo-member-1', 'demo-member-2']) await present(id, m);
    const few = (await get(id)).assembly!;
    expect(few).toMatchObject({ attended: 2, valid: false });
    expect(few.statement).toContain('不能进行表决');
    for (const m of [
      'demo-secretary',
      'demo-organizer',
      'demo-member-3',
      'demo-member-4',
      'demo-member-5',
      'demo-member-6',
    ])
      await present(id, m);
    const enough = (await get(id)).assembly!;
    expect(enough).toMatchObject({ attended: 8, valid: true });
    expect(enough.statement).toBe(
      `应到会有表决权的党员${enough.expected}名，实到8名，超过半数，会议有效`,
    );

    const item = {
      title: '接收郑晓为预备党员',
      decision: 'admitProbationary' as const,
      resolution: '同意接收',
    };
    const before = snapshot(b);
    const noTally = await b.err(
      'activity',
      'record',
      { activityId: id, minutes: '会议记录', items: [item] },
      SEC,
    );
    expect(noTally).toMatchObject({ code: 'RECORD.INCOMPLETE', details: { ruleId: 'MTG-11' } });
    const tooMany = await b.err(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '会议记录',
        items: [{ ...item, tally: { yes: 8, no: 1, abstain: 0 } }],
      },
      SEC,
    );
    expect(tooMany.details.ruleId).toBe('MTG-11');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '会议记录',
        items: [{ ...item, tally: { yes: 8, no: 0, abstain: 0 } }],
      },
      SEC,
    );
    expect((await get(id)).record!.items).toEqual([
      { ...item, tally: { yes: 8, no: 0, abstain: 0 } },
    ]);
  });

  it('refuses a committee meeting record deciding what only the assembly decides, writing nothing [MTG-26]', async () => {
    const { id } = await meeting('committeeMeeting');
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '研究发展党员工作',
        items: [{ title: '接收郑晓为预备党员', decision: 'admitProbationary', resolution: '同意' }],
      },
      SEC,
    );
    expect(e).toMatchObject({ code: 'RECORD.ASSEMBLY_ONLY', details: { ruleId: 'MTG-26' } });
    expect(snapshot(b)).toBe(before);
    // Preparing it for the assembly is the committee's work.
    const ok = await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '研究发展党员工作',
        items: [
          {
            title: '提交党员大会讨论接收郑晓',
            decision: 'other',
            resolution: '提交党员大会',
            responsibleId: 'demo-organizer',
          },
        ],
      },
      SEC,
    );
    expect(ok.alerts).toEqual([]);
  });

  it('warns of committee resolutions without a responsible 支委 [MTG-12]', async () => {
    const { id } = await meeting('committeeMeeting');
    const r = await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '研究工作',
        items: [{ title: '慰问老党员', resolution: '春节前完成' }],
      },
      SEC,
    );
    expect(r.alerts).toEqual([expect.objectContaining({ ruleId: 'MTG-12' })]);
    expect((await get(id)).record!.items).toHaveLength(1); // saved all the same
  });

  it('warns of a major assembly item without an earlier committee meeting, not with one [MTG-25]', async () => {
    at('2026-12-01T01:00:00Z');
    const committee = await meeting('committeeMeeting', {
      startAt: '2026-12-02T15:00:00+08:00',
      endAt: '2026-12-02T17:00:00+08:00',
    });
    at('2026-12-04T06:30:00Z');
    const { id } = await meeting('branchAssembly');
    const major = { title: '村集体资金使用方案', major: true, resolution: '通过' };
    const without = await b.ok(
      'activity',
      'record',
      { activityId: id, minutes: '记录', items: [major] },
      SEC,
    );
    expect(without.alerts.map((a) => a.ruleId)).toEqual(['MTG-25']);
    const linked = await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '记录',
        items: [{ ...major, committeeMeetingId: committee.id }],
      },
      SEC,
    );
    expect(linked.alerts).toEqual([]);
  });

  it('keeps the (hunan) theme-day record with items done, the dues count and a summary; a missing item alerts but saves [TD-20, TD-17]', async () => {
    const { id } = await meeting('themeDay', { agenda: ['组织学习讨论', '集中交纳党费'] });
    // Two members pay December's dues at the theme day.
    const month = await b.ok('dues', 'collection', { orgId: 'demo-branch', month: '2026-12' }, SEC);
    for (const memberId of ['demo-member-1', 'demo-member-2']) {
      await b.ok(
        'dues',
        'setBase',
        { memberId, year: 2026, category: 'salaried', baseFen: 400000, fromMonth: '2026-01' },
        'demo-organizer',
      );
      await b.ok('dues', 'pay', { memberId, month: '2026-12', amountFen: 4000 }, 'demo-organizer');
    }
    const r = await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '交纳党费，学习讨论',
        itemsDone: ['组织学习讨论', '集中交纳党费'],
        summary: '全体党员参加，氛围热烈',
        archive: true,
      },
      SEC,
    );
    expect(r.archived).toBe(true);
    expect(r.alerts).toEqual([
      expect.objectContaining({
        ruleId: 'TD-17',
        message: expect.stringContaining('民主议事决策'),
      }),
    ]);
    const dues = await b.ok('dues', 'collection', { orgId: 'demo-branch', month: '2026-12' }, SEC);
    expect(dues.paid).toBe(month.paid + 2); // the count is read from the dues records
    expect((await get(id)).themeDay).toEqual({
      itemsDone: ['组织学习讨论', '集中交纳党费'],
      missingItems: ['民主议事决策'],
      duesCollected: dues.paid,
      summary: '全体党员参加，氛围热烈',
    });
  });

  it('archives a record without any photo, unless the superior requires evidence [PRIV-12, MTG-21]', async () => {
    const { id } = await meeting('themeDay');
    expect(
      (await b.ok('activity', 'record', { activityId: id, minutes: '记录', archive: true }, SEC))
        .archived,
    ).toBe(true);
    expect(
      (
        await b.err(
          'org',
          'setSetting',
          { orgId: 'demo-branch', key: 'mtg.minEvidence', value: 1, reason: '不要' },
          SEC,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await setSetting('mtg.minEvidence', 1);
    const other = await meeting('themeDay', { title: '另一场' });
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'record',
      { activityId: other.id, minutes: '记录', archive: true },
      SEC,
    );
    expect(e).toMatchObject({ code: 'RECORD.EVIDENCE_REQUIRED', details: { ruleId: 'MTG-21' } });
    expect(snapshot(b)).toBe(before);
    const { fileId } = await uploadMedia(b, SEC, {
      orgId: 'demo-branch',
      purpose: 'record',
      kind: 'image',
      name: '现场照片.jpg',
      bytes: plainJpeg(),
    });
    await b.ok(
      'activity',
      'record',
      { activityId: other.id, minutes: '记录', archive: true, attachments: [fileId] },
      SEC,
    );
  });
});

describe('the filing window and the alerts', () => {
  it('marks a record not archived 3 days after the activity as overdue, the window set by the superior [MTG-19]', async () => {
    const { id } = await meeting('themeDay');
    at('2026-12-07T15:59:00Z'); // Mon 23:59 Beijing time
    expect(await get(id)).toMatchObject({ overdue: false, filingDue: '2026-12-07T16:00:00.000Z' });
    expect((await alertsOf()).filter((a) => a.activityId === id)).toEqual([]);
    at('2026-12-07T16:00:00Z');
    expect((await get(id)).overdue).toBe(true);
    const listed = await b.ok('activity', 'list', { orgId: 'demo-branch' }, 'demo-member-1');
    expect(listed.find((a) => a.id === id)).toMatchObject({ overdue: true });
    expect(await alertsOf(SUP)).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-19', activityId: id }),
    );
    await b.ok('activity', 'record', { activityId: id, minutes: '记录', archive: true }, SEC);
    expect(await get(id)).toMatchObject({ overdue: false, record: { finalisedOnTime: false } });
    await setSetting('mtg.finaliseWithinDays', 7);
    expect((await get(id)).record!.finalisedOnTime).toBe(true);
  });

  it('reminds to report important resolutions and alerts once 7 days pass unreported [MTG-23]', async () => {
    const { id } = await meeting('branchAssembly');
    for (const m of [
      'demo-secretary',
      'demo-organizer',
      'demo-member-1',
      'demo-member-2',
      'demo-member-3',
      'demo-member-4',
      'demo-member-5',
      'demo-member-6',
    ])
      await present(id, m);
    const r = await b.ok(
      'activity',
      'record',
      {
        activityId: id,
        minutes: '选举',
        archive: true,
        items: [
          {
            title: '补选组织委员',
            decision: 'election',
            resolution: '张伟当选',
            tally: { yes: 8, no: 0, abstain: 0 },
          },
        ],
      },
      SEC,
    );
    expect(r.alerts.map((a) => a.ruleId)).toContain('MTG-23');
    at('2026-12-10T16:00:00Z');
    expect((await alertsOf()).filter((a) => a.ruleId === 'MTG-23')).toEqual([]);
    at('2026-12-11T16:00:00Z');
    expect(await alertsOf()).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-23', activityId: id }),
    );
    await b.ok('activity', 'reportToSuperior', { activityId: id }, SEC);
    expect((await alertsOf()).filter((a) => a.ruleId === 'MTG-23')).toEqual([]);
    expect((await get(id)).reportedAt).toBe('2026-12-11T16:00:00.000Z');
  });

  it('tells the superior liaison of an agenda with 发展党员 or 选举 at scheduling time [MTG-24]', async () => {
    const { id, alerts } = await meeting('branchAssembly', {
      startAt: '2026-12-20T15:00:00+08:00',
      endAt: '2026-12-20T17:00:00+08:00',
      agenda: ['讨论接收预备党员', '学习文件'],
    });
    expect(alerts).toEqual([
      expect.objectContaining({ ruleId: 'MTG-24', message: expect.stringContaining('发展党员') }),
    ]);
    expect(await alertsOf(SUP)).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-24', activityId: id }),
    );
    const plain = await meeting('branchAssembly', {
      startAt: '2026-12-21T15:00:00+08:00',
      endAt: '2026-12-21T17:00:00+08:00',
    });
    expect(plain.alerts).toEqual([]);
    const updated = await b.ok(
      'activity',
      'update',
      { activityId: plain.id, agenda: ['换届选举'] },
      SEC,
    );
    expect(updated.alerts.map((a) => a.ruleId)).toEqual(['MTG-24']);
  });

  it('alerts in December when no 党委书记 lecture is recorded this year, not once one is [MTG-07]', async () => {
    at('2026-12-01T01:00:00Z');
    expect(await alertsOf(SUP)).toContainEqual(expect.objectContaining({ ruleId: 'MTG-07' }));
    const { id } = await meeting('partyLecture', {
      title: '党委书记讲党课',
      lecturer: '王建国',
      lecturerKind: 'partyCommitteeSecretary',
      startAt: '2026-12-01T15:00:00+08:00',
      endAt: '2026-12-01T17:00:00+08:00',
    });
    await present(id, 'demo-member-1');
    at('2026-12-01T09:30:00Z');
    await b.ok('activity', 'close', { activityId: id }, SEC);
    await b.ok('activity', 'record', { activityId: id, minutes: '讲授党章', archive: true }, SEC);
    expect((await alertsOf(SUP)).filter((a) => a.ruleId === 'MTG-07')).toEqual([]);
  });

  it('lists the 七一 lecture and the group meetings in compliance, switchable [MTG-06, MTG-03, MTG-04]', async () => {
    const items = async () =>
      (await b.ok('activity', 'compliance', { orgId: 'demo-branch', year: 2026 }, SEC)).items;
    expect(await items()).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-06', required: 1 }),
    );
    expect((await items()).some((i) => i.ruleId === 'MTG-03')).toBe(false);
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-3', orgId: 'demo-branch', role: 'groupLeader', on: true },
      SEC,
    );
    expect(await items()).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-03', type: 'groupMeeting', required: 12 }),
    );
    await setSetting('mtg.julyFirstLecture', false, SEC);
    expect((await items()).some((i) => i.ruleId === 'MTG-06')).toBe(false);
    await setSetting('mtg.lecture', 'monthly'); // the demo branch is hunan: half-yearly by profile
    expect((await items()).find((i) => i.type === 'partyLecture')).toMatchObject({
      ruleId: 'MTG-04',
      required: 12,
    });
  });

  it('reminds a jiaozuo branch of the May self-check [MTG-40]', async () => {
    at('2026-05-12T02:00:00Z');
    expect((await alertsOf(SEC)).filter((a) => a.ruleId === 'MTG-40')).toEqual([]);
    const org = b.emulator.store.get('orgs')!.get('demo-branch') as unknown as { profile: string };
    org.profile = 'jiaozuo';
    expect(await alertsOf(SEC)).toContainEqual(
      expect.objectContaining({ ruleId: 'MTG-40', message: expect.stringContaining('5月31日') }),
    );
    at('2026-06-02T02:00:00Z');
    expect((await alertsOf(SEC)).filter((a) => a.ruleId === 'MTG-40')).toEqual([]);
  });
});
