/** @jest-environment ./tests/setup/page-environment.ts */
// 发布公开 against the real backend: the secretary writes a notice, the draft stays on the phone
// until it is published, the backend's refusals (personal data, content check, stage order) show
// in Chinese under the form and store nothing, and an edit becomes version 2 with its history.
import {
  actAs,
  answerDialogs,
  find,
  loadPage,
  openPage,
  settle,
  tap,
  textOf,
  typeText,
  useBackend,
  wx,
  type PageComponent,
} from '../setup/simulate';
import type { ActionInput } from '../../miniprogram/services/types';

const server = useBackend('demo');
let editorPage: string;
let detailPage: string;

const ORG = 'demo-branch';
const DRAFT_KEY = `noticeDraft:${ORG}`;

beforeAll(() => {
  editorPage = loadPage('subpackages/notice/editor/index');
  detailPage = loadPage('subpackages/notice/detail/index');
});

afterEach(() => jest.restoreAllMocks());

async function pick(page: PageComponent, cls: string, value: number): Promise<void> {
  page.querySelector(cls)!.dispatchEvent('change', { detail: { value } });
  await settle();
}

async function pickCategory(page: PageComponent, name: string): Promise<void> {
  const index = (page.data.categories as string[]).indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  await pick(page, '.category-picker', index);
}

async function publishAs(
  who: string,
  data: Omit<ActionInput<'notice', 'publish'>, 'orgId'>,
): Promise<string> {
  const res = await server.backend.ok('notice', 'publish', { orgId: ORG, ...data }, who);
  return res.id;
}

describe('发布公开', () => {
  it('should publish what the secretary typed, clear the draft and open the notice [DIS-01]', async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    await pickCategory(page, '重大决策部署');
    await typeText(page, '.title-input', '关于调整党员活动室开放时间的决定');
    await typeText(page, '.body-input', '经支委会研究，党员活动室每周六上午开放。');
    expect(wx.getStorageSync(DRAFT_KEY)).toMatchObject({
      category: '重大决策部署',
      title: '关于调整党员活动室开放时间的决定',
    });

    answerDialogs(true);
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    await tap(page, '.submit-button', '.t-button');

    const [stored] = server.backend.docs('notices');
    expect(stored).toMatchObject({
      orgId: ORG,
      category: '重大决策部署',
      title: '关于调整党员活动室开放时间的决定',
      body: '经支委会研究，党员活动室每周六上午开放。',
      version: 1,
    });
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/notice/detail/index?id=${stored._id}` }),
    );
    expect(wx.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('should keep the draft on the phone and restore it when the editor is opened again', async () => {
    actAs('demo-secretary');
    const first = await openPage(editorPage);
    await pickCategory(first, '党内帮扶');
    await typeText(first, '.title-input', '困难党员帮扶名单');
    await typeText(first, '.body-input', '本年度走访慰问困难党员3名。');

    const again = await openPage(editorPage);
    const text = textOf(again);
    expect(text).toContain('已恢复上次未发布的草稿');
    expect(again.data).toMatchObject({
      category: '党内帮扶',
      title: '困难党员帮扶名单',
      body: '本年度走访慰问困难党员3名。',
    });
    expect(server.backend.docs('notices')).toHaveLength(0);

    answerDialogs(true);
    await tap(again, '.draft-clear');
    expect(wx.getStorageSync(DRAFT_KEY)).toBe('');
    expect(again.data.title).toBe('');
    expect(textOf(again)).not.toContain('已恢复');
  });

  it('should show the personal-data refusal in Chinese, store nothing and keep the draft [DIS-13]', async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    await pickCategory(page, '发展党员');
    await typeText(page, '.title-input', '发展对象公示');
    await typeText(page, '.body-input', '发展对象：赵新，联系电话13812345678。');
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');

    const text = textOf(page);
    expect(text).toContain('公开内容中含有完整的手机号，请删除或打码后再发布');
    expect(text).not.toContain('CONTENT');
    expect(server.backend.docs('notices')).toHaveLength(0);
    expect(server.backend.docs('noticeVersions')).toHaveLength(0);
    expect(wx.getStorageSync(DRAFT_KEY)).toMatchObject({ title: '发展对象公示' });

    // Masked, it goes through.
    await typeText(page, '.body-input', '发展对象：赵新，联系电话138****5678。');
    expect(textOf(page)).not.toContain('请删除或打码');
    await tap(page, '.submit-button', '.t-button');
    expect(server.backend.docs('notices')).toHaveLength(1);
  });

  it("should show the content check's refusal and store nothing", async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    await pickCategory(page, '其他');
    await typeText(page, '.title-input', '提醒');
    await typeText(page, '.body-input', '严禁参与赌博活动。');
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('内容未通过安全检测');
    expect(server.backend.docs('notices')).toHaveLength(0);
  });

  it('should ask for a category, a title and the text before calling the backend', async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    const modal = answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('请选择公开类别');
    await pickCategory(page, '其他');
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('请填写标题');
    expect(modal).not.toHaveBeenCalled();
  });

  it('should publish nothing when the confirm dialog is cancelled', async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    await pickCategory(page, '其他');
    await typeText(page, '.title-input', '通知');
    await typeText(page, '.body-input', '正文');
    answerDialogs(false);
    await tap(page, '.submit-button', '.t-button');
    expect(server.backend.docs('notices')).toHaveLength(0);
  });

  it('should turn a plain member away', async () => {
    actAs('demo-member-1');
    const page = await openPage(editorPage);
    expect(textOf(page)).toContain('只有支部委员或公开栏维护人可以发布党务公开');
    expect(find(page, '.submit-button')).toBeUndefined();
  });
});

describe('五个阶段的事项 [DIS-03]', () => {
  it('should link the next stage of an existing matter and publish it in order', async () => {
    const proposal = await publishAs('demo-secretary', {
      category: '重大决策部署',
      title: '党员活动室改造（提议）',
      body: '拟对党员活动室进行改造。',
      stage: '提议',
    });
    await publishAs('demo-secretary', {
      category: '重大决策部署',
      title: '党员活动室改造（审议程序）',
      body: '支委会已审议。',
      matterId: proposal,
      stage: '审议程序',
    });

    actAs('demo-secretary');
    const page = await openPage(editorPage);
    const matterIndex = (page.data.matterNames as string[]).indexOf('党员活动室改造（提议）');
    await pick(page, '.matter-picker', matterIndex);
    const text = textOf(page);
    expect(text).toContain('已公开：提议、审议程序');
    expect(page.data.stageNames).toEqual(['决议结果', '实施方案', '办理结果']);
    expect(page.data.stageNames[page.data.stageIndex]).toBe('决议结果');

    await pickCategory(page, '重大决策部署');
    await typeText(page, '.title-input', '党员活动室改造（实施方案）');
    await typeText(page, '.body-input', '施工安排如下。');
    await pick(page, '.stage-picker', 1); // 实施方案, skipping 决议结果
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    expect(textOf(page)).toContain('请先公开“决议结果”');
    expect(server.backend.docs('notices')).toHaveLength(2);

    await pick(page, '.stage-picker', 0);
    await typeText(page, '.title-input', '党员活动室改造（决议结果）');
    await tap(page, '.submit-button', '.t-button');
    const stored = server.backend.docs('notices').find((n) => n.stage === '决议结果');
    expect(stored).toMatchObject({ matterId: proposal, title: '党员活动室改造（决议结果）' });
  });

  it('should start a new matter with its 提议', async () => {
    actAs('demo-secretary');
    const page = await openPage(editorPage);
    await pick(page, '.matter-picker', 1);
    expect(textOf(page)).toContain('提议');
    await pickCategory(page, '财务收支');
    await typeText(page, '.title-input', '年度经费使用计划（提议）');
    await typeText(page, '.body-input', '拟定本年度支部活动经费使用计划。');
    answerDialogs(true);
    await tap(page, '.submit-button', '.t-button');
    const [stored] = server.backend.docs('notices');
    expect(stored).toMatchObject({ stage: '提议', matterId: stored._id });
  });
});

describe('修改公开 [DIS-14]', () => {
  it('should save an edit as version 2 and list both versions on the detail page', async () => {
    const id = await publishAs('demo-secretary', {
      category: '党费缴纳',
      title: '上半年党费收缴情况',
      body: '合计收缴党费1200.00元。',
    });
    actAs('demo-secretary');
    const editor = await openPage(editorPage, { id });
    expect(editor.data).toMatchObject({ title: '上半年党费收缴情况', category: '党费缴纳' });
    await typeText(editor, '.title-input', '上半年党费收缴情况（更正）');
    await typeText(editor, '.body-input', '合计收缴党费1230.00元。');
    await typeText(editor, '.reason-input', '更正合计金额');
    answerDialogs(true);
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    await tap(editor, '.submit-button', '.t-button');
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/notice/detail/index?id=${id}` }),
    );
    expect(server.backend.docs('noticeVersions')).toHaveLength(2);
    expect(wx.getStorageSync(`noticeDraft:edit:${id}`)).toBe('');

    const detail = await openPage(detailPage, { id });
    const text = textOf(detail);
    expect(text).toContain('合计收缴党费1230.00元。');
    expect(text).toContain('第2版');
    expect(text).toContain('第1版');
    expect(detail.data.n.history).toEqual([
      expect.objectContaining({
        versionText: '第2版',
        title: '上半年党费收缴情况（更正）',
        current: true,
      }),
      expect.objectContaining({
        versionText: '第1版',
        title: '上半年党费收缴情况',
        current: false,
      }),
    ]);
    expect(text).toContain('当前');
  });
});
