// 民主评议情况: the 基层党委's console of 民主评议党员 across its branches [APR-05, APR-10]:
// each branch's 优秀 against its 正式党员 and the anomaly hints, 开启 for a branch without one;
// links to 评议党支部 (先进 ≤ 15%) and 述职评议 (好 ≤ 15%). Offered where `org.me` says the caller
// decides (`appraisal.decide`), no role list; the backend decides every number and hint.
import { fetchHints, openCampaign } from '../../../services/appraisal';
import { currentYear } from '../../../utils/activity-view';
import { fetchOrgTree } from '../../../services/org';
import { orgsWith } from '../../../utils/can';
import { orgsBelow } from '../../../utils/org-choices';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { hintRows, type HintRow } from './view';

definePage({
  fields: () => ({ orgId: '' }),
  emptyOn: ['AUTH.FORBIDDEN'],
  data: {
    year: 0,
    years: [] as string[],
    yearIndex: 0,
    orgName: '',
    rows: [] as HintRow[],
    message: '',
    formError: '',
  },
  async load(me) {
    const mine = new Map(me.roles.map((r) => [r.orgId, r.orgName]));
    const top = orgsWith(me, 'appraisal.decide').find((o) => mine.has(o));
    if (!top) return this.empty('只有上级党委可以查看各支部的民主评议情况');
    this.orgId = top;
    const year = this.data.year || currentYear();
    const [hints, tree] = await Promise.all([fetchHints({ orgId: top, year }), fetchOrgTree(top)]);
    const now = currentYear();
    this.setData({
      year,
      years: [`${now}年度`, `${now - 1}年度`],
      yearIndex: year === now ? 0 : 1,
      orgName: mine.get(top) ?? '',
      rows: hintRows(hints, orgsBelow(tree)),
    });
  },
  methods: {
    onPickYear(e: WechatMiniprogram.PickerChange) {
      const year = currentYear() - Number(e.detail.value);
      this.setData({ year, yearIndex: Number(e.detail.value), message: '', formError: '' });
      void this.reload();
    },
    onBranch(e: WechatMiniprogram.TouchEvent<object, object, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id)
        wx.navigateTo({
          url: `/subpackages/appraisal/democratic/index?id=${encodeURIComponent(id)}`,
        });
    },
    async onOpen(e: WechatMiniprogram.TouchEvent<object, object, { org: string; name: string }>) {
      const { org, name } = e.currentTarget.dataset;
      const sure = await confirmDialog(
        '开启民主评议',
        `为${name}开启${this.data.year}年度民主评议党员吗？`,
        '开启',
      );
      if (!sure) return;
      await this.run(async () => {
        await openCampaign({ kind: 'democraticAppraisal', orgId: org, year: this.data.year });
        toast('已开启', 'success');
        this.setData({ message: `已为${name}开启民主评议党员` });
        await this.reload();
      }, 'formError');
    },
    onBranchAppraisal() {
      wx.navigateTo({ url: '/subpackages/appraisal/branch/index' });
    },
    onSecretary() {
      wx.navigateTo({ url: '/subpackages/appraisal/console/index' });
    },
  },
});
