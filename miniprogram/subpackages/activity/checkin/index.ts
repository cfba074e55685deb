// 签到: the page WeChat's 扫一扫 opens from the rotating code on the host's screen (`scene` is
// the sign-in token). It shows the activity and the member's name, one big 确认签到, then the
// result full-screen: name, time and status in large text, and the way back [CHK-05].
import { checkIn, fetchCheckinPreview } from '../../../services/activity';
import { codeOf, messageOf } from '../../../services/cloud';
import { UNBOUND } from '../../../services/org';
import { definePage } from '../../../utils/define-page';
import { locateOnce, scanQr } from '../../../utils/platform';
import {
  alreadyResult,
  checkinResult,
  failedResult,
  sceneOfPath,
  toConfirmView,
  tokenOfQuery,
  type ConfirmView,
  type ResultView,
} from './view';

const NO_CODE = '没有读到签到码，请重新扫描现场的二维码';

definePage({
  // Loaded once: coming back from another page must not re-read a code that has moved on.
  once: true,
  data: {
    token: '',
    activityId: '',
    geofence: false,
    c: null as ConfirmView | null,
    result: null as ResultView | null,
  },
  async load(me) {
    const name = me.member.name;
    if (!this.data.token) {
      this.setData({ c: null, result: failedResult(NO_CODE, name) });
      return;
    }
    try {
      const p = await fetchCheckinPreview(this.data.token);
      this.setData({
        activityId: p.activityId,
        geofence: p.geofence,
        c: toConfirmView(p, name),
        result: alreadyResult(p, name),
      });
    } catch (err) {
      if (codeOf(err) === UNBOUND) throw err; // the frame shows 去绑定, and comes back here
      this.setData({ c: null, result: failedResult(messageOf(err), name) });
    }
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ token: tokenOfQuery(query) });
    },
    /** The one confirmation: the sign-in itself, then the full-screen result. */
    async onConfirm() {
      const name = this.me.member.name;
      await this.run(
        async () => {
          // Only a geofenced activity asks where the member is (the backend keeps pass/mismatch).
          const location = this.data.geofence ? await locateOnce() : undefined;
          const r = await checkIn(this.data.token, location);
          this.setData({ result: checkinResult(r, name) });
        },
        (message) => this.setData({ result: failedResult(message, name) }),
      );
    },
    /** Scan again from here (the code on the screen moved on): our code's scene, or a raw token. */
    async onRescan() {
      const scanned = await scanQr();
      if (scanned.kind === 'cancelled') return;
      const token =
        scanned.kind === 'wxCode'
          ? sceneOfPath(scanned.path)
          : scanned.kind === 'text'
            ? scanned.text
            : '';
      this.setData({ token, c: null, result: null, status: 'loading' });
      await this.reload();
    },
    onDetail() {
      if (this.data.activityId)
        wx.redirectTo({ url: `/subpackages/activity/detail/index?id=${this.data.activityId}` });
    },
    /** Back where the member came from, or home when the scanner opened this page alone. */
    onDone() {
      if (getCurrentPages().length > 1) wx.navigateBack();
      else wx.switchTab({ url: '/pages/home/index/index' });
    },
  },
});
