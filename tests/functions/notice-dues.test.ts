import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(async () => {
  b.emulator.clock.freeze(Date.parse('2026-12-01T09:00:00+08:00'));
  await b.reset('demo');
});
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const notice = {
  orgId: 'demo-branch',
  category: '发展党员',
  title: '关于接收郑晓同志为预备党员的公示',
  body: '经支部党员大会讨论，拟接收郑晓同志为中共预备党员，公示期5个工作日。',
};

describe('党务公开', () => {
  it('lets the committee publish and members read, recording the read [DIS-15]', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    expect(
      (await b.ok('notice', 'list', { orgId: 'demo-branch' }, 'demo-member-1'))[0],
    ).toMatchObject({ id, read: false });
    const got = await b.ok('notice', 'get', { id }, 'demo-member-1');
    expect(got).toMatchObject({ title: notice.title, version: 1, history: [{ version: 1 }] });
    expect((await b.ok('notice', 'list', { orgId: 'demo-branch' }, 'demo-member-1'))[0].read).toBe(
      true,
    );
    const readers = await b.ok('notice', 'readers', { id }, SEC);
    expect(readers.read.map((r: any) => r.memberId)).toEqual(['demo-member-1']);
    expect(readers.unread).toHaveLength(13);
  });
  it('refuses a member and a secretary of another branch [DIS-01]', async () => {
    const before = snapshot(b);
    expect((await b.err('notice', 'publish', notice, 'demo-member-1')).code).toBe('AUTH.FORBIDDEN');
    expect((await b.err('notice', 'publish', notice, 'demo-secretary-2')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
  });
  it('stores nothing when the content check rejects it', async () => {
    const before = snapshot(b);
    const err = await b.err('notice', 'publish', { ...notice, body: '内容涉及赌博' }, SEC);
    expect(err.code).toBe('CONTENT.REJECTED');
    expect(err.message).toMatch(/安全检测/);
    expect(snapshot(b)).toBe(before);
  });
  it('refuses a full ID or mobile number, in the body or an attachment name [DIS-13, PRIV-02]', async () => {
    expect(
      (await b.err('notice', 'publish', { ...notice, body: '联系人李红13912345678' }, SEC)).code,
    ).toBe('CONTENT.PERSONAL_DATA');
    expect(
      (
        await b.err(
          'notice',
          'publish',
          { ...notice, attachments: [{ fileId: 'f1', name: '430102198001011234.pdf' }] },
          SEC,
        )
      ).code,
    ).toBe('CONTENT.PERSONAL_DATA');
  });
  it('keeps the old version when edited [DIS-14]', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    expect(
      await b.ok(
        'notice',
        'update',
        { id, body: '更正：公示期自12月2日起5个工作日。', reason: '补充公示起始日' },
        SEC,
      ),
    ).toEqual({ id, version: 2 });
    const got = await b.ok('notice', 'get', { id }, 'demo-member-2');
    expect(got.history.map((h: any) => h.version)).toEqual([2, 1]);
    expect(b.docs('noticeVersions').find((v) => v._id === `${id}:v1`).body).toBe(notice.body);
  });
  it('publishes the five stages of a matter in order and shows the timeline [DIS-03]', async () => {
    const first = await b.ok(
      'notice',
      'publish',
      { ...notice, category: '重大决策部署', title: '关于党员活动室改造的提议', stage: '提议' },
      SEC,
    );
    const matterId = first.id;
    expect(
      (
        await b.err(
          'notice',
          'publish',
          { ...notice, category: '重大决策部署', title: '决议', matterId, stage: '决议结果' },
          SEC,
        )
      ).code,
    ).toBe('NOTICE.STAGE_ORDER');
    await b.ok(
      'notice',
      'publish',
      { ...notice, category: '重大决策部署', title: '审议程序', matterId, stage: '审议程序' },
      SEC,
    );
    const got = await b.ok('notice', 'get', { id: matterId }, 'demo-member-1');
    expect(got.timeline.map((t: any) => t.stage)).toEqual(['提议', '审议程序']);
  });
  it('reports staleness of the 公开栏 [DIS-06, DIS-07]', async () => {
    expect((await b.ok('notice', 'status', { orgId: 'demo-branch' }, SEC)).alert).toBe(
      '尚未发布党务公开内容',
    );
    await b.ok('notice', 'publish', notice, SEC);
    b.emulator.clock.advance(31 * 86400_000);
    expect(await b.ok('notice', 'status', { orgId: 'demo-branch' }, SEC)).toMatchObject({
      days: 31,
      alert: '党务公开已31天未更新',
      maintainer: null,
    });
  });
  it('reminds unread members who consented, once [PRIV-10]', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    await b.ok('org', 'subscribe', { accepted: ['noticePublished'] }, 'demo-member-3');
    expect(await b.ok('notice', 'remindUnread', { id }, SEC)).toMatchObject({ sent: 1 });
    expect(await b.ok('notice', 'remindUnread', { id }, SEC)).toMatchObject({ sent: 0 });
  });
});

describe('党费', () => {
  it("calculates the issue's examples [FEE-05, FEE-06, FEE-09, FEE-10, FEE-12]", async () => {
    const calc = (category: string, baseFen: number) =>
      b.ok('dues', 'calculate', { category, baseFen }, 'demo-member-1').then((r) => r.monthlyFen);
    expect(
      await Promise.all([300000, 300001, 510000, 1000000, 1000001].map((x) => calc('salaried', x))),
    ).toEqual([1500, 3001, 7650, 15000, 20001]);
    expect(await Promise.all([500000, 500001].map((x) => calc('retired', x)))).toEqual([
      2500, 5001,
    ]);
    expect(await calc('student', 0)).toBe(20);
    expect(
      (await b.ok('dues', 'calculate', { category: 'salaried', baseFen: 300001 }, 'demo-member-1'))
        .exact,
    ).toBe('30.0001');
  });
  it('records payments by month, by proxy too, and builds the ledger without bases [FEE-16, FEE-21, DIS-09]', async () => {
    expect(
      (
        await b.err(
          'dues',
          'setBase',
          { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen: 510000 },
          'demo-member-2',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen: 510000 },
      'demo-organizer',
    );
    await b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-1',
        year: 2026,
        category: 'salaried',
        baseFen: 600000,
        fromMonth: '2026-07',
      },
      'demo-organizer',
    );
    for (const month of ['2026-06', '2026-07'])
      await b.ok(
        'dues',
        'pay',
        { memberId: 'demo-member-1', month, amountFen: month === '2026-06' ? 7650 : 9000 },
        'demo-organizer',
      );
    const proxy = await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-08', amountFen: 9000, proxyName: '陈明之妻' },
      'demo-organizer',
    );
    expect(proxy.flags).toEqual([]);
    const ledger = await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC);
    const row = ledger.rows.find((r: any) => r.memberId === 'demo-member-1');
    expect(row.months.find((m: any) => m.month === '2026-07')).toMatchObject({
      dueFen: 9000,
      paidFen: 9000,
      status: 'paid',
    });
    expect(row.months.find((m: any) => m.month === '2026-05').status).toBe('unpaid');
    expect(JSON.stringify(ledger)).not.toMatch(/510000|600000|baseFen/);
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(mine.payments.find((p: any) => p.month === '2026-08').proxy).toBe('陈明之妻');
  });
  it('needs a note to make up a month more than 6 months back and flags large extras [FEE-25, FEE-13]', async () => {
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-2', year: 2026, category: 'retired', baseFen: 300000 },
      'demo-organizer',
    );
    expect(
      (
        await b.err(
          'dues',
          'pay',
          { memberId: 'demo-member-2', month: '2026-04', amountFen: 1500 },
          'demo-organizer',
        )
      ).code,
    ).toBe('DUES.NOTE_REQUIRED');
    await b.ok(
      'dues',
      'pay',
      {
        memberId: 'demo-member-2',
        month: '2026-04',
        amountFen: 1500,
        note: '长期住院，出院后补交',
      },
      'demo-organizer',
    );
    expect(
      (
        await b.ok(
          'dues',
          'pay',
          { memberId: 'demo-member-2', month: '2026-11', amountFen: 101500 },
          'demo-organizer',
        )
      ).flags,
    ).toEqual(['remitToCentre']);
  });
  it('alerts after 6 consecutive unpaid months, never acting on its own [FEE-23]', async () => {
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-3', year: 2026, category: 'salaried', baseFen: 400000 },
      'demo-organizer',
    );
    const arrears = await b.ok(
      'dues',
      'arrears',
      { orgId: 'demo-branch', asOf: '2026-11' },
      'demo-organizer',
    );
    expect(arrears.find((a: any) => a.memberId === 'demo-member-3')).toMatchObject({
      consecutiveUnpaid: 11,
      alert: expect.stringContaining('不自动处理'),
    });
  });
  it('publishes the half-year as a notice with no income data [DIS-08, DIS-09]', async () => {
    await b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen: 510000 },
      'demo-organizer',
    );
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-07', amountFen: 7650 },
      'demo-organizer',
    );
    expect(
      (await b.err('dues', 'publish', { orgId: 'demo-branch', period: '2026-H2' }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
    const { noticeId } = await b.ok(
      'dues',
      'publish',
      { orgId: 'demo-branch', period: '2026-H2' },
      SEC,
    );
    const n = await b.ok('notice', 'get', { id: noticeId }, 'demo-member-5');
    expect(n).toMatchObject({ category: '党费缴纳', title: '2026年下半年党费收缴情况公开' });
    expect(n.body).toContain('陈明：已交1/');
    expect(n.body).not.toMatch(/5100|510000|基数|工资|收入/);
  });
});

describe('dues and notices in the 先锋指数', () => {
  it('scores dues paid on time and notices read within 7 days, from the records [PTS-30, PTS-32]', async () => {
    await b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-4',
        year: 2026,
        category: 'salaried',
        baseFen: 400000,
        fromMonth: '2026-09',
      },
      'demo-organizer',
    );
    for (const month of ['2026-09', '2026-10'])
      await b.ok(
        'dues',
        'pay',
        { memberId: 'demo-member-4', month, amountFen: 4000, paidOn: `${month}-20` },
        'demo-organizer',
      );
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-4', month: '2026-08', amountFen: 4000 },
      'demo-organizer',
    ); // not due: base from September
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    await b.ok('notice', 'get', { id }, 'demo-member-4');
    const idx = await b.ok('points', 'index', { year: 2026 }, 'demo-member-4');
    expect(idx.base.dues).toBe(6); // Sep and Oct paid on time, of Sep–Dec due
    expect(idx.entries.find((e: any) => e.itemCode === 'noticeRead')).toMatchObject({
      points: 1,
      source: 'auto',
    });
  });
});

describe('dues: who and when', () => {
  it('leaves dues to the organizer, not every committee member [FEE-27]', async () => {
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-5', orgId: 'demo-branch', role: 'publicityCommissioner', on: true },
      SEC,
    );
    expect(
      (
        await b.err(
          'dues',
          'pay',
          { memberId: 'demo-member-1', month: '2026-11', amountFen: 100 },
          'demo-member-5',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC)).rows.length,
    ).toBeGreaterThan(0);
  });
  it('never counts the running month as arrears or as due in a publication [FEE-24]', async () => {
    await b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-6',
        year: 2026,
        category: 'salaried',
        baseFen: 400000,
        fromMonth: '2026-11',
      },
      'demo-organizer',
    );
    b.emulator.clock.freeze(Date.parse('2026-11-20T09:00:00+08:00'));
    const arrears = await b.ok(
      'dues',
      'arrears',
      { orgId: 'demo-branch', asOf: '2026-11' },
      'demo-organizer',
    );
    expect(arrears.find((a: any) => a.memberId === 'demo-member-6')).toBeUndefined();
    const { noticeId } = await b.ok(
      'dues',
      'publish',
      { orgId: 'demo-branch', period: '2026-H2' },
      SEC,
    );
    const n = await b.ok('notice', 'get', { id: noticeId }, 'demo-member-1');
    expect(n.body).not.toContain('孙丽'); // demo-member-8 has no amount confirmed: not listed
  });
});
