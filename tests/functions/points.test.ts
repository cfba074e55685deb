import { Backend, snapshot, startBackend } from '../support/backend';
import type { ActionName, FunctionName } from '../../miniprogram/services/types';

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
const SCORER = 'demo-organizer';
const idx = (openid: string, data: object = {}) =>
  b.ok('points', 'index', { year: 2026, ...data }, openid);

describe('先锋指数 from organisational life', () => {
  it('shows attendance without anyone typing it, and a correction corrects the index [TD-25, PTS-20]', async () => {
    const m7 = await idx('demo-member-7'); // absent at the seed's November theme day
    expect(m7.base.orgLife).toBe(0);
    expect(
      m7.entries.find((e: any) => e.id === 'att:demo-theme-day-last:demo-member-7'),
    ).toMatchObject({
      source: 'auto',
      activityId: 'demo-theme-day-last',
      attendance: 'absent',
      month: expect.stringMatching(/^2026-1[01]$/),
    });
    await b.ok(
      'activity',
      'setAttendance',
      {
        activityId: 'demo-theme-day-last',
        memberId: 'demo-member-7',
        status: 'excused',
        reason: '当日因公出差，补办请假',
      },
      SEC,
    );
    expect((await idx('demo-member-7')).base.orgLife).toBe(24); // excused: not expected
    const again = await idx('demo-member-7');
    expect(again.entries.filter((e: any) => e.activityId === 'demo-theme-day-last')).toHaveLength(
      1,
    ); // replays never double-count
  });
  it('counts remote participation of a 流动党员 as attendance [PTS-35, TD-09]', async () => {
    expect((await idx('demo-mobile')).base.orgLife).toBe(24);
  });
  it('gives an exempt member no score and no rank [PTS-02]', async () => {
    const elder = await idx('demo-elder');
    expect(elder).toMatchObject({ total: null, exempt: true });
    const ranking = await b.ok('points', 'ranking', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(ranking.some((r: any) => r.memberId === 'demo-elder')).toBe(false);
  });
});

describe('points only from finalised records', () => {
  it('awards nothing for a sign-in until the activity is closed [CHK-19, CHK-18]', async () => {
    const before = (await idx('demo-member-1')).base.orgLife;
    b.emulator.clock.freeze(Date.parse('2026-12-04T14:55:00+08:00'));
    const { id } = await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'themeDay',
        title: '12月主题党日',
        startAt: '2026-12-04T15:00:00+08:00',
        endAt: '2026-12-04T17:00:00+08:00',
        agenda: ['集中交纳党费'],
      },
      SEC,
    );
    const { token } = await b.ok('activity', 'checkinToken', { activityId: id }, SEC);
    await b.ok('activity', 'checkin', { token }, 'demo-member-1');
    const open = await idx('demo-member-1');
    expect(open.base.orgLife).toBe(before);
    expect(open.entries.some((e: any) => e.activityId === id)).toBe(false);
    await b.ok('activity', 'close', { activityId: id }, SEC);
    expect(
      (await idx('demo-member-1')).entries.find((e: any) => e.activityId === id),
    ).toMatchObject({ attendance: 'present' });
  });
});

describe('declarations and awards', () => {
  it('counts a declaration only after another scorer approves it [PTS-14, PTS-15, PTS-16]', async () => {
    const { entryId } = await b.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' },
      'demo-member-1',
    );
    expect((await idx('demo-member-1')).add).toBe(0);
    const queue = await b.ok('points', 'reviewQueue', { orgId: 'demo-branch' }, SCORER);
    expect(queue).toEqual([
      expect.objectContaining({
        entryId,
        name: '陈明',
        itemName: '志愿服务、结对帮扶、承诺践诺',
        own: false,
      }),
    ]);
    await b.ok('points', 'review', { entryId, approve: true }, SCORER);
    expect((await idx('demo-member-1')).add).toBe(1);
  });
  it('tells the member why a declaration was rejected [PTS-15]', async () => {
    const { entryId } = await b.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-11', note: '参加活动' },
      'demo-member-1',
    );
    await b.ok(
      'points',
      'review',
      { entryId, approve: false, reason: '未附活动证明，请补充后重新申报' },
      SCORER,
    );
    const entry = (await idx('demo-member-1')).entries.find((e: any) => e.id === entryId);
    expect(entry).toMatchObject({
      status: 'rejected',
      reason: '未附活动证明，请补充后重新申报',
      note: '参加活动',
    });
  });
  it("forbids reviewing one's own declaration; another scorer or committee member reviews it [PTS-16, PRIV-21]", async () => {
    const { entryId } = await b.ok(
      'points',
      'declare',
      { itemCode: 'volunteer', month: '2026-11', note: '结对帮扶' },
      SCORER,
    );
    const before = snapshot(b);
    expect(await b.err('points', 'review', { entryId, approve: true }, SCORER)).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      details: { ruleId: 'PRIV-21' },
    });
    expect(snapshot(b)).toBe(before);
    expect((await b.ok('points', 'review', { entryId, approve: true }, SEC)).status).toBe(
      'approved',
    );
  });
  it('closes declarations for a month on day 5 of the next, and refuses items the system records [PTS-14]', async () => {
    b.emulator.clock.freeze(Date.parse('2026-12-06T09:00:00+08:00'));
    expect(
      (
        await b.err(
          'points',
          'declare',
          { itemCode: 'volunteer', month: '2026-11', note: '晚了' },
          'demo-member-1',
        )
      ).code,
    ).toBe('POINTS.DECLARATION_CLOSED');
    expect(
      (
        await b.err(
          'points',
          'declare',
          { itemCode: 'late', month: '2026-12', note: '?' },
          'demo-member-1',
        )
      ).code,
    ).toBe('POINTS.NOT_DECLARABLE');
  });
  it('zeroes the year on a veto, which only the committee can record [PTS-34]', async () => {
    expect(
      (
        await b.err(
          'points',
          'award',
          { memberId: 'demo-member-2', itemCode: 'crime', month: '2026-10', note: '…' },
          'demo-member-1',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'points',
      'award',
      {
        memberId: 'demo-member-2',
        itemCode: 'disciplinePunishment',
        month: '2026-10',
        note: '经支部党员大会讨论，受党内警告处分',
      },
      SEC,
    );
    expect(await idx('demo-member-2')).toMatchObject({ total: 0, vetoed: true });
  });
  it('holds item caps [PTS-32]', async () => {
    for (let i = 0; i < 4; i++)
      await b.ok(
        'points',
        'award',
        {
          memberId: 'demo-member-3',
          itemCode: 'lecture',
          month: '2026-10',
          note: `第${i + 1}次讲党课`,
        },
        SCORER,
      );
    const r = await idx('demo-member-3');
    expect(r.add).toBe(4);
    expect(
      r.entries.filter((e: any) => e.itemCode === 'lecture' && e.status === 'overCap'),
    ).toHaveLength(2);
  });
  it('refuses a standard with a check-in item and keeps the old one [PTS-12]', async () => {
    const err = await b.err(
      'points',
      'setStandard',
      {
        orgId: 'demo-branch',
        year: 2026,
        items: [
          {
            code: 'daka',
            category: 'political',
            name: '每日打卡',
            kind: 'add',
            points: 1,
            capPerYear: 5,
            source: 'auto',
          },
        ],
      },
      SEC,
    );
    expect(err).toMatchObject({ code: 'POINTS.STANDARD_INVALID', details: { ruleId: 'PTS-12' } });
    expect(
      (await b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .isDefault,
    ).toBe(true);
  });
});

describe('what pages are told instead of keeping the rules', () => {
  const std = async () =>
    b.ok('points', 'standard', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1');
  it('gives the months a member may declare now and the quarter that may be published [PTS-14, PTS-18]', async () => {
    expect(await std()).toMatchObject({
      declarableMonths: ['2026-12', '2026-11'],
      publishableQuarter: '2026-Q4',
    });
    b.emulator.clock.freeze(Date.parse('2026-12-06T00:00:00+08:00'));
    expect((await std()).declarableMonths).toEqual(['2026-12']);
    b.emulator.clock.freeze(Date.parse('2027-01-05T23:59:00+08:00'));
    expect(await std()).toMatchObject({
      declarableMonths: ['2027-01', '2026-12'],
      publishableQuarter: '2026-Q4',
    });
  });
});

describe('round trips', () => {
  const trips = async (action: string, data: object, openid: string) => {
    const { roundTrips, res } = await b.roundTrips('points', action, data, openid);
    expect(res.ok).toBe(true);
    return roundTrips;
  };
  it("opens a member's 先锋指数 in at most 3 round trips, with the rank too", async () => {
    expect(await trips('index', { year: 2026 }, 'demo-member-1')).toBeLessThanOrEqual(3);
    expect(await trips('index', { year: 2026 }, SEC)).toBeLessThanOrEqual(3); // with the rank
    expect(
      await trips('index', { year: 2026, memberId: 'demo-member-1' }, SEC),
    ).toBeLessThanOrEqual(3);
  });
  it('computes the 堡垒指数 in at most 6 and the ranking in at most 3', async () => {
    expect(await trips('fortress', { orgId: 'demo-branch', year: 2026 }, SEC)).toBeLessThanOrEqual(
      6,
    );
    expect(await trips('ranking', { orgId: 'demo-branch', year: 2026 }, SEC)).toBeLessThanOrEqual(
      3,
    );
  });
});

describe('ranking visibility', () => {
  it('hides the ranking and ranks from members unless the branch turns it on [PTS-22, PRIV-09]', async () => {
    expect(
      (await b.err('points', 'ranking', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
    expect((await idx('demo-member-1')).rank).toBeUndefined();
    expect((await idx(SEC, { memberId: 'demo-member-1' })).rank).toBeGreaterThan(0);
    await b.ok(
      'points',
      'setRankingVisibility',
      { orgId: 'demo-branch', membersSeeRanking: true },
      SEC,
    );
    expect((await idx('demo-member-1')).rank).toBeGreaterThan(0);
    expect(
      (await b.ok('points', 'ranking', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .length,
    ).toBe(13);
  });
  it('lets a member see only their own index [PTS-21]', async () => {
    expect(
      (await b.err('points', 'index', { year: 2026, memberId: 'demo-member-2' }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('quarterly publication and appeals', () => {
  it('opens and closes the appeal window on the emulator clock; an accepted appeal appends an entry [PTS-18, PTS-17]', async () => {
    const entryId = 'att:demo-theme-day-last:demo-member-7';
    expect(
      (await b.err('points', 'appeal', { entryId, reason: '当天请过假' }, 'demo-member-7')).code,
    ).toBe('POINTS.APPEAL_WINDOW_CLOSED');
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
    expect((await idx('demo-member-7')).appealQuarters).toEqual(['2026-Q4']);
    const { appealId } = await b.ok(
      'points',
      'appeal',
      { entryId, reason: '当天因公出差，事先向书记请过假' },
      'demo-member-7',
    );
    b.emulator.clock.advance(8 * 86400_000);
    expect(
      (await b.err('points', 'appeal', { entryId, reason: '再次申辩' }, 'demo-member-7')).code,
    ).toBe('POINTS.APPEAL_WINDOW_CLOSED');
    const [listed] = await b.ok('points', 'appeals', { orgId: 'demo-branch' }, SEC);
    expect(listed.entryLabel).toMatch(/^组织生活：.*主题党日/);
    const res = await b.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: true, points: 6, reply: '经核实确已请假，予以调整' },
      SEC,
    );
    expect(res.status).toBe('accepted');
    const after = await idx('demo-member-7');
    expect(after.entries.find((e: any) => e.id === res.entryId)).toMatchObject({
      kind: 'adjust',
      points: 6,
    });
  });
  it('lets a member appeal only their own entries', async () => {
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
    expect(
      (
        await b.err(
          'points',
          'appeal',
          { entryId: 'att:demo-theme-day-last:demo-member-7', reason: 'x' },
          'demo-member-1',
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('nobody decides their own case [PRIV-21]', () => {
  /** A refusal of one's own case: a clear Chinese message, the rule, and nothing changed. */
  async function refusedAsOwnCase<F extends FunctionName>(
    fn: F,
    action: ActionName<F>,
    data: object,
    openid: string,
  ) {
    const before = snapshot(b);
    const err = await b.err(fn, action, data, openid);
    expect(err).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { ruleId: 'PRIV-21' } });
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(err.message).not.toMatch(/[A-Za-z]/);
    expect(snapshot(b)).toBe(before);
    return err;
  }
  const secretaryAppeals = async (n: number) => {
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
    const own = (await idx(SEC)).entries.filter((e: any) => e.kind === 'base').slice(0, n);
    expect(own).toHaveLength(n);
    const ids: string[] = [];
    for (const e of own)
      ids.push((await b.ok('points', 'appeal', { entryId: e.id, reason: '请核实' }, SEC)).appealId);
    return ids;
  };

  it('refuses the secretary answering their own appeals: five self-accepted appeals no longer lift 68 to 100 [PRIV-21, PTS-18]', async () => {
    expect((await idx(SEC)).total).toBe(68);
    const appealIds = await secretaryAppeals(5);
    for (const appealId of appealIds) {
      const err = await refusedAsOwnCase(
        'points',
        'resolveAppeal',
        { appealId, accept: true, points: 20, reply: '情况属实' },
        SEC,
      );
      expect(err.message).toContain('不能由自己决定');
    }
    expect((await idx(SEC)).total).toBe(68);
    expect(
      (await b.ok('points', 'appeals', { orgId: 'demo-branch' }, SEC)).every(
        (a: any) => a.status === 'open',
      ),
    ).toBe(true);
  });

  it("passes the secretary's appeal to another commissioner, the deputy or the superior [PRIV-21]", async () => {
    const [byCommissioner, byDeputy, bySuperior] = await secretaryAppeals(3);
    // a member holding no part in it is refused for want of the role, not as their own case
    const plain = await b.err(
      'points',
      'resolveAppeal',
      { appealId: byCommissioner, accept: false, reply: '不予调整' },
      'demo-member-1',
    );
    expect(plain.code).toBe('AUTH.FORBIDDEN');
    expect(plain.details?.ruleId).toBeUndefined();
    const answer = (appealId: string, openid: string) =>
      b.ok(
        'points',
        'resolveAppeal',
        { appealId, accept: true, points: 1, reply: '经核实予以调整' },
        openid,
      );
    expect((await answer(byCommissioner, SCORER)).status).toBe('accepted'); // 组织委员
    await b.ok(
      'org',
      'setRole',
      { memberId: 'demo-member-1', orgId: 'demo-branch', role: 'deputySecretary', on: true },
      'demo-superior',
    );
    expect((await answer(byDeputy, 'demo-member-1')).status).toBe('accepted');
    expect((await answer(bySuperior, 'demo-superior')).status).toBe('accepted');
    expect((await idx(SEC)).total).toBe(71);
  });

  it('refuses the scorer awarding themself, and lets another holder award them [PRIV-21, PTS-16]', async () => {
    const data = {
      memberId: 'demo-organizer',
      itemCode: 'lecture',
      month: '2026-10',
      note: '讲党课',
    };
    const before = (await idx(SCORER)).add;
    await refusedAsOwnCase('points', 'award', data, SCORER);
    // a veto of one's own case too
    await refusedAsOwnCase(
      'points',
      'award',
      { memberId: 'demo-secretary', itemCode: 'disciplinePunishment', month: '2026-10', note: '…' },
      SEC,
    );
    expect((await idx(SCORER)).add).toBe(before);
    await b.ok('points', 'award', data, SEC);
    expect((await idx(SCORER)).add).toBe(before + 2);
  });
});

describe('堡垒指数', () => {
  it('is computed from the records and assessed by the superior only [FORT-03, FORT-16]', async () => {
    const f = await b.ok('points', 'fortress', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(f.items.find((i: any) => i.code === 'themeDay')).toMatchObject({ points: 1, max: 12 });
    expect(f.assessed).toBe(false);
    expect(
      (
        await b.err(
          'points',
          'assessFortress',
          {
            orgId: 'demo-branch',
            year: 2026,
            evaluation: 20,
            fiveStandards: 10,
            centralWork: 10,
            reverse: [],
          },
          SEC,
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN');
    await b.ok(
      'points',
      'assessFortress',
      {
        orgId: 'demo-branch',
        year: 2026,
        evaluation: 18,
        fiveStandards: 10,
        centralWork: 8,
        reverse: [],
      },
      'demo-superior',
    );
    const g = await b.ok(
      'points',
      'fortress',
      { orgId: 'demo-branch', year: 2026 },
      'demo-superior',
    );
    expect(g).toMatchObject({ personal: 36, total: f.common + 36, assessed: true });
  });
  it('refuses members [FORT-23]', async () => {
    expect(
      (await b.err('points', 'fortress', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1'))
        .code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('points switched off', () => {
  it('answers POINTS.DISABLED for a branch that has not turned them on [PTS-01]', async () => {
    expect((await b.err('points', 'index', { year: 2026 }, 'demo-secretary-2')).code).toBe(
      'POINTS.DISABLED',
    );
  });
});

describe('year end', () => {
  it('publishes the year only when no appeal is open, then members see scores by name without ranks [PTS-19, PTS-21]', async () => {
    expect(
      (await b.err('points', 'scores', { orgId: 'demo-branch', year: 2026 }, 'demo-member-1')).code,
    ).toBe('POINTS.NOT_PUBLISHED');
    await b.ok('points', 'publishQuarter', { orgId: 'demo-branch', quarter: '2026-Q4' }, SCORER);
    const { appealId } = await b.ok(
      'points',
      'appeal',
      { entryId: 'att:demo-theme-day-last:demo-member-7', reason: '已请假' },
      'demo-member-7',
    );
    const refused = await b.err('points', 'publishYear', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(refused).toMatchObject({ code: 'POINTS.APPEALS_OPEN', details: { ruleId: 'PTS-19' } });
    await b.ok(
      'points',
      'resolveAppeal',
      { appealId, accept: false, reply: '经核实当日未请假' },
      SEC,
    );
    await b.ok('points', 'publishYear', { orgId: 'demo-branch', year: 2026 }, SEC);
    const { rows } = await b.ok(
      'points',
      'scores',
      { orgId: 'demo-branch', year: 2026 },
      'demo-member-1',
    );
    expect(rows.map((r: any) => r.name)).toEqual(
      [...rows.map((r: any) => r.name)].sort((a, c) => a.localeCompare(c, 'zh-Hans-CN')),
    );
    expect(rows.every((r: any) => !('rank' in r))).toBe(true);
    expect(rows.find((r: any) => r.memberId === 'demo-elder')).toMatchObject({
      total: null,
      exempt: true,
    });
    expect(
      (await b.ok('points', 'scores', { orgId: 'demo-branch', year: 2026 }, 'demo-superior')).rows,
    ).toHaveLength(rows.length);
  });
});

describe('堡垒指数 from dues and disclosure', () => {
  it('scores dues completion and months with a disclosure [FORT-10, FORT-12]', async () => {
    await b.ok(
      'dues',
      'setBase',
      {
        memberId: 'demo-member-1',
        year: 2026,
        category: 'salaried',
        baseFen: 400000,
        fromMonth: '2026-10',
      },
      SCORER,
    );
    await b.ok(
      'dues',
      'pay',
      { memberId: 'demo-member-1', month: '2026-10', amountFen: 4000 },
      SCORER,
    );
    await b.ok(
      'notice',
      'publish',
      {
        orgId: 'demo-branch',
        category: '党费缴纳',
        title: '党费收缴说明',
        body: '本月党费于主题党日集中交纳。',
      },
      SEC,
    );
    const f = await b.ok('points', 'fortress', { orgId: 'demo-branch', year: 2026 }, SEC);
    expect(f.items.find((i: any) => i.code === 'dues')).toMatchObject({ points: 4, max: 8 }); // Oct paid, Nov due unpaid
    expect(f.items.find((i: any) => i.code === 'disclosure')).toMatchObject({ points: 0, max: 4 }); // 1 month of 12
  });
});
