// 述职评议工作台: the 基层党委's view of the year's secretary reviews across its branches [SEC-01]:
// each branch with its review's step (in words and colour), a 开启 for a branch that has none
// [SEC-02, SEC-03], the quota meter where the profile has one [SEC-18]; a row opens the board
// (from 评定等次 on) or the report. Offered where `org.me` says the caller decides.
import {
  fetchBoard,
  fetchCampaigns,
  openCampaign,
  type CampaignOut,
} from '../../../services/appraisal';
import { currentYear } from '../../../utils/activity-view';
import { orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { orgsBelow } from '../../../utils/org-choices';
import { fetchOrgTree } from '../../../services/org';
import { confirmDialog, toast } from '../../../utils/platform';
import { branchRows, predecessorText, quotaView, type BranchRow, type QuotaView } from './view';

definePage({
  fields: () => ({ orgId: '' }),
  data: {
    year: 0,
    years: [] as string[],
    yearIndex: 0,
    orgName: '',
    rows: [] as BranchRow[],
    quota: null as QuotaView | null,
    message: '',
    formError: '',
  },
  async load(me) {
    // The caller's own top org among those they decide on (a superior's committee).
    const mine = new Map(me.roles.map((r) => [r.orgId, r.orgName]));
    const decides = orgsWith(me, 'appraisal.decide');
    const top = decides.find((id) => mine.has(id));
    if (!top) return this.empty('只有上级党组织可以开展书记述职评议');
    this.orgId = top;
    const year = this.data.year || currentYear();
    const [campaigns, tree] = await Promise.all([
      fetchCampaigns({ orgId: top, year }),
      fetchOrgTree(),
    ]);
    const branches = orgsBelow(findNode(tree, top) ?? tree).filter((o) => decides.includes(o.id));
    const first = campaigns[0] as CampaignOut | undefined;
    const board = first ? await fetchBoard({ id: first.id }).catch(() => null) : null;
    const now = currentYear();
    this.setData({
      year,
      years: [`${now}年度`, `${now - 1}年度`],
      yearIndex: year === now ? 0 : 1,
      orgName: mine.get(top) ?? '',
      rows: branchRows(branches, campaigns),
      quota: board?.quota ? quotaView(board.quota, first?.grades) : null,
    });
  },
  methods: {
    onPickYear(e: WechatMiniprogram.PickerChange) {
      const year = currentYear() - Number(e.detail.value);
      this.setData({ year, yearIndex: Number(e.detail.value), message: '', formError: '' });
      void this.reload();
    },
    async onOpen(e: WechatMiniprogram.TouchEvent<object, object, { org: string; name: string }>) {
      const { org, name } = e.currentTarget.dataset;
      const sure = await confirmDialog(
        '开启述职评议',
        `为${name}书记开启${this.data.year}年度述职评议吗？开启后书记可以撰写述职报告。`,
        '开启',
      );
      if (!sure) return;
      await this.run(async () => {
        const r = await openCampaign({ kind: 'secretaryReview', orgId: org, year: this.data.year });
        toast('已开启', 'success');
        this.setData({ message: `已为${name}开启述职评议。${predecessorText(r.predecessors)}` });
        await this.reload();
      }, 'formError');
    },
    onCampaign(e: WechatMiniprogram.TouchEvent<object, object, { id: string; board: boolean }>) {
      const { id, board } = e.currentTarget.dataset;
      const page = board ? 'board' : 'report';
      wx.navigateTo({ url: `/subpackages/appraisal/${page}/index?id=${id}` });
    },
  },
});

type TreeNode = Awaited<ReturnType<typeof fetchOrgTree>>;
function findNode(n: TreeNode, id: string): TreeNode | undefined {
  if (n.id === id) return n;
  for (const c of n.children) {
    const hit = findNode(c, id);
    if (hit) return hit;
  }
  return undefined;
}
