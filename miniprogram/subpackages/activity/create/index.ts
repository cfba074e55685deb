// 新建活动: a 支委 adds one activity outside the annual plan (a 党课, an extra 支委会…): type,
// title, Beijing date and times, place, online link, agenda lines, host and recorder from the
// roster (by default the 书记 hosts and the 组织委员 records), the lecturer of a 党课. An activity
// that already ended is a late registration and needs its reason [MTG-17]. The backend checks
// everything and its Chinese message is shown under the form.
import { createActivity } from '../../../services/activity';
import { fetchMembers } from '../../../services/org';
import type { ActivityType } from '../../../services/types';
import { activityTypes, typeLabels } from '../../../utils/activity-view';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import { agendaLines, beijingDate, dateText, endsInPast, instantOf, needsDelegation } from './view';

const DEFAULT_RUNNER = { id: '', name: '' };

definePage({
  once: true,
  fields: () => ({ runnerIds: [] as string[] }),
  data: {
    typeNames: activityTypes.map((t) => typeLabels[t]),
    typeIndex: 0,
    isLecture: false,
    delegable: false,
    title: '',
    date: '',
    dateText: '',
    startTime: '09:00',
    endTime: '11:00',
    place: '',
    onlineUrl: '',
    agenda: '',
    lecturer: '',
    hostNames: [] as string[],
    hostIndex: 0,
    recorderNames: [] as string[],
    recorderIndex: 0,
    late: false,
    lateReason: '',
    delegationReason: '',
    formError: '',
    alerts: [] as string[],
    createdId: '',
  },
  async load(me) {
    if (!can(me, 'activity.manage')) return this.empty('只有支部委员可以新建活动');
    const roster = await fetchMembers(me.member.orgId);
    const people = [DEFAULT_RUNNER, ...roster.map((m) => ({ id: m.id, name: m.name }))];
    this.runnerIds = people.map((p) => p.id);
    const date = beijingDate(Date.now(), 1);
    this.setData({
      date,
      dateText: dateText(date),
      hostNames: people.map((p) => p.name || '按默认（书记主持）'),
      recorderNames: people.map((p) => p.name || '按默认（组织委员记录）'),
    });
  },
  methods: {
    type(): ActivityType {
      return activityTypes[this.data.typeIndex];
    },
    changed(patch: Record<string, unknown>) {
      this.setData({ ...patch, formError: '', createdId: '', alerts: [] });
      const { date, endTime } = this.data;
      this.setData({ late: endsInPast(date, endTime, Date.now()) });
    },
    onPickType(e: WechatMiniprogram.PickerChange) {
      const typeIndex = Number(e.detail.value);
      const type = activityTypes[typeIndex];
      this.changed({
        typeIndex,
        isLecture: type === 'partyLecture',
        delegable: needsDelegation(type) && this.data.hostIndex > 0,
      });
    },
    onPickDate(e: WechatMiniprogram.PickerChange) {
      const date = String(e.detail.value);
      this.changed({ date, dateText: dateText(date) });
    },
    onPickStart(e: WechatMiniprogram.PickerChange) {
      this.changed({ startTime: String(e.detail.value) });
    },
    onPickEnd(e: WechatMiniprogram.PickerChange) {
      this.changed({ endTime: String(e.detail.value) });
    },
    onPickHost(e: WechatMiniprogram.PickerChange) {
      const hostIndex = Number(e.detail.value);
      this.changed({ hostIndex, delegable: needsDelegation(this.type()) && hostIndex > 0 });
    },
    onPickRecorder(e: WechatMiniprogram.PickerChange) {
      this.changed({ recorderIndex: Number(e.detail.value) });
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: string }>) {
      this.changed({ [e.currentTarget.dataset.field]: e.detail.value });
    },
    async onSubmit() {
      const d = this.data;
      const title = d.title.trim();
      if (!title) return this.setData({ formError: '请填写活动名称' });
      if (d.late && !d.lateReason.trim())
        return this.setData({ formError: '活动已经结束，请写明补录的理由，补录须报上级审批' });
      const hostId = this.runnerIds[d.hostIndex];
      const recorderId = this.runnerIds[d.recorderIndex];
      const agenda = agendaLines(d.agenda);
      const input = {
        orgId: this.me.member.orgId,
        type: this.type(),
        title,
        startAt: instantOf(d.date, d.startTime),
        endAt: instantOf(d.date, d.endTime),
        ...(d.place.trim() ? { place: d.place.trim() } : {}),
        ...(d.onlineUrl.trim() ? { onlineUrl: d.onlineUrl.trim() } : {}),
        ...(agenda.length ? { agenda } : {}),
        ...(hostId ? { hostId } : {}),
        ...(recorderId ? { recorderId } : {}),
        ...(d.isLecture && d.lecturer.trim() ? { lecturer: d.lecturer.trim() } : {}),
        ...(d.late ? { lateReason: d.lateReason.trim() } : {}),
        ...(d.delegable && d.delegationReason.trim()
          ? { delegationReason: d.delegationReason.trim() }
          : {}),
      };
      await this.run(async () => {
        const { id, alerts } = await createActivity(input);
        this.setData({ createdId: id, alerts: alerts.map((a) => a.message) });
        toast('活动已创建', 'success');
      }, 'formError');
    },
    onOpenCreated() {
      wx.redirectTo({ url: `/subpackages/activity/detail/index?id=${this.data.createdId}` });
    },
  },
});
