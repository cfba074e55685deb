// 党员名册: the committee's roster of the branch (status, 流动党员 / 免于积分, bound or not, the
// phone masked as the backend gives it). Tapping a member opens what the caller may do for them:
// the two marks [org.setMemberFlags] (免于积分 needs the decision's reason), the posts
// [org.setRole] (the secretary's posts with role.assignDuty, 书记/副书记 with org.administer),
// the invite for one not yet bound, and the transfer out [org.transferOut].
import {
  fetchMembers,
  fetchOrgTree,
  setMemberFlags,
  setRole,
  transferOut,
} from '../../../services/org';
import type { MemberListItem, RoleKey } from '../../../services/types';
import { can, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { branchChoices, postChoices, rosterRow, type PostChoice, type RosterRow } from './view';

type Input = WechatMiniprogram.CustomEvent<{ value: string }>;

definePage({
  fields: () => ({ orgId: '', members: [] as MemberListItem[] }),
  data: {
    /** The branches the caller manages, when more than one (the superior): to switch between. */
    branches: [] as { id: string; name: string }[],
    orgId: '',
    rows: [] as RosterRow[],
    current: null as RosterRow | null,
    posts: [] as PostChoice[],
    exemptReason: '',
    toOrgName: '',
    transferReason: '',
    mayTransfer: false,
    message: '',
    /** Where the message belongs: next to 免于积分, 转出, or at the top. */
    messageAt: '',
  },
  async load(me) {
    const managed = orgsWith(me, 'member.manage');
    const branches = managed.length > 1 ? branchChoices(await fetchOrgTree(), managed) : [];
    const orgId = this.orgId || branches[0]?.id || me.member.orgId;
    if (!can(me, 'member.manage', orgId)) return this.empty('党员名册由支部委员管理');
    this.orgId = orgId;
    this.setData({ branches, orgId });
    await this.refresh();
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
    },
    async refresh() {
      // Those holding a post first, then by name.
      this.members = (await fetchMembers(this.orgId)).sort(
        (a, b) =>
          Number(b.roles.length > 0) - Number(a.roles.length > 0) ||
          a.name.localeCompare(b.name, 'zh-CN'),
      );
      const rows = this.members.map(rosterRow);
      const id = this.data.current?.id;
      this.setData({ rows });
      if (id) this.show(id);
    },
    show(id: string) {
      const m = this.members.find((x) => x.id === id);
      if (!m) return this.setData({ current: null });
      this.setData({
        current: rosterRow(m),
        posts: postChoices(m, {
          assignDuty: can(this.me, 'role.assignDuty', this.orgId),
          administer: can(this.me, 'org.administer', this.orgId),
        }),
        mayTransfer: can(this.me, 'member.manage', this.orgId),
      });
    },
    onOpen(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      this.setData({ message: '', exemptReason: '', toOrgName: '', transferReason: '' });
      this.show(e.currentTarget.dataset.id);
    },
    async onBranch(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      this.orgId = e.currentTarget.dataset.id;
      this.setData({ orgId: this.orgId, current: null, message: '' });
      await this.run(() => this.refresh(), 'message');
    },
    onBack() {
      this.setData({ current: null, message: '' });
    },
    onExemptReason(e: Input) {
      this.setData({ exemptReason: e.detail.value, message: '' });
    },
    onToOrg(e: Input) {
      this.setData({ toOrgName: e.detail.value, message: '' });
    },
    onTransferReason(e: Input) {
      this.setData({ transferReason: e.detail.value, message: '' });
    },
    async act(work: () => Promise<unknown>, done: string) {
      await this.run(async () => {
        await work();
        await this.refresh();
        this.setData({ message: '' });
        toast(done, 'success');
      }, 'message');
    },
    async onMobile() {
      const m = this.data.current;
      if (!m) return;
      this.setData({ messageAt: '' });
      await this.act(() => setMemberFlags({ memberId: m.id, mobile: !m.mobile }), '已保存');
    },
    async onExempt() {
      const m = this.data.current;
      if (!m) return;
      const reason = this.data.exemptReason.trim();
      this.setData({ messageAt: 'exempt' });
      if (!m.exempt && !reason) return this.setData({ message: '免于积分须写明决定理由' });
      await this.act(
        () =>
          setMemberFlags(
            m.exempt
              ? { memberId: m.id, exempt: false }
              : { memberId: m.id, exempt: true, exemptReason: reason },
          ),
        '已保存',
      );
    },
    async onPost(e: WechatMiniprogram.TouchEvent<object, object, { role: RoleKey }>) {
      const m = this.data.current;
      const post = this.data.posts.find((p) => p.role === e.currentTarget.dataset.role);
      if (!m || !post) return;
      this.setData({ messageAt: '' });
      await this.act(
        () => setRole({ memberId: m.id, orgId: this.orgId, role: post.role, on: !post.on }),
        post.on ? `已免去${post.text}` : `已任${post.text}`,
      );
    },
    onInvite() {
      const m = this.data.current;
      if (m) wx.navigateTo({ url: `/subpackages/org/invite/index?memberId=${m.id}` });
    },
    async onTransfer() {
      const m = this.data.current;
      if (!m) return;
      this.setData({ messageAt: 'transfer' });
      const toOrgName = this.data.toOrgName.trim();
      const reason = this.data.transferReason.trim();
      if (!toOrgName || !reason) {
        return this.setData({ message: '请写明转往哪个党组织，以及转出的理由' });
      }
      // The one action here that cannot be undone: say what it does, and ask once.
      const sure = await confirmDialog(
        `确认将${m.name}转出？`,
        `转往：${toOrgName}。转出后${m.name}不再在本支部名册、考勤和党费中，原有记录保留备查；此操作不能撤销。`,
        '确认转出',
      );
      if (!sure) return;
      await this.run(async () => {
        await transferOut({ memberId: m.id, toOrgName, reason });
        this.setData({ current: null });
        await this.refresh();
        toast('已办理转出', 'success');
      }, 'message');
    },
  },
});
