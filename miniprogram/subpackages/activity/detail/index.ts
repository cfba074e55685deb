// 活动详情: what, when and where, the member's own state, and the member's actions: scan the
// rotating code to sign in, join online (流动党员 or where allowed), or ask for leave before the
// cut-off. Once signed in, the page leads with the answer (status and time), not the scan button.
// Opened from the list (?id=) or from a printed entry code (?scene=<activityId>).
import {
  approveLateRegistration,
  attendInflow,
  checkIn,
  fetchActivity,
  joinRemotely,
  requestLeave,
} from '../../../services/activity';
import { fetchBallots } from '../../../services/appraisal';
import { ballotEntry } from '../../../utils/appraisal-kinds';
import { askSubscription } from '../../../services/subscription';
import type { ActionOutput } from '../../../services/types';
import { attendanceLabels, clockText } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { locateOnce, scanQr } from '../../../utils/platform';
import { activityShare } from '../../../utils/share';
import { sceneOfPath } from '../checkin/view';
import { toDetailView, type DetailView, type ResultView } from './view';

type Panel = '' | 'remote' | 'leave' | 'inflow';
type Category = 'sick' | 'personal' | 'official';

function checkinResult(r: ActionOutput<'activity', 'checkin'>): ResultView {
  const at = `签到时间 ${clockText(r.at)}`;
  const geo = r.geo === 'mismatch' ? '；位置与活动地点不符，待主持人核实' : '';
  if (r.alreadyCheckedIn) {
    return {
      theme: 'success',
      title: '已签到过',
      description: `您已签到（${attendanceLabels[r.status]}），${at}，无需重复签到`,
    };
  }
  if (r.status === 'late')
    return {
      theme: 'warning',
      title: '签到成功（迟到）',
      description: `已签到，记为迟到，${at}${geo}`,
    };
  return { theme: 'success', title: '签到成功', description: `${at}${geo}` };
}

definePage({
  data: {
    id: '',
    a: null as DetailView | null,
    result: null as ResultView | null,
    /** What the scan just did (签到成功, 已签到过), on the 已签到 card. */
    flash: '',
    panel: '' as Panel,
    note: '',
    reason: '',
    category: 'personal' as Category,
    categories: [
      { value: 'sick', label: '病假' },
      { value: 'personal', label: '事假' },
      { value: 'official', label: '公假' },
    ],
    /** Optional screenshots or photos of the remote participation [CHK-15, PRIV-12]. */
    evidence: [] as string[],
    /** The 流入地 form: the organisation there, its proof as words and/or files [CHK-16]. */
    inflowOrg: '',
    proof: '',
    proofFiles: [] as string[],
    /** An upload is running: 提交 waits for it. */
    uploading: false,
    recordMedia: false,
    formError: '',
    ballot: null as ReturnType<typeof ballotEntry> | null,
  },
  async load(me) {
    // A ballot open to the caller here (双述双评, 民主评议, 评组织: one list) shows its button; a
    // failure hides only that.
    const [detail, ballots] = await Promise.all([
      fetchActivity(this.data.id),
      fetchBallots({ activityId: this.data.id }).catch(() => []),
    ]);
    this.setTitle(detail.title);
    const ballot = ballots.find((b) => !b.voted) ?? ballots[0];
    this.setData({
      a: toDetailView(detail, me),
      ballot: ballot ? ballotEntry(ballot.campaignId, this.data.id, !!ballot.voted) : null,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? (query.scene ? decodeURIComponent(query.scene) : '');
      // From the home card's 请假 / 线上参加: that form is already open.
      const focus = query.focus ?? '';
      const panel: Panel = ['leave', 'remote', 'inflow'].includes(focus) ? (focus as Panel) : '';
      this.setData({ id, panel });
    },
    async onScan() {
      if (this.data.busy) return;
      // Asked on the tap itself (the platform allows it only there); a refusal changes nothing.
      await askSubscription(['activityReminder']);
      const scanned = await scanQr();
      if (scanned.kind === 'cancelled') return;
      const notSignedIn = (description: string) =>
        this.setData({ result: { theme: 'error', title: '签到未完成', description } });
      // Our rotating mini-program code carries the token as its scene; a raw-token QR as text.
      const token =
        scanned.kind === 'wxCode'
          ? scanned.path.includes('activity/checkin/')
            ? sceneOfPath(scanned.path)
            : ''
          : scanned.kind === 'text'
            ? scanned.text
            : '';
      if (!token) {
        notSignedIn(
          scanned.kind === 'wxCode'
            ? '这是活动入口码，请扫描主持人出示的动态签到码'
            : '未识别到签到码，请重新扫码',
        );
        return;
      }
      this.setData({ result: null, flash: '' });
      await this.run(async () => {
        // Only a geofenced activity asks where the member is (the backend keeps pass/mismatch).
        const location = this.data.a?.geofence ? await locateOnce() : undefined;
        const res = await checkIn(token, location);
        const r = checkinResult(res);
        // The answer leads the page (the 已签到 card); a position to check stays a notice.
        this.setData({ flash: r.title, result: res.geo === 'mismatch' ? r : null });
        await this.reload();
      }, notSignedIn);
    },
    /** 转发: the activity's title and page, nothing about the member. */
    onShareAppMessage() {
      return activityShare(this.data.id, this.data.a?.title ?? '组织生活');
    },
    onOpenPanel(e: WechatMiniprogram.TouchEvent<object, object, { panel: Panel }>) {
      const { panel } = e.currentTarget.dataset;
      this.setData({ panel: this.data.panel === panel ? '' : panel, formError: '' });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    onInflowField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, formError: '' });
    },
    onFiles(e: WechatMiniprogram.CustomEvent<{ fileIds: string[] }, object, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.fileIds, formError: '' });
    },
    /** The record's gallery drew something: it gets its card (nothing visible, no empty card). */
    onRecordMedia(e: WechatMiniprogram.CustomEvent<{ count: number }>) {
      this.setData({ recordMedia: e.detail.count > 0 });
    },
    onMediaBusy(e: WechatMiniprogram.CustomEvent<{ uploading: boolean }>) {
      this.setData({ uploading: e.detail.uploading });
    },
    onCategory(e: WechatMiniprogram.TouchEvent<object, object, { value: Category }>) {
      this.setData({ category: e.currentTarget.dataset.value });
    },
    async onSubmitRemote() {
      const note = this.data.note.trim();
      if (!note) return this.setData({ formError: '请填写参学说明' });
      const { evidence } = this.data;
      await this.submit(async () => {
        await joinRemotely({
          activityId: this.data.id,
          note,
          ...(evidence.length ? { evidence } : {}),
        });
        const attached = evidence.length ? `和${evidence.length}份截图或照片` : '';
        return {
          theme: 'success',
          title: '已线上参加',
          description: `参学说明${attached}已提交，主持人可查看`,
        };
      });
    },
    /** 在流入地参加: counts once the host accepts the proof, which may follow [CHK-16, CHK-15]. */
    async onSubmitInflow() {
      const inflowOrg = this.data.inflowOrg.trim();
      if (!inflowOrg) return this.setData({ formError: '请填写参加活动的流入地党组织' });
      const proof = this.data.proof.trim();
      const { proofFiles } = this.data;
      await this.submit(async () => {
        const res = await attendInflow({
          activityId: this.data.id,
          inflowOrg,
          ...(proof ? { proof } : {}),
          ...(proofFiles.length ? { proofFiles } : {}),
        });
        return res.proofReceived
          ? {
              theme: 'success',
              title: '已登记在流入地参加',
              description: '证明已提交，主持人确认后计为线上参加',
            }
          : {
              theme: 'warning',
              title: '已登记，证明待补交',
              description: '请尽快补交流入地党组织的证明，主持人确认后计为线上参加',
            };
      });
    },
    async onSubmitLeave() {
      const reason = this.data.reason.trim();
      if (!reason) return this.setData({ formError: '请填写请假事由' });
      await this.submit(async () => {
        await requestLeave({ activityId: this.data.id, reason, category: this.data.category });
        return { theme: 'success', title: '请假申请已提交', description: '等待书记或主持人审批' };
      });
    },
    async submit(action: () => Promise<ResultView>) {
      if (this.data.uploading)
        return this.setData({ formError: '文件还在上传，请等上传完成再提交' });
      await this.run(async () => {
        const result = await action();
        this.setData({
          result,
          panel: '',
          note: '',
          reason: '',
          evidence: [],
          proof: '',
          proofFiles: [],
        });
        await this.reload();
      }, 'formError');
    },
    onCopyLink() {
      wx.setClipboardData({ data: this.data.a?.onlineUrl ?? '' });
    },
    /** The superior's answer to a late registration; the backend checks the permission. */
    async onDecideLate(e: WechatMiniprogram.TouchEvent<object, object, { approve: string }>) {
      const approve = e.currentTarget.dataset.approve === 'yes';
      await this.run(async () => {
        await approveLateRegistration({ activityId: this.data.id, approve });
        const description = approve
          ? '本次活动计入支部的落实情况'
          : '本次补录不计入落实情况，支部可补充材料后再报';
        this.setData({
          result: { theme: 'success', title: approve ? '已批准补录' : '已答复不批准', description },
        });
        await this.reload();
      }, 'formError');
    },
    onOpenBallot() {
      if (this.data.ballot) wx.navigateTo({ url: this.data.ballot.url });
    },
    onOpenHost() {
      wx.navigateTo({ url: `/subpackages/activity/host/index?id=${this.data.id}` });
    },
  },
});
