// 评定党员等次: the committee's 民主评议 decision board (?id=<campaign>) [APR-05, APR-06, APR-09,
// APR-10, APR-12, APR-20]. Per member side by side: 个人自评, 互评情况 (录入 from the minutes),
// the tally or why it is held back, 先锋指数 and flags, the advisory grade; grade pickers for each
// 正式党员 (预备党员 and imported results without one), an explicit choice for every flag, reason
// boxes for ties and departures from the majority, the 优秀 meter counting the picks on screen.
// 签字确认 sends the grades; 反馈结果 publishes. Offers from `get.can`; the backend decides.
import {
  decideGrades,
  fetchCampaign,
  fetchDemocraticBoard,
  publishResult,
  type DemocraticBoardOut,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import {
  gradesToSend,
  memberView,
  needsReason,
  problemListText,
  quotaText,
  tieTexts,
  type FlagChoice,
  type MemberView,
  type QuotaText,
} from './view';

type Tap = WechatMiniprogram.TouchEvent<object, object, Record<string, string>>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }, object, Record<string, string>>;

definePage({
  fields: () => ({
    id: '',
    board: null as DemocraticBoardOut | null,
    picks: {} as Record<string, string>,
    flagChoices: {} as Record<string, FlagChoice>,
    reasons: {} as Record<string, string>,
  }),
  emptyOn: ['AUTH.FORBIDDEN'],
  data: {
    title: '',
    ballotLine: '',
    problemLine: '',
    members: [] as MemberView[],
    quota: null as QuotaText | null,
    ties: [] as string[],
    decided: '',
    canDecide: false,
    canPublish: false,
    canMutual: false,
    canImport: false,
    canHandle: false,
    canFlagProbationary: false,
    /** Once signed, each member's 登记表 may be exported (`get.can`) [APR-11]. */
    formFor: '',
    mobile: {} as Record<string, boolean>,
    worst: '',
    message: '',
    formError: '',
  },
  async load() {
    const [c, board] = await Promise.all([
      fetchCampaign({ id: this.id }),
      fetchDemocraticBoard({ id: this.id }),
    ]);
    if (!board) return this.empty('这不是民主评议党员，请从首页重新进入');
    this.board = board;
    for (const m of board.members) {
      if (m.grade && !this.picks[m.memberId]) this.picks[m.memberId] = m.grade;
      if (m.reason && !this.reasons[m.memberId]) this.reasons[m.memberId] = m.reason;
      if (m.flags.length && !this.flagChoices[m.memberId])
        this.flagChoices[m.memberId] =
          m.grade === worst(board) ? 'unqualified' : m.reason ? 'keep' : '';
    }
    this.setData({
      title: `${board.orgName}${board.year}年度民主评议党员`,
      ballotLine: board.ballot
        ? `民主测评：收回${board.ballot.returned}张，有效${board.ballot.valid}张${board.ballot.hidden ? `。${board.ballot.hidden}` : ''}`
        : '民主测评还没有结束',
      problemLine: problemListText(board),
      ties: tieTexts(board),
      decided: board.publishedAt
        ? '结果已反馈给每位党员本人'
        : board.decidedAt
          ? '等次已签字确认，还没有反馈给党员'
          : '',
      canDecide: c.can.includes('decide'),
      canPublish: c.can.includes('publish'),
      canMutual: c.can.includes('recordMutual'),
      canImport: c.can.includes('importResult'),
      canHandle: c.can.includes('recordHandling'),
      canFlagProbationary: c.can.includes('flagProbationary'),
      formFor: c.can.includes('form') && board.decidedAt ? this.id : '',
      mobile: Object.fromEntries(
        (c.democratic?.participants ?? []).filter((p) => p.mobile).map((p) => [p.memberId, true]),
      ),
      worst: worst(board),
    });
    this.redraw();
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
    },
    redraw() {
      const b = this.board;
      if (!b) return;
      this.setData({
        members: b.members.map((m) =>
          memberView(
            b,
            m,
            this.picks[m.memberId],
            this.flagChoices[m.memberId] ?? '',
            this.reasons[m.memberId] ?? '',
            this.me.member.id,
          ),
        ),
        quota: quotaText(b, this.picks),
      });
    },
    onGrade(e: Tap) {
      const { member, grade } = e.currentTarget.dataset;
      const b = this.board;
      this.picks = { ...this.picks, [member]: grade };
      if (b && this.flagChoices[member] !== undefined)
        this.flagChoices[member] = grade === worst(b) ? 'unqualified' : 'keep';
      this.setData({ formError: '' });
      this.redraw();
    },
    /** A flag's explicit choice: 评为不合格, or keep another grade with a written reason [APR-10]. */
    onFlag(e: Tap) {
      const { member, choice } = e.currentTarget.dataset;
      const b = this.board;
      if (!b) return;
      this.flagChoices[member] = choice as FlagChoice;
      if (choice === 'unqualified') this.picks = { ...this.picks, [member]: worst(b) };
      else if (this.picks[member] === worst(b)) this.picks = { ...this.picks, [member]: '' };
      this.setData({ formError: '' });
      this.redraw();
    },
    onReason(e: Input) {
      this.reasons[e.currentTarget.dataset.member] = e.detail.value;
    },
    onMutual(e: Tap) {
      const q = `id=${encodeURIComponent(this.id)}&memberId=${e.currentTarget.dataset.member}`;
      wx.navigateTo({
        url: `/subpackages/appraisal/self/index?${q}&what=${e.currentTarget.dataset.what}`,
      });
    },
    /** 录入流入地结果, 不合格党员的处置, 预备党员的问题: one form page each [APR-15…APR-17, APR-20]. */
    onHandle(e: Tap) {
      const { member, what } = e.currentTarget.dataset;
      const q = `id=${encodeURIComponent(this.id)}&memberId=${member}&what=${what}`;
      wx.navigateTo({ url: `/subpackages/appraisal/handle/index?${q}` });
    },
    onRectify() {
      const b = this.board;
      if (b)
        wx.navigateTo({
          url: `/subpackages/appraisal/rectify/index?orgId=${b.orgId}&year=${b.year}`,
        });
    },
    async onDecide() {
      const b = this.board;
      if (!b) return;
      const graded = b.members.filter((m) => m.graded && m.memberId !== this.me.member.id);
      const unflagged = graded.find((m) => m.flags.length && !this.flagChoices[m.memberId]);
      if (unflagged)
        return this.setData({
          formError: `${unflagged.name}有提示，请先选择“评为不合格”或“不评为不合格”`,
        });
      const missing = graded.find((m) => !this.picks[m.memberId]);
      if (missing) return this.setData({ formError: `请为${missing.name}评定等次` });
      const noReason = graded.find(
        (m) =>
          needsReason(m, this.picks[m.memberId], this.flagChoices[m.memberId] ?? '') &&
          !(this.reasons[m.memberId] ?? '').trim(),
      );
      if (noReason) return this.setData({ formError: `请写明为${noReason.name}这样评定的理由` });
      const reasons = Object.fromEntries(
        Object.entries(this.reasons)
          .map(([k, t]) => [k, t.trim()])
          .filter(([, t]) => t),
      );
      const counts = b.grades
        .map(
          (g) => [g.label, graded.filter((m) => this.picks[m.memberId] === g.key).length] as const,
        )
        .filter(([, n]) => n)
        .map(([label, n]) => `${label}${n}人`)
        .join('、');
      const sure = await confirmDialog(
        '签字确认',
        `评定为 ${counts}。确认后以您的名义记录。`,
        '签字确认',
      );
      if (!sure) return;
      await this.run(async () => {
        await decideGrades({
          id: this.id,
          grades: gradesToSend(b, this.picks, this.me.member.id),
          ...(Object.keys(reasons).length ? { reasons } : {}),
        });
        this.setData({ message: '等次已签字确认，可以把结果反馈给党员本人' });
        await this.reload();
      }, 'formError');
    },
    async onPublish() {
      const sure = await confirmDialog(
        '反馈结果',
        '反馈后每位党员只能看到自己的结果，并报告上级党委。确定反馈吗？',
        '反馈',
      );
      if (!sure) return;
      await this.run(async () => {
        await publishResult({ id: this.id });
        toast('已反馈', 'success');
        this.setData({ message: '结果已反馈给每位党员本人，并报告上级党委' });
        await this.reload();
      }, 'formError');
    },
  },
});

/** The lowest grade of the profile (不合格), the one a flag is decided by. */
function worst(b: DemocraticBoardOut): string {
  return b.grades[b.grades.length - 1]?.key ?? '';
}
