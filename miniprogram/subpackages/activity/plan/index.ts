// 年度计划 (MTG-09): the year's 三会一课 and theme days. Before publication the committee sees
// the schedule the backend proposes, moves dates where needed and publishes it (which creates
// the activities); every member sees the published plan.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { fetchPlan, publishPlan } from '../../../services/activity';
import { codeOf, messageOf } from '../../../services/cloud';
import { fetchMe, UNBOUND } from '../../../services/org';
import type { PlanItem } from '../../../services/types';
import { currentYear, dayText, isCommittee, typeLabels } from '../../../utils/activity-view';
import { confirmDialog } from '../../../utils/platform';

interface ItemView {
  key: string;
  date: string;
  dayText: string;
  time: string;
  typeText: string;
  title: string;
}

const toView = (i: PlanItem, index: number): ItemView => ({
  key: `${index}`,
  date: i.date,
  dayText: dayText(`${i.date}T12:00:00+08:00`),
  time: `${i.startTime}–${i.endTime}`,
  typeText: typeLabels[i.type] ?? i.type,
  title: i.title,
});

// The plan as the backend sent it, with the committee's date changes, per page instance.
const drafts = new WeakMap<object, { orgId: string; items: PlanItem[] }>();

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    years: [] as number[],
    yearIndex: 0,
    published: false,
    editable: false,
    items: [] as ItemView[],
    emptyMessage: '',
    message: '',
    busy: false,
  },
  lifetimes: {
    attached() {
      const year = currentYear();
      this.setData({ years: [year, year + 1] });
    },
    detached() {
      drafts.delete(this);
    },
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await fetchMe();
        const orgId = me.member.orgId;
        const plan = await fetchPlan(orgId, this.data.years[this.data.yearIndex]);
        drafts.set(this, { orgId, items: plan.items.map((i) => ({ ...i })) });
        const editable = !plan.published && isCommittee(me, orgId) && plan.items.length > 0;
        this.setData({
          status: plan.items.length ? 'ready' : 'empty',
          emptyMessage: '本年度计划尚未发布',
          published: plan.published,
          editable,
          items: plan.items.map(toView),
        });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true, items: [] });
        else this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    onPickYear(e: WechatMiniprogram.PickerChange) {
      this.setData({ yearIndex: Number(e.detail.value), message: '' });
      this.load();
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const index = Number((e.currentTarget.dataset as { index: number }).index);
      const draft = drafts.get(this);
      const date = String(e.detail.value);
      if (!draft?.items[index]) return;
      draft.items[index].date = date;
      this.setData({ [`items[${index}]`]: toView(draft.items[index], index) });
    },
    async onPublish() {
      const draft = drafts.get(this);
      if (!draft || this.data.busy) return;
      const ok = await confirmDialog(
        '发布年度计划',
        '发布后全体党员可见，并按计划创建全年活动。确定发布吗？',
        '发布',
      );
      if (!ok) return;
      this.setData({ busy: true, message: '' });
      try {
        const res = await publishPlan({
          orgId: draft.orgId,
          year: this.data.years[this.data.yearIndex],
          items: draft.items.map(({ type, date, title, startTime, endTime, agenda }) => ({
            type,
            date,
            title,
            startTime,
            endTime,
            agenda,
          })),
        });
        await this.load();
        this.setData({ message: `计划已发布，已创建 ${res.created.length} 项活动` });
      } catch (err) {
        this.setData({ message: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
