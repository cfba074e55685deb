/** @jest-environment ./tests/setup/page-environment.ts */
// 主持台's sign-in code against the real backend: the rotating mini-program code that WeChat's
// 扫一扫 opens, the full-screen 投屏 with the screen kept on, and the host's own attendance.
import { actAs, find, loadPage, openPage, tap, textOf, useBackend, wx } from '../setup/simulate';

const server = useBackend('demo');
let hostPage: string;

beforeAll(() => {
  hostPage = loadPage('subpackages/activity/host/index');
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

const THEME_DAY = 'demo-theme-day';

describe('主持台：小程序码、投屏与主持人本人', () => {
  it("should show the rotating mini-program code whose scene signs in from WeChat's scanner [CHK-05]", async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    expect(page.data.qr.src).toBeTruthy(); // the code image of this window
    expect(find(page, '.qr__wxcode')).toBeTruthy();
    expect(textOf(page)).toContain('扫一扫');
    const t = await server.backend.ok(
      'activity',
      'checkinToken',
      { activityId: THEME_DAY },
      'demo-secretary',
    );
    expect(t.scene.length).toBeLessThanOrEqual(32);
    const ok = await server.backend.ok('activity', 'checkin', { token: t.scene }, 'demo-member-5');
    expect(ok.activityId).toBe(THEME_DAY);
  });

  it('should go full-screen for the projector with title and count, screen kept on', async () => {
    const keep = jest.fn();
    wx.setKeepScreenOn = keep;
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    expect(keep).toHaveBeenCalledWith({ keepScreenOn: true });
    await tap(page, '.projector-button', '.t-button');
    const shown = textOf(find(page, '.projector'));
    expect(shown).toContain('学习贯彻党的二十届四中全会精神');
    expect(shown).toMatch(/已到 \d+ 人 \/ 应到 \d+ 人/);
    await tap(page, '.projector');
    expect(find(page, '.projector')).toBeUndefined();
    page.instance.onHide();
    expect(keep).toHaveBeenLastCalledWith({ keepScreenOn: false });
    delete wx.setKeepScreenOn;
  });

  it('should record the host present and offer no 更正 on her own row [CHK-13, PRIV-21]', async () => {
    actAs('demo-secretary');
    const page = await openPage(hostPage, { id: THEME_DAY });
    await tap(page, '.refresh-button', '.t-button');
    const own = find(page, '.row-demo-secretary')!;
    expect(textOf(own)).toContain('已签到');
    expect(textOf(own)).toContain('本人');
    expect(find(page, '.row-demo-secretary .correct-button')).toBeUndefined();
    expect(find(page, '.row-demo-member-1 .correct-button')).toBeTruthy();
    expect(
      server.backend.docs('attendance').find((a) => a._id === `${THEME_DAY}:demo-secretary`),
    ).toMatchObject({ status: 'present', method: 'host' });
  });
});
