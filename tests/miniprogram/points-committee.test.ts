/** @jest-environment ./tests/setup/page-environment.ts */
// The points work of the scorer, the committee and the superior, against the real backend: the
// review queue (approve, reject with a reason, never one's own), the appeals the secretary
// answers, the branch ranking with its tags and the 向党员公开排名 switch, and 堡垒指数.
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
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';
import { found } from '../support/narrow';

const server = useBackend('demo');
let indexPage: string;
let declarePage: string;
let reviewPage: string;
let rankingPage: string;
let fortressPage: string;

beforeAll(() => {
  indexPage = loadPage('pages/points/index/index');
  declarePage = loadPage('subpackages/points/declare/index');
  reviewPage = loadPage('subpackages/points/review/index');
  rankingPage = loadPage('subpackages/points/ranking/index');
  fortressPage = loadPage('subpackages/points/fortress/index');
});

afterEach(() => jest.restoreAllMocks());

const { year, month } = beijingNow();

async function declare(openid: string, note: string): Promise<string> {
  const { entryId } = await server.backend.ok(
    'points',
    'declare',
    { itemCode: 'volunteer', month, note },
    openid,
  );
  return entryId;
}

const entry = (id: string) => server.backend.docs('pointEntries').find((e) => e._id === id);

async function declareOnPage(openid: string, note: string): Promise<void> {
  actAs(openid);
  const page = await openPage(declarePage);
  find(page, '.note-input', '.t-textarea__wrapper-inner')!.dispatchEvent('input', {
    detail: { value: note },
  });
  await settle();
  await tap(page, '.submit-button', '.t-button');
}

function declarationCard(page: PageComponent, name: string): string {
  const cards = page.data.queue as { key: string; name: string }[];
  const i = cards.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no declaration of ${name}`);
  return `.declaration-${i}`;
}

describe('积分审核', () => {
  it('should carry a declaration from the member to the scorer, and into the index once approved [PTS-15]', async () => {
    await declareOnPage('demo-member-1', '重阳节到敬老院志愿服务半天');
    const before = await server.backend.ok('points', 'index', { year }, 'demo-member-1');

    answerDialogs(true);
    actAs('demo-organizer');
    const desk = await openPage(reviewPage);
    const card = declarationCard(desk, '陈明');
    expect(textOf(find(desk, card))).toContain('志愿服务、结对帮扶、承诺践诺');
    expect(textOf(find(desk, card))).toContain('重阳节到敬老院志愿服务半天');
    await tap(desk, `${card} .approve-button`, '.t-button');
    expect(textOf(desk)).toContain('已通过陈明的申报');
    expect(textOf(desk)).toContain('暂无待审核的申报');

    actAs('demo-member-1');
    const index = await openPage(indexPage);
    const added = textOf(find(index, '.entries--add'));
    expect(added).toContain('志愿服务、结对帮扶、承诺践诺');
    expect(added).toContain('+1');
    expect(added).toContain('个人申报');
    expect(find(index, '.entries--declared')).toBeUndefined();
    expect(textOf(find(index, '.score__total'))).toBe(`${found(before.total) + 1}分`);
  });

  it('should not let the scorer approve their own declaration [PTS-16]', async () => {
    const own = await declare('demo-organizer', '社区防汛值守');
    answerDialogs(true);
    actAs('demo-organizer');
    const desk = await openPage(reviewPage);
    const card = declarationCard(desk, '张伟');
    expect(textOf(find(desk, card))).toContain('这是您本人的申报，须由其他记分员或支委审核');
    expect(find(desk, `${card} .approve-button`)!.data.disabled).toBe(true);
    await tap(desk, `${card} .approve-button`, '.t-button');
    expect(entry(own).status).toBe('pending');

    // The secretary may review it.
    actAs('demo-secretary');
    const other = await openPage(reviewPage);
    const theirs = declarationCard(other, '张伟');
    expect(textOf(find(other, theirs))).not.toContain('本人的申报');
    await tap(other, `${theirs} .approve-button`, '.t-button');
    expect(entry(own).status).toBe('approved');
  });

  it('should reject only with a reason, and show the member it was not approved [PTS-15]', async () => {
    const id = await declare('demo-member-3', '帮邻居搬家');
    actAs('demo-organizer');
    answerDialogs(true, '');
    const desk = await openPage(reviewPage);
    await tap(desk, `${declarationCard(desk, '杨帆')} .reject-button`, '.t-button');
    expect(textOf(desk)).toContain('不通过须说明理由');
    expect(entry(id).status).toBe('pending');

    jest.restoreAllMocks();
    answerDialogs(true, '属个人互助，不属于志愿服务项目');
    await tap(desk, `${declarationCard(desk, '杨帆')} .reject-button`, '.t-button');
    expect(textOf(desk)).toContain('已退回杨帆的申报');
    expect(entry(id)).toMatchObject({
      status: 'rejected',
      reason: '属个人互助，不属于志愿服务项目',
    });

    actAs('demo-member-3');
    const index = await openPage(indexPage);
    expect(textOf(find(index, '.entries--declared'))).toContain('未通过');
  });

  it('should let the secretary answer an appeal with an adjustment [PTS-18]', async () => {
    const quarter = await publishNow();
    expect(quarter).toBeTruthy();
    const entryId = `base:study:${year}:demo-member-4`;
    await server.backend.ok(
      'points',
      'appeal',
      { entryId, reason: '参加过两次集中学习' },
      'demo-member-4',
    );
    // 采纳并调整分值 → +2 → the reply.
    jest.spyOn(wx, 'showActionSheet').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ tapIndex: 0 }), 0);
    });
    answerDialogs(true, '2', '经核实补记学时');
    actAs('demo-secretary');
    const desk = await openPage(reviewPage);
    expect(textOf(find(desk, '.appeals'))).toContain('黄磊');
    expect(textOf(find(desk, '.appeals'))).toContain('待答复');
    await tap(desk, '.resolve-button', '.t-button');
    await settle(); // three native dialogs in a row
    await settle();
    expect(textOf(desk)).toContain('已答复黄磊的申辩');
    expect(textOf(find(desk, '.appeals'))).toContain('已采纳');
    const [appeal] = server.backend.docs('pointAppeals');
    expect(appeal).toMatchObject({ status: 'accepted', reply: '经核实补记学时' });
    const adjusted = await server.backend.ok('points', 'index', { year }, 'demo-member-4');
    expect(adjusted.entries.some((e: any) => e.kind === 'adjust' && e.points === 2)).toBe(true);
  });

  it('should turn a plain member away in Chinese', async () => {
    actAs('demo-member-1');
    const text = textOf(await openPage(reviewPage));
    expect(text).toContain('只有记分员或支部委员可以审核积分');
    expect(text).not.toContain('待审核的申报');
  });
});

describe('公布季度积分：哪一季由后端给出 [PTS-18]', () => {
  afterEach(() => server.backend.restoreClock());

  it('should offer the quarter whose last month has come, and publish that one', async () => {
    // 1 December: the fourth quarter's last month.
    expect(await publishNow()).toBe(`${year}-Q4`);
    expect(textOf(find(await openPage(reviewPage), '.publish-button', '.t-button'))).toContain(
      `公布${year}年第四季度积分`,
    );
  });

  it('should offer the quarter just ended before the last month of the next', async () => {
    server.backend.emulator.clock.freeze(Date.parse(`${year}-11-15T09:00:00+08:00`));
    actAs('demo-organizer');
    const desk = await openPage(reviewPage);
    expect(desk.data.quarter).toBe(`${year}-Q3`);
    expect(textOf(find(desk, '.publish-button', '.t-button'))).toContain(
      `公布${year}年第三季度积分`,
    );
  });

  it('should not offer publishing to a member who may not (the page follows can)', async () => {
    actAs('demo-member-1');
    const page = await openPage(reviewPage);
    expect(textOf(page)).toContain('只有记分员或支部委员可以审核积分');
    expect(find(page, '.publish-button')).toBeUndefined();
  });
});

/** Publishes the latest publishable quarter as the scorer, through the page. */
async function publishNow(): Promise<string> {
  answerDialogs(true);
  actAs('demo-organizer');
  const desk = await openPage(reviewPage);
  await tap(desk, '.publish-button', '.t-button');
  jest.restoreAllMocks();
  return server.backend.docs('pointPublications')[0]?.quarter;
}

describe('支部积分排名', () => {
  it('should refuse a member by default, in Chinese [PTS-22]', async () => {
    actAs('demo-member-1');
    const page = await openPage(rankingPage);
    expect(textOf(page)).toContain('本支部未向党员公开积分排名');
    expect(find(page, '.ranking')).toBeUndefined();
    expect(textOf(page)).not.toContain('重试');
  });

  it('should show the secretary the ranking with its tags and the switch, off by default [PTS-22] [PTS-23] [PTS-24]', async () => {
    await server.backend.ok(
      'points',
      'award',
      { memberId: 'demo-member-7', itemCode: 'criticism', month, note: '支委会研究' },
      'demo-secretary',
    );
    await server.backend.ok(
      'points',
      'award',
      { memberId: 'demo-member-7', itemCode: 'criticism', month, note: '支委会研究' },
      'demo-secretary',
    );
    const rows = await server.backend.ok(
      'points',
      'ranking',
      { orgId: 'demo-branch', year },
      'demo-secretary',
    );
    actAs('demo-secretary');
    const page = await openPage(rankingPage);
    const text = textOf(page);
    for (const r of rows) expect(text).toContain(r.name);
    expect(text).toContain('评先评优候选');
    expect(found(rows.find((r) => r.memberId === 'demo-member-7')).needsTalk).toBe(true);
    expect(text).toContain('建议谈心');
    expect(text).not.toContain('何德福'); // exempt members are not ranked [PTS-02]
    expect(text).toContain('按规定默认不公开');
    expect(text).toContain('不直接评定等次'); // PTS-25
    expect(page.data.membersSee).toBe(false);

    await tap(page, '.visibility-switch', '.t-switch');
    expect(textOf(page)).toContain('已向本支部党员公开排名');
    const org = server.backend.docs('orgs').find((o) => o._id === 'demo-branch');
    expect(org.settings.membersSeeRanking).toBe(true);

    // Now a member may see the list, but not the committee's tags about others.
    actAs('demo-member-1');
    const member = await openPage(rankingPage);
    expect(textOf(member)).toContain('徐强');
    expect(textOf(member)).not.toContain('建议谈心');
    expect(find(member, '.visibility-switch')).toBeUndefined();
  });
});

describe('堡垒指数', () => {
  it('should show the superior a branch with its common items and 待上级评定, then the assessment [FORT-03] [FORT-16]', async () => {
    const f = await server.backend.ok(
      'points',
      'fortress',
      { orgId: 'demo-branch', year },
      'demo-superior',
    );
    actAs('demo-superior');
    const page = await openPage(fortressPage);
    const text = textOf(page);
    expect(text).toContain('机关第一党支部');
    expect(textOf(find(page, '.summary__total'))).toBe(`${f.total}分`);
    for (const i of f.items) expect(text).toContain(i.name);
    expect(textOf(find(page, '.item-themeDay'))).toContain(
      `${f.items[0].points} / ${f.items[0].max}`,
    );
    expect(text).toContain('待上级评定');
    expect(text).toContain('☆☆☆☆☆');

    await tap(page, '.assess-button', '.t-button');
    await tap(page, '.save-assess', '.t-button');
    expect(textOf(page)).toContain('已保存对机关第一党支部的评定');
    expect(textOf(page)).not.toContain('待上级评定');
    expect(textOf(find(page, '.summary'))).toContain('34 / 40'); // 16 + 10 + 8
  });

  it("should show the secretary the own branch without the superior's form [FORT-16]", async () => {
    actAs('demo-secretary');
    const page = await openPage(fortressPage);
    expect(textOf(page)).toContain('共性指标');
    expect(textOf(page)).toContain('由上级党组织评定');
    expect(find(page, '.assess-button')).toBeUndefined();
  });

  it('should turn a plain member away in Chinese', async () => {
    actAs('demo-member-1');
    const text = textOf(await openPage(fortressPage));
    expect(text).toContain('只有支部委员或上级党组织管理员可以查看堡垒指数');
  });
});
