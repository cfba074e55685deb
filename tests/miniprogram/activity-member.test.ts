/** @jest-environment ./tests/setup/page-environment.ts */
// 组织生活 for a member: the list, the detail page, QR sign-in, online participation and leave,
// against the real backend. The camera (wx.scanCode) is the only thing stubbed: it "sees" the
// token the backend issued to the host, as a phone would read it off the host's screen.
import {
  actAs,
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

const server = useBackend('demo');
let listPage: string;
let detailPage: string;

beforeAll(() => {
  listPage = loadPage('pages/activity/list/index');
  detailPage = loadPage('subpackages/activity/detail/index');
});

afterEach(() => jest.restoreAllMocks());

const THEME_DAY = 'demo-theme-day';

/** The host's current QR token, fetched as the secretary would on the host console. */
async function hostToken(activityId = THEME_DAY): Promise<string> {
  const t = await server.backend.ok('activity', 'checkinToken', { activityId }, 'demo-secretary');
  return t.token;
}

function cameraSees(result: string): void {
  jest.spyOn(wx, 'scanCode').mockImplementation((opts: any) => {
    setTimeout(() => opts.success({ result, scanType: 'QR_CODE', charSet: 'utf8', path: '' }), 0);
  });
}

async function type(page: PageComponent, cls: string, value: string): Promise<void> {
  find(page, cls, '.t-textarea__wrapper-inner')!.dispatchEvent('input', { detail: { value } });
  await settle();
}

function attendanceOf(memberId: string, activityId = THEME_DAY) {
  return server.backend.docs('attendance').find((a) => a._id === `${activityId}:${memberId}`);
}

describe('活动列表', () => {
  it("should list this month's theme day with its type, date and place", async () => {
    actAs('demo-member-1');
    const page = await openPage(listPage);
    const text = textOf(page);
    const [theme] = await server.backend.ok(
      'activity',
      'list',
      {
        orgId: 'demo-branch',
        type: 'themeDay',
        from: new Date(Date.now() - 3600_000).toISOString(),
      },
      'demo-member-1',
    );
    expect(text).toContain('即将开展');
    expect(text).toContain(theme.title);
    expect(text).toContain('主题党日');
    expect(text).toContain('机关三楼党员活动室');
    expect(text).toMatch(/\d+月\d+日 周./);
  });

  it("should show last month's closed theme day under 已结束", async () => {
    actAs('demo-member-1');
    const page = await openPage(listPage);
    await tap(page, '.segment-past');
    const text = textOf(page);
    expect(text).toContain('重温入党誓词');
    expect(text).toContain('已结束');
    expect(text).not.toContain('学习贯彻党的二十届四中全会精神');
  });

  it('should filter by type and say so when nothing matches', async () => {
    actAs('demo-member-1');
    const page = await openPage(listPage);
    const picker = page.querySelector('.type-picker')!;
    picker.dispatchEvent('change', { detail: { value: 5 } }); // 党课
    await settle();
    expect(textOf(page)).toContain('党课');
    expect(textOf(page)).toContain('暂无即将开展的活动');
    expect(textOf(page)).not.toContain('主题党日：');
  });

  it('should open the detail page of the tapped activity', async () => {
    actAs('demo-member-1');
    const page = await openPage(listPage);
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.item');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/activity/detail/index?id=${THEME_DAY}` }),
    );
  });

  it('should link the annual plan for everyone and compliance for the committee only', async () => {
    actAs('demo-member-1');
    const member = await openPage(listPage);
    expect(find(member, '.plan-link')).toBeTruthy();
    expect(find(member, '.compliance-link')).toBeUndefined();
    actAs('demo-secretary');
    const secretary = await openPage(listPage);
    expect(textOf(secretary)).toContain('落实情况');
  });

  it('should show the bind prompt to an unbound user', async () => {
    actAs('wx-stranger');
    expect(textOf(await openPage(listPage))).toContain('尚未绑定党员身份');
  });
});

describe('活动详情与扫码签到', () => {
  it('should show the agenda, time, place and the member as not yet signed in', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    const text = textOf(page);
    expect(text).toContain('集中交纳党费');
    expect(text).toContain('机关三楼党员活动室');
    expect(text).toContain('李红'); // host
    expect(text).toContain('尚未签到');
    expect(text).toContain('扫码签到');
    expect(text).not.toContain('主持台');
  });

  it('should offer the committee the host console, and only them [CHK-06]', async () => {
    actAs('demo-organizer');
    const page = await openPage(detailPage, { id: THEME_DAY });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await tap(page, '.host-link', '.t-cell');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/subpackages/activity/host/index?id=${THEME_DAY}` }),
    );
  });

  it('should open from a printed entry code (scene = activity id)', async () => {
    actAs('demo-member-1');
    const page = await openPage(detailPage, { scene: encodeURIComponent(THEME_DAY) });
    expect(textOf(page)).toContain('集中交纳党费');
  });

  it('should sign in by scanning the host QR, show 签到成功 and store present [CHK-05]', async () => {
    cameraSees(await hostToken());
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.scan-button', '.t-button');
    await settle();
    const text = textOf(page);
    expect(text).toContain('签到成功');
    expect(text).toContain('已签到');
    expect(attendanceOf('demo-member-1')).toMatchObject({ status: 'present', method: 'qr' });
  });

  it('should lead with status and time once signed in, no second 扫码签到 (finding 2) [CHK-11]', async () => {
    cameraSees(await hostToken());
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.scan-button', '.t-button');
    await settle();
    const first = attendanceOf('demo-member-1');
    const card = textOf(find(page, '.done'));
    expect(card).toContain('已签到');
    expect(card).toContain('12月1日 周二 09:00');
    expect(card).toContain('按时');
    expect(find(page, '.scan-button')).toBeUndefined();
    // coming back later: the same answer, read from the record
    const again = await openPage(detailPage, { id: THEME_DAY });
    expect(textOf(find(again, '.done'))).toContain('已签到');
    expect(find(again, '.scan-button')).toBeUndefined();
    const mine = server.backend
      .docs('attendance')
      .filter((a) => a.activityId === THEME_DAY && a.memberId === 'demo-member-1');
    expect(mine).toHaveLength(1);
    expect(mine[0].at).toEqual(first.at);
  });

  it("should sign in from the in-app scanner reading our mini-program code's path [CHK-05]", async () => {
    const t = await server.backend.ok(
      'activity',
      'checkinToken',
      { activityId: THEME_DAY },
      'demo-secretary',
    );
    jest.spyOn(wx, 'scanCode').mockImplementation((opts: any) => {
      const path = `${t.page}?scene=${encodeURIComponent(t.scene)}`;
      setTimeout(() => opts.success({ result: '', scanType: 'WX_CODE', path }), 0);
    });
    actAs('demo-member-2');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.scan-button', '.t-button');
    await settle();
    expect(textOf(page)).toContain('签到成功');
    expect(attendanceOf('demo-member-2')).toMatchObject({ status: 'present', method: 'qr' });
  });

  it("should show the backend's Chinese refusal for a code that is not a sign-in token [CHK-05]", async () => {
    cameraSees('https://example.com/not-a-token');
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.scan-button', '.t-button');
    await settle();
    const refused = await server.backend.err(
      'activity',
      'checkin',
      { token: 'https://example.com/not-a-token' },
      'demo-member-2',
    );
    const text = textOf(page);
    expect(text).toContain('签到未完成');
    expect(text).toContain(refused.message);
    expect(text).not.toContain(refused.code);
    expect(attendanceOf('demo-member-1')).toBeUndefined();
  });

  it('should do nothing when the member closes the camera', async () => {
    jest.spyOn(wx, 'scanCode').mockImplementation((opts: any) => {
      setTimeout(() => opts.fail({ errMsg: 'scanCode:fail cancel' }), 0);
    });
    actAs('demo-member-1');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.scan-button', '.t-button');
    await settle();
    expect(textOf(page)).not.toContain('签到未完成');
    expect(attendanceOf('demo-member-1')).toBeUndefined();
  });
});

describe('线上参加与请假', () => {
  it('should let a 流动党员 join online with a note, stored as remote [CHK-15]', async () => {
    actAs('demo-mobile');
    const page = await openPage(detailPage, { id: THEME_DAY });
    await tap(page, '.remote-button', '.t-button');
    await type(page, '.note-input', '在深圳通过视频会议参加，已提交学习笔记');
    await tap(page, '.remote-submit', '.t-button');
    await settle();
    expect(textOf(page)).toContain('已线上参加');
    expect(attendanceOf('demo-mobile')).toMatchObject({
      status: 'remote',
      note: '在深圳通过视频会议参加，已提交学习笔记',
    });
  });

  it('should not offer 线上参加 to a member on site when the activity is not online [CHK-15]', async () => {
    actAs('demo-member-2');
    const page = await openPage(detailPage, { id: THEME_DAY });
    expect(find(page, '.remote-button')).toBeUndefined();
  });

  it('should send a leave request with its category and show it is awaiting approval [CHK-04]', async () => {
    const start = new Date(Date.now() + 2 * 86400_000);
    const { id } = await server.backend.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'partyLecture',
        title: '专题党课：党的组织纪律',
        startAt: start.toISOString(),
        endAt: new Date(+start + 2 * 3600_000).toISOString(),
        place: '机关三楼党员活动室',
      },
      'demo-secretary',
    );
    actAs('demo-member-3');
    const page = await openPage(detailPage, { id });
    await tap(page, '.leave-button', '.t-button');
    await tap(page, '.chip-sick');
    await type(page, '.reason-input', '住院治疗');
    await tap(page, '.leave-submit', '.t-button');
    await settle();
    const text = textOf(page);
    expect(text).toContain('请假申请已提交');
    expect(text).toContain('请假待审批');
    expect(find(page, '.leave-button')).toBeUndefined();
    const leave = server.backend.docs('leaveRequests').find((l) => l.memberId === 'demo-member-3');
    expect(leave).toMatchObject({
      activityId: id,
      category: 'sick',
      reason: '住院治疗',
      status: 'pending',
    });
  });

  it('should not offer 请假 after the cut-off the backend reports [CHK-04]', async () => {
    actAs('demo-member-4');
    const page = await openPage(detailPage, { id: THEME_DAY });
    const detail = await server.backend.ok('activity', 'get', { id: THEME_DAY }, 'demo-member-4');
    expect(detail.leaveOpen).toBe(false);
    expect(find(page, '.leave-button')).toBeUndefined();
    expect(textOf(page)).not.toContain('请假须在');
  });
});
