// 党费收缴 (组织委员, 党费管理员, 书记): one month of the branch at a time — each member's due
// amount and whether it is paid — and marking a payment with the amount prefilled, a proxy's
// name (代交) and a note when a make-up reaches back more than six months. A member without a
// confirmed amount can be 核定 here; the base typed in goes to the backend and is not kept on
// screen. Below, members with unpaid months, worded as a prompt to talk with them.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import {
  fetchDuesArrears,
  fetchDuesLedger,
  publishDuesSummary,
  recordDuesPayment,
  setDuesBase,
} from '../../../services/dues';
import { fetchMe, UNBOUND } from '../../../services/org';
import {
  baseHints,
  canCollectDues,
  canPublishDues,
  categoryLabels,
  currentMonth,
  duesCategories,
  monthText,
  needsNote,
  parseYuan,
  previousMonth,
  yuanText,
} from '../../../utils/dues-view';
import { confirmDialog, toast } from '../../../utils/platform';
import { toArrearView, toRowViews, toSummary, type ArrearView, type RowView } from './view';

type Panel = '' | 'pay' | 'base';
type Field = 'amount' | 'proxy' | 'note' | 'base';

const REFUSAL = '只有组织委员、党费管理员或书记可以登记党费';
const NOTE_REQUIRED = 'DUES.NOTE_REQUIRED';

const orgs = new WeakMap<object, string>();

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

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    refused: false,
    refusal: REFUSAL,
    canPublish: false,
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
    busy: false,
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
    detached() {
      orgs.delete(this);
    },
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      if (this.data.status !== 'ready') this.setData({ status: 'loading', errorMessage: '' });
      try {
        if (!orgs.has(this)) {
          const me = await fetchMe();
          if (!canCollectDues(me)) {
            this.setData({ status: 'ready', refused: true });
            return;
          }
          orgs.set(this, me.member.orgId);
          this.setData({ canPublish: canPublishDues(me) });
        }
        await this.loadSheet();
        this.setData({ status: 'ready', unbound: false, refused: false });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true });
        else this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    async loadSheet() {
      const orgId = orgs.get(this);
      if (!orgId) return;
      const month = this.data.monthKeys[this.data.monthIndex];
      const [ledger, arrears] = await Promise.all([
        fetchDuesLedger(orgId, this.data.year),
        // Overdue months only: this month is due by its end (FEE-24).
        fetchDuesArrears(orgId, previousMonth(currentMonth())),
      ]);
      if (!('rows' in ledger)) return;
      this.setData({
        summary: toSummary(ledger.rows, month),
        rows: toRowViews(ledger.rows, month),
        arrears: arrears.map((a) => toArrearView(a, this.data.year)),
      });
    },
    async onPickMonth(e: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(e.detail.value), openMember: '', panel: '', result: '' });
      try {
        await this.loadSheet();
      } catch (err) {
        toast(messageOf(err));
      }
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
        showNote: needsNote(month),
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
      if (!member || this.data.busy) return;
      const amountFen = parseYuan(this.data.amount);
      if (!amountFen) return this.setData({ formError: '请填写交纳金额（元），如 76.50' });
      const month = this.data.monthKeys[this.data.monthIndex];
      const proxyName = this.data.proxy.trim();
      const note = this.data.note.trim();
      if (this.data.showNote && !note)
        return this.setData({ formError: '补交6个月以前的党费，请写明情况说明' });
      this.setData({ busy: true, formError: '' });
      try {
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
      } catch (err) {
        // The backend asks for a note on a make-up more than 6 months back: show the box.
        if (codeOf(err) === NOTE_REQUIRED) this.setData({ showNote: true });
        this.setData({ formError: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
    async onSetBase() {
      const member = this.data.rows.find((r) => r.memberId === this.data.openMember);
      if (!member || this.data.busy) return;
      const category = duesCategories[this.data.categoryIndex];
      const baseFen = baseHints[category] ? parseYuan(this.data.base) : 0;
      if (baseFen === null)
        return this.setData({ formError: '请填写计算基数（元），最多两位小数' });
      const month = this.data.monthKeys[this.data.monthIndex];
      this.setData({ busy: true, formError: '' });
      try {
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
      } catch (err) {
        this.setData({ formError: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
    async onPublish() {
      const orgId = orgs.get(this);
      if (!orgId || this.data.busy) return;
      const { period, periodLabel } = this.data;
      const ok = await confirmDialog(
        '公开党费收缴情况',
        `将在党务公开中发布${periodLabel}每名党员的交纳月数和金额（不含收入），确定发布吗？`,
        '发布',
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        const { noticeId } = await publishDuesSummary(orgId, period);
        wx.navigateTo({ url: `/subpackages/notice/detail/index?id=${noticeId}` });
      } catch (err) {
        this.setData({ result: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
