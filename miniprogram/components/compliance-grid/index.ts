/**
 * The superior's compliance grid: a row per branch (name, members, 堡垒指数 stars, alerts), a
 * column per obligation, each cell with a symbol and a word as well as its colour. The month
 * picker chooses the period shown (a quarterly obligation shows the quarter containing it).
 * The branch column stays put while the obligations scroll sideways; a tap on a row emits
 * `open` with the branch's `orgId`.
 */
import type { DashboardOutput } from '../../services/oversight';
import { defaultMonth, gridView, LEGEND, type GridView } from './view';

const EMPTY: GridView = { columns: [], rows: [], months: [], monthIndex: 0, summary: '' };

Component({
  options: { addGlobalClass: true },
  properties: {
    /** org.dashboard's answer. */
    dashboard: { type: Object, value: null as unknown as DashboardOutput },
  },
  data: { view: EMPTY, legend: LEGEND, month: 0 },
  observers: {
    dashboard(d: DashboardOutput | null) {
      if (!d || !Array.isArray(d.branches)) return this.setData({ view: EMPTY });
      const month = this.data.month || defaultMonth(d);
      this.setData({ month, view: gridView(d, month) });
    },
  },
  methods: {
    onPickMonth(e: WechatMiniprogram.PickerChange) {
      const d = this.properties.dashboard as DashboardOutput | null;
      if (!d) return;
      const month = Number(e.detail.value) + 1;
      this.setData({ month, view: gridView(d, month) });
    },
    onOpen(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      this.triggerEvent('open', { orgId: e.currentTarget.dataset.id });
    },
  },
});
