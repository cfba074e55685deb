// 主持台 (committee, host or recorder): the rotating sign-in code (a mini-program code that
// WeChat's 扫一扫 opens; full-screen 投屏 with the screen kept on), live counts, the roster with
// leave and online decisions, closing the session, the 纪实 record and votes. The code rotates
// when the backend says so (refreshInMs); counts are polled every 5 s while shown. Opening it
// records the host herself present; her own row offers no 更正 (PRIV-21).
import {
  closeActivity,
  codeImageUrl,
  decideLeave,
  decideRemote,
  fetchActivity,
  fetchAttendance,
  fetchCheckinToken,
  setAttendance,
} from '../../../services/activity';
import { codeOf, messageOf } from '../../../services/cloud';
import type { ActivityDetail } from '../../../services/types';
import { attendanceLabels } from '../../../utils/activity-view';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { closeWarning } from './close-preview';
import { confirmDialog, pickAction, promptText, toast } from '../../../utils/platform';
import {
  correctable,
  toCountsView,
  toHeadView,
  toRowView,
  type CountsView,
  type HeadView,
  type RowView,
} from './view';

const TICK_MS = 1000;
const POLL_EVERY_TICKS = 5;
const MIN_REFRESH_MS = TICK_MS;
const REFUSAL = '只有本次活动的主持人、记录人或支部委员可以使用主持台';

/** Keeps the phone's screen on while the code is shown (no-op where the platform lacks it). */
function keepScreenOn(on: boolean): void {
  if (typeof wx.setKeepScreenOn === 'function') wx.setKeepScreenOn({ keepScreenOn: on });
}

const freshLive = () => ({
  timer: undefined as ReturnType<typeof setInterval> | undefined,
  ticks: 0,
  tokenAgeMs: 0,
  refreshInMs: 30_000,
  countsKey: '',
  fetchingToken: false,
  /** The first token of this showing records the host present: the counts follow at once. */
  firstToken: true,
});

definePage({
  // The ticker and its bookkeeping, which never reach the view.
  fields: () => ({ live: freshLive() }),
  data: {
    id: '',
    head: null as HeadView | null,
    counts: null as CountsView | null,
    rows: [] as RowView[],
    qr: { value: '', src: '', status: 'loading', secondsLeft: 0, message: '' },
    /** 投屏: the code full-screen for a projector or a big screen, the screen kept on. */
    projector: false,
    meId: '',
    /** The activity's branch: where the 纪实's files are kept. */
    orgId: '',
    record: null as ActivityDetail['record'],
    closedSummary: '',
    /** 导出签到表: for those who may see the branch's 台账 (activity.oversee), once closed. */
    canExport: false,
  },
  lifetimes: {
    detached() {
      this.stop();
    },
  },
  async load(me) {
    this.setData({ meId: me.member.id });
    const detail = await fetchActivity(this.data.id);
    if (!detail.canManage) {
      this.stop();
      this.setData({ head: null });
      return this.empty(REFUSAL);
    }
    this.setData({ canExport: can(me, 'activity.oversee', detail.orgId) });
    return this.open(detail);
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
    },
    onHide() {
      this.stop();
    },
    /** The console of an activity this member may run: roster, and the ticker unless closed. */
    async open(detail: ActivityDetail) {
      this.showDetail(detail);
      await this.loadRoster();
      if (detail.status === 'closed') this.stop();
      else this.start();
    },
    showDetail(detail: ActivityDetail) {
      this.live.countsKey = JSON.stringify(detail.counts);
      this.setData({
        head: toHeadView(detail),
        counts: toCountsView(detail),
        orgId: detail.orgId,
        record: detail.record,
      });
    },
    async loadRoster() {
      try {
        const rows = await fetchAttendance(this.data.id);
        this.setData({ rows: rows.map((r) => toRowView(r, this.data.meId)) });
      } catch (err) {
        toast(messageOf(err));
      }
    },
    start() {
      const { live } = this;
      if (live.timer) return;
      live.ticks = 0;
      live.timer = setInterval(() => this.tick(), TICK_MS);
      keepScreenOn(true); // the code stays on screen through the sign-in
      this.rotate();
    },
    stop() {
      if (this.live.timer) {
        clearInterval(this.live.timer);
        keepScreenOn(false);
      }
      this.live.timer = undefined;
      if (this.data.projector) this.setData({ projector: false });
    },
    /** Tap the code: full-screen for the projector; tap again (or 退出投屏) to come back. */
    onProjector() {
      if (!this.data.qr.value) return;
      this.setData({ projector: true });
    },
    onProjectorExit() {
      this.setData({ projector: false });
    },
    tick() {
      const { live } = this;
      live.ticks += 1;
      live.tokenAgeMs += TICK_MS;
      const left = Math.max(0, Math.ceil((live.refreshInMs - live.tokenAgeMs) / 1000));
      if (this.data.qr.value && left !== this.data.qr.secondsLeft) {
        this.setData({ 'qr.secondsLeft': left });
      }
      if (live.tokenAgeMs >= live.refreshInMs) this.rotate();
      if (live.ticks % POLL_EVERY_TICKS === 0) this.poll(false);
    },
    /** A fresh QR token; the old one stays valid for a short grace the backend allows. */
    async rotate() {
      const { live } = this;
      if (live.fetchingToken) return;
      live.fetchingToken = true;
      try {
        const t = await fetchCheckinToken(this.data.id);
        live.refreshInMs = Math.max(MIN_REFRESH_MS, t.refreshInMs);
        live.tokenAgeMs = 0;
        // Its address comes from the backend; without it the raw-token QR still signs in.
        const src = t.fileId ? await codeImageUrl(t.fileId).catch(() => '') : '';
        this.setData({
          qr: {
            value: t.token,
            // The mini-program code WeChat's 扫一扫 opens; the raw-token QR only without it.
            src,
            status: 'active',
            secondsLeft: Math.ceil(live.refreshInMs / 1000),
            message: '',
          },
        });
        if (live.firstToken) {
          live.firstToken = false;
          void this.poll(true);
        }
      } catch (err) {
        live.tokenAgeMs = 0; // try again after one refresh period
        this.setData({ 'qr.status': 'expired', 'qr.message': messageOf(err) });
        if (codeOf(err) === 'CHECKIN.CLOSED') this.reload();
      } finally {
        live.fetchingToken = false;
      }
    },
    /** Counts from `get`; the roster is reloaded only when they changed (or on 刷新). */
    async poll(force: boolean) {
      try {
        const detail = await fetchActivity(this.data.id);
        if (detail.status === 'closed' && !this.data.head?.closed) {
          // Closed elsewhere (another committee member): show the final state, stop the QR.
          this.stop();
          await this.reload();
          return;
        }
        const key = JSON.stringify(detail.counts);
        const changed = key !== this.live.countsKey;
        if (changed || force) this.showDetail(detail);
        if (changed || force) await this.loadRoster();
      } catch {
        // A missed poll is retried on the next one; the screen keeps the last counts.
      }
    },
    onRefresh() {
      return this.poll(true);
    },
    onQrRefresh() {
      return this.rotate();
    },
    /** One decision on the roster, then the counts and roster again; failures in a toast. */
    async act(action: () => Promise<unknown>, done: string) {
      await this.run(async () => {
        await action();
        toast(done, 'success');
        await this.poll(true);
      });
    },
    onLeave(e: WechatMiniprogram.TouchEvent<object, object, { member: string; approve: boolean }>) {
      const { member, approve } = e.currentTarget.dataset;
      return this.act(
        () => decideLeave({ activityId: this.data.id, memberId: member, approve: !!approve }),
        approve ? '已批准请假' : '已不批准',
      );
    },
    async onRemote(
      e: WechatMiniprogram.TouchEvent<object, object, { member: string; accept: boolean }>,
    ) {
      const { member, accept } = e.currentTarget.dataset;
      let reason: string | undefined;
      if (!accept) {
        const text = await promptText('驳回线上参加', '请填写驳回理由');
        if (!text) return;
        reason = text;
      }
      await this.act(
        () =>
          decideRemote({ activityId: this.data.id, memberId: member, accept: !!accept, reason }),
        accept ? '已确认线上参加' : '已驳回',
      );
    },
    /** Roll-call or correction by the host: a state and a reason, audited by the backend. */
    async onCorrect(e: WechatMiniprogram.TouchEvent<object, object, { member: string }>) {
      const { member } = e.currentTarget.dataset;
      const index = await pickAction(correctable.map((s) => attendanceLabels[s]));
      if (index < 0) return;
      const reason = await promptText('登记理由', '如：现场点名、未带手机');
      if (!reason) return;
      await this.act(
        () =>
          setAttendance({
            activityId: this.data.id,
            memberId: member,
            status: correctable[index],
            reason,
          }),
        '已登记',
      );
    },
    async onClose() {
      // Who will be absent, by name, and that the 纪实 is needed to count [CHK-02, MTG-27].
      let text = '结束后将停止签到，并按签到与请假情况生成考勤结果。确定结束吗？';
      try {
        const [detail, rows] = await Promise.all([
          fetchActivity(this.data.id),
          fetchAttendance(this.data.id),
        ]);
        text = closeWarning(detail, rows);
      } catch {
        // the plain warning still lets the host close
      }
      const ok = await confirmDialog('结束活动', text, '结束');
      if (!ok) return;
      await this.run(async () => {
        const c = await closeActivity(this.data.id);
        this.stop();
        this.setData({
          closedSummary: `活动已结束：签到 ${c.present} 人，迟到 ${c.late} 人，线上 ${c.remote} 人，请假 ${c.excused} 人，缺席 ${c.absent} 人，免参加 ${c.exempt} 人`,
        });
        await this.reload();
      });
    },
    onSaved() {
      return this.poll(true);
    },
  },
});
