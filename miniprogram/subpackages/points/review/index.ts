// 积分审核: the scorer's and the committee's desk. Pending declarations are approved, or
// rejected with a reason [PTS-15]; nobody reviews their own, so those are shown disabled
// [PTS-16]. The committee sees the branch's appeals, which the secretary answers, and
// publishes a quarter's points inside the branch, opening the 7-day appeal window [PTS-18].
import {
  fetchAppeals,
  fetchReviewQueue,
  fetchStandard,
  POINTS_DISABLED,
  publishQuarter,
  resolveAppeal,
  reviewDeclaration,
} from '../../../services/points';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, pickAction, promptText } from '../../../utils/platform';
import { currentYear, instantText, monthText, quarterText } from '../../../utils/points-view';

interface DeclarationView {
  key: string;
  name: string;
  itemName: string;
  monthText: string;
  note: string;
  /** The files the member gave, which the scorer checks against [PTS-15]. */
  evidence: string[];
  declaredAt: string;
  own: boolean;
}

interface AppealView {
  key: string;
  name: string;
  reason: string;
  open: boolean;
  statusText: string;
  reply: string;
  at: string;
}

const REFUSAL = '只有记分员或支部委员可以审核积分';
const appealStatus: Record<string, string> = {
  open: '待答复',
  accepted: '已采纳',
  rejected: '未采纳',
};

definePage({
  emptyOn: [POINTS_DISABLED],
  data: {
    /** Answers appeals (书记, 副书记); the others see them. */
    resolver: false,
    /** Publishes a quarter (sets the branch's points). */
    publisher: false,
    /** Awards assessed items (评定加扣分), a page of its own. */
    awarder: false,
    queue: [] as DeclarationView[],
    appeals: [] as AppealView[],
    /** The latest quarter that may be published now, as the backend says [PTS-18]. */
    quarter: '',
    quarterText: '',
    message: '',
  },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'points.review', orgId)) return this.empty(REFUSAL);
    const [queue, appeals, standard] = await Promise.all([
      fetchReviewQueue(orgId),
      fetchAppeals(orgId),
      fetchStandard({ orgId, year: currentYear() }),
    ]);
    this.setData({
      quarter: standard.publishableQuarter,
      quarterText: quarterText(standard.publishableQuarter),
      resolver: can(me, 'appeal.resolve', orgId),
      publisher: can(me, 'points.standard', orgId),
      awarder: can(me, 'points.award', orgId),
      queue: queue.map((d) => ({
        key: d.entryId,
        name: d.name,
        itemName: d.itemName,
        monthText: monthText(d.month),
        note: d.note,
        evidence: d.evidence ?? [],
        declaredAt: instantText(d.declaredAt),
        own: d.own,
      })),
      appeals: appeals
        .map((a) => ({
          key: a.appealId,
          name: a.name,
          reason: a.reason,
          open: a.status === 'open',
          statusText: appealStatus[a.status] ?? '',
          reply: a.reply ?? '',
          at: instantText(a.at),
        }))
        .sort((a, b) => Number(b.open) - Number(a.open)),
    });
  },
  methods: {
    onOpenAward() {
      wx.navigateTo({ url: '/subpackages/points/award/index' });
    },
    onOpenStandard() {
      wx.navigateTo({ url: '/subpackages/points/standard/index' });
    },
    /** Runs one decision, then reloads the lists and says what happened. */
    async decide(decision: () => Promise<string>) {
      await this.run(async () => {
        const message = await decision();
        await this.reload();
        this.setData({ message });
      }, 'message');
    },
    async onApprove(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const d = this.data.queue.find((q) => q.key === e.currentTarget.dataset.id);
      if (!d || d.own) return;
      const ok = await confirmDialog(
        '通过申报',
        `通过${d.name}的“${d.itemName}”申报，计入其先锋指数？`,
        '通过',
      );
      if (!ok) return;
      await this.decide(async () => {
        await reviewDeclaration(d.key, true);
        return `已通过${d.name}的申报`;
      });
    },
    async onReject(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const d = this.data.queue.find((q) => q.key === e.currentTarget.dataset.id);
      if (!d || d.own) return;
      const reason = await promptText('不通过的理由', '必填，将告知申报人');
      if (reason === null) return;
      if (!reason) return this.setData({ message: '不通过须说明理由' });
      await this.decide(async () => {
        await reviewDeclaration(d.key, false, reason);
        return `已退回${d.name}的申报`;
      });
    },
    async onResolve(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const a = this.data.appeals.find((x) => x.key === e.currentTarget.dataset.id);
      if (!a || !a.open) return;
      const choice = await pickAction(['采纳并调整分值', '采纳，不调整分值', '不采纳']);
      if (choice < 0) return;
      let points: number | undefined;
      if (choice === 0) {
        const typed = await promptText('调整分值', '填写整数，加分如 2，减分如 -1');
        if (typed === null) return;
        points = Number(typed.replace('＋', '+').replace('－', '-'));
        if (!Number.isInteger(points) || points === 0 || Math.abs(points) > 20) {
          this.setData({ message: '调整分值应为 -20 到 20 之间的非零整数' });
          return;
        }
      }
      const reply = await promptText('答复', '向党员说明核实情况（必填）');
      if (reply === null) return;
      if (!reply) return this.setData({ message: '每一条申辩都须答复核实情况' });
      await this.decide(async () => {
        await resolveAppeal({
          appealId: a.key,
          accept: choice !== 2,
          reply,
          ...(points !== undefined ? { points } : {}),
        });
        return `已答复${a.name}的申辩`;
      });
    },
    async onPublish() {
      const orgId = this.me.member.orgId;
      const { quarter, quarterText: text } = this.data;
      const ok = await confirmDialog(
        '公布季度积分',
        `在支部内公布${text}积分？公布后7日内党员可以申辩。`,
        '公布',
      );
      if (!ok) return;
      await this.decide(async () => {
        const res = await publishQuarter({ orgId, quarter });
        return `已公布${text}积分，申辩期至${instantText(res.appealUntil)}`;
      });
    },
  },
});
