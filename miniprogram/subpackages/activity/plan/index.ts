// 年度计划 (MTG-09): the year's 三会一课 and theme days, month by month. Before publication the
// committee sees the schedule the backend proposes (holidays and overlaps already moved, each
// move said in words), moves dates where needed and publishes it from the bar that stays at the
// bottom (which creates the activities); every member sees the published plan.
import { fetchPlan, publishPlan } from '../../../services/activity';
import type { PlanItem } from '../../../services/types';
import { currentYear } from '../../../utils/activity-view';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog } from '../../../utils/platform';
import { firstOpenMonth, toMonths, toPublished, withDate, type MonthView } from './view';

/** Today in Beijing, 'YYYY-MM-DD'. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

definePage({
  // The plan as the backend sent it, with the committee's date changes; the months opened.
  fields: () => ({ draft: [] as PlanItem[], open: new Set<number>() }),
  data: {
    years: [] as number[],
    yearIndex: 0,
    published: false,
    editable: false,
    provisional: false,
    months: [] as MonthView[],
    total: 0,
    movedTotal: 0,
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
    const year = this.data.years[this.data.yearIndex];
    const plan = await fetchPlan({ orgId, year });
    this.draft = plan.items.map((i) => ({ ...i }));
    this.open = new Set([firstOpenMonth(plan.items, year, beijingToday())]);
    this.setData({
      published: plan.published,
      editable: !plan.published && can(me, 'activity.manage', orgId) && plan.items.length > 0,
      provisional: !plan.published && !!plan.provisionalCalendar,
      total: plan.items.length,
      movedTotal: plan.items.filter((i) => i.moveReason || i.movedFrom).length,
    });
    this.render();
    if (!plan.items.length) this.empty('本年度计划尚未发布');
  },
  methods: {
    render() {
      this.setData({ months: toMonths(this.draft, this.open) });
    },
    onPickYear(e: WechatMiniprogram.PickerChange) {
      this.setData({ yearIndex: Number(e.detail.value), message: '', status: 'loading' });
      this.reload();
    },
    onToggleMonth(e: WechatMiniprogram.TouchEvent<object, object, { month: number }>) {
      const month = Number(e.currentTarget.dataset.month);
      if (this.open.has(month)) this.open.delete(month);
      else this.open.add(month);
      this.render();
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const index = Number((e.currentTarget.dataset as { index: number }).index);
      const item = this.draft[index];
      if (!item) return;
      const date = String(e.detail.value);
      this.draft[index] = withDate(item, date);
      this.open.add(Number(date.slice(5, 7)));
      this.render();
    },
    async onPublish() {
      if (this.data.busy) return;
      const ok = await confirmDialog(
        '发布年度计划',
        `发布后全体党员可见，并按计划创建全年 ${this.draft.length} 项活动。确定发布吗？`,
        '发布',
      );
      if (!ok) return;
      await this.run(async () => {
        const res = await publishPlan({
          orgId: this.me.member.orgId,
          year: this.data.years[this.data.yearIndex],
          items: this.draft.map(toPublished),
        });
        await this.reload();
        this.setData({ message: `计划已发布，已创建 ${res.created.length} 项活动` });
      }, 'message');
    },
  },
});
