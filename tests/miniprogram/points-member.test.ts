/** @jest-environment ./tests/setup/page-environment.ts */
// 我的先锋指数, 申报 and 申辩 for a member, against the real backend: the total and the 四个合格,
// every entry with where it came from, no rank unless the branch shows it, the exempt, vetoed and
// points-off states, a declaration waiting for review, and an appeal inside the window.
import {
  actAs,
  answerDialogs,
  beijingNow,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
} from '../setup/simulate';
import { useDemoClock } from '../setup/env';

const server = useBackend('demo');
let indexPage: string;
let declarePage: string;
let appealPage: string;
let reviewPage: string;

beforeAll(() => {
  indexPage = loadPage('pages/points/index/index');
  declarePage = loadPage('subpackages/points/declare/index');
  appealPage = loadPage('subpackages/points/appeal/index');
  reviewPage = loadPage('subpackages/points/review/index');
});

afterEach(() => jest.restoreAllMocks());

const { year, month } = beijingNow();

async function indexOf(openid: string) {
  return server.backend.ok('points', 'index', { year }, openid);
}

describe('我的先锋指数', () => {
  it('should show a member the total, the 四个合格 and every entry with its source, and no rank [PTS-21] [PTS-22]', async () => {
    const index = await indexOf('demo-member-1');
    expect(index.rank).toBeUndefined();
    actAs('demo-member-1');
    const page = await openPage(indexPage);
    const text = textOf(page);
    expect(textOf(find(page, '.score__total'))).toBe(`${index.total}分`);
    for (const label of ['政治合格', '执行纪律合格', '品德合格', '发挥作用合格'])
      expect(text).toContain(label);
    expect(textOf(find(page, '.category--discipline'))).toContain(
      String(index.byCategory.discipline),
    );
    expect(text).toContain('基础分（满分60分）');
    expect(text).not.toContain('基准分'); // one term for the base score
    expect(text).toContain('组织生活（出勤折算）');
    expect(text).toContain('组织生活记录');
    expect(text).toContain('组织生活 · 签到参加');
    expect(text).not.toContain('参加组织生活');
    expect(text).toContain('签到记录');
    expect(text).toContain('月度走势');
    expect(find(page, '.bar')).toBeTruthy();
    expect(text).toContain('不作为评定等次的依据'); // PTS-25
    expect(text).not.toContain('排名');
    expect(find(page, '.review-link')).toBeUndefined();
    expect(find(page, '.ranking-link')).toBeUndefined();
    expect(find(page, '.entry__appeal')).toBeUndefined(); // no window open
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('should tell an exempt member so, with no score, trend or 申报 [PTS-02]', async () => {
    actAs('demo-elder');
    const page = await openPage(indexPage);
    const text = textOf(page);
    expect(text).toContain('已免于积分管理');
    expect(text).toContain('不计分、不参加排名');
    expect(find(page, '.score__total')).toBeUndefined();
    expect(text).not.toContain('四个合格');
    expect(find(page, '.declare-button')).toBeUndefined();
  });

  it('should say the year was cleared and why, when a veto item was recorded [PTS-34]', async () => {
    await server.backend.ok(
      'points',
      'award',
      { memberId: 'demo-member-2', itemCode: 'disciplinePunishment', month, note: '支委会决议' },
      'demo-secretary',
    );
    actAs('demo-member-2');
    const page = await openPage(indexPage);
    expect(textOf(find(page, '.score__total'))).toBe('0分');
    expect(textOf(page)).toContain('本年度积分已清零');
    expect(textOf(find(page, '.veto-reason'))).toContain('受到党纪处分或纪委通报');
    expect(textOf(find(page, '.entries--deduct'))).toContain('清零');
    expect(textOf(find(page, '.entries--deduct'))).toContain('支委评定');
  });

  it('should show a friendly empty state where the branch has points off [PTS-01]', async () => {
    actAs('demo-secretary-2');
    const page = await openPage(indexPage);
    expect(textOf(page)).toContain('本支部尚未开启党员积分管理');
    expect(textOf(page)).not.toContain('重试');
  });

  it('should show the rank only when the backend sends one (the committee) [PTS-22]', async () => {
    const index = await indexOf('demo-secretary');
    actAs('demo-secretary');
    const page = await openPage(indexPage);
    expect(textOf(find(page, '.score__rank'))).toBe(`支部排名第 ${index.rank} 名`);
    expect(find(page, '.review-link')).toBeTruthy();
    expect(find(page, '.ranking-link')).toBeTruthy();
    expect(find(page, '.fortress-link')).toBeTruthy();
  });

  it('should offer 堡垒指数 to the superior even though its own org keeps no points', async () => {
    actAs('demo-superior');
    const page = await openPage(indexPage);
    expect(textOf(page)).toContain('各支部的积分由支部自己记');
    expect(textOf(page)).not.toContain('重试');
    // One way in, not two: the big button, and no second 堡垒指数 row above it.
    expect(find(page, '.overseer__fortress')).toBeTruthy();
    expect(find(page, '.fortress-link')).toBeUndefined();
    expect(find(page, '.review-link')).toBeUndefined();
  });
});

describe('申报积分', () => {
  it('should offer only the declarable items, and show the declaration as 待审核 [PTS-14]', async () => {
    actAs('demo-member-1');
    const page = await openPage(declarePage);
    expect(page.data.itemNames).toEqual(['志愿服务、结对帮扶、承诺践诺']);
    expect(textOf(page)).toContain('每次加 1 分，全年最多 6 分');

    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('请写明做了什么');
    expect(server.backend.docs('pointEntries')).toHaveLength(0);

    await typeText(page, '.note-input', '周六到社区开展义务理发');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('记分员核实通过后计分');
    const [entry] = server.backend.docs('pointEntries');
    expect(entry).toMatchObject({
      memberId: 'demo-member-1',
      itemCode: 'volunteer',
      month,
      status: 'pending',
      note: '周六到社区开展义务理发',
    });

    const index = await openPage(indexPage);
    const declared = textOf(find(index, '.entries--declared'));
    expect(declared).toContain('志愿服务、结对帮扶、承诺践诺');
    expect(declared).toContain('待审核');
    expect(declared).toContain('个人申报');
    expect(textOf(find(index, '.score__total'))).toBe(
      `${(await indexOf('demo-member-1')).total}分`,
    );
  });
});

describe('申报积分：可申报的月份由后端给出 [PTS-14]', () => {
  /** The phone and the backend at one Beijing time. */
  function at(iso: string) {
    jest.setSystemTime(Date.parse(iso));
    server.backend.emulator.clock.freeze(Date.parse(iso));
  }

  afterEach(() => {
    useDemoClock();
    server.backend.restoreClock();
  });

  it('should offer last month too until the 5th, across the year turn', async () => {
    at('2027-01-05T20:00:00+08:00');
    actAs('demo-member-1');
    const page = await openPage(declarePage);
    expect(page.data.months).toEqual(['2027-01', '2026-12']);
    expect(page.data.monthTexts).toEqual(['2027年1月', '2026年12月']);

    // December belongs to 2026: its standard's items, and the declaration lands in December.
    page.querySelector('.month-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await settle();
    expect(page.data.itemNames).toEqual(['志愿服务、结对帮扶、承诺践诺']);
    await typeText(page, '.note-input', '元旦前到社区慰问困难党员');
    await tap(page, '.submit-button', '.t-button');
    expect(server.backend.docs('pointEntries')).toEqual([
      expect.objectContaining({ month: '2026-12', status: 'pending' }),
    ]);
  });

  it('should offer this month only from the 6th', async () => {
    at('2026-12-06T09:00:00+08:00');
    actAs('demo-member-1');
    const page = await openPage(declarePage);
    expect(page.data.months).toEqual(['2026-12']);
  });
});

describe('申辩', () => {
  it('should refuse outside the window, in Chinese [PTS-18]', async () => {
    actAs('demo-member-1');
    const page = await openPage(appealPage);
    expect(textOf(page)).toContain('当前不在申辩期内');
    expect(find(page, '.submit-button')).toBeUndefined();
    expect(textOf(page)).toContain('暂无申辩记录');
  });

  it('should let a member appeal an entry once the quarter is published, and see the reply [PTS-18]', async () => {
    answerDialogs(true);
    actAs('demo-organizer');
    const desk = await openPage(reviewPage);
    await tap(desk, '.publish-button', '.t-button');
    expect(textOf(desk)).toMatch(/已公布\d{4}年第.季度积分，申辩期至/);
    jest.restoreAllMocks();

    actAs('demo-member-1');
    const index = await openPage(indexPage);
    expect(textOf(index)).toContain('前可对有异议的记录点“申辩”');
    // The first 基础分 entry that came out short (学习 0 of 12) offers 申辩 and opens the form.
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined);
    await tap(index, '.entries--base .entry__appeal');
    const first = index.data.view.groups
      .find((g: { key: string }) => g.key === 'base')
      .entries.find((e: { appealable: boolean }) => e.appealable);
    expect(first.name).toBe('学习（学时折算）');
    const url = `/subpackages/points/appeal/index?entryId=${encodeURIComponent(first.id)}`;
    expect(navigate).toHaveBeenCalledWith({ url });

    const page = await openPage(appealPage, { entryId: encodeURIComponent(first.id) });
    expect(textOf(find(page, '.entry-picker'))).toContain(first.name);
    await typeText(page, '.reason-input', '参加了局里组织的两次集中学习，未计学时');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('申辩已提交');
    const [appeal] = server.backend.docs('pointAppeals');
    expect(appeal).toMatchObject({ memberId: 'demo-member-1', entryId: first.id, status: 'open' });
    expect(textOf(find(page, '.appeals'))).toContain('待答复');

    await server.backend.ok(
      'points',
      'resolveAppeal',
      { appealId: appeal._id, accept: true, points: 2, reply: '已核实，补记学时' },
      'demo-secretary',
    );
    const again = await openPage(appealPage);
    expect(textOf(find(again, '.appeals'))).toContain('已采纳：积分增加 2 分');
    expect(textOf(find(again, '.appeals'))).toContain('答复：已核实，补记学时');
  });
});
