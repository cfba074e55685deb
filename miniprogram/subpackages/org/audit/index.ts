// 操作记录: what the administrators of the branch (and, for the superior, the orgs below) did,
// newest first, in words: who, when, what, before → after where that is simple, and the reason
// [org.auditLog, PRIV-06]. Paged by the backend's `nextOffset`; 按月份查看 narrows it to a month.
import { fetchAuditLog, fetchMembers } from '../../../services/org';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { entryView, monthRange, type EntryView } from './view';

const PAGE = 20;

definePage({
  fields: () => ({ names: new Map<string, string>(), nextOffset: 0 as number | null }),
  data: { entries: [] as EntryView[], month: '', more: false, message: '' },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'audit.read', orgId)) return this.empty('操作记录由支部书记和上级党组织查看');
    const roster = await fetchMembers(orgId).catch(() => []);
    this.names = new Map(roster.map((m) => [m.id, m.name]));
    await this.fetch(true);
  },
  methods: {
    async fetch(fresh: boolean) {
      const offset = fresh ? 0 : (this.nextOffset ?? 0);
      const period = this.data.month ? monthRange(this.data.month) : {};
      const { entries, nextOffset } = await fetchAuditLog({
        orgId: this.me.member.orgId,
        offset,
        limit: PAGE,
        ...period,
      });
      this.nextOffset = nextOffset;
      const views = entries.map((e) => entryView(e, this.names));
      this.setData({
        entries: fresh ? views : [...this.data.entries, ...views],
        more: nextOffset !== null,
      });
    },
    async onMore() {
      await this.run(() => this.fetch(false), 'message');
    },
    async onMonth(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ month: e.detail.value });
      await this.run(() => this.fetch(true), 'message');
    },
    async onAllMonths() {
      this.setData({ month: '' });
      await this.run(() => this.fetch(true), 'message');
    },
    async onReachBottom() {
      if (this.data.more) await this.onMore();
    },
  },
});
