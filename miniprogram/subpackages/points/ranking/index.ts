// 支部积分排名: for the committee (and the scorer) only, by default [PTS-22, PRIV-09]. Tags mark
// 评先评优 candidates [PTS-23] and members to talk with [PTS-24]; neither is a grade [PTS-25].
// The committee may turn on "向党员公开排名"; a member of a branch that has not is refused
// by the backend, whose Chinese message is shown.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import { UNBOUND, fetchMe } from '../../../services/org';
import { fetchRanking, POINTS_DISABLED, setRankingVisibility } from '../../../services/points';
import { currentYear, dutiesOf } from '../../../utils/points-view';

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

/** Answers that are a plain "no" (shown as a statement, with no 重试). */
const REFUSALS = ['AUTH.FORBIDDEN', POINTS_DISABLED];

// The branch on screen, per page instance (never rendered).
const orgOf = new WeakMap<object, string>();

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    year: currentYear(),
    orgName: '',
    committee: false,
    rows: [] as RowView[],
    membersSee: false,
    message: '',
    busy: false,
  },
  lifetimes: {
    detached() {
      orgOf.delete(this);
    },
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      if (!this.data.rows.length) this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await fetchMe();
        const orgId = me.member.orgId;
        orgOf.set(this, orgId);
        const committee = dutiesOf(me).committee;
        const rows = await fetchRanking(orgId, this.data.year);
        this.setData({
          status: rows.length ? 'ready' : 'empty',
          errorMessage: '本年度暂无积分记录',
          orgName: me.member.orgName,
          committee,
          // Tags about other members are for the committee's eyes only.
          rows: rows.map((r) => ({
            key: r.memberId,
            rank: r.rank,
            name: r.name,
            total: r.total,
            candidate: committee && r.candidate,
            needsTalk: committee && r.needsTalk,
            vetoed: committee && r.vetoed,
          })),
          membersSee: wx.getStorageSync(visibilityKey(orgId)) === true,
        });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true });
        // A refusal is an answer, not a failure to retry.
        else
          this.setData({
            status: REFUSALS.includes(codeOf(err) ?? '') ? 'empty' : 'error',
            errorMessage: messageOf(err),
            rows: [],
          });
      }
    },
    async onVisibility(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const orgId = orgOf.get(this);
      if (!orgId || this.data.busy) return;
      const wanted = e.detail.value;
      this.setData({ busy: true, message: '', membersSee: wanted });
      try {
        const res = await setRankingVisibility(orgId, wanted);
        wx.setStorageSync(visibilityKey(orgId), res.membersSeeRanking);
        this.setData({
          membersSee: res.membersSeeRanking,
          message: res.membersSeeRanking
            ? '已向本支部党员公开排名（仍不得在支部以外公布）'
            : '已恢复为不向党员公开排名',
        });
      } catch (err) {
        this.setData({ membersSee: !wanted, message: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
