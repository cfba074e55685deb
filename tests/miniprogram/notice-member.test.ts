/** @jest-environment ./tests/setup/page-environment.ts */
// 党务公开 for a member and the committee against the real backend: the list by category with
// unread marks, the detail (opening it records the read), the five-stage timeline, the consent
// ask for new-notice reminders, the staleness alert for the committee, and 签阅情况.
import {
  actAs,
  find,
  loadPage,
  openPage,
  settle,
  showPage,
  tap,
  textOf,
  useBackend,
  wx,
} from '../setup/simulate';
import type { ActionInput } from '../../miniprogram/services/types';
import { pdfBytes } from '../support/media-fixtures';
import { uploadMedia } from '../support/media-kit';

const server = useBackend('demo');
let listPage: string;
let detailPage: string;
let readersPage: string;
let mePage: string;
let homePage: string;

const ORG = 'demo-branch';
const DAY = 86400_000;

beforeAll(() => {
  listPage = loadPage('subpackages/notice/list/index');
  detailPage = loadPage('subpackages/notice/detail/index');
  readersPage = loadPage('subpackages/notice/readers/index');
  mePage = loadPage('pages/me/index/index');
  homePage = loadPage('pages/home/index/index');
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

async function publish(
  data: Omit<ActionInput<'notice', 'publish'>, 'orgId'>,
  who = 'demo-secretary',
): Promise<string> {
  const res = await server.backend.ok('notice', 'publish', { orgId: ORG, ...data }, who);
  return res.id;
}

/** A document uploaded for a notice as the secretary's phone does (the kit's upload). */
async function uploadPdf(name: string, who = 'demo-secretary'): Promise<string> {
  const bytes = pdfBytes();
  const u = { orgId: ORG, purpose: 'notice' as const, kind: 'document' as const, name, bytes };
  return (await uploadMedia(server.backend, who, u)).fileId;
}

const plain = (title: string, category = '党费缴纳') =>
  publish({ category, title, body: `${title}的具体内容。` });

describe('党务公开列表', () => {
  it('should mark a new notice unread, and read once the member has opened it [DIS-15]', async () => {
    const id = await plain('上半年党费收缴情况公开');
    actAs('demo-member-1');
    const list = await openPage(listPage);
    expect(textOf(list)).toContain('上半年党费收缴情况公开');
    expect(textOf(list)).toContain('1 条未读');
    expect(find(list, '.item--unread')).toBeTruthy();

    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(list, '.item');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/notice/detail/index?id=${id}` }),
    );
    const detail = await openPage(detailPage, { id });
    expect(textOf(detail)).toContain('上半年党费收缴情况公开的具体内容。');
    expect(server.backend.docs('noticeReads')).toEqual([
      expect.objectContaining({ noticeId: id, memberId: 'demo-member-1' }),
    ]);

    await showPage(list);
    expect(find(list, '.item--unread')).toBeUndefined();
    expect(textOf(list)).toContain('公开内容均已阅读');
  });

  it("should filter by the branch's categories and say when one has nothing", async () => {
    await plain('上半年党费收缴情况公开', '党费缴纳');
    await plain('入党积极分子公示', '发展党员');
    actAs('demo-member-1');
    const page = await openPage(listPage);
    expect(page.data.categories).toEqual([
      '全部',
      '党费缴纳',
      '发展党员',
      '民主评议',
      '党内帮扶',
      '处置不合格党员',
      '重大决策部署',
      '财务收支',
      '其他',
    ]);
    await tap(page, '.category-2'); // 发展党员
    expect(textOf(page)).toContain('入党积极分子公示');
    expect(textOf(page)).not.toContain('上半年党费收缴情况公开');
    await tap(page, '.category-3'); // 民主评议
    expect(textOf(page)).toContain('“民主评议”类暂无公开内容');
  });

  it('should show the staleness alert and the maintainer to the committee only [DIS-06, DIS-07]', async () => {
    await plain('上半年党费收缴情况公开');
    server.backend.emulator.clock.freeze(Date.now() + 31 * DAY);
    actAs('demo-secretary');
    const committee = textOf(await openPage(listPage));
    expect(committee).toContain('党务公开已31天未更新');
    expect(committee).toContain('尚未指定公开栏维护人');
    expect(committee).toContain('发布公开');

    actAs('demo-member-1');
    const member = textOf(await openPage(listPage));
    expect(member).not.toContain('未更新');
    expect(member).not.toContain('维护人');
    expect(member).not.toContain('发布公开');
  });

  it('should show the bind prompt to an unbound user', async () => {
    actAs('wx-stranger');
    expect(textOf(await openPage(listPage))).toContain('尚未绑定党员身份');
  });
});

describe('公开详情', () => {
  it("should show the matter's five stages with the two published so far [DIS-03]", async () => {
    const proposal = await publish({
      category: '重大决策部署',
      title: '党员活动室改造（提议）',
      body: '拟对党员活动室进行改造。',
      stage: '提议',
    });
    const review = await publish({
      category: '重大决策部署',
      title: '党员活动室改造（审议程序）',
      body: '支委会已审议，提交党员大会讨论。',
      matterId: proposal,
      stage: '审议程序',
    });
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: review });
    const text = textOf(page);
    expect(text).toContain('事项公开进度');
    expect(page.data.timeline.map((s: any) => [s.stage, s.published, s.current])).toEqual([
      ['提议', true, false],
      ['审议程序', true, true],
      ['决议结果', false, false],
      ['实施方案', false, false],
      ['办理结果', false, false],
    ]);
    expect(text).toContain('党员活动室改造（提议）');
    expect(text).toContain('尚未公开');

    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.stage-1');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/notice/detail/index?id=${proposal}` }),
    );
  });

  it('should list the attachments and the first version, and no committee links for a member', async () => {
    const fileId = await uploadPdf('经费支出明细.pdf');
    const id = await publish({
      category: '财务收支',
      title: '第三季度经费支出',
      body: '支出明细见附件。',
      attachments: [{ fileId, name: '经费支出明细.pdf' }],
    });
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id });
    const text = textOf(page);
    expect(text).toContain('经费支出明细.pdf');
    expect(text).toContain('第1版');
    expect(text).toContain('公开内容只修改、不删除');
    expect(find(page, '.readers-link')).toBeUndefined();
    expect(find(page, '.edit-link')).toBeUndefined();
  });

  it('should answer 订阅新公开提醒 at once, without blocking, in an unconfigured build', async () => {
    const id = await plain('上半年党费收缴情况公开');
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id });
    const prompt = jest.spyOn(wx, 'requestSubscribeMessage');
    await tap(page, '.subscribe-button', '.t-button');
    expect(prompt).not.toHaveBeenCalled(); // no template id yet: never asked
    expect(textOf(page)).toContain('新公开提醒暂未开通');
    expect(textOf(page)).toContain('上半年党费收缴情况公开的具体内容。');
  });

  it('should say so when the notice does not exist', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: 'no-such-notice' });
    expect(textOf(page)).toContain('不存在');
    expect(textOf(page)).toContain('重试');
  });
});

describe('订阅新公开提醒 and 提醒未读 [PRIV-10]', () => {
  // The config is the app's, shared by every page of this file: put it back.
  afterEach(() => {
    require('../../miniprogram/config').subscribeTemplateIds.noticePublished = '';
  });

  it('should report the consent a member gives, so 提醒未读 reaches that member', async () => {
    // The app's own helper and config (shared with its pages), with a template id configured.
    const config = require('../../miniprogram/config');
    config.subscribeTemplateIds.noticePublished = 'TMPL-NOTICE';
    const { askNoticeSubscription } = require('../../miniprogram/subpackages/notice/subscribe');
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ 'TMPL-NOTICE': 'accept' }), 0);
    });
    actAs('demo-member-2');
    await expect(askNoticeSubscription()).resolves.toContain('已订阅');
    await settle();
    expect(server.backend.docs('subscriptionQuotas')).toEqual([
      expect.objectContaining({ _id: 'demo-member-2:noticePublished', count: 1 }),
    ]);

    const id = await plain('上半年党费收缴情况公开');
    actAs('demo-secretary');
    const page = await openPage(readersPage, {
      id,
      title: encodeURIComponent('上半年党费收缴情况公开'),
    });
    await tap(page, '.remind-button', '.t-button');
    const text = textOf(page);
    expect(text).toMatch(/已向 1 人发送提醒；\d+ 人未开启订阅提醒，可当面或电话告知/);
    expect(server.backend.docs('outbox')).toEqual([
      expect.objectContaining({
        touser: 'demo-member-2',
        page: `subpackages/notice/detail/index?id=${id}`,
      }),
    ]);
  });
});

describe('签阅情况', () => {
  it('should list who has read and who has not, for the committee [DIS-15]', async () => {
    const id = await plain('上半年党费收缴情况公开');
    await server.backend.ok('notice', 'get', { id }, 'demo-member-1');
    await server.backend.ok('notice', 'get', { id }, 'demo-member-2');
    const { read, unread } = await server.backend.ok('notice', 'readers', { id }, 'demo-secretary');
    expect(read).toHaveLength(2);

    actAs('demo-secretary');
    const page = await openPage(readersPage, {
      id,
      title: encodeURIComponent('上半年党费收缴情况公开'),
    });
    const text = textOf(page);
    expect(text).toContain('上半年党费收缴情况公开');
    expect(text).toContain('已读（2 人）');
    expect(text).toContain(`未读（${unread.length} 人）`);
    expect(page.data.read.map((r: any) => r.name).sort()).toEqual(['刘洋', '陈明'].sort());
    expect(page.data.unread.map((r: any) => r.name)).toContain('杨帆');
    expect(text).toContain('7日内签阅按本支部积分标准加分，未读不扣分');
    expect(text).not.toContain('不影响任何评议和积分');

    await tap(page, '.remind-button', '.t-button');
    expect(textOf(page)).toContain('未开启订阅提醒，可当面或电话告知');
  });

  it('should be reached from the detail page by the committee', async () => {
    const id = await plain('上半年党费收缴情况公开');
    actAs('demo-secretary');
    const page = await openPage(detailPage, { id });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.readers-link', '.t-cell');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(
          new RegExp(`^/subpackages/notice/readers/index\\?id=${id}&title=`),
        ),
      }),
    );
  });

  it('should turn a plain member away with the backend message, not a retry', async () => {
    const id = await plain('上半年党费收缴情况公开');
    actAs('demo-member-1');
    const page = await openPage(readersPage, { id });
    const text = textOf(page);
    expect(text).toContain('只有支部委员、公开栏维护人或上级党组织可以发布党务公开');
    expect(text).not.toContain('重试');
  });
});

describe('首页 and 我的 links', () => {
  it('should count unread notices on the 首页 shortcut', async () => {
    await plain('上半年党费收缴情况公开');
    await plain('入党积极分子公示', '发展党员');
    actAs('demo-member-1');
    const page = await openPage(homePage);
    expect(textOf(page)).toContain('党务公开');
    expect(textOf(page)).toContain('我的党费');
    expect(page.data.noticeBadge).toEqual({ count: 2 });
  });

  it('should offer 发布党务公开 to the secretary and 党费收缴 to the organizer, not to a member', async () => {
    actAs('demo-secretary');
    const secretary = await openPage(mePage);
    expect(find(secretary, '.notice-editor-link')).toBeTruthy();
    expect(find(secretary, '.dues-collect-link')).toBeTruthy();
    actAs('demo-organizer');
    const organizer = await openPage(mePage);
    expect(find(organizer, '.dues-collect-link')).toBeTruthy();
    actAs('demo-member-1');
    const member = await openPage(mePage);
    expect(textOf(member)).toContain('党务公开');
    expect(textOf(member)).toContain('我的党费');
    expect(find(member, '.notice-editor-link')).toBeUndefined();
    expect(find(member, '.dues-collect-link')).toBeUndefined();
  });
});
