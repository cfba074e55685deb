// 党费收缴: one month of the branch at a time — each member's due amount and whether it is paid.
// Whoever records dues (组织委员, 党费管理员) marks a payment with the amount prefilled, a
// proxy's name (代交) and a note when a make-up reaches back more than six months, and 核定 a
// member's amount (the base typed in goes to the backend and is not kept on screen). Whoever may
// only read the ledger (书记) sees the sheet without those buttons. Below, members with unpaid
// months, worded as a prompt to talk with them; and the half-yearly publication.
import {
  fetchDuesArrears,
  fetchDuesLedger,
  publishDuesSummary,
  recordDuesPayment,
  setDuesBase,
} from '../../../services/dues';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import {
  baseHints,
  categoryLabels,
  currentMonth,
  duesCategories,
  monthText,
  parseYuan,
  previousMonth,
  yuanText,
} from '../../../utils/dues-view';
import { confirmDialog } from '../../../utils/platform';
import { toArrearView, toRowViews, toSummary, type ArrearView, type RowView } from './view';

type Panel = '' | 'pay' | 'base';
type Field = 'amount' | 'proxy' | 'note' | 'base';

const REFUSAL = '只有组织委员、党费管理员或书记可以查看党费收缴情况';
const NOTE_REQUIRED = 'DUES.NOTE_REQUIRED';

function monthsUpTo(month: string): string[] {
  const year = month.slice(0, 4);
  const last = Number(month.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The last half-year that has ended (DIS-08): in September 2026, 2026-H1. */
function lastHalf(month: string): { period: string; periodLabel: string } {
  const year = Number(month.slice(0, 4));
  const [y, h] = Number(month.slice(5, 7)) > 6 ? [year, 1] : [year - 1, 2];
  return { period: `${y}-H${h}`, periodLabel: `${y}年${h === 1 ? '上' : '下'}半年` };
}

definePage({
  // The ledger's months for which a payment recorded now needs a note (the backend's [FEE-25]).
  fields: () => ({ needsNote: [] as string[] }),
  data: {
    /** Records payments and 核定 amounts; without it the sheet is read-only. */
    recorder: false,
    canPublish: false,
    /** The branch whose ledger is exported (导出表格). */
    orgId: '',
    period: '',
    periodLabel: '',
    year: 0,
    monthKeys: [] as string[],
    monthNames: [] as string[],
    monthIndex: 0,
    summary: '',
    rows: [] as RowView[],
    arrears: [] as ArrearView[],
    openMember: '',
    panel: '' as Panel,
    amount: '',
    proxy: '',
    note: '',
    showNote: false,
    categoryNames: duesCategories.map((c) => categoryLabels[c]),
    categoryIndex: 0,
    base: '',
    baseHint: baseHints[duesCategories[0]] ?? '',
    formError: '',
    result: '',
  },
  lifetimes: {
    attached() {
      // This year's months so far, the current one chosen (Beijing time, as the backend counts).
      const keys = monthsUpTo(currentMonth());
      this.setData({
        year: Number(keys[0].slice(0, 4)),
        monthKeys: keys,
        monthNames: keys.map(monthText),
        monthIndex: keys.length - 1,
        ...lastHalf(keys[keys.length - 1]),
      });
    },
  },
  async load(me) {
    if (!can(me, 'dues.read')) return this.empty(REFUSAL);
    this.setData({
      recorder: can(me, 'dues.record'),
      canPublish: can(me, 'dues.publish'),
      orgId: me.member.orgId,
    });
    await this.loadSheet();
  },
  methods: {
    async loadSheet() {
      const orgId = this.me.member.orgId;
      const month = this.data.monthKeys[this.data.monthIndex];
      const [ledger, arrears] = await Promise.all([
        fetchDuesLedger({ orgId, year: this.data.year }),
        // Overdue months only: this month is due by its end (FEE-24).
        fetchDuesArrears({ orgId, asOf: previousMonth(currentMonth()) }),
      ]);
      if (!('rows' in ledger)) return;
      this.needsNote = ledger.needsNote;
      this.setData({
        summary: toSummary(ledger.rows, month),
        rows: toRowViews(ledger.rows, month),
        arrears: arrears.map((a) => toArrearView(a, this.data.year)),
      });
    },
    async onPickMonth(e: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(e.detail.value), openMember: '', panel: '', result: '' });
      await this.run(() => this.loadSheet());
    },
    onOpen(e: WechatMiniprogram.TouchEvent<object, object, { member: string; panel: Panel }>) {
      const { member, panel } = e.currentTarget.dataset;
      if (this.data.openMember === member && this.data.panel === panel) {
        this.setData({ openMember: '', panel: '', formError: '' });
        return;
      }
      const row = this.data.rows.find((r) => r.memberId === member);
      const month = this.data.monthKeys[this.data.monthIndex];
      this.setData({
        openMember: member,
        panel,
        amount: row?.owed ?? '',
        proxy: '',
        note: '',
        showNote: this.needsNote.includes(month),
        base: '',
        formError: '',
        result: '',
      });
    },
    onCancel() {
      this.setData({ openMember: '', panel: '', formError: '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { field: Field }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, formError: '' });
    },
    onPickCategory(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      this.setData({ categoryIndex: index, baseHint: baseHints[duesCategories[index]] ?? '' });
    },
    async onPay() {
      const member = this.data.rows.find((r) => r.memberId === this.data.openMember);
      if (!member) return;
      const amountFen = parseYuan(this.data.amount);
      if (!amountFen) return this.setData({ formError: '请填写交纳金额（元），如 76.50' });
      const month = this.data.monthKeys[this.data.monthIndex];
      const proxyName = this.data.proxy.trim();
      const note = this.data.note.trim();
      if (this.data.showNote && !note)
        return this.setData({ formError: '补交6个月以前的党费，请写明情况说明' });
      await this.run(
        async () => {
          const res = await recordDuesPayment({
            memberId: member.memberId,
            month,
            amountFen,
            ...(proxyName ? { proxyName } : {}),
            ...(note ? { note } : {}),
          });
          const extra: string[] = [];
          if (proxyName) extra.push(`由 ${proxyName} 代交`);
          if (res.flags.includes('makeUpOver6Months')) extra.push('已附补交情况说明');
          if (res.flags.includes('remitToCentre'))
            extra.push('自愿多交部分达1000元以上，请按规定单独上缴');
          this.setData({
            result: `已登记 ${member.name} ${monthText(month)}党费 ${yuanText(res.amountFen)} 元${extra.length ? `（${extra.join('；')}）` : ''}`,
            openMember: '',
            panel: '',
          });
          await this.loadSheet();
        },
        // The backend asks for a note on a make-up more than 6 months back: show the box.
        (formError, code) =>
          this.setData({ formError, showNote: this.data.showNote || code === NOTE_REQUIRED }),
      );
    },
    async onSetBase() {
      const member = this.data.rows.find((r) => r.memberId === this.data.openMember);
      if (!member) return;
      const category = duesCategories[this.data.categoryIndex];
      const baseFen = baseHints[category] ? parseYuan(this.data.base) : 0;
      if (baseFen === null)
        return this.setData({ formError: '请填写计算基数（元），最多两位小数' });
      const month = this.data.monthKeys[this.data.monthIndex];
      await this.run(async () => {
        const res = await setDuesBase({
          memberId: member.memberId,
          year: this.data.year,
          category,
          baseFen,
          fromMonth: month,
        });
        this.setData({
          result: `已核定 ${member.name}：自${monthText(res.fromMonth)}起每月 ${yuanText(res.monthlyFen)} 元`,
          openMember: '',
          panel: '',
          base: '',
        });
        await this.loadSheet();
      }, 'formError');
    },
    async onPublish() {
      if (this.data.busy) return;
      const { period, periodLabel } = this.data;
      const ok = await confirmDialog(
        '公开党费收缴情况',
        `将在党务公开中发布${periodLabel}每名党员的交纳月数和金额（不含收入），确定发布吗？`,
        '发布',
      );
      if (!ok) return;
      await this.run(async () => {
        const { noticeId } = await publishDuesSummary({ orgId: this.me.member.orgId, period });
        wx.navigateTo({ url: `/subpackages/notice/detail/index?id=${noticeId}` });
      }, 'result');
    },
  },
});
