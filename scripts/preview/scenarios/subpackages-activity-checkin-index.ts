// 签到: the page WeChat's 扫一扫 opens from the rotating code on the host's screen, with the scene
// of the code shown at the demo instant (the key and the seed are fixed, so the scene is too).
import { DEMO_NOW_MS } from '../../../emulator/demo-instant';
import {
  checkinCodeOf,
  issueSceneToken,
} from '../../../cloudfunctions/_shared/domain/activity/token';
import type { Backend } from '../../../tests/support/backend';
import { definePreview } from '../scenario';

const SECRET = 'local-emulator-checkin-secret'; // the emulator's key (emulator/host.ts)
const sceneAt = (ms: number) =>
  issueSceneToken(SECRET, checkinCodeOf(SECRET, 'demo-theme-day'), ms);
const scene = sceneAt(DEMO_NOW_MS);
const LATER = DEMO_NOW_MS + 15 * 60_000;

/** The host console has been opened: the activity has its sign-in code. */
const hostShowsCode = async (b: Backend) => {
  await b.ok('activity', 'checkinToken', { activityId: 'demo-theme-day' }, 'demo-secretary');
};

export default definePreview({
  query: { scene: encodeURIComponent(scene) },
  scenarios: [
    {
      state: 'loaded',
      caption: '扫码后：确认签到',
      openid: 'demo-member-1',
      setup: hostShowsCode,
      readme: 'sign-in',
    },
    {
      state: 'large',
      caption: '大字模式',
      openid: 'demo-member-1',
      large: true,
      setup: hostShowsCode,
    },
    {
      state: 'signed',
      caption: '确认后：全屏结果',
      openid: 'demo-member-1',
      setup: hostShowsCode,
      readme: 'signed-in',
      act: (p) => p.tap('.confirm-button', '.t-button'),
    },
    {
      state: 'late',
      caption: '迟到',
      openid: 'demo-member-2',
      // a quarter of an hour later than the demo instant: past the 按时 limit
      setup: async (b) => {
        await hostShowsCode(b);
        b.emulator.clock.freeze(LATER);
      },
      query: { scene: encodeURIComponent(sceneAt(LATER)) },
      act: (p) => p.tap('.confirm-button', '.t-button'),
    },
    {
      state: 'already',
      caption: '再次扫码：已签过',
      openid: 'demo-member-1',
      setup: async (b) => {
        const t = await b.ok(
          'activity',
          'checkinToken',
          { activityId: 'demo-theme-day' },
          'demo-secretary',
        );
        await b.ok('activity', 'checkin', { token: t.scene }, 'demo-member-1');
      },
    },
    {
      state: 'expired',
      caption: '签到码已更新',
      openid: 'demo-member-1',
      now: DEMO_NOW_MS + 2 * 60_000,
      setup: hostShowsCode,
    },
  ],
});
