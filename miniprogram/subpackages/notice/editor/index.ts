// 发布公开 (committee or 公开栏维护人): category from the branch's own list, title, text and an
// optional link to a matter disclosed in five stages. What is typed is kept on this phone as a
// draft until it is published, so leaving the page loses nothing. `?id=` edits a notice instead:
// the backend keeps the old text as an earlier version. Every refusal (personal data, content
// check, stage order) is the backend's Chinese message, shown under the form.
import {
  fetchNotice,
  fetchNotices,
  fetchNoticeStatus,
  publishNotice,
  updateNotice,
} from '../../../services/notice';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import type { Stage } from '../../../utils/notice-view';
import { confirmDialog, toast } from '../../../utils/platform';
import {
  draftKey,
  matterIndexOf,
  matterKey,
  mattersOf,
  NEW_MATTER,
  NO_MATTER,
  readDraft,
  stagesFor,
  type Attachment,
  type Draft,
  type Matter,
  type Mode,
} from './draft';

type Field = 'title' | 'body' | 'reason';

const REFUSAL = '只有支部委员或公开栏维护人可以发布党务公开';

const EMPTY_FORM = {
  categoryIndex: -1,
  category: '',
  title: '',
  body: '',
  reason: '',
  matterIndex: 0,
  stageNames: [] as string[],
  stageIndex: 0,
  matterHint: '',
  draftRestored: false,
  formError: '',
  /** The files of the notice: pictures, documents, a short video [DIS]. */
  attachments: [] as Attachment[],
  fileIds: [] as string[],
  /** An upload is running: 发布 waits for it. */
  uploading: false,
};

definePage({
  // Loaded once: coming back from a picker must not overwrite what is being typed.
  once: true,
  // The matters that can be linked and the stages offered (never drawn as such).
  fields: () => ({ matters: [] as Matter[], stages: [] as Stage[] }),
  data: {
    mode: 'new' as Mode,
    id: '',
    orgId: '',
    kinds: ['image', 'document', 'video'],
    categories: [] as string[],
    stageLabel: '',
    matterNames: [NO_MATTER, NEW_MATTER] as string[],
    ...EMPTY_FORM,
  },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'notice.publish', orgId)) return this.empty(REFUSAL);
    this.setData({ orgId });
    if (this.data.mode === 'edit') await this.loadForEdit();
    else await this.loadForNew(orgId);
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? '';
      this.setData({ id, mode: id ? 'edit' : 'new' });
      if (id) this.setTitle('修改公开');
    },
    async loadForNew(orgId: string) {
      const [status, list] = await Promise.all([fetchNoticeStatus(orgId), fetchNotices(orgId)]);
      this.matters = mattersOf(list);
      this.stages = [];
      this.setData({
        categories: status.categories,
        matterNames: [NO_MATTER, NEW_MATTER, ...this.matters.map((m) => m.title)],
      });
      const draft = readDraft(this.draftKey());
      if (!draft) return;
      const categoryIndex = status.categories.indexOf(draft.category);
      this.setData({
        categoryIndex,
        category: categoryIndex >= 0 ? draft.category : '',
        title: draft.title,
        body: draft.body,
        ...this.filesOf(draft.attachments ?? []),
        draftRestored: !!(draft.title || draft.body || draft.attachments?.length),
      });
      const matterIndex = matterIndexOf(draft.matter, this.matters);
      if (matterIndex >= 1) await this.chooseMatter(matterIndex, draft.stage);
    },
    async loadForEdit() {
      const n = await fetchNotice(this.data.id);
      const draft = readDraft(this.draftKey());
      this.setData({
        category: n.category,
        stageLabel: n.stage ?? '',
        title: draft?.title ?? n.title,
        body: draft?.body ?? n.body,
        reason: draft?.reason ?? '',
        ...this.filesOf(draft?.attachments ?? n.attachments),
        draftRestored: !!draft,
      });
    },
    filesOf(attachments: Attachment[]) {
      return { attachments, fileIds: attachments.map((a) => a.fileId) };
    },
    onMediaChange(e: WechatMiniprogram.CustomEvent<{ items: { fileId: string; name: string }[] }>) {
      const named = new Map(this.data.attachments.map((a) => [a.fileId, a.name]));
      // A file keeps the name it was published with; a new one its own (a document's file name).
      const files = e.detail.items.map((i) => ({
        fileId: i.fileId,
        name: named.get(i.fileId) ?? i.name,
      }));
      this.setData({ ...this.filesOf(files), formError: '' });
      this.saveDraft();
    },
    onMediaBusy(e: WechatMiniprogram.CustomEvent<{ uploading: boolean }>) {
      this.setData({ uploading: e.detail.uploading });
    },
    draftKey(): string {
      return draftKey(this.data.mode, this.me.member.orgId, this.data.id);
    },
    /** Picks a matter: none, a new one (its 提议), or an existing one and its next stage. */
    async chooseMatter(index: number, preferred = '') {
      const matter = index >= 2 ? this.matters[index - 2] : undefined;
      if (index >= 2 && !matter) return;
      const published = matter ? (await fetchNotice(matter.id)).timeline.map((t) => t.stage) : [];
      const { stages, hint } = stagesFor(index, published);
      this.stages = stages;
      this.setData({
        matterIndex: Math.max(index, 0),
        stageNames: [...stages],
        stageIndex: Math.max(stages.indexOf(preferred as Stage), 0),
        matterHint: hint,
      });
    },
    saveDraft() {
      const { title, body, reason, category, matterIndex, stageNames, stageIndex } = this.data;
      const draft: Draft = {
        category,
        title,
        body,
        reason,
        matter: matterKey(matterIndex, this.matters),
        stage: stageNames[stageIndex] ?? '',
        attachments: this.data.attachments,
      };
      wx.setStorageSync(this.draftKey(), draft);
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: Field }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, formError: '' });
      this.saveDraft();
    },
    onPickCategory(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      this.setData({ categoryIndex: index, category: this.data.categories[index] ?? '' });
      this.saveDraft();
    },
    async onPickMatter(e: WechatMiniprogram.PickerChange) {
      await this.run(async () => {
        await this.chooseMatter(Number(e.detail.value));
        this.saveDraft();
      }, 'formError');
    },
    onPickStage(e: WechatMiniprogram.PickerChange) {
      this.setData({ stageIndex: Number(e.detail.value) });
      this.saveDraft();
    },
    async onClearDraft() {
      if (!(await confirmDialog('清空草稿', '清空后已填写的内容不能恢复，确定清空吗？', '清空')))
        return;
      wx.removeStorageSync(this.draftKey());
      this.setData({ ...EMPTY_FORM, status: 'loading' });
      await this.reload();
    },
    /** The first thing the member still has to fill in, or '' when the form is complete. */
    missing(): string {
      if (this.data.uploading) return '文件还在上传，请等上传完成再发布';
      if (this.data.mode === 'new' && !this.data.category) return '请选择公开类别';
      if (!this.data.title.trim()) return '请填写标题';
      if (!this.data.body.trim()) return '请填写公开内容';
      if (this.data.matterIndex >= 1 && !this.data.stageNames.length)
        return '该事项已无可公开的阶段，请选择其他事项';
      return '';
    },
    async onSubmit() {
      if (this.data.busy) return;
      const missing = this.missing();
      if (missing) return this.setData({ formError: missing });
      const editing = this.data.mode === 'edit';
      const ok = editing
        ? await confirmDialog('保存修改', '修改将保存为新版本，原内容保留在修改记录中。', '保存')
        : await confirmDialog(
            '发布党务公开',
            '发布后本支部党员都能看到，公开内容只能修改、不能删除。确定发布吗？',
            '发布',
          );
      if (!ok) return;
      // On a refusal the draft stays: the member fixes what the backend named and tries again.
      await this.run(async () => {
        const id = editing ? await this.update() : await this.publish();
        wx.removeStorageSync(this.draftKey());
        toast(editing ? '已保存修改' : '已发布', 'success');
        wx.redirectTo({ url: `/subpackages/notice/detail/index?id=${id}` });
      }, 'formError');
    },
    async publish() {
      const { category, title, body, matterIndex, stageIndex } = this.data;
      const stage = matterIndex >= 1 ? this.stages[stageIndex] : undefined;
      const matterId = matterIndex >= 2 ? this.matters[matterIndex - 2]?.id : undefined;
      const res = await publishNotice({
        orgId: this.me.member.orgId,
        category,
        title: title.trim(),
        body: body.trim(),
        ...(this.data.attachments.length ? { attachments: this.data.attachments } : {}),
        ...(stage ? { stage } : {}),
        ...(matterId ? { matterId } : {}),
      });
      return res.id;
    },
    async update() {
      const reason = this.data.reason.trim();
      const res = await updateNotice({
        id: this.data.id,
        title: this.data.title.trim(),
        body: this.data.body.trim(),
        attachments: this.data.attachments,
        ...(reason ? { reason } : {}),
      });
      return res.id;
    },
  },
});
