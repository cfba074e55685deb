import { createHmac } from 'crypto';
import { Backend, snapshot, startBackend } from '../support/backend';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const M1 = 'demo-member-1';
const DEMO = Date.parse('2026-12-01T09:00:00+08:00');
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const row = (activityId: string, memberId: string) =>
  b.docs('attendance').find((r) => r._id === `${activityId}:${memberId}`);
const scene = async (activityId = 'demo-theme-day') =>
  (await b.ok('activity', 'checkinToken', { activityId }, SEC)).scene;
const otherThemeDay = async () =>
  (
    await b.ok(
      'activity',
      'create',
      {
        orgId: 'demo-branch',
        type: 'themeDay',
        title: '另一场主题党日',
        startAt: '2026-12-01T08:30:00+08:00',
        endAt: '2026-12-01T11:30:00+08:00',
      },
      SEC,
    )
  ).id;

describe('the scene token of the rotating mini-program code [CHK-05]', () => {
  it('fits wxacode scene (≤ 32 allowed characters) and comes with the code image of its window [CHK-05]', async () => {
    const t = await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, SEC);
    expect(t.scene.length).toBeLessThanOrEqual(32);
    expect(t.scene).toMatch(SCENE_CHARS);
    expect(t.page).toBe('subpackages/activity/checkin/index');
    expect(t.fileId).toEqual(expect.any(String));
    // the same window: the same image (cached), not a new one from WeChat
    const again = await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, SEC);
    expect(again).toMatchObject({ scene: t.scene, fileId: t.fileId });
    // the next window: a new scene and a new image
    b.emulator.clock.freeze(DEMO + 30_000);
    const next = await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, SEC);
    expect(next.scene).not.toBe(t.scene);
    expect(next.fileId).not.toBe(t.fileId);
  });

  it('signs the member in through checkin {token}, once [CHK-05]', async () => {
    const token = await scene();
    const preview = await b.ok('activity', 'checkinPreview', { token }, M1);
    expect(preview).toMatchObject({ activityId: 'demo-theme-day', myStatus: null, open: true });
    expect(row('demo-theme-day', M1)).toBeUndefined(); // the preview signs nobody in
    const r = await b.ok('activity', 'checkin', { token }, M1);
    expect(r).toMatchObject({ activityId: 'demo-theme-day', alreadyCheckedIn: false });
    expect(row('demo-theme-day', M1)).toMatchObject({ method: 'qr' });
    expect((await b.ok('activity', 'checkin', { token }, M1)).alreadyCheckedIn).toBe(true);
    expect((await b.ok('activity', 'checkinPreview', { token }, M1)).myStatus).toBe(r.status);
  });

  it('is valid ≤ 60 s, then CHECKIN.TOKEN_EXPIRED with a plain message [CHK-05]', async () => {
    b.emulator.clock.freeze(DEMO);
    const token = await scene();
    b.emulator.clock.freeze(DEMO + 59_000);
    expect((await b.ok('activity', 'checkinPreview', { token }, M1)).open).toBe(true);
    b.emulator.clock.freeze(DEMO + 61_000);
    const s = snapshot(b);
    const e = await b.err('activity', 'checkin', { token }, M1);
    expect(e.code).toBe('CHECKIN.TOKEN_EXPIRED');
    expect(e.message).toBe('签到码已更新，请重新扫描现场的二维码');
    expect((await b.err('activity', 'checkinPreview', { token }, M1)).code).toBe(
      'CHECKIN.TOKEN_EXPIRED',
    );
    expect(snapshot(b)).toBe(s);
  });

  it('refuses a forged, altered or cross-activity scene as CHECKIN.TOKEN_INVALID [CHK-05]', async () => {
    const token = await scene();
    const other = await scene(await otherThemeDay());
    const [code, window, sig] = token.split('.');
    const [otherCode] = other.split('.');
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const forged = [
      `${code}.${window}.${sig.slice(0, -1)}${flip(sig.slice(-1))}`, // altered signature
      `${otherCode}.${window}.${sig}`, // another activity's code with this signature
      `${code}.${(parseInt(window, 36) + 1).toString(36)}.${sig}`, // another window
      // signed with a key that is not the function's
      `${code}.${window}.${createHmac('sha256', 'guess').update(`scene:${code}.${window}`).digest('base64url').slice(0, 12)}`,
      'AAAAAAAAAA.1.AAAAAAAAAAAA',
    ];
    const s = snapshot(b);
    for (const t of forged)
      expect((await b.err('activity', 'checkin', { token: t }, M1)).code).toBe(
        'CHECKIN.TOKEN_INVALID',
      );
    expect(snapshot(b)).toBe(s);
    // the other activity's own code signs into that one, not into the theme day
    expect((await b.ok('activity', 'checkin', { token: other }, M1)).activityId).not.toBe(
      'demo-theme-day',
    );
  });
});

describe("the host's own attendance [CHK-13]", () => {
  it('records the host present (method host) on opening the console in the window; never offered a correction of it', async () => {
    await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, SEC);
    expect(row('demo-theme-day', SEC)).toMatchObject({ status: 'present', method: 'host' });
    const me = (await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC)).find(
      (r) => r.memberId === SEC,
    );
    expect(me).toMatchObject({ status: 'present', method: 'host' });
  });

  it('closes with the host and the recorder present, never absent at their own meeting', async () => {
    const a = b.docs('activities').find((x) => x._id === 'demo-theme-day') as {
      hostId: string;
      recorderId: string | null;
    };
    await b.ok('activity', 'close', { activityId: 'demo-theme-day' }, SEC);
    expect(row('demo-theme-day', a.hostId)).toMatchObject({ status: 'present', method: 'host' });
    if (a.recorderId)
      expect(row('demo-theme-day', a.recorderId)).toMatchObject({
        status: 'present',
        method: 'host',
      });
  });
});
