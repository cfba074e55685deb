/** @jest-environment ./tests/setup/page-environment.ts */
// 主持台 against the real backend: the rotating QR, live counts, leave and online decisions,
// closing, the 纪实 record and a vote. Only the platform's dialogs are answered by the test.
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
import { REAL_TIMERS, useDemoClock } from '../setup/env';
import { snapshot } from '../support/backend';

const server = useBackend('demo');
let hostPage: string;

beforeAll(() => {
  hostPage = loadPage('subpackages/activity/host/index');
});

afterEach(() => {
  useDemoClock();
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

const THEME_DAY = 'demo-theme-day';

const qrValue = (page: PageComponent): string => page.data.qr.value;

/**
 * The page's 1-second ticker is faked, and Date with it (held at the demo instant until the test
 * moves it); the backend and simulate keep real timeouts.
 */
function fakeTicker() {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: REAL_TIMERS.filter((t) => t !== 'setInterval' && t !== 'clearInterval'),
  });
}

function actionsCalled(spy: jest.SpyInstance): string[] {
  return spy.mock.calls.map(([opts]) => `${opts.name}.${opts.data.action}`);
}

describe('主持台：签到二维码与到会情况', () => {
  it('should show a QR whose content the backend accepts as a sign-in token [CHK-05, CHK-06]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    expect(textOf(page)).toContain('现场签到码');
    expect(find(page, '.qr__image')).toBeTruthy();
    const token = qrValue(page);
    expect(token).toMatch(/^demo-theme-day\./);

    const res = await server.backend.ok('activity', 'checkin', { token }, 'demo-member-1');
    expect(res).toMatchObject({ activityId: THEME_DAY, status: 'present' });
  });

  it('should show the expected count and pick up a new sign-in on 刷新', async () => {
    const detail = await server.backend.ok('activity', 'get', { id: THEME_DAY }, 'demo-secretary');
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    // the host who opened the console is there already [CHK-13]
    await tap(page, '.refresh-button', '.t-button');
    expect(textOf(page)).toContain(`应到 ${detail.counts.expected} 人，已到 1 人`);
    expect(textOf(find(page, '.row-demo-member-1'))).toContain('未签到');

    await server.backend.ok('activity', 'checkin', { token: qrValue(page) }, 'demo-member-1');
    await tap(page, '.refresh-button', '.t-button');
    expect(textOf(page)).toContain(`应到 ${detail.counts.expected} 人，已到 2 人`);
    expect(textOf(find(page, '.row-demo-member-1'))).toContain('已签到');
  });

  it('should poll the counts every 5 seconds while shown and stop when hidden', async () => {
    fakeTicker();
    const calls = jest.spyOn(wx.cloud, 'callFunction');
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await server.backend.ok('activity', 'checkin', { token: qrValue(page) }, 'demo-member-2');

    jest.advanceTimersByTime(5000);
    await settle();
    expect(textOf(page)).toContain('已到 2 人'); // the host and member 2
    expect(textOf(find(page, '.row-demo-member-2'))).toContain('已签到');

    page.instance.onHide();
    calls.mockClear();
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(actionsCalled(calls)).not.toContain('activity.discuss');
    expect(actionsCalled(calls)).not.toContain('activity.vote');
  });

  it('should notice on the next poll that another committee member closed it', async () => {
    fakeTicker();
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    expect(find(page, '.qr__image')).toBeTruthy();
    await server.backend.ok('activity', 'close', { activityId: THEME_DAY }, 'demo-organizer');
    jest.advanceTimersByTime(5000);
    await settle();
    expect(find(page, '.qr__image')).toBeUndefined();
    expect(find(page, '.close-button')).toBeUndefined();
    expect(textOf(find(page, '.row-demo-member-1'))).toContain('缺席');
  });

  it('should fetch a new token when refreshInMs has passed, and the new one signs in [CHK-05]', async () => {
    const clock = server.backend.emulator.clock;
    const windowStart = Math.floor(Date.now() / 30_000) * 30_000;
    clock.freeze(windowStart + 1000); // 29 s left in this token's window
    fakeTicker();
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    const first = qrValue(page);
    expect(textOf(page)).toContain('29 秒后自动更新');

    clock.advance(29_000);
    jest.advanceTimersByTime(29_000);
    await settle();
    const second = qrValue(page);
    expect(second).not.toEqual(first);
    expect(textOf(page)).toContain('30 秒后自动更新');

    clock.advance(40_000); // the first token is now two windows old
    const expired = await server.backend.err(
      'activity',
      'checkin',
      { token: first },
      'demo-member-3',
    );
    expect(expired.code).toBe('CHECKIN.TOKEN_EXPIRED');
    const ok = await server.backend.ok('activity', 'checkin', { token: second }, 'demo-member-3');
    expect(ok.alreadyCheckedIn).toBe(false);
  });
});

describe('主持台：审批、结束、纪实与表决', () => {
  it('should approve a pending leave request, making the member excused [CHK-04]', async () => {
    const start = new Date(Date.now() + 86400_000);
    const { id } = await server.backend.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'branchAssembly',
        title: '支部党员大会',
        startAt: start.toISOString(),
        endAt: new Date(+start + 7200_000).toISOString(),
      },
      'demo-secretary',
    );
    await server.backend.ok(
      'activity',
      'requestLeave',
      { activityId: id, reason: '外地出差', category: 'official' },
      'demo-member-4',
    );
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id });
    const row = () => find(page, '.row-demo-member-4')!;
    expect(textOf(row())).toContain('请假待审批 · 公假 · 外地出差');

    await tap(page, '.row-demo-member-4 .leave-approve', '.t-button');
    await settle();
    expect(textOf(row())).toContain('请假');
    expect(textOf(row())).toContain('请假已批准');
    expect(
      server.backend.docs('attendance').find((a) => a._id === `${id}:demo-member-4`),
    ).toMatchObject({
      status: 'excused',
    });
  });

  it('should reject an online participation with the reason typed in the dialog [CHK-15]', async () => {
    await server.backend.ok(
      'activity',
      'joinRemote',
      { activityId: THEME_DAY, note: '线上参加' },
      'demo-mobile',
    );
    answerDialogs(true, '未见参学材料');
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    const row = () => find(page, '.row-demo-mobile')!;
    expect(textOf(row())).toContain('参学说明：线上参加');
    await tap(page, '.row-demo-mobile .remote-reject', '.t-button');
    await settle();
    expect(textOf(row())).toContain('缺席');
    const audit = server.backend.docs('auditLogs').find((e) => e.reason === '未见参学材料');
    expect(audit).toBeTruthy();
  });

  it('should let the host mark a member without a phone present, with a reason [CHK-12, CHK-13]', async () => {
    jest.spyOn(wx, 'showActionSheet').mockImplementation((opts: any) => {
      setTimeout(() => opts.success({ tapIndex: opts.itemList.indexOf('已签到') }), 0);
    });
    answerDialogs(true, '现场点名，未带手机');
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await tap(page, '.row-demo-elder .correct-button');
    await settle();
    expect(textOf(find(page, '.row-demo-elder'))).toContain('已签到');
    expect(textOf(find(page, '.row-demo-elder'))).toContain('主持人登记');
    expect(
      server.backend.docs('attendance').find((a) => a._id === `${THEME_DAY}:demo-elder`),
    ).toMatchObject({ status: 'present', method: 'hostMarked' });
  });

  it('should close the activity after confirming, and stop showing the QR [CHK-02, CHK-18]', async () => {
    const modal = answerDialogs(true);
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await server.backend.ok('activity', 'checkin', { token: qrValue(page) }, 'demo-member-1');

    await tap(page, '.close-button', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '结束活动' }));
    const text = textOf(page);
    expect(text).toContain('活动已结束：签到 3 人'); // member 1, the host and the recorder [CHK-13]
    expect(text).toContain('已结束');
    expect(find(page, '.qr__image')).toBeUndefined();
    expect(server.backend.docs('activities').find((a) => a._id === THEME_DAY).status).toBe(
      'closed',
    );
    expect(
      server.backend.docs('attendance').find((a) => a._id === `${THEME_DAY}:demo-member-2`),
    ).toMatchObject({
      status: 'absent',
    });
  });

  it('should keep the activity open when the close dialog is cancelled', async () => {
    answerDialogs(false, '');
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await tap(page, '.close-button', '.t-button');
    await settle();
    expect(server.backend.docs('activities').find((a) => a._id === THEME_DAY).status).toBe(
      'planned',
    );
    expect(find(page, '.qr__image')).toBeTruthy();
  });

  it('should save the minutes and resolutions and archive them [MTG-10, MTG-20]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await typeText(
      page,
      ['.record-form', '.minutes-input', '.t-textarea__wrapper-inner'],
      '书记主持，学习全会精神。',
    );
    await typeText(
      page,
      ['.record-form', '.resolutions-input', '.t-textarea__wrapper-inner'],
      '各党小组开展交流\n\n年底前完成整改',
    );
    await tap(page, '.record-form', '.archive-box', '.t-checkbox');
    await tap(page, '.record-form', '.record-save', '.t-button');
    await settle();
    expect(textOf(find(page, '.record-form'))).toContain('纪实已保存并归档');
    const saved = server.backend.docs('activities').find((a) => a._id === THEME_DAY).record;
    expect(saved).toMatchObject({
      minutes: '书记主持，学习全会精神。',
      resolutions: ['各党小组开展交流', '年底前完成整改'],
      archived: true,
    });
    expect(textOf(find(page, '.record-form'))).toContain('更正理由');
  });

  /**
   * A vote as the host enters it at the demo theme day, which has an agenda: pick the item, tick
   * that it was discussed (unless `discussed: false`), then the motion and the counts [VOTE-20].
   */
  async function voteOn(
    page: PageComponent,
    motion: string,
    counts: [string, string, string],
    { item = 2, discussed = true } = {},
  ) {
    const type = (cls: string, value: string) =>
      typeText(page, ['.vote-form', cls, '.t-input__control'], value);
    await tap(page, '.vote-form', `.agenda-item-${item}`);
    if (discussed) await tap(page, '.vote-form', '.discussed-box', '.t-checkbox');
    await type('.motion-input', motion);
    await type('.yes-input', counts[0]);
    await type('.no-input', counts[1]);
    await type('.abstain-input', counts[2]);
    await tap(page, '.vote-form', '.vote-submit', '.t-button');
    await settle();
    return textOf(find(page, '.vote-form'));
  }

  async function signIn(token: string, count: number): Promise<void> {
    for (let i = 1; i <= count; i += 1)
      await server.backend.ok('activity', 'checkin', { token }, `demo-member-${i}`);
  }

  it('should say a vote is invalid without a quorum, with the reason in Chinese [VOTE-05]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await signIn(qrValue(page), 3);
    const text = await voteOn(page, '同意开展结对帮扶活动', ['3', '0', '0']);
    const stored = server.backend.docs('votes').find((v) => v.activityId === THEME_DAY);
    expect(stored).toMatchObject({ motion: '同意开展结对帮扶活动', yes: 3, valid: false, item: 2 });
    expect(text).toContain('表决无效');
    expect(text).toContain(stored.reason);
    expect(text).toContain(`应到会有表决权党员 ${stored.eligible} 人，实到 4 人`); // and the host
  });

  it('should say a vote passed when the yes votes exceed half of those entitled [VOTE-06]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await signIn(qrValue(page), 8);
    const text = await voteOn(page, '同意开展结对帮扶活动', ['7', '1', '0']);
    const stored = server.backend.docs('votes').find((v) => v.activityId === THEME_DAY);
    expect(stored).toMatchObject({ valid: true, passed: true });
    expect(text).toContain('表决有效，获得通过');
    expect(text).toContain('实到 9 人'); // and the host
  });

  it("should show the backend's refusal of more votes than members present [VOTE-13]", async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    const text = await voteOn(page, '同意开展结对帮扶活动', ['3', '0', '0']);
    expect(text).toContain('票数合计3，超过了到会有表决权的1人'); // the host alone
    expect(text).not.toContain('表决有效');
    expect(server.backend.docs('votes')).toHaveLength(0);
  });

  it('should list the agenda items and record the picked one as discussed before its vote [VOTE-20]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    const form = textOf(find(page, '.vote-form'));
    expect(form).toContain('第1项集中交纳党费');
    expect(form).toContain('第3项民主议事决策');
    expect(form).toContain('每项议程分别表决');
    await signIn(qrValue(page), 8);
    const text = await voteOn(page, '同意购置党员活动室设备', ['7', '1', '0']);
    expect(text).toContain('议程第3项：民主议事决策');
    expect(server.backend.docs('discussions')).toEqual([
      expect.objectContaining({ activityId: THEME_DAY, item: 2, memberId: '#discussion-held' }),
    ]);
    expect(server.backend.docs('votes')).toEqual([
      expect.objectContaining({ activityId: THEME_DAY, item: 2, passed: true }),
    ]);
    // The same item again: already discussed, so it is shown as recorded and not asked again.
    expect(textOf(find(page, '.vote-form'))).toContain('本项议程已记录讨论');
    expect(find(page, '.vote-form', '.discussed-box')).toBeUndefined();
  });

  it('should explain in Chinese, and store nothing, when the discussion is not confirmed [VOTE-20]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await signIn(qrValue(page), 8);
    const calls = jest.spyOn(wx.cloud, 'callFunction');
    const before = snapshot(server.backend);
    const text = await voteOn(page, '同意开展结对帮扶活动', ['7', '1', '0'], { discussed: false });
    expect(text).toContain('每项议程要先讨论、再表决');
    expect(text).toContain('请勾选“本项议程已经讨论”');
    expect(text).not.toContain('表决有效');
    expect(actionsCalled(calls)).not.toContain('activity.discuss');
    expect(actionsCalled(calls)).not.toContain('activity.vote');
    expect(snapshot(server.backend)).toBe(before);
    expect(server.backend.docs('votes')).toHaveLength(0);
    expect(server.backend.docs('discussions')).toHaveLength(0);
  });
});

describe('主持台：权限', () => {
  it('should refuse a plain member in Chinese and never ask for a QR token [CHK-06]', async () => {
    const calls = jest.spyOn(wx.cloud, 'callFunction');
    actAs('demo-member-1');
    const page = await openPage(hostPage, { id: THEME_DAY });
    const text = textOf(page);
    expect(text).toContain('只有本次活动的主持人、记录人或支部委员可以使用主持台');
    expect(find(page, '.qr__image')).toBeUndefined();
    expect(text).not.toContain('结束活动');
    expect(actionsCalled(calls)).not.toContain('activity.checkinToken');
  });
});
