// 整改清单: one list per branch per year (?orgId=&year=, default the own branch and this year)
// [APR-18, MTG-31, MTG-39, SEC-15]. Each item: the problem, the measure, its owner and deadline,
// the progress reports due (已报告 / 待报告 / 已逾期) and what was reported; 报告进展 where the
// backend says the caller may, 完成整改 (with what shows it) for the committee, and the
// committee's form to add an item. The backend decides who may do what (`mayReport`, `mayClose`,
// `mayManage`); the page only offers it.
import {
  addRectification,
  closeRectification,
  fetchRectifications,
  reportRectification,
} from '../../../services/appraisal';
import { fetchMembers } from '../../../services/org';
import { currentYear } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { promptText, toast } from '../../../utils/platform';
import {
  beijingToday,
  itemView,
  OWNER_CHOICES,
  OWNER_KINDS,
  statusText,
  type ItemView,
} from './view';

type Field = 'problem' | 'commitment';

definePage({
  fields: () => ({ orgId: '', year: 0, memberIds: [] as string[] }),
  data: {
    title: '',
    statusLine: '',
    alerts: [] as { key: string; level: string; message: string }[],
    items: [] as ItemView[],
    partial: false,
    mayManage: false,
    adding: false,
    problem: '',
    commitment: '',
    ownerChoices: OWNER_CHOICES,
    ownerIndex: 0,
    memberNames: [] as string[],
    memberIndex: -1,
    deadline: '',
    message: '',
    formError: '',
  },
  async load(me) {
    const orgId = this.orgId || me.member.orgId;
    const year = this.year || currentYear();
    this.orgId = orgId;
    this.year = year;
    const list = await fetchRectifications({ orgId, year });
    if (list.mayManage && !this.memberIds.length) {
      const members = await fetchMembers(orgId).catch(() => []);
      this.memberIds = members.map((m) => m.id);
      this.setData({ memberNames: members.map((m) => m.name) });
    }
    this.setData({
      title: `${list.orgName}${list.year}年度整改清单`,
      statusLine: statusText(list.status),
      alerts: list.alerts.map((a, i) => ({ key: `${a.ruleId}:${i}`, ...a })),
      items: list.items.map(itemView),
      partial: list.partial,
      mayManage: list.mayManage,
      deadline: this.data.deadline || `${year}-12-31`,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
      this.year = Number(query.year) || 0;
    },
    onInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: Field } } }) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, formError: '' });
    },
    onStartAdd() {
      this.setData({ adding: true, message: '', formError: '' });
    },
    onCancelAdd() {
      this.setData({ adding: false, formError: '' });
    },
    onPickOwner(e: WechatMiniprogram.PickerChange) {
      this.setData({ ownerIndex: Number(e.detail.value), formError: '' });
    },
    onPickMember(e: WechatMiniprogram.PickerChange) {
      this.setData({ memberIndex: Number(e.detail.value), formError: '' });
    },
    onPickDeadline(e: WechatMiniprogram.PickerChange) {
      this.setData({ deadline: String(e.detail.value), formError: '' });
    },
    async onAdd() {
      const { problem, commitment, ownerIndex, memberIndex, deadline } = this.data;
      const ownerKind = OWNER_KINDS[ownerIndex];
      if (!problem.trim()) return this.setData({ formError: '请写明存在的问题' });
      if (!commitment.trim()) return this.setData({ formError: '请写明整改措施' });
      if (ownerKind === 'member' && memberIndex < 0)
        return this.setData({ formError: '请选择负责整改的党员' });
      await this.run(async () => {
        await addRectification({
          orgId: this.orgId,
          year: this.year,
          problem: problem.trim(),
          commitment: commitment.trim(),
          ownerKind,
          ...(ownerKind === 'member' ? { ownerId: this.memberIds[memberIndex] } : {}),
          deadline,
        });
        toast('已添加', 'success');
        this.setData({ adding: false, problem: '', commitment: '', memberIndex: -1 });
        this.setData({ message: '已添加到整改清单' });
        await this.reload();
      }, 'formError');
    },
    async onReport(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const text = await promptText('报告整改进展', '写一写做了什么、还差什么');
      if (text === null) return;
      if (!text) return this.setData({ formError: '请写一写整改的进展' });
      await this.run(async () => {
        const itemId = e.currentTarget.dataset.id;
        await reportRectification({
          orgId: this.orgId,
          year: this.year,
          itemId,
          on: beijingToday(),
          text,
        });
        toast('已报告', 'success');
        this.setData({ message: '进展已报告', formError: '' });
        await this.reload();
      }, 'formError');
    },
    async onClose(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const text = await promptText('整改完成', '写明完成的情况，比如开了什么会、改了什么');
      if (text === null) return;
      if (!text) return this.setData({ formError: '请写明整改完成的情况' });
      await this.run(async () => {
        const itemId = e.currentTarget.dataset.id;
        await closeRectification({
          orgId: this.orgId,
          year: this.year,
          itemId,
          on: beijingToday(),
          evidence: [text],
        });
        toast('已完成', 'success');
        this.setData({ message: '这一项已标为完成', formError: '' });
        await this.reload();
      }, 'formError');
    },
  },
});
