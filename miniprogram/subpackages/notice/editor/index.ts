// 发布公开 (committee or 公开栏维护人): category from the branch's own list, title, text and an
// optional link to a matter disclosed in five stages. What is typed is kept on this phone as a
// draft until it is published, so leaving the page loses nothing. `?id=` edits a notice instead:
// the backend keeps the old text as an earlier version. Every refusal (personal data, content
// check, stage order) is the backend's Chinese message, shown under the form.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import {
  fetchNotice,
  fetchNotices,
  fetchNoticeStatus,
  publishNotice,
  updateNotice,
} from '../../../services/notice';
import { fetchMe, UNBOUND } from '../../../services/org';
import { canPublishNotices, STAGES, type Stage } from '../../../utils/notice-view';
import { confirmDialog, toast } from '../../../utils/platform';

type Mode = 'new' | 'edit';
type Field = 'title' | 'body' | 'reason';

/** What is kept on the phone until published. `matter`: '' none, 'new', or the matter's id. */
interface Draft {
  category: string;
  title: string;
  body: string;
  reason: string;
  matter: string;
  stage: string;
}

const NO_MATTER = '不关联事项';
const NEW_MATTER = '新事项（从“提议”开始公开）';
const REFUSAL = '只有支部委员或公开栏维护人可以发布党务公开';

// Per page: the branch, the matters that can be linked and the stages offered.
const state = new WeakMap<
  object,
  { orgId: string; matters: { id: string; title: string }[]; stages: Stage[] }
>();

function draftKey(mode: Mode, orgId: string, id: string): string {
  return mode === 'edit' ? `noticeDraft:edit:${id}` : `noticeDraft:${orgId}`;
}

function readDraft(key: string): Draft | null {
  const d = wx.getStorageSync(key) as Draft | '';
  return d && typeof d === 'object' ? d : null;
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    mode: 'new' as Mode,
    id: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    refused: false,
    refusal: REFUSAL,
    categories: [] as string[],
    categoryIndex: -1,
    category: '',
    stageLabel: '',
    title: '',
    body: '',
    reason: '',
    matterNames: [NO_MATTER, NEW_MATTER] as string[],
    matterIndex: 0,
    stageNames: [] as string[],
    stageIndex: 0,
    matterHint: '',
    draftRestored: false,
    formError: '',
    busy: false,
  },
  lifetimes: {
    detached() {
      state.delete(this);
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? '';
      this.setData({ id, mode: id ? 'edit' : 'new' });
      if (id) wx.setNavigationBarTitle({ title: '修改公开' });
    },
    onShow() {
      // Loaded once: coming back from a picker must not overwrite what is being typed.
      if (!state.has(this)) this.load();
    },
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await fetchMe();
        const orgId = me.member.orgId;
        if (!canPublishNotices(me, orgId)) {
          this.setData({ status: 'ready', refused: true });
          return;
        }
        if (this.data.mode === 'edit') await this.loadForEdit(orgId);
        else await this.loadForNew(orgId);
        this.setData({ status: 'ready', unbound: false });
      } catch (err) {
        state.delete(this);
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true });
        else this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    async loadForNew(orgId: string) {
      const [status, list] = await Promise.all([fetchNoticeStatus(orgId), fetchNotices(orgId)]);
      // A matter starts with its 提议, whose id is the matter's id (DIS-03).
      const matters = list
        .filter((n) => n.stage === '提议')
        .map((n) => ({ id: n.id, title: n.title }));
      state.set(this, { orgId, matters, stages: [] });
      this.setData({
        categories: status.categories,
        matterNames: [NO_MATTER, NEW_MATTER, ...matters.map((m) => m.title)],
      });
      const draft = readDraft(draftKey('new', orgId, ''));
      if (!draft) return;
      const categoryIndex = status.categories.indexOf(draft.category);
      const matterIndex =
        draft.matter === 'new' ? 1 : 2 + matters.findIndex((m) => m.id === draft.matter);
      this.setData({
        categoryIndex,
        category: categoryIndex >= 0 ? draft.category : '',
        title: draft.title,
        body: draft.body,
        draftRestored: !!(draft.title || draft.body),
      });
      if (matterIndex >= 1) await this.chooseMatter(matterIndex, draft.stage);
    },
    async loadForEdit(orgId: string) {
      const n = await fetchNotice(this.data.id);
      state.set(this, { orgId, matters: [], stages: [] });
      const draft = readDraft(draftKey('edit', orgId, this.data.id));
      this.setData({
        category: n.category,
        stageLabel: n.stage ?? '',
        title: draft?.title ?? n.title,
        body: draft?.body ?? n.body,
        reason: draft?.reason ?? '',
        draftRestored: !!draft,
      });
    },
    /** Picks a matter: none, a new one (its 提议), or an existing one and its next stage. */
    async chooseMatter(index: number, preferred = '') {
      const s = state.get(this);
      if (!s) return;
      if (index <= 0) {
        s.stages = [];
        this.setData({ matterIndex: 0, stageNames: [], stageIndex: 0, matterHint: '' });
        return;
      }
      if (index === 1) {
        s.stages = ['提议'];
        this.setData({
          matterIndex: 1,
          stageNames: ['提议'],
          stageIndex: 0,
          matterHint: '本条作为新事项的第一步“提议”公开，之后可依次公开其余阶段',
        });
        return;
      }
      const matter = s.matters[index - 2];
      if (!matter) return;
      const root = await fetchNotice(matter.id);
      const done = root.timeline.map((t) => t.stage);
      s.stages = STAGES.filter((st) => !done.includes(st));
      const preferredIndex = s.stages.indexOf(preferred as Stage);
      this.setData({
        matterIndex: index,
        stageNames: [...s.stages],
        stageIndex: Math.max(preferredIndex, 0),
        matterHint: s.stages.length
          ? `已公开：${done.join('、')}`
          : '该事项五个阶段均已公开，请选择其他事项',
      });
    },
    saveDraft() {
      const s = state.get(this);
      if (!s) return;
      const { mode, id, title, body, reason, category, matterIndex, stageNames, stageIndex } =
        this.data;
      const matter =
        matterIndex === 1 ? 'new' : matterIndex >= 2 ? (s.matters[matterIndex - 2]?.id ?? '') : '';
      const draft: Draft = {
        category,
        title,
        body,
        reason,
        matter,
        stage: stageNames[stageIndex] ?? '',
      };
      wx.setStorageSync(draftKey(mode, s.orgId, id), draft);
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
      try {
        await this.chooseMatter(Number(e.detail.value));
        this.saveDraft();
      } catch (err) {
        this.setData({ formError: messageOf(err) });
      }
    },
    onPickStage(e: WechatMiniprogram.PickerChange) {
      this.setData({ stageIndex: Number(e.detail.value) });
      this.saveDraft();
    },
    async onClearDraft() {
      const s = state.get(this);
      if (!s) return;
      if (!(await confirmDialog('清空草稿', '清空后已填写的内容不能恢复，确定清空吗？', '清空')))
        return;
      wx.removeStorageSync(draftKey(this.data.mode, s.orgId, this.data.id));
      state.delete(this);
      this.setData({
        categoryIndex: -1,
        category: '',
        title: '',
        body: '',
        reason: '',
        matterIndex: 0,
        stageNames: [],
        matterHint: '',
        draftRestored: false,
        formError: '',
      });
      await this.load();
    },
    /** The first thing the member still has to fill in, or '' when the form is complete. */
    missing(): string {
      if (this.data.mode === 'new' && !this.data.category) return '请选择公开类别';
      if (!this.data.title.trim()) return '请填写标题';
      if (!this.data.body.trim()) return '请填写公开内容';
      if (this.data.matterIndex >= 1 && !this.data.stageNames.length)
        return '该事项已无可公开的阶段，请选择其他事项';
      return '';
    },
    async onSubmit() {
      const s = state.get(this);
      if (!s || this.data.busy) return;
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
      this.setData({ busy: true, formError: '' });
      try {
        const id = editing ? await this.update() : await this.publish(s);
        wx.removeStorageSync(draftKey(this.data.mode, s.orgId, this.data.id));
        toast(editing ? '已保存修改' : '已发布', 'success');
        wx.redirectTo({ url: `/subpackages/notice/detail/index?id=${id}` });
      } catch (err) {
        // The draft stays: the member fixes what the backend named and tries again.
        this.setData({ formError: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
    async publish(s: { orgId: string; matters: { id: string }[]; stages: Stage[] }) {
      const { category, title, body, matterIndex, stageIndex } = this.data;
      const stage = matterIndex >= 1 ? s.stages[stageIndex] : undefined;
      const matterId = matterIndex >= 2 ? s.matters[matterIndex - 2]?.id : undefined;
      const res = await publishNotice({
        orgId: s.orgId,
        category,
        title: title.trim(),
        body: body.trim(),
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
        ...(reason ? { reason } : {}),
      });
      return res.id;
    },
  },
});
