// 述职报告: the secretary writes the five sections (+ the 农村/社区 topics) [SEC-04, SEC-05], each
// saved when the box is left; 加强支部建设 shows the facts taken from the records, read-only, each
// opening the records behind it [SEC-06]; 提交 asks first. The superior opening the same page gets
// 通过 / 退回 with a comment [SEC-07]. Once published, the secretary reads the result here with
// any follow-up and its deadline, and reports the rectification done with a note [SEC-14,
// SEC-15]. What is offered comes from the backend (`get.can`, `result`).
import {
  approveReport,
  completeTask,
  fetchCampaign,
  fetchReport,
  fetchResult,
  saveReport,
  submitReport,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import {
  reportStatusText,
  resultView,
  sectionViews,
  stepViews,
  type SectionView,
  type StepView,
} from '../view';

type Section = SectionView['key'];
type TaskKind = ReturnType<typeof resultView>['tasks'][number]['kind'];

definePage({
  // A form: coming back from a fact's records must not lose what is being typed.
  once: true,
  fields: () => ({
    id: '',
    /** What is in each box now, and what the backend last confirmed. */
    typed: {} as Partial<Record<Section, string>>,
    stored: {} as Partial<Record<Section, string>>,
    /** What is typed as each follow-up's note, by its kind. */
    notes: {} as Record<string, string>,
  }),
  data: {
    head: null as { title: string; who: string; status: string; comment: string } | null,
    steps: [] as StepView[],
    sections: [] as SectionView[],
    editable: false,
    canSubmit: false,
    canApprove: false,
    saved: {} as Record<string, string>,
    approveComment: '',
    result: null as ReturnType<typeof resultView> | null,
    message: '',
    formError: '',
  },
  async load(me) {
    const [c, r] = await Promise.all([
      fetchCampaign({ id: this.id }),
      fetchReport({ id: this.id }),
    ]);
    const mine = c.subjectId === me.member.id;
    const result = c.publishedAt && mine ? resultView(await fetchResult({ id: this.id })) : null;
    const sections = sectionViews(r);
    this.typed = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    this.stored = { ...this.typed };
    const editable = r.editable && c.can.includes('saveReport');
    this.setData({
      head: {
        title: `${r.year}年度${r.orgName}书记述职报告`,
        who: `述职人：${r.subjectName}`,
        status: reportStatusText(r.status),
        comment: r.comment ?? '',
      },
      steps: stepViews(c),
      sections,
      editable,
      canSubmit: editable && c.can.includes('submitReport'),
      canApprove: c.can.includes('approveReport'),
      result,
      saved: {},
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
    },
    onType(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { key: Section }>) {
      this.typed[e.currentTarget.dataset.key] = e.detail.value;
      this.setData({ formError: '' });
    },
    /** Leaving a box saves it, once, when it changed. */
    async onLeave(e: WechatMiniprogram.CustomEvent<{ value?: string }, object, { key: Section }>) {
      const key = e.currentTarget.dataset.key;
      if (typeof e.detail.value === 'string') this.typed[key] = e.detail.value;
      await this.saveChanged([key]);
    },
    /** Saves the boxes whose text differs from the stored one; false when the backend refused. */
    async saveChanged(keys: Section[]): Promise<boolean> {
      const changed = keys.filter((k) => (this.typed[k] ?? '') !== (this.stored[k] ?? ''));
      if (!changed.length || !this.data.editable) return true;
      const sections = Object.fromEntries(changed.map((k) => [k, this.typed[k] ?? '']));
      return this.run(async () => {
        await saveReport({ id: this.id, sections });
        for (const k of changed) this.stored[k] = this.typed[k];
        const saved = { ...this.data.saved };
        for (const k of changed) saved[k] = '已保存';
        this.setData({ saved });
      }, 'formError');
    },
    async onSubmit() {
      const keys = this.data.sections.map((s) => s.key);
      if (!(await this.saveChanged(keys))) return;
      const sure = await confirmDialog(
        '提交述职报告',
        '提交后由上级党委审核，审核期间不能修改。确定提交吗？',
        '确定提交',
      );
      if (!sure) return;
      await this.run(async () => {
        await submitReport({ id: this.id });
        toast('已提交', 'success');
        this.setData({ message: '述职报告已提交，等待上级审核' });
        await this.reload();
      }, 'formError');
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ approveComment: e.detail.value, formError: '' });
    },
    async onApprove() {
      await this.decide(true);
    },
    async onReturn() {
      if (!this.data.approveComment.trim())
        return this.setData({ formError: '退回时请写明需要修改的地方' });
      await this.decide(false);
    },
    async decide(approve: boolean) {
      const comment = this.data.approveComment.trim();
      await this.run(async () => {
        await approveReport(comment ? { id: this.id, approve, comment } : { id: this.id, approve });
        this.setData({
          approveComment: '',
          message: approve ? '已审核通过' : '已退回，书记修改后会再次提交',
        });
        await this.reload();
      }, 'formError');
    },
    onTaskNote(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { kind: string }>) {
      this.notes[e.currentTarget.dataset.kind] = e.detail.value;
      this.setData({ formError: '' });
    },
    /** 报告整改完成 with a short note of what was done [SEC-15]. */
    async onCompleteTask(e: WechatMiniprogram.TouchEvent<object, object, { kind: string }>) {
      const task = e.currentTarget.dataset.kind as TaskKind;
      const note = (this.notes[task] ?? '').trim();
      if (!note) return this.setData({ formError: '请写明整改完成的情况，再提交' });
      await this.run(async () => {
        await completeTask({ id: this.id, task, note });
        this.notes[task] = '';
        this.setData({ message: '已报告整改完成' });
        await this.reload();
      }, 'formError');
    },
    onFact(e: WechatMiniprogram.TouchEvent<object, object, { url: string }>) {
      const url = e.currentTarget.dataset.url;
      if (url) wx.navigateTo({ url });
    },
  },
});
