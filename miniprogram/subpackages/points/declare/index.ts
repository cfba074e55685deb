// 申报积分 [PTS-14]: the member reports an item of the branch's standard that the system does
// not record itself, for this month (or last month until the 5th), with a note the scorer
// checks against the evidence. It counts only once a scorer approves it [PTS-15].
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import { UNBOUND, fetchMe } from '../../../services/org';
import { declarePoints, fetchStandard } from '../../../services/points';
import { declarableMonths, monthText } from '../../../utils/points-view';

interface ItemChoice {
  code: string;
  name: string;
  rule: string;
}

// The branch, kept per page instance for reloading another year's standard.
const orgOf = new WeakMap<object, string>();

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    items: [] as ItemChoice[],
    itemNames: [] as string[],
    itemIndex: 0,
    months: [] as string[],
    monthTexts: [] as string[],
    monthIndex: 0,
    note: '',
    formError: '',
    submitted: '',
    busy: false,
  },
  lifetimes: {
    attached() {
      const months = declarableMonths();
      this.setData({ months, monthTexts: months.map((m) => monthText(m)) });
    },
    detached() {
      orgOf.delete(this);
    },
  },
  methods: {
    onShow() {
      if (!this.data.items.length) this.load();
    },
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await fetchMe();
        if (me.member.exempt) {
          this.setData({ status: 'empty', errorMessage: '您已免于积分管理，无需申报' });
          return;
        }
        orgOf.set(this, me.member.orgId);
        await this.loadItems();
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true });
        else this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    /** The declarable items of the standard in force in the chosen month's year. */
    async loadItems() {
      const orgId = orgOf.get(this);
      if (!orgId) return;
      const year = Number(this.data.months[this.data.monthIndex].slice(0, 4));
      const standard = await fetchStandard(orgId, year);
      const items = standard.items
        .filter((i) => i.source === 'declared')
        .map((i) => ({
          code: i.code,
          name: i.name,
          rule: `每次${i.kind === 'deduct' ? '扣' : '加'} ${i.points} 分${i.capPerYear ? `，全年最多 ${i.capPerYear} 分` : ''}`,
        }));
      this.setData({
        status: items.length ? 'ready' : 'empty',
        errorMessage: '本支部积分标准中暂无需要个人申报的项目',
        items,
        itemNames: items.map((i) => i.name),
        itemIndex: Math.min(this.data.itemIndex, Math.max(items.length - 1, 0)),
      });
    },
    onPickItem(e: WechatMiniprogram.PickerChange) {
      this.setData({ itemIndex: Number(e.detail.value), formError: '', submitted: '' });
    },
    async onPickMonth(e: WechatMiniprogram.PickerChange) {
      const before = this.data.months[this.data.monthIndex].slice(0, 4);
      this.setData({ monthIndex: Number(e.detail.value), formError: '', submitted: '' });
      if (this.data.months[this.data.monthIndex].slice(0, 4) !== before) {
        try {
          await this.loadItems();
        } catch (err) {
          this.setData({ status: 'error', errorMessage: messageOf(err) });
        }
      }
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, formError: '', submitted: '' });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const item = this.data.items[this.data.itemIndex];
      const note = this.data.note.trim();
      if (!item) return;
      if (!note) {
        this.setData({ formError: '请写明做了什么、何时何地，以便记分员核实' });
        return;
      }
      this.setData({ busy: true, formError: '', submitted: '' });
      try {
        await declarePoints(item.code, this.data.months[this.data.monthIndex], note);
        this.setData({
          note: '',
          submitted: `已提交“${item.name}”的申报，记分员核实通过后计分`,
        });
      } catch (err) {
        this.setData({ formError: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
    onBack() {
      wx.navigateBack();
    },
  },
});
