// 年度计划 (MTG-09): the year's 三会一课 and theme days. Before publication the committee sees
// the schedule the backend proposes, moves dates where needed and publishes it (which creates
// the activities); every member sees the published plan.
import { fetchPlan, publishPlan } from '../../../services/activity';
import type { PlanItem } from '../../../services/types';
import { currentYear, dayText, typeLabels } from '../../../utils/activity-view';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
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

definePage({
  // The plan as the backend sent it, with the committee's date changes (never drawn as such).
  fields: () => ({ draft: [] as PlanItem[] }),
  data: {
    years: [] as number[],
    yearIndex: 0,
    published: false,
    editable: false,
    items: [] as ItemView[],
    message: '',
  },
  lifetimes: {
    attached() {
      const year = currentYear();
      this.setData({ years: [year, year + 1] });
    },
  },
  async load(me) {
    const orgId = me.member.orgId;
    const plan = await fetchPlan({ orgId, year: this.data.years[this.data.yearIndex] });
    this.draft = plan.items.map((i) => ({ ...i }));
    this.setData({
      published: plan.published,
      editable: !plan.published && can(me, 'activity.manage', orgId) && plan.items.length > 0,
      items: plan.items.map(toView),
    });
    if (!plan.items.length) this.empty('本年度计划尚未发布');
  },
  methods: {
    onPickYear(e: WechatMiniprogram.PickerChange) {
      this.setData({ yearIndex: Number(e.detail.value), message: '', status: 'loading' });
      this.reload();
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const index = Number((e.currentTarget.dataset as { index: number }).index);
      const item = this.draft[index];
      if (!item) return;
      item.date = String(e.detail.value);
      this.setData({ [`items[${index}]`]: toView(item, index) });
    },
    async onPublish() {
      if (this.data.busy) return;
      const ok = await confirmDialog(
        '发布年度计划',
        '发布后全体党员可见，并按计划创建全年活动。确定发布吗？',
        '发布',
      );
      if (!ok) return;
      await this.run(async () => {
        const res = await publishPlan({
          orgId: this.me.member.orgId,
          year: this.data.years[this.data.yearIndex],
          items: this.draft.map(({ type, date, title, startTime, endTime, agenda }) => ({
            type,
            date,
            title,
            startTime,
            endTime,
            agenda,
          })),
        });
        await this.reload();
        this.setData({ message: `计划已发布，已创建 ${res.created.length} 项活动` });
      }, 'message');
    },
  },
});
