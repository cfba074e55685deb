// 支部积分排名: for the committee (and the scorer) only, by default [PTS-22, PRIV-09]. Tags mark
// 评先评优 candidates [PTS-23] and members to talk with [PTS-24]; neither is a grade [PTS-25].
// The committee may turn on "向党员公开排名"; a member of a branch that has not is refused
// by the backend, whose Chinese message is shown.
import { fetchRanking, POINTS_DISABLED, setRankingVisibility } from '../../../services/points';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { currentYear } from '../../../utils/points-view';

interface RowView {
  key: string;
  rank: number;
  name: string;
  total: number;
  candidate: boolean;
  needsTalk: boolean;
  vetoed: boolean;
}

/**
 * The backend has no read of the branch's ranking setting, so the switch shows what the
 * backend last confirmed to this phone (default off, as the rules set it).
 */
const visibilityKey = (orgId: string) => `pointsRankingVisible:${orgId}`;

definePage({
  // A refusal (not on the committee, ranking not open to members, points off) is an answer.
  emptyOn: ['AUTH.FORBIDDEN', POINTS_DISABLED],
  data: {
    year: currentYear(),
    orgName: '',
    /** The branch whose 先锋指数 is exported (导出表格, for those who see every index). */
    orgId: '',
    /** Tags about other members (候选, 谈心) are for those who see every member's index. */
    tags: false,
    /** The 向党员公开排名 switch: a setting of the branch's points. */
    setting: false,
    rows: [] as RowView[],
    membersSee: false,
    message: '',
  },
  async load(me) {
    const orgId = me.member.orgId;
    const tags = can(me, 'points.readAll', orgId);
    const rows = await fetchRanking({ orgId, year: this.data.year });
    this.setData({
      orgName: me.member.orgName,
      orgId,
      tags,
      setting: can(me, 'points.standard', orgId),
      rows: rows.map((r) => ({
        key: r.memberId,
        rank: r.rank,
        name: r.name,
        total: r.total,
        candidate: tags && r.candidate,
        needsTalk: tags && r.needsTalk,
        vetoed: tags && r.vetoed,
      })),
      membersSee: wx.getStorageSync(visibilityKey(orgId)) === true,
    });
    if (!rows.length) this.empty('本年度暂无积分记录');
  },
  methods: {
    async onVisibility(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const orgId = this.me.member.orgId;
      const wanted = e.detail.value;
      this.setData({ message: '', membersSee: wanted });
      await this.run(
        async () => {
          const res = await setRankingVisibility(orgId, wanted);
          wx.setStorageSync(visibilityKey(orgId), res.membersSeeRanking);
          this.setData({
            membersSee: res.membersSeeRanking,
            message: res.membersSeeRanking
              ? '已向本支部党员公开排名（仍不得在支部以外公布）'
              : '已恢复为不向党员公开排名',
          });
        },
        (message) => this.setData({ membersSee: !wanted, message }),
      );
    },
  },
});
