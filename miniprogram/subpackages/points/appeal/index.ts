// 申辩 [PTS-18]: after the branch publishes a quarter's points, a member has 7 days to object to
// one of their own entries with a reason; the secretary answers every appeal. Opened from an
// entry of 我的先锋指数 (?entryId=), it also lists the member's earlier appeals and replies.
import {
  fetchAppeals,
  fetchPioneerIndex,
  POINTS_DISABLED,
  submitAppeal,
} from '../../../services/points';
import { definePage } from '../../../utils/define-page';
import {
  appealResultText,
  currentYear,
  instantText,
  toEntryView,
  type EntryView,
} from '../../../utils/points-view';

interface AppealView {
  key: string;
  entryName: string;
  reason: string;
  statusText: string;
  theme: string;
  reply: string;
  /** What the answer changed: 已采纳：积分加回 5 分… / 未采纳：积分不变. */
  result: string;
  at: string;
}

const appealStatus: Record<string, { text: string; theme: string }> = {
  open: { text: '待答复', theme: 'warning' },
  accepted: { text: '已采纳', theme: 'success' },
  rejected: { text: '未采纳', theme: 'default' },
};

definePage({
  emptyOn: [POINTS_DISABLED],
  data: {
    wanted: '',
    entries: [] as EntryView[],
    entryNames: [] as string[],
    entryIndex: 0,
    windowText: '',
    reason: '',
    formError: '',
    submitted: '',
    appeals: [] as AppealView[],
  },
  async load(me) {
    const year = currentYear();
    const [index, appeals] = await Promise.all([
      fetchPioneerIndex(year),
      fetchAppeals(me.member.orgId),
    ]);
    const all = index.entries.map((e) => toEntryView(e, year, true));
    // Only what lowered the score may be appealed [PTS-18]; the names cover every entry.
    const entries = all.filter((e) => e.appealable);
    const names = new Map(all.map((e) => [e.id, e.name]));
    const chosen = entries.findIndex((e) => e.id === this.data.wanted);
    this.setData({
      entries,
      entryNames: entries.map(
        (e) => `${e.monthText} ${e.name}${e.pointsText ? `（${e.pointsText}）` : ''}`,
      ),
      entryIndex: chosen >= 0 ? chosen : this.data.entryIndex,
      windowText: index.appealOpenUntil ? instantText(index.appealOpenUntil) : '',
      appeals: appeals
        .filter((a) => a.memberId === me.member.id)
        .map((a) => ({
          key: a.appealId,
          entryName: names.get(a.entryId) ?? '积分记录',
          reason: a.reason,
          statusText: appealStatus[a.status]?.text ?? '',
          theme: appealStatus[a.status]?.theme ?? 'default',
          reply: a.reply ?? '',
          result: appealResultText(a.status, a.points),
          at: instantText(a.at),
        })),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ wanted: query.entryId ? decodeURIComponent(query.entryId) : '' });
    },
    onPickEntry(e: WechatMiniprogram.PickerChange) {
      this.setData({ entryIndex: Number(e.detail.value), formError: '', submitted: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, formError: '', submitted: '' });
    },
    async onSubmit() {
      const entry = this.data.entries[this.data.entryIndex];
      const reason = this.data.reason.trim();
      if (!entry) return;
      if (!reason) return this.setData({ formError: '请写明申辩理由，以及可以核实的情况' });
      this.setData({ submitted: '' });
      await this.run(async () => {
        await submitAppeal({ entryId: entry.id, reason });
        this.setData({ reason: '', submitted: '申辩已提交，支部书记核实后会给您答复' });
        await this.reload();
      }, 'formError');
    },
  },
});
