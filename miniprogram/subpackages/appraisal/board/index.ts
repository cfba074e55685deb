// 评定等次: the superior's grading board [SEC-10, SEC-11, SEC-12]: both evaluations (or why a
// tally is held back), the daily assessment, the advisory weighted score and what it still lacks,
// the optional band [SEC-20], the quota meter and ties [SEC-18]; the grade with its reason, the
// 调查核实 score, 签字确认 and 公布 [SEC-14]. Also the boxes: open, close, paper entry [SEC-08,
// SEC-09], and the leader's 点评. Once published, the follow-ups with 办结 and a note [SEC-15,
// SEC-16]. Every offer comes from the backend (`get.can`, `result`); the backend decides.
import {
  closeBallot,
  completeTask,
  decideGrades,
  enterTally,
  fetchBoard,
  fetchCampaign,
  fetchResult,
  openBallot,
  publishResult,
  recordComment,
  type BoardOut,
  type CampaignOut,
} from '../../../services/appraisal';
import { codeOf, messageOf } from '../../../services/cloud';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { confirmClose, meetingChoices, NEED_MEETING, readPaperTally } from '../boxes';
import { quotaView, type QuotaView } from '../console/view';
import { labelled, resultView, stepViews, type GradeLabels, type StepView } from '../view';
import {
  BOX_CHOICES,
  MODE_CHOICES,
  ballotRows,
  closedText,
  planText,
  subjectView,
  tallyRowsOf,
  tieTexts,
  type BallotRow,
  type SubjectView,
} from './view';

type Input = WechatMiniprogram.CustomEvent<{ value: string }, object, Record<string, string>>;
type TaskKind = ReturnType<typeof resultView>['tasks'][number]['kind'];

definePage({
  fields: () => ({
    id: '',
    board: null as BoardOut | null,
    campaign: null as CampaignOut | null,
    /** The board's grades in the campaign's words (the backend's labels). */
    grades: [] as GradeLabels,
    /** What is typed as each follow-up's note, by its kind. */
    notes: {} as Record<string, string>,
    picks: {} as Record<string, string>,
    /** Paper entry: `issued`, `returned` and `<subjectId>:<grade>` → what was typed. */
    tally: {} as Record<string, string>,
  }),
  data: {
    head: null as { title: string; who: string } | null,
    steps: [] as StepView[],
    ballots: [] as BallotRow[],
    tallyFor: '',
    tallyRows: [] as { key: string; label: string; cls: string }[],
    ballotNote: '',
    canOpen: false,
    boxes: BOX_CHOICES.map((b) => b.label),
    boxIndex: 0,
    modes: MODE_CHOICES.map((m) => m.label),
    modeIndex: 0,
    activityIds: [] as string[],
    activities: [] as string[],
    activityIndex: 0,
    boardError: '',
    subjects: [] as SubjectView[],
    quota: null as QuotaView | null,
    ties: [] as string[],
    plan: { weights: '', thresholds: '' },
    reasons: {} as Record<string, string>,
    verification: '',
    comment: '',
    canComment: false,
    canDecide: false,
    canPublish: false,
    /** The campaign whose 登记表 the caller may export (`get.can`); empty: none [APR-11]. */
    formFor: '',
    tasks: [] as ReturnType<typeof resultView>['tasks'],
    message: '',
    formError: '',
  },
  async load() {
    const c = await fetchCampaign({ id: this.id });
    let boardError = '';
    const [board, result] = await Promise.all([
      fetchBoard({ id: this.id }).catch((err) => {
        // e.g. before the evaluations: the boxes are still shown. The grading part is the
        // superior's: the branch committee running the boxes is not told it may not grade.
        boardError = codeOf(err) === 'AUTH.FORBIDDEN' ? '' : messageOf(err);
        return null;
      }),
      // Once published: the follow-ups, with 办结 where the backend allows it [SEC-15, SEC-16].
      c.publishedAt && c.can.includes('result') ? fetchResult({ id: this.id }) : null,
    ]);
    this.board = board;
    this.campaign = c;
    const canOpen = c.can.includes('openBallot');
    if (canOpen && !this.data.activityIds.length) await this.loadActivities(c.orgId);
    const grades = labelled(board?.grades ?? [], c.grades);
    this.grades = grades;
    for (const s of board?.subjects ?? [])
      if (s.grade && !this.picks[s.subjectId]) this.picks[s.subjectId] = s.grade;
    const first = board?.subjects[0];
    this.setData({
      head: { title: `${c.year}年度 ${c.orgName}`, who: `述职人：${c.subjectName ?? ''}` },
      steps: stepViews(c),
      ballots: ballotRows(c),
      canOpen,
      boardError,
      subjects: (board?.subjects ?? []).map((s) => subjectView(s, grades, this.picks[s.subjectId])),
      quota: board?.quota ? quotaView(board.quota, grades) : null,
      ties: board ? tieTexts(board) : [],
      plan: board ? planText(board) : { weights: '', thresholds: '' },
      verification: this.data.verification || (first?.verification ?? '').toString(),
      canComment: c.can.includes('recordComment'),
      canDecide: !!board && c.can.includes('decide'),
      canPublish: c.can.includes('publish'),
      formFor: c.can.includes('form') ? this.id : '',
      tasks: result ? resultView(result).tasks : [],
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
    },
    /** The meetings a box can be opened at: the branch's and the caller's, a month either side. */
    async loadActivities(orgId: string) {
      const orgs = [orgId, ...this.me.roles.map((r) => r.orgId)];
      this.setData(await meetingChoices(orgs, Date.now()));
    },
    onPick(e: Input) {
      const key = e.currentTarget.dataset.key as 'boxIndex' | 'modeIndex' | 'activityIndex';
      this.setData({ [key]: Number(e.detail.value), formError: '' });
    },
    async onOpenBallot() {
      const box = BOX_CHOICES[this.data.boxIndex].key;
      const mode = MODE_CHOICES[this.data.modeIndex].key;
      const activityId = this.data.activityIds[this.data.activityIndex];
      if (mode === 'app' && !activityId) return this.setData({ formError: NEED_MEETING });
      await this.run(async () => {
        const r = await openBallot(
          mode === 'app' ? { id: this.id, box, mode, activityId } : { id: this.id, box, mode },
        );
        this.setData({
          message:
            mode === 'app' ? `投票已开始，可投票${r.eligible}人` : '已开启纸质票，会后录入票数',
        });
        await this.reload();
      }, 'formError');
    },
    async onClose(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      if (!(await confirmClose())) return;
      await this.run(async () => {
        const r = await closeBallot({ ballotId: e.currentTarget.dataset.id });
        this.setData({ ballotNote: closedText(r) });
        await this.reload();
      }, 'formError');
    },
    /** Opens the paper-entry form of a box: 发出, 收回 and the subject's count per grade. */
    onTallyForm(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      this.tally = {};
      const tallyRows = this.campaign ? tallyRowsOf(this.campaign) : [];
      this.setData({ tallyFor: e.currentTarget.dataset.id, tallyRows, formError: '' });
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
        this.setData({ tallyFor: '', ballotNote: closedText(r) });
        await this.reload();
      }, 'formError');
    },
    onComment(e: Input) {
      this.setData({ comment: e.detail.value });
    },
    async onRecordComment() {
      const comment = this.data.comment.trim();
      if (!comment) return this.setData({ formError: '请先写下领导点评的内容' });
      await this.run(async () => {
        await recordComment({ id: this.id, comment });
        this.setData({ comment: '', message: '点评已记录' });
        await this.reload();
      }, 'formError');
    },
    onGrade(e: WechatMiniprogram.TouchEvent<object, object, { subject: string; grade: string }>) {
      const { subject, grade } = e.currentTarget.dataset;
      this.picks = { ...this.picks, [subject]: grade };
      const b = this.board;
      if (b)
        this.setData({
          subjects: b.subjects.map((s) => subjectView(s, this.grades, this.picks[s.subjectId])),
          formError: '',
        });
    },
    onReason(e: Input) {
      this.setData({ [`reasons.${e.currentTarget.dataset.subject}`]: e.detail.value });
    },
    onVerification(e: Input) {
      this.setData({ verification: e.detail.value });
    },
    async onDecide() {
      const b = this.board;
      if (!b) return;
      const missing = b.subjects.find((s) => !this.picks[s.subjectId]);
      if (missing) return this.setData({ formError: `请为${missing.name}选定等次` });
      const v = this.data.verification.trim();
      const verification = v ? Number(v) : undefined;
      if (v && !(Number.isFinite(verification) && verification! >= 0 && verification! <= 100))
        return this.setData({ formError: '调查核实得分请填写0到100之间的数' });
      const reasons = Object.fromEntries(
        Object.entries(this.data.reasons)
          .map(([k, t]) => [k, t.trim()])
          .filter(([, t]) => t),
      );
      const words = b.subjects
        .map(
          (s) =>
            `${s.name}：${this.grades.find((g) => g.key === this.picks[s.subjectId])?.label ?? ''}`,
        )
        .join('；');
      const sure = await confirmDialog(
        '签字确认',
        `评定为 ${words}。确认后以您的名义记录。`,
        '签字确认',
      );
      if (!sure) return;
      await this.run(async () => {
        await decideGrades({
          id: this.id,
          grades: this.picks as never,
          ...(Object.keys(reasons).length ? { reasons } : {}),
          ...(verification !== undefined ? { verification } : {}),
        });
        this.setData({ message: '等次已签字确认，可以公布结果' });
        await this.reload();
      }, 'formError');
    },
    async onPublish() {
      const sure = await confirmDialog(
        '公布结果',
        '公布后书记本人可以看到评定结果，并按规定生成后续事项。确定公布吗？',
        '公布',
      );
      if (!sure) return;
      await this.run(async () => {
        await publishResult({ id: this.id });
        toast('已公布', 'success');
        this.setData({ message: '结果已公布' });
        await this.reload();
      }, 'formError');
    },
    onTaskNote(e: Input) {
      this.notes[e.currentTarget.dataset.kind] = e.detail.value;
      this.setData({ formError: '' });
    },
    /** 办结 a follow-up with a short note of what was done [SEC-15, SEC-16]. */
    async onCompleteTask(e: WechatMiniprogram.TouchEvent<object, object, { kind: string }>) {
      const task = e.currentTarget.dataset.kind as TaskKind;
      const note = (this.notes[task] ?? '').trim();
      if (!note) return this.setData({ formError: '请写明办理情况，再点办结' });
      await this.run(async () => {
        await completeTask({ id: this.id, task, note });
        this.notes[task] = '';
        this.setData({ message: '已办结' });
        await this.reload();
      }, 'formError');
    },
    onReport() {
      wx.navigateTo({ url: `/subpackages/appraisal/report/index?id=${this.id}` });
    },
  },
});
