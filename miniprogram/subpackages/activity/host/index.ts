// 主持台 (committee, host or recorder): the rotating sign-in QR, live counts, the roster with
// leave and online decisions, closing the session, the 纪实 record and votes. The QR token
// rotates when the backend says so (refreshInMs); counts are polled every 5 s while shown.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import {
  closeActivity,
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

interface Live {
  timer?: ReturnType<typeof setInterval>;
  ticks: number;
  tokenAgeMs: number;
  refreshInMs: number;
  countsKey: string;
  fetchingToken: boolean;
}

// Timers and bookkeeping that never reach the view, per page instance.
const lives = new WeakMap<object, Live>();

function liveOf(page: object): Live {
  let live = lives.get(page);
  if (!live) {
    live = { ticks: 0, tokenAgeMs: 0, refreshInMs: 30_000, countsKey: '', fetchingToken: false };
    lives.set(page, live);
  }
  return live;
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    id: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    refused: false,
    refusal: REFUSAL,
    head: null as HeadView | null,
    counts: null as CountsView | null,
    rows: [] as RowView[],
    qr: { value: '', status: 'loading', secondsLeft: 0, message: '' },
    record: null as ActivityDetail['record'],
    closedSummary: '',
    busy: false,
  },
  lifetimes: {
    detached() {
      this.stop();
      lives.delete(this);
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
    },
    onShow() {
      this.load();
    },
    onHide() {
      this.stop();
    },
    async load() {
      if (!this.data.head) this.setData({ status: 'loading', errorMessage: '' });
      let detail: ActivityDetail;
      try {
        detail = await fetchActivity(this.data.id);
      } catch (err) {
        this.setData({ status: 'error', errorMessage: messageOf(err) });
        return;
      }
      if (!detail.canManage) {
        this.stop();
        this.setData({ status: 'ready', refused: true, head: null });
        return;
      }
      this.showDetail(detail);
      this.setData({ status: 'ready', refused: false });
      await this.loadRoster();
      if (detail.status === 'closed') this.stop();
      else this.start();
    },
    showDetail(detail: ActivityDetail) {
      liveOf(this).countsKey = JSON.stringify(detail.counts);
      this.setData({
        head: toHeadView(detail),
        counts: toCountsView(detail),
        record: detail.record,
      });
    },
    async loadRoster() {
      try {
        const rows = await fetchAttendance(this.data.id);
        this.setData({ rows: rows.map(toRowView) });
      } catch (err) {
        toast(messageOf(err));
      }
    },
    start() {
      const live = liveOf(this);
      if (live.timer) return;
      live.ticks = 0;
      live.timer = setInterval(() => this.tick(), TICK_MS);
      this.rotate();
    },
    stop() {
      const live = lives.get(this);
      if (live?.timer) clearInterval(live.timer);
      if (live) live.timer = undefined;
    },
    tick() {
      const live = liveOf(this);
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
      const live = liveOf(this);
      if (live.fetchingToken) return;
      live.fetchingToken = true;
      try {
        const t = await fetchCheckinToken(this.data.id);
        live.refreshInMs = Math.max(MIN_REFRESH_MS, t.refreshInMs);
        live.tokenAgeMs = 0;
        this.setData({
          qr: {
            value: t.token,
            status: 'active',
            secondsLeft: Math.ceil(live.refreshInMs / 1000),
            message: '',
          },
        });
      } catch (err) {
        live.tokenAgeMs = 0; // try again after one refresh period
        this.setData({ 'qr.status': 'expired', 'qr.message': messageOf(err) });
        if (codeOf(err) === 'CHECKIN.CLOSED') this.load();
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
          await this.load();
          return;
        }
        const key = JSON.stringify(detail.counts);
        const changed = key !== liveOf(this).countsKey;
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
    async run(action: () => Promise<unknown>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        await action();
        toast(done, 'success');
        await this.poll(true);
      } catch (err) {
        toast(messageOf(err));
      } finally {
        this.setData({ busy: false });
      }
    },
    onLeave(e: WechatMiniprogram.TouchEvent<object, object, { member: string; approve: boolean }>) {
      const { member, approve } = e.currentTarget.dataset;
      return this.run(
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
      await this.run(
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
      await this.run(
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
      const ok = await confirmDialog(
        '结束活动',
        '结束后将停止签到，并按签到与请假情况生成考勤结果。确定结束吗？',
        '结束',
      );
      if (!ok || this.data.busy) return;
      this.setData({ busy: true });
      try {
        const c = await closeActivity(this.data.id);
        this.stop();
        this.setData({
          closedSummary: `活动已结束：签到 ${c.present} 人，迟到 ${c.late} 人，线上 ${c.remote} 人，请假 ${c.excused} 人，缺席 ${c.absent} 人，免参加 ${c.exempt} 人`,
        });
        await this.load();
      } catch (err) {
        toast(messageOf(err));
      } finally {
        this.setData({ busy: false });
      }
    },
    onSaved() {
      return this.poll(true);
    },
  },
});
