// 调动党员、分配党小组: the superior moves a member to another 党支部 of the tree [org.moveMember,
// PRIV-20: what they took part in stays with the old branch as history]; the branch (书记、副书记、
// 组织委员) or the superior puts a member in one of the branch's 党小组 [org.setMemberGroup, ORG-23].
// Opened from a member (?memberId=&orgId=) or on its own (pick the branch, then the member).
import { fetchMembers, fetchOrgTree } from '../../../services/org';
import { moveMember, setMemberGroup } from '../../../services/oversight';
import type { MemberListItem, OrgTreeNode } from '../../../services/types';
import { can, canAnywhere, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { branchesOf, groupOf, groupsOf, personRow, type Choice, type PersonRow } from './view';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<object, object, D>;

definePage({
  fields: () => ({
    orgId: '',
    memberId: '',
    tree: null as OrgTreeNode | null,
    members: [] as MemberListItem[],
    /** What this page set, until the roster says it itself. */
    groupSet: {} as Record<string, string | null>,
  }),
  data: {
    branches: [] as Choice[],
    orgId: '',
    groups: [] as Choice[],
    /** Whether the caller could read the branch's 党小组 (the tree is the superior's to read). */
    groupsKnown: false,
    rows: [] as PersonRow[],
    current: null as PersonRow | null,
    mayGroup: false,
    mayMove: false,
    groupId: null as string | null,
    targets: [] as Choice[],
    toOrgId: '',
    reason: '',
    message: '',
    messageAt: '',
    done: '',
  },
  async load(me) {
    const allowed = [...orgsWith(me, 'group.assign'), ...orgsWith(me, 'org.administer')];
    if (!allowed.length)
      return this.empty('调动党员、分配党小组由支部书记、组织委员或上级党组织办理');
    // The tree is the superior's (org.administer); a branch reads its own part if it may.
    const root = canAnywhere(me, 'org.administer') ? undefined : me.member.orgId;
    this.tree = await fetchOrgTree(root).catch(() => null);
    const inTree = this.tree ? branchesOf(this.tree) : [];
    const branches = inTree.filter((b) => allowed.includes(b.id));
    if (!branches.length && can(me, 'group.assign'))
      branches.push({ id: me.member.orgId, name: me.member.orgName });
    if (!branches.length)
      return this.empty('调动党员、分配党小组由支部书记、组织委员或上级党组织办理');
    const orgId = branches.some((b) => b.id === this.orgId) ? this.orgId : branches[0].id;
    this.setData({ branches: branches.length > 1 ? branches : [] });
    await this.openBranch(orgId);
    if (this.memberId) this.show(this.memberId);
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
      this.memberId = query.memberId ?? '';
    },
    async openBranch(orgId: string) {
      this.orgId = orgId;
      const groups = this.tree ? groupsOf(this.tree, orgId) : [];
      this.members = can(this.me, 'member.manage', orgId) ? await fetchMembers(orgId) : [];
      this.members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      this.setData({ orgId, groups, groupsKnown: !!this.tree, current: null });
      this.showRows();
    },
    groupIdOf(m: MemberListItem): string | null {
      return m.id in this.groupSet ? this.groupSet[m.id] : groupOf(m);
    },
    showRows() {
      const rows = this.members.map((m) => personRow(m, this.data.groups, this.groupIdOf(m)));
      this.setData({ rows });
    },
    show(id: string) {
      const m = this.members.find((x) => x.id === id);
      if (!m) return this.setData({ current: null });
      const mayMove = can(this.me, 'org.administer', this.orgId);
      const targets = (this.tree ? branchesOf(this.tree) : []).filter(
        (b) => b.id !== this.orgId && can(this.me, 'org.administer', b.id),
      );
      this.setData({
        current: personRow(m, this.data.groups, this.groupIdOf(m)),
        groupId: this.groupIdOf(m),
        mayGroup: can(this.me, 'group.assign', this.orgId),
        mayMove: mayMove && targets.length > 0,
        targets,
        toOrgId: '',
        reason: '',
        message: '',
        messageAt: '',
      });
    },
    async onBranch(e: Tap<{ id: string }>) {
      this.setData({ done: '', message: '' });
      const id = e.currentTarget.dataset.id;
      await this.run(() => this.openBranch(id), 'message');
    },
    onOpen(e: Tap<{ id: string }>) {
      this.setData({ done: '' });
      this.show(e.currentTarget.dataset.id);
    },
    onBack() {
      this.setData({ current: null, message: '' });
    },
    onGroup(e: Tap<{ id: string }>) {
      this.setData({ groupId: e.currentTarget.dataset.id || null, message: '' });
    },
    async onSaveGroup() {
      const m = this.data.current;
      if (!m) return;
      const { groupId } = this.data;
      this.setData({ messageAt: 'group' });
      await this.run(async () => {
        await setMemberGroup({ memberId: m.id, groupId });
        this.groupSet = { ...this.groupSet, [m.id]: groupId };
        const name = this.data.groups.find((g) => g.id === groupId)?.name;
        this.showRows();
        this.show(m.id);
        this.setData({ done: name ? `已把${m.name}编入${name}` : `${m.name}已不在党小组中` });
        toast('已保存', 'success');
      }, 'message');
    },
    onTarget(e: Tap<{ id: string }>) {
      this.setData({ toOrgId: e.currentTarget.dataset.id, message: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, message: '' });
    },
    async onMove() {
      const m = this.data.current;
      if (!m) return;
      const reason = this.data.reason.trim();
      this.setData({ messageAt: 'move' });
      const missing = [!this.data.toOrgId && '调往哪个支部', !reason && '调动理由'].filter(Boolean);
      if (missing.length) return this.setData({ message: `请选择或填写：${missing.join('、')}` });
      const to = this.data.targets.find((t) => t.id === this.data.toOrgId)?.name ?? '';
      const ok = await confirmDialog(
        `把${m.name}调到${to}`,
        '调动后在原支部参加过的活动等记录留在原支部，只能查看，不能修改。',
        '确认调动',
      );
      if (!ok) return;
      await this.run(async () => {
        await moveMember({ memberId: m.id, toOrgId: this.data.toOrgId, reason });
        await this.openBranch(this.orgId);
        this.setData({ done: `已把${m.name}调到${to}，原来的记录留在原支部` });
        toast('已调动', 'success');
      }, 'message');
    },
  },
});
