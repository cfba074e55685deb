import type * as DuesQueries from '../../cloudfunctions/_shared/app/dues/queries';
import type * as NoticeQueries from '../../cloudfunctions/_shared/app/notice/queries';
import { Backend, snapshot, startBackend } from '../support/backend';
import { pdfBytes } from '../support/media-fixtures';
import { uploadMedia } from '../support/media-kit';
import { found, json } from '../support/narrow';
import type { ActionInput } from '../../miniprogram/services/types';

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
    const { fileId } = await uploadMedia(b, SEC, {
      orgId: 'demo-branch',
      purpose: 'notice',
      kind: 'document',
      name: '名单.pdf',
      bytes: pdfBytes(),
    });
    expect(
      (await b.err('notice', 'publish', { ...notice, body: '联系人李红13912345678' }, SEC)).code,
    ).toBe('CONTENT.PERSONAL_DATA');
    expect(
      (
        await b.err(
          'notice',
          'publish',
          { ...notice, attachments: [{ fileId, name: '430102198001011234.pdf' }] },
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
    const calc = (category: ActionInput<'dues', 'calculate'>['category'], baseFen: number) =>
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
    const ledger = json(await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC));
    const row = found(ledger.rows.find((r) => r.memberId === 'demo-member-1'));
    expect(row.months.find((m) => m.month === '2026-07')).toMatchObject({
      dueFen: 9000,
      paidFen: 9000,
      status: 'paid',
    });
    expect(found(row.months.find((m) => m.month === '2026-05')).status).toBe('unpaid');
    expect(JSON.stringify(ledger)).not.toMatch(/510000|600000|baseFen/);
    const mine = await b.ok('dues', 'mine', { year: 2026 }, 'demo-member-1');
    expect(found(mine.payments.find((p) => p.month === '2026-08')).proxy).toBe('陈明之妻');
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
    // Sep and Oct paid on time; November is still in its month of grace and December is running:
    // neither counts as unpaid yet [PTS-30, FEE-24]
    expect(idx.base.dues).toBe(12);
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
      json(await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC)).rows.length,
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

describe('党务公开: reminders and budgets', () => {
  afterEach(() => b.emulator.host.failSendsTo.clear());
  const outbox = async () => (await (await fetch(`${b.url}/__emulator/outbox`)).json()) as any[];
  const quota = async (who: string) =>
    (await b.ok('org', 'subscribe', { accepted: [] }, who)).quota.noticePublished;

  it('keeps the grant of a member whose reminder WeChat refused, and reaches them later [PRIV-10]', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    await b.ok('org', 'subscribe', { accepted: ['noticePublished'] }, 'demo-member-3');
    b.emulator.host.failSendsTo.add('demo-member-3');
    const failed = await b.ok('notice', 'remindUnread', { id }, SEC);
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    expect(await quota('demo-member-3')).toBe(1); // the grant is given back
    b.emulator.host.failSendsTo.clear();
    const later = await b.ok('notice', 'remindUnread', { id }, SEC);
    expect(later).toMatchObject({ sent: 1, failed: 0, noConsent: failed.noConsent });
    expect((await outbox()).filter((m) => m.touser === 'demo-member-3')).toHaveLength(1);
    expect(await quota('demo-member-3')).toBe(0);
  });
  it('counts a member reminded before neither as sent nor as without consent [PRIV-10, PRIV-06]', async () => {
    const { id } = await b.ok('notice', 'publish', notice, SEC);
    await b.ok('org', 'subscribe', { accepted: ['noticePublished'] }, 'demo-member-3');
    const first = await b.ok('notice', 'remindUnread', { id }, SEC);
    expect(first.sent).toBe(1);
    expect(await b.ok('notice', 'remindUnread', { id }, SEC)).toEqual({
      sent: 0,
      noConsent: first.noConsent,
      failed: 0,
    });
    // the reminder that went out is audited, the one that sent nothing is not [PRIV-06]
    expect(b.docs('auditLogs').filter((a) => a.action === 'notice.remindUnread')).toEqual([
      expect.objectContaining({
        entityId: id,
        after: { sent: 1, noConsent: first.noConsent, failed: 0 },
      }),
    ]);
  });
  it("opens a member's notice list in at most 3 database round trips", async () => {
    for (const title of ['公示一', '公示二', '公示三']) {
      await b.ok('notice', 'publish', { ...notice, title }, SEC);
      b.emulator.clock.advance(60_000);
    }
    const [one] = await b.ok('notice', 'list', { orgId: 'demo-branch' }, 'demo-member-1');
    await b.ok('notice', 'get', { id: one.id }, 'demo-member-1');
    const { roundTrips, res } = await b.roundTrips(
      'notice',
      'list',
      { orgId: 'demo-branch' },
      'demo-member-1',
    );
    expect(roundTrips).toBeLessThanOrEqual(3);
    expect(res.ok && res.data.map((n: any) => [n.title, n.read])).toEqual(
      ['公示三', '公示二', '公示一'].map((t) => [t, t === one.title]),
    );
  });
});

describe('dues: the policy decides', () => {
  it('refuses the 书记 recording a payment: only organizers record them [FEE-27]', async () => {
    const before = snapshot(b);
    const err = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 100 },
      SEC,
    );
    expect(err.code).toBe('AUTH.FORBIDDEN');
    expect(err.message).toMatch(/组织委员|党费管理员/);
    expect(snapshot(b)).toBe(before);
  });
  it('refuses an organizer setting their own base; another organizer may [PRIV-21, FEE-27]', async () => {
    const before = snapshot(b);
    const err = await b.err(
      'dues',
      'setBase',
      { memberId: 'demo-organizer', year: 2026, category: 'salaried', baseFen: 400000 },
      'demo-organizer',
    );
    expect(err).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-5', orgId: 'demo-branch', role: 'duesManager', on: true },
      SEC,
    );
    expect(
      await b.ok(
        'dues',
        'setBase',
        { memberId: 'demo-organizer', year: 2026, category: 'salaried', baseFen: 400000 },
        'demo-member-5',
      ),
    ).toMatchObject({ memberId: 'demo-organizer', monthlyFen: 4000 });
  });
  it('lets the 组织委员 publish the half-year as the 书记 may [DIS-08, FEE-27]', async () => {
    const { noticeId } = await b.ok(
      'dues',
      'publish',
      { orgId: 'demo-branch', period: '2026-H2' },
      'demo-organizer',
    );
    expect(b.docs('notices').find((n) => n._id === noticeId)).toMatchObject({
      category: '党费缴纳',
    });
  });
});

describe('dues: the months that count', () => {
  const base = (memberId: string, fromMonth: string) =>
    b.ok(
      'dues',
      'setBase',
      { memberId, year: 2026, category: 'salaried', baseFen: 400000, fromMonth },
      'demo-organizer',
    );
  const pay = (memberId: string, month: string, amountFen = 4000) =>
    b.ok('dues', 'pay', { memberId, month, amountFen }, 'demo-organizer');
  const arrearsOf = async (memberId: string) =>
    found(
      (
        await b.ok('dues', 'arrears', { orgId: 'demo-branch', asOf: '2026-11' }, 'demo-organizer')
      ).find((a) => a.memberId === memberId),
      `the arrears of ${memberId}`,
    );

  it('publishes only the months of the half already due: never the running month [FEE-24, DIS-08]', async () => {
    await base('demo-member-1', '2026-07');
    for (const month of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
      await pay('demo-member-1', month);
    const { noticeId } = await b.ok(
      'dues',
      'publish',
      { orgId: 'demo-branch', period: '2026-H2' },
      SEC,
    );
    const body = b.docs('notices').find((n) => n._id === noticeId).body;
    expect(body).toContain('陈明：已交5/5个月，计200.00元');
    expect(body).toContain('合计收缴党费200.00元');
  });
  it('alerts at six months with nothing paid [FEE-23]', async () => {
    await base('demo-member-6', '2026-06');
    expect(await arrearsOf('demo-member-6')).toMatchObject({
      consecutiveUnpaid: 6,
      unpaidMonths: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      underpaidMonths: [],
      alert: expect.stringContaining('连续6个月'),
    });
  });
  it('keeps an underpaid month owed but lets it break the run of unpaid months [FEE-24, FEE-23]', async () => {
    await base('demo-member-6', '2026-06');
    await pay('demo-member-6', '2026-11', 1000);
    expect(await arrearsOf('demo-member-6')).toMatchObject({
      consecutiveUnpaid: 5,
      underpaidMonths: ['2026-11'],
      alert: null,
    });
    expect((await arrearsOf('demo-member-6')).unpaidMonths).toHaveLength(6);
  });
  it('tells the sheet which months of the ledger need a note for a make-up [FEE-25]', async () => {
    const ledger = async (year: number) =>
      json(await b.ok('dues', 'ledger', { orgId: 'demo-branch', year }, 'demo-organizer'));
    expect((await ledger(2026)).needsNote).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect((await ledger(2025)).needsNote).toHaveLength(12);
    expect((await ledger(2027)).needsNote).toEqual([]);
    await base('demo-member-2', '2026-01');
    for (const month of (await ledger(2026)).needsNote)
      expect(
        (
          await b.err(
            'dues',
            'pay',
            { memberId: 'demo-member-2', month, amountFen: 4000 },
            'demo-organizer',
          )
        ).code,
      ).toBe('DUES.NOTE_REQUIRED');
    expect((await pay('demo-member-2', '2026-06')).flags).toEqual([]);
  });
});

describe('what other areas read (read models)', () => {
  it('reads the branch completion, arrears and months with a disclosure [FORT-10, FORT-12, FEE-23]', async () => {
    // loaded after the emulator is up: the same modules the hosted functions run
    const dues = require('../../cloudfunctions/_shared/app/dues/queries') as typeof DuesQueries;
    const notices =
      require('../../cloudfunctions/_shared/app/notice/queries') as typeof NoticeQueries;
    const now = new Date();
    expect(await dues.duesCompletion('demo-branch', 2026, now)).toBeNull();
    expect(await notices.disclosureMonths('demo-branch', 2026)).toBe(0);
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
        { memberId: 'demo-member-4', month, amountFen: 4000 },
        'demo-organizer',
      );
    await b.ok('notice', 'publish', notice, SEC);
    expect(await dues.duesCompletion('demo-branch', 2026, now)).toEqual({ paid: 2, due: 3 });
    expect(await notices.disclosureMonths('demo-branch', 2026)).toBe(1);
    expect(await notices.disclosureMonths('demo-branch', 2025)).toBe(0);
    expect(await dues.memberArrears('demo-branch', '2026-11', now)).toEqual([
      expect.objectContaining({ memberId: 'demo-member-4', unpaidMonths: ['2026-11'] }),
    ]);
  });
});

describe('dues: the base history and sane ranges', () => {
  const ORG = 'demo-organizer';
  const base = (baseFen: number, fromMonth?: string) =>
    b.ok(
      'dues',
      'setBase',
      { memberId: 'demo-member-1', year: 2026, category: 'salaried', baseFen, fromMonth },
      ORG,
    );
  it('keeps every 核定 as a new entry with its month; the ledger uses the one in force [FEE-16, FEE-19]', async () => {
    await base(510000); // 76.50 from January
    await base(600000, '2026-07'); // a raise paid from July: 90.00
    await base(610000, '2026-07'); // the July entry corrected: 91.50
    const entries = b.docs('duesBases').filter((d) => d.memberId === 'demo-member-1');
    expect(entries.map((d) => [d.fromMonth, d.monthlyFen, d.revision])).toEqual([
      ['2026-01', 7650, 1],
      ['2026-07', 9000, 2],
      ['2026-07', 9150, 3],
    ]);
    const ledger = json(await b.ok('dues', 'ledger', { orgId: 'demo-branch', year: 2026 }, SEC));
    const row = found(ledger.rows.find((r) => r.memberId === 'demo-member-1'));
    expect(row.months.filter((m) => m.month < '2026-07').map((m) => m.dueFen)).toEqual(
      Array(6).fill(7650),
    );
    expect(row.months.filter((m) => m.month >= '2026-07').map((m) => m.dueFen)).toEqual(
      Array(6).fill(9150),
    );
    expect(row.monthlyFen).toBe(9150);
    const log = b
      .docs('auditLogs')
      .filter((a) => a.action === 'dues.setBase')
      .map((a) => [a.before, a.after]);
    expect(log).toEqual([
      [null, { category: 'salaried', monthlyFen: 7650, fromMonth: '2026-01' }],
      [
        { category: 'salaried', monthlyFen: 7650, fromMonth: '2026-01' },
        { category: 'salaried', monthlyFen: 9000, fromMonth: '2026-07' },
      ],
      [
        { category: 'salaried', monthlyFen: 9000, fromMonth: '2026-07' },
        { category: 'salaried', monthlyFen: 9150, fromMonth: '2026-07' },
      ],
    ]);
    expect(JSON.stringify(b.docs('auditLogs'))).not.toMatch(/510000|600000|610000/); // DIS-09
  });
  it('refuses a payment dated in the future, changing nothing', async () => {
    await base(510000);
    const before = snapshot(b);
    const e = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650, paidOn: '2099-01-01' },
      ORG,
    );
    expect(e.code).toBe('DUES.OUT_OF_RANGE');
    expect(e.message).toBe('交纳日期不能晚于今天，请核对日期');
    const tomorrow = await b.err(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650, paidOn: '2026-12-02' },
      ORG,
    );
    expect(tomorrow.code).toBe('DUES.OUT_OF_RANGE');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650, paidOn: '2026-12-01' },
      ORG,
    );
  });
  it('takes a proxy of the branch by id and anyone else by name; refuses another branch’s member [FEE-21]', async () => {
    await base(510000);
    const before = snapshot(b);
    const pay = (extra: object) =>
      b.err(
        'dues',
        'pay',
        { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650, ...extra },
        ORG,
      );
    const elsewhere = await pay({ proxyMemberId: 'demo-b2-member-1' });
    const unknown = await pay({ proxyMemberId: 'no-such-member' });
    expect(elsewhere).toMatchObject({ code: 'INPUT.INVALID', details: { ruleId: 'FEE-21' } });
    expect(elsewhere.message).toBe(
      '代交人须是本支部登记的党员；亲属或其他同志代交，请填写代交人姓名',
    );
    expect(unknown.message).toBe(elsewhere.message); // says nothing about other branches
    expect((await pay({ proxyMemberId: 'demo-member-1' })).message).toBe('本人交纳不用填写代交人');
    expect(snapshot(b)).toBe(before);
    await b.ok(
      'dues',
      'pay',
      {
        memberId: 'demo-member-1',
        month: '2026-10',
        amountFen: 7650,
        proxyMemberId: 'demo-member-2',
      },
      ORG,
    );
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-11', amountFen: 7650, proxyName: '冯涛' },
      ORG,
    );
    const proxies = b
      .docs('duesPayments')
      .filter((p) => p.memberId === 'demo-member-1')
      .map((p) => [p.month, p.proxy]);
    expect(proxies).toEqual(
      expect.arrayContaining([
        ['2026-10', { memberId: 'demo-member-2', name: expect.any(String) }],
        ['2026-11', { memberId: null, name: '冯涛' }],
      ]),
    );
  });
});
