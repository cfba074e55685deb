// 评议党支部 (焦作评组织): the 基层党委's board and decision for the year [FORT-19, FORT-20,
// FORT-21, FORT-23, FORT-24, ORG-30]. Opens the year's 评议 when there is none; the steps in
// order (集中学习, 工作述职, 民主测评 marked done); per branch the 测评, 工作实绩, 堡垒指数, 五化
// spot check and the advice; the 先进 limit said plainly (不足7个支部，本年度不能评先进); grade
// pickers with 先进 shut where not allowed, reasons for departures and ties; 签字确认 and 公布.
// Paper 测评 per branch and box. Offers from `org.me` and `get.can`; the backend decides.
import {
  completeBranchStep,
  decideGrades,
  enterBranchTally,
  fetchBranchBoard,
  fetchCampaign,
  fetchCampaigns,
  openCampaign,
  publishResult,
  type BranchBoardOut,
} from '../../../services/appraisal';
import { currentYear } from '../../../utils/activity-view';
import { orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, promptText, toast } from '../../../utils/platform';
import { fetchOrgTree } from '../../../services/org';
import { readPaperTally } from '../boxes';
import { stepViews, type StepView } from '../view';
import { branchView, gradesToSend, quotaView, tieTexts, type BranchView } from './view';

type Tap = WechatMiniprogram.TouchEvent<object, object, Record<string, string>>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }, object, Record<string, string>>;
const STEP_BUTTONS: Record<string, string> = {
  study: '集中学习已完成',
  report: '工作述职已完成',
  ballot: '民主测评已完成',
};

definePage({
  fields: () => ({
    id: '',
    orgId: '',
    board: null as BranchBoardOut | null,
    picks: {} as Record<string, string>,
    reasons: {} as Record<string, string>,
    tally: {} as Record<string, string>,
  }),
  emptyOn: ['AUTH.FORBIDDEN'],
  data: {
    title: '',
    phase: '',
    steps: [] as StepView[],
    stepButton: '',
    stepKey: '',
    canOpen: false,
    committeeNames: [] as string[],
    committeeIds: [] as string[],
    committeeIndex: 0,
    quota: null as ReturnType<typeof quotaView> | null,
    ties: [] as string[],
    branches: [] as BranchView[],
    decided: '',
    canDecide: false,
    canPublish: false,
    canTally: false,
    branchNames: [] as string[],
    branchIndex: 0,
    boxNames: ['本支部党员', '群众代表'],
    boxIndex: 0,
    tallyRows: [] as { key: string; label: string }[],
    message: '',
    formError: '',
  },
  async load(me) {
    const mine = new Set(me.roles.map((r) => r.orgId));
    const top = orgsWith(me, 'appraisal.decide').find((o) => mine.has(o));
    if (!top) return this.empty('只有上级党委可以评议党支部');
    const year = currentYear();
    if (!this.id) {
      // The 基层党委 the caller decides on: its own and those below (jiaozuo's first).
      const committees = committeesOf(await fetchOrgTree(top));
      const chosen =
        committees.find((c) => c.id === this.orgId) ??
        committees.find((c) => c.profile === 'jiaozuo') ??
        committees[0];
      this.orgId = chosen.id;
      const list = await fetchCampaigns({ orgId: chosen.id, year });
      const mineNow = list.filter((c) => c.kind === 'branchAppraisal' && c.orgId === chosen.id);
      this.id = (mineNow.find((c) => c.step !== 'done') ?? mineNow[mineNow.length - 1])?.id ?? '';
      this.setData({
        committeeNames: committees.map((c) => c.name),
        committeeIds: committees.map((c) => c.id),
        committeeIndex: committees.indexOf(chosen),
      });
      if (!this.id) {
        this.setData({ title: `${chosen.name}${year}年度评议党支部`, canOpen: true });
        return;
      }
    }
    const [c, board] = await Promise.all([
      fetchCampaign({ id: this.id }),
      fetchBranchBoard({ id: this.id }),
    ]);
    if (!board) return this.empty('这不是评议党支部，请从首页重新进入');
    this.board = board;
    for (const x of board.branches) {
      if (x.grade && !this.picks[x.orgId]) this.picks[x.orgId] = x.grade;
      if (x.reason && !this.reasons[x.orgId]) this.reasons[x.orgId] = x.reason;
    }
    const stepKey = c.can.includes('completeBranchStep') ? String(c.step) : '';
    this.setData({
      title: `${c.orgName}${board.year}年度评议党支部`,
      phase: board.phaseWords,
      steps: stepViews(c),
      stepKey: STEP_BUTTONS[stepKey] ? stepKey : '',
      stepButton: STEP_BUTTONS[stepKey] ?? '',
      canOpen: false,
      ties: tieTexts(board),
      decided: board.publishedAt
        ? '结果已公布'
        : board.decidedAt
          ? '等次已签字确认，还没有公布'
          : '',
      canDecide: c.can.includes('decide'),
      canPublish: c.can.includes('publish'),
      canTally: c.can.includes('enterBranchTally'),
      branchNames: board.branches.map((x) => x.name),
      tallyRows: [
        { key: 'issued', label: '发出票数' },
        { key: 'returned', label: '收回票数' },
        ...board.grades.map((g) => ({ key: g.key, label: `评为${g.label}的票数` })),
      ],
    });
    this.redraw();
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
      this.orgId = query.orgId ?? '';
    },
    onPickCommittee(e: WechatMiniprogram.PickerChange) {
      const i = Number(e.detail.value);
      this.orgId = this.data.committeeIds[i] ?? '';
      this.id = '';
      this.board = null;
      this.picks = {};
      this.reasons = {};
      this.setData({ committeeIndex: i, steps: [], branches: [], quota: null, message: '' });
      void this.reload();
    },
    redraw() {
      const b = this.board;
      if (!b) return;
      this.setData({
        branches: b.branches.map((x) =>
          branchView(b, x, this.picks[x.orgId], this.reasons[x.orgId] ?? ''),
        ),
        quota: quotaView(b, this.picks),
      });
    },
    async onOpen() {
      const sure = await confirmDialog('开启评议', '开启本年度的评议党支部吗？', '开启');
      if (!sure) return;
      await this.run(async () => {
        const r = await openCampaign({
          kind: 'branchAppraisal',
          orgId: this.orgId,
          year: currentYear(),
        });
        this.id = r.id;
        toast('已开启', 'success');
        await this.reload();
      }, 'formError');
    },
    async onStep() {
      const step = this.data.stepKey as 'study' | 'report' | 'ballot';
      if (!step) return;
      const note = await promptText(this.data.stepButton, '写明时间、内容（可不填）');
      if (note === null) return;
      await this.run(async () => {
        await completeBranchStep({ id: this.id, step, ...(note ? { note } : {}) });
        this.setData({ message: `${this.data.stepButton}，已记录`, formError: '' });
        await this.reload();
      }, 'formError');
    },
    onGrade(e: Tap) {
      const { branch, grade } = e.currentTarget.dataset;
      const x = this.data.branches.find((v) => v.id === branch);
      const o = x?.options.find((v) => v.key === grade);
      if (o?.shut)
        return this.setData({
          formError: x?.fiveFailed
            ? `${x.name}未通过五化建设抽查，不能评先进`
            : (this.data.quota?.words ?? ''),
        });
      this.picks = { ...this.picks, [branch]: grade };
      this.setData({ formError: '' });
      this.redraw();
    },
    onReason(e: Input) {
      this.reasons[e.currentTarget.dataset.branch] = e.detail.value;
    },
    onPick(e: Input) {
      const key = e.currentTarget.dataset.key as 'branchIndex' | 'boxIndex';
      this.setData({ [key]: Number(e.detail.value), formError: '' });
    },
    onTallyInput(e: Input) {
      this.tally[e.currentTarget.dataset.key] = e.detail.value;
    },
    async onEnterTally() {
      const b = this.board;
      if (!b) return;
      const t = readPaperTally(this.data.tallyRows, this.tally);
      if ('error' in t) return this.setData({ formError: t.error });
      const { n } = t;
      const branch = b.branches[this.data.branchIndex];
      await this.run(async () => {
        const r = await enterBranchTally({
          id: this.id,
          branchId: branch.orgId,
          box: this.data.boxIndex === 0 ? 'assembly' : 'masses',
          issued: t.issued,
          returned: t.returned,
          counts: Object.fromEntries(b.grades.map((g) => [g.key, n[g.key]])),
        });
        const text = r.status === 'void' ? '收回的票多于发出的票，本次测评作废' : '已录入';
        this.tally = {};
        this.setData({ message: `${branch.name}：${text}`, formError: '' });
        await this.reload();
      }, 'formError');
    },
    async onDecide() {
      const b = this.board;
      if (!b) return;
      const missing = b.branches.find((x) => !this.picks[x.orgId]);
      if (missing) return this.setData({ formError: `请为${missing.name}评定等次` });
      const noReason = this.data.branches.find(
        (x) => x.reasonShown && !(this.reasons[x.id] ?? '').trim(),
      );
      if (noReason) return this.setData({ formError: `请写明为${noReason.name}这样评定的理由` });
      const reasons = Object.fromEntries(
        Object.entries(this.reasons)
          .map(([k, t]) => [k, t.trim()])
          .filter(([, t]) => t),
      );
      const sure = await confirmDialog(
        '签字确认',
        '确认各支部的等次吗？确认后以您的名义记录。',
        '签字确认',
      );
      if (!sure) return;
      await this.run(async () => {
        await decideGrades({
          id: this.id,
          grades: gradesToSend(b, this.picks),
          ...(Object.keys(reasons).length ? { reasons } : {}),
        });
        this.setData({ message: '等次已签字确认', formError: '' });
        await this.reload();
      }, 'formError');
    },
    async onPublish() {
      const sure = await confirmDialog('公布结果', `${this.data.phase}。确定吗？`, '确定');
      if (!sure) return;
      await this.run(async () => {
        await publishResult({ id: this.id });
        toast('已完成', 'success');
        this.setData({ message: this.data.phase, formError: '' });
        await this.reload();
      }, 'formError');
    },
  },
});

type TreeNode = Awaited<ReturnType<typeof fetchOrgTree>>;
/** The org and every 党委 below it (not branches), in the tree's order. */
function committeesOf(n: TreeNode): TreeNode[] {
  return [n, ...n.children.filter((c) => c.kind !== 'branch').flatMap(committeesOf)];
}
