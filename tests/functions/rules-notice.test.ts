import type * as NoticeQueries from '../../cloudfunctions/_shared/app/notice/queries';
import type { ActionInput } from '../../miniprogram/services/types';
import { Backend, snapshot, startBackend } from '../support/backend';

type SettingKey = ActionInput<'org', 'setSetting'>['key'];

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
const COMMISSIONER = 'demo-organizer'; // 组织委员: on the committee, not an officer
const BRANCH = 'demo-branch';
const setting = (key: SettingKey, value: boolean | number | string) =>
  b.ok('org', 'setSetting', { orgId: BRANCH, key, value, reason: '支委会研究决定' }, SEC);
const item = (extra: Partial<ActionInput<'notice', 'publish'>> = {}) => ({
  orgId: BRANCH,
  category: '其他',
  title: '关于支部活动场地调整的通知',
  body: '自下月起，支部活动改在二楼会议室举行。',
  ...extra,
});

describe('five-stage matters [DIS-04]', () => {
  it('refuses a 民主议事 or 三重一大 matter published without its stages, changing nothing [DIS-04]', async () => {
    const before = snapshot(b);
    for (const matterKind of ['deliberation', 'majorDecision'] as const) {
      const e = await b.err('notice', 'publish', item({ matterKind }), SEC);
      expect([e.code, e.details]).toEqual([
        'NOTICE.STAGE_ORDER',
        expect.objectContaining({ ruleId: 'DIS-04' }),
      ]);
    }
    expect(snapshot(b)).toBe(before);
    await b.ok('notice', 'publish', item({ matterKind: 'majorDecision', stage: '提议' }), SEC);
  });
  it('adds the branch’s decision categories to the five-stage matters where it chose so [DIS-04]', async () => {
    const finance = item({ category: '财务收支', title: '2026年支部活动经费使用情况' });
    await b.ok('notice', 'publish', finance, SEC);
    await setting('dis.fiveStageTypes', 'decisions');
    expect((await b.err('notice', 'publish', finance, SEC)).details).toMatchObject({
      ruleId: 'DIS-04',
    });
    await b.ok('notice', 'publish', { ...finance, stage: '提议' }, SEC);
  });
});

describe('development 公示 in working days [DIS-10]', () => {
  const dev = (expiresOn?: string) =>
    item({
      category: '发展党员',
      title: '关于郑晓同志拟接收为预备党员的公示',
      body: '经支部党员大会讨论，拟接收郑晓同志为中共预备党员，现予公示。',
      ...(expiresOn ? { expiresOn } : {}),
    });
  it('runs five working days by default, counted on the holiday calendar [DIS-10]', async () => {
    expect((await b.ok('notice', 'publish', dev(), SEC)).expiresOn).toBe('2026-12-07');
    b.emulator.clock.freeze(Date.parse('2026-09-30T09:00:00+08:00'));
    // 9-30, then the National Day holidays; 10-08, 10-09, the working Saturday 10-10, 10-12
    const published = await b.ok('notice', 'publish', dev(), SEC);
    expect([published.expiresOn, published.alerts]).toEqual(['2026-10-12', []]);
  });
  it('alerts on a shorter 公示 and follows the branch’s setting [DIS-10]', async () => {
    const short = await b.ok('notice', 'publish', dev('2026-12-04'), SEC);
    expect(short.alerts).toEqual([expect.objectContaining({ ruleId: 'DIS-10' })]);
    expect(short.alerts[0].message).toContain('4个工作日');
    await setting('dis.devNoticeWorkdays', 7);
    expect((await b.ok('notice', 'publish', dev(), SEC)).expiresOn).toBe('2026-12-09');
  });
});

describe('audience per item [DIS-12]', () => {
  it('is the branch by default, or the branch’s setting [DIS-12]', async () => {
    expect((await b.ok('notice', 'publish', item(), SEC)).audience).toBe('branch');
    await setting('dis.scope', 'unit');
    const { id, audience } = await b.ok('notice', 'publish', item(), SEC);
    expect(audience).toBe('unit');
    expect((await b.ok('notice', 'get', { id }, 'demo-member-1')).audience).toBe('unit');
  });
  it('makes a public item wait for the 书记’s approval, which only an officer gives [DIS-12]', async () => {
    const pub = await b.ok('notice', 'publish', item({ audience: 'public' }), COMMISSIONER);
    expect(pub).toMatchObject({ audience: 'public', awaitingApproval: true });
    const before = snapshot(b);
    expect((await b.err('notice', 'approvePublic', { id: pub.id }, COMMISSIONER)).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(snapshot(b)).toBe(before);
    await b.ok('notice', 'approvePublic', { id: pub.id }, SEC);
    expect((await b.ok('notice', 'get', { id: pub.id }, 'demo-member-1')).awaitingApproval).toBe(
      false,
    );
    const bySecretary = await b.ok('notice', 'publish', item({ audience: 'public' }), SEC);
    expect(bySecretary.awaitingApproval).toBe(false);
  });
  it('passes the personal-data check before anything goes public [DIS-12, DIS-13]', async () => {
    const e = await b.err(
      'notice',
      'publish',
      item({ audience: 'public', body: '联系人李红13912345678' }),
      SEC,
    );
    expect(e.code).toBe('CONTENT.PERSONAL_DATA');
  });
});

describe('the theme day publishes what is pending [DIS-05]', () => {
  it('lists items new or updated since the month began, open matters and public items awaiting approval [DIS-05]', async () => {
    const notices =
      require('../../cloudfunctions/_shared/app/notice/queries') as typeof NoticeQueries;
    b.emulator.clock.freeze(Date.parse('2026-11-10T09:00:00+08:00'));
    const old = await b.ok('notice', 'publish', item({ title: '十一月的通知' }), SEC);
    const matter = await b.ok(
      'notice',
      'publish',
      item({ matterKind: 'deliberation', stage: '提议', title: '关于修缮活动室的提议' }),
      SEC,
    );
    b.emulator.clock.freeze(Date.parse('2026-12-01T08:00:00+08:00'));
    const fresh = await b.ok('notice', 'publish', item({ title: '十二月的通知' }), SEC);
    const pub = await b.ok('notice', 'publish', item({ audience: 'public' }), COMMISSIONER);
    const pending = await notices.pendingDisclosures(BRANCH, new Date('2026-12-01T09:00:00+08:00'));
    expect(pending.map((p) => [p.id, p.why])).toEqual(
      expect.arrayContaining([
        [fresh.id, 'new'],
        [pub.id, 'awaitingApproval'],
        [matter.id, 'inProgress'],
      ]),
    );
    expect(pending.map((p) => p.id)).not.toContain(old.id);
  });
});

describe('other results through the same channel [DIS-11]', () => {
  it('publishes the year’s points by name, without ranks, only once the year is published [DIS-11, PTS-21]', async () => {
    const before = snapshot(b);
    const early = await b.err(
      'notice',
      'publishResults',
      { orgId: BRANCH, kind: 'points', year: 2026 },
      SEC,
    );
    expect([early.code, early.details]).toEqual([
      'POINTS.NOT_PUBLISHED',
      expect.objectContaining({ ruleId: 'DIS-11' }),
    ]);
    expect(snapshot(b)).toBe(before);
    await b.ok('points', 'publishYear', { orgId: BRANCH, year: 2026 }, SEC);
    const { id } = await b.ok(
      'notice',
      'publishResults',
      { orgId: BRANCH, kind: 'points', year: 2026 },
      SEC,
    );
    const n = await b.ok('notice', 'get', { id }, 'demo-member-1');
    expect(n.title).toBe('2026年度党员积分公开');
    expect(n.body).toMatch(/：\d+分/);
    expect(n.body).not.toMatch(/第\d+名|排名/);
  });
});

describe('三会一课 records on the 公开栏 [DIS-16]', () => {
  it('refuses posting a record while the option is off (the default), and posts it once on [DIS-16]', async () => {
    const record = item({
      title: '11月主题党日活动记录',
      body: '11月主题党日学习了党章，应到14人，实到12人。',
      activityId: 'demo-theme-day-last',
    });
    const before = snapshot(b);
    expect((await b.err('notice', 'publish', record, SEC)).details).toMatchObject({
      ruleId: 'DIS-16',
    });
    expect(snapshot(b)).toBe(before);
    await setting('dis.postMeetingRecords', true);
    const { id } = await b.ok('notice', 'publish', record, SEC);
    expect((await b.ok('notice', 'get', { id }, 'demo-member-1')).activityId).toBe(
      'demo-theme-day-last',
    );
  });
});
