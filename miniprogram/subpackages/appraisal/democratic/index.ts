// 民主评议党员 (?id=<campaign>): the committee's page for one branch and year [APR-01, APR-02,
// APR-06, APR-08]. The steps in order; 学习已完成 (and closing 自评 / 互评 when someone cannot
// take part) with a note; who takes part, with 自评 / 互评 marks and 代为录入 / 录入互评; the
// 测评 boxes: 开始民主测评 at a meeting (手机投票) or on paper, 结束投票, 录入纸质票; then
// 评定等次 and the 整改清单. A member who is a participant gets 写个人自评. Offers from `get.can`.
import {
  archiveCampaign,
  closeBallot,
  completeStep,
  enterTally,
  fetchCampaign,
  openBallot,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, promptText, toast } from '../../../utils/platform';
import { closedText } from '../board/view';
import { confirmClose, meetingChoices, NEED_MEETING, readPaperTally } from '../boxes';
import { stepViews, type StepView } from '../view';
import {
  boxViews,
  handStep,
  participantViews,
  progressText,
  tallyRows,
  type BoxView,
  type ParticipantView,
} from './view';

type Tap = WechatMiniprogram.TouchEvent<object, object, Record<string, string>>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }, object, Record<string, string>>;
type Democratic = NonNullable<Awaited<ReturnType<typeof fetchCampaign>>['democratic']>;

definePage({
  fields: () => ({
    id: '',
    orgId: '',
    year: 0,
    d: null as Democratic | null,
    tally: {} as Record<string, string>,
  }),
  data: {
    title: '',
    timing: '',
    alerts: [] as string[],
    steps: [] as StepView[],
    hand: null as ReturnType<typeof handStep>,
    progress: '',
    people: [] as ParticipantView[],
    boxes: [] as BoxView[],
    mine: '',
    canProxy: false,
    canMutual: false,
    canOpen: false,
    canClose: false,
    canBoard: false,
    canArchive: false,
    /** The campaign whose 登记表 the caller may export (`get.can`); empty: none [APR-11]. */
    formFor: '',
    modes: ['手机投票（签到后在手机上投）', '纸质票（会后录入票数）'],
    modeIndex: 0,
    activityIds: [] as string[],
    activities: [] as string[],
    activityIndex: 0,
    tallyFor: '',
    tallyRows: [] as { key: string; label: string; cls: string }[],
    message: '',
    formError: '',
  },
  async load() {
    const c = await fetchCampaign({ id: this.id });
    const d = c.democratic;
    if (!d) return this.empty('这不是民主评议党员，请从首页重新进入');
    this.d = d;
    this.orgId = c.orgId;
    this.year = c.year;
    const canOpen = c.can.includes('openBallot');
    if (canOpen && !this.data.activityIds.length) await this.loadActivities(c.orgId);
    const mine = d.mine ? (d.mine.selfDone ? '✓ 您的个人自评已交' : '您还没有写个人自评') : '';
    this.setData({
      title: `${c.orgName}${c.year}年度民主评议党员`,
      timing: d.timing,
      alerts: (c.alerts ?? []).map((a) => a.message),
      steps: stepViews(c),
      hand: handStep(c),
      progress: progressText(d),
      people: participantViews(d),
      boxes: boxViews(d),
      mine,
      // 代为录入 while the committee runs the 自评 step; 录入互评 in the 互评 step (`get.can`).
      canProxy: c.can.includes('selfEvaluate') && c.can.includes('completeStep'),
      canMutual: c.can.includes('recordMutual'),
      canArchive: c.can.includes('archive'),
      formFor: c.can.includes('form') ? this.id : '',
      canOpen,
      canClose: c.can.includes('closeBallot'),
      // The board from 组织评定 on (once the 测评 is done), or whenever the caller may decide.
      canBoard: c.can.includes('decide') || !!c.steps.find((s) => s.key === 'ballot')?.done,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
    },
    async loadActivities(orgId: string) {
      this.setData(await meetingChoices([orgId], Date.now()));
    },
    onPick(e: Input) {
      const key = e.currentTarget.dataset.key as 'modeIndex' | 'activityIndex';
      this.setData({ [key]: Number(e.detail.value), formError: '' });
    },
    async onHandStep() {
      const hand = this.data.hand;
      if (!hand) return;
      const note = await promptText(hand.button, hand.ask);
      if (note === null) return;
      if (!note) return this.setData({ formError: hand.ask });
      await this.run(async () => {
        await completeStep({ id: this.id, step: hand.step, note });
        toast('已记录', 'success');
        this.setData({ message: `${hand.button}，已记录`, formError: '' });
        await this.reload();
      }, 'formError');
    },
    onSelf() {
      wx.navigateTo({ url: `/subpackages/appraisal/self/index?id=${encodeURIComponent(this.id)}` });
    },
    onEntry(e: Tap) {
      const { member, what } = e.currentTarget.dataset;
      const q = `id=${encodeURIComponent(this.id)}&memberId=${member}&what=${what}`;
      wx.navigateTo({ url: `/subpackages/appraisal/self/index?${q}` });
    },
    async onOpenBallot() {
      const mode = this.data.modeIndex === 0 ? 'app' : 'paper';
      const activityId = this.data.activityIds[this.data.activityIndex];
      if (mode === 'app' && !activityId) return this.setData({ formError: NEED_MEETING });
      await this.run(async () => {
        const r = await openBallot(
          mode === 'app'
            ? { id: this.id, box: 'assembly', mode, activityId }
            : { id: this.id, box: 'assembly', mode },
        );
        this.setData({
          message:
            mode === 'app' ? `民主测评已开始，可投票${r.eligible}人` : '已开启纸质票，会后录入票数',
          formError: '',
        });
        await this.reload();
      }, 'formError');
    },
    async onClose(e: Tap) {
      if (!(await confirmClose())) return;
      await this.run(async () => {
        const r = await closeBallot({ ballotId: e.currentTarget.dataset.id });
        this.setData({ message: closedText(r), formError: '' });
        await this.reload();
      }, 'formError');
    },
    onTallyForm(e: Tap) {
      const d = this.d;
      if (!d) return;
      const box = d.boxes.find((b) => b.ballotId === e.currentTarget.dataset.id);
      this.tally = {};
      this.setData({
        tallyFor: e.currentTarget.dataset.id,
        tallyRows: tallyRows(d, box?.group ?? null),
        formError: '',
      });
    },
    onTallyInput(e: Input) {
      this.tally[e.currentTarget.dataset.key] = e.detail.value;
    },
    async onEnterTally() {
      const t = readPaperTally(this.data.tallyRows, this.tally);
      if ('error' in t) return this.setData({ formError: t.error });
      await this.run(async () => {
        const { issued, returned, counts } = t;
        const r = await enterTally({ ballotId: this.data.tallyFor, issued, returned, counts });
        this.setData({ tallyFor: '', message: closedText(r), formError: '' });
        await this.reload();
      }, 'formError');
    },
    /** 记入个人档案, the last step [APR-02, APR-11]: the backend refuses while a 登记表 is short. */
    async onArchive() {
      const sure = await confirmDialog(
        '记入个人档案',
        '把每位党员的民主评议登记表记入个人档案，这次民主评议就完成了。确定吗？',
        '确定',
      );
      if (!sure) return;
      await this.run(async () => {
        await archiveCampaign({ id: this.id });
        this.setData({ message: '已记入个人档案，本次民主评议完成', formError: '' });
        await this.reload();
      }, 'formError');
    },
    onBoard() {
      wx.navigateTo({
        url: `/subpackages/appraisal/dboard/index?id=${encodeURIComponent(this.id)}`,
      });
    },
    onRectify() {
      wx.navigateTo({
        url: `/subpackages/appraisal/rectify/index?orgId=${this.orgId}&year=${this.year}`,
      });
    },
  },
});
