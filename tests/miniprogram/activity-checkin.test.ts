/** @jest-environment ./tests/setup/page-environment.ts */
// 签到 from WeChat's own 扫一扫: the rotating mini-program code on the host's screen opens the
// sign-in page with the scene token in the query, as the scanner does; the member confirms once
// and sees name, time and status full-screen [CHK-05]. Against the real backend.
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
} from '../setup/simulate';

const server = useBackend('demo');
let checkinPage: string;

beforeAll(() => {
  checkinPage = loadPage('subpackages/activity/checkin/index');
});

afterEach(() => {
  jest.restoreAllMocks();
  server.backend.restoreClock();
});

const THEME_DAY = 'demo-theme-day';

/** What the code on the host's screen carries now, as the host console fetched it. */
async function screenScene(): Promise<string> {
  const t = await server.backend.ok(
    'activity',
    'checkinToken',
    { activityId: THEME_DAY },
    'demo-secretary',
  );
  return t.scene;
}

/** The page as WeChat opens it from a mini-program code: `scene` URI-encoded, no other query. */
const openFromScanner = async (scene: string) =>
  openPage(checkinPage, { scene: encodeURIComponent(scene) });

const attendanceOf = (memberId: string) =>
  server.backend.docs('attendance').find((a) => a._id === `${THEME_DAY}:${memberId}`);

describe('签到 from the scanner [CHK-05]', () => {
  it('shows the activity and the member, then signs in with one confirmation [CHK-05]', async () => {
    actAs('demo-member-1');
    const page = await openFromScanner(await screenScene());
    const before = textOf(page);
    expect(before).toContain('学习贯彻党的二十届四中全会精神');
    expect(before).toContain('签到人');
    expect(before).toContain('确认签到');
    expect(attendanceOf('demo-member-1')).toBeUndefined(); // opening signs nobody in
    await tap(page, '.confirm-button', '.t-button');
    await settle();
    const after = textOf(page);
    const row = attendanceOf('demo-member-1');
    expect(row).toMatchObject({ status: 'present', method: 'qr' });
    expect(after).toContain('签到成功');
    expect(after).toContain('按时');
    expect(after).toMatch(/签到时间 12月1日 周二 09:00/);
    expect(after).not.toContain('确认签到');
    expect(find(page, '.done-button')).toBeDefined();
  });

  it('says 已签过 with the first time when the member scans again, one record [CHK-11]', async () => {
    actAs('demo-member-2');
    const first = await openFromScanner(await screenScene());
    await tap(first, '.confirm-button', '.t-button');
    await settle();
    const again = await openFromScanner(await screenScene());
    expect(textOf(again)).toContain('您已签过到');
    expect(find(again, '.confirm-button')).toBeUndefined();
    const mine = server.backend
      .docs('attendance')
      .filter((a) => a.activityId === THEME_DAY && a.memberId === 'demo-member-2');
    expect(mine).toHaveLength(1);
  });

  it('asks to scan again, in plain Chinese, when the code has moved on [CHK-05]', async () => {
    const scene = await screenScene();
    server.backend.emulator.clock.advance(61_000);
    actAs('demo-member-3');
    const page = await openFromScanner(scene);
    const text = textOf(page);
    expect(text).toContain('签到码已更新，请重新扫描现场的二维码');
    expect(text).not.toContain('CHECKIN');
    expect(find(page, '.rescan-button')).toBeDefined();
    // the in-app scanner reads our code's path and signs in from there
    const fresh = await server.backend.ok(
      'activity',
      'checkinToken',
      { activityId: THEME_DAY },
      'demo-secretary',
    );
    jest.spyOn(wx, 'scanCode').mockImplementation((opts: any) => {
      const path = `${fresh.page}?scene=${encodeURIComponent(fresh.scene)}`;
      setTimeout(() => opts.success({ result: '', scanType: 'WX_CODE', path }), 0);
    });
    await tap(page, '.rescan-button', '.t-button');
    await settle();
    await tap(page, '.confirm-button', '.t-button');
    await settle();
    expect(textOf(page)).toContain('签到成功');
    expect(attendanceOf('demo-member-3')).toMatchObject({ status: 'present' });
  });

  it('refuses a forged scene with the backend message and signs nobody in [CHK-05]', async () => {
    actAs('demo-member-4');
    const scene = await screenScene();
    const forged = `${scene.slice(0, -1)}${scene.endsWith('A') ? 'B' : 'A'}`;
    const page = await openFromScanner(forged);
    expect(textOf(page)).toContain('这不是本支部的签到码');
    expect(attendanceOf('demo-member-4')).toBeUndefined();
  });

  it('offers 去绑定 to a WeChat user not yet bound', async () => {
    actAs('wx-stranger-checkin');
    const page = await openFromScanner(await screenScene());
    expect(textOf(page)).toContain('去绑定');
    expect(textOf(page)).not.toContain('确认签到');
  });
});
