// 首页 that knows who you are: for every member, today's or the next activity with the one action
// that matters now (扫码签到 in the window, 线上参加, 请假 before the cut-off, or 已签到 9:02),
// unread notices, this month's dues and the 先锋指数; for whoever may act on the branch, the
// backend's to-do list (`org.todo`); for a superior who oversees branches (`org.oversee`), the
// compliance grid of the branches below (`org.dashboard`), else the branches with their alerts.
// What is shown follows `org.me`'s `can` map only; each part that fails simply stays away.
import { checkIn, fetchActivities, fetchActivity } from '../../../services/activity';
import { fetchCampaign, fetchCampaigns } from '../../../services/appraisal';
import { fetchMyDues } from '../../../services/dues';
import { fetchNotices } from '../../../services/notice';
import { fetchOrgTree, fetchTodo } from '../../../services/org';
import { fetchDashboard, type DashboardOutput } from '../../../services/oversight';
import { fetchPioneerIndex } from '../../../services/points';
import { messageOf } from '../../../services/cloud';
import type { MeOutput, Permission } from '../../../services/types';
import { appraisalLinks, type AppraisalLink } from '../../../utils/appraisal-links';
import { kindOfId } from '../../../utils/appraisal-kinds';
import { democraticLinks } from '../../../utils/democratic-links';
import { can, canAnywhere, orgsWith } from '../../../utils/can';
import { currentYear } from '../../../utils/activity-view';
import { definePage } from '../../../utils/define-page';
import { locateOnce, scanQr } from '../../../utils/platform';
import { refreshThen } from '../../../utils/share';
import {
  ActivityCard,
  activityCard,
  BranchView,
  branchViews,
  duesLine,
  noticeSummary,
  pickActivity,
  TodoView,
  todoViews,
} from './view';

const DAY = 86400_000;
const DETAIL = '/subpackages/activity/detail/index';
/** The permissions whose to-dos `org.todo` lists; holding one on the own branch shows the list. */
const TODO_PERMISSIONS: Permission[] = [
  'activity.oversee',
  'leave.decide',
  'points.review',
  'appeal.resolve',
  'dues.read',
  'notice.publish',
];

const ORG_PAGES = '/subpackages/org';

/** The org whose branches the grid shows: the caller's own when they oversee it, else the first. */
function overseenOrg(me: MeOutput): string | null {
  const orgs = orgsWith(me, 'org.oversee');
  return orgs.includes(me.member.orgId) ? me.member.orgId : (orgs[0] ?? null);
}

const beijingMonth = (now: number) => new Date(now + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * The grid of the branches below `orgId`; where it cannot be had, the branches with their alerts
 * (org.orgTree) as before, and why the grid is missing.
 */
async function loadGrid(
  orgId: string,
  year: number,
): Promise<{ dashboard: DashboardOutput | null; branches: BranchView[] | null; error: string }> {
  try {
    return { dashboard: await fetchDashboard({ orgId, year }), branches: null, error: '' };
  } catch (err) {
    const tree = await fetchOrgTree(orgId).catch(() => null);
    return { dashboard: null, branches: tree ? branchViews(tree) : null, error: messageOf(err) };
  }
}

async function loadCard(me: MeOutput, now: number): Promise<ActivityCard | null> {
  const list = await fetchActivities({
    orgId: me.member.orgId,
    from: new Date(now - DAY).toISOString(),
    to: new Date(now + 90 * DAY).toISOString(),
  });
  const next = pickActivity(list, now);
  return next ? activityCard(await fetchActivity(next.id), now, me.member.mobile) : null;
}

definePage({
  memberCard: true,
  data: {
    card: null as ActivityCard | null,
    notices: { count: 0, newest: '' },
    noticeBadge: {} as { count?: number },
    dues: null as { text: string; done: boolean } | null,
    pioneer: null as { total: number } | null,
    todos: null as TodoView[] | null,
    branches: null as BranchView[] | null,
    /** The superior's grid (org.dashboard) and the org it is of; null for everyone else. */
    dashboard: null as DashboardOutput | null,
    oversight: null as { orgId: string; year: number } | null,
    /** Why the grid could not be shown (the branch list is shown instead). */
    gridError: '',
    geofence: false,
    appraisals: [] as AppraisalLink[],
    democratic: [] as AppraisalLink[],
    canConsole: false,
  },
  // Every show: a notice read, a leave asked or a sign-in elsewhere shows here when coming back.
  async load(me) {
    const now = Date.now();
    const orgId = me.member.orgId;
    const committee = TODO_PERMISSIONS.some((p) => can(me, p, orgId));
    const overseen = overseenOrg(me);
    const superior = !overseen && canAnywhere(me, 'org.administer');
    const quiet = <T>(p: Promise<T>) => p.catch(() => null);
    // 双述双评: the branch's reviews of the year (the secretary's report, the boxes to run).
    const year = currentYear(now);
    const [card, notices, dues, index, todo, tree, grid, reviews, own] = await Promise.all([
      quiet(loadCard(me, now)),
      quiet(fetchNotices(orgId)),
      quiet(fetchMyDues(currentYear(now))),
      quiet(fetchPioneerIndex(currentYear(now))),
      committee ? quiet(fetchTodo(orgId)) : null,
      superior ? quiet(fetchOrgTree()) : null,
      overseen ? loadGrid(overseen, currentYear(now)) : null,
      committee ? quiet(fetchCampaigns({ orgId, year: currentYear(now) })) : null,
      // 民主评议党员: a member's own branch's campaign of the year (its id is known) [APR-02].
      quiet(fetchCampaign({ id: `democraticAppraisal:${orgId}:${year}` })),
    ]);
    const secretary = reviews?.filter((c) => kindOfId(c.id) === 'secretaryReview') ?? null;
    // The superior's 评组织; the own branch's 民主评议 is `own` (with the caller's part).
    const others = (reviews ?? []).filter((c) => kindOfId(c.id) === 'branchAppraisal');
    const unread = notices ? noticeSummary(notices) : { count: 0, newest: '' };
    this.setData({
      card,
      notices: unread,
      noticeBadge: unread.count ? { count: unread.count } : {},
      dues: dues ? duesLine(dues.months, beijingMonth(now)) : null,
      pioneer:
        index && typeof index.total === 'number' && !index.exempt ? { total: index.total } : null,
      todos: todo ? todoViews(todo.items) : null,
      branches: tree ? branchViews(tree) : (grid?.branches ?? null),
      dashboard: grid?.dashboard ?? null,
      oversight: grid?.dashboard
        ? { orgId: grid.dashboard.orgId, year: grid.dashboard.year }
        : null,
      gridError: grid?.error ?? '',
      appraisals: secretary ? appraisalLinks(secretary, me.member.id) : [],
      democratic: democraticLinks([...others, own]),
      canConsole: canAnywhere(me, 'appraisal.decide'),
    });
  },
  methods: {
    /** Pull-to-refresh: everything on the home again, then the spinner goes. */
    onPullDownRefresh() {
      return refreshThen(() => this.reload());
    },
    /** The card's buttons: scan here, or open the activity where 线上参加 and 请假 are. */
    onCardAction(e: WechatMiniprogram.TouchEvent) {
      const action = e.currentTarget.dataset.action as string;
      const card = this.data.card;
      if (!card) return;
      if (action === 'scan') return void this.scan();
      const focus = action === 'leave' || action === 'remote' ? `&focus=${action}` : '';
      wx.navigateTo({ url: `${DETAIL}?id=${card.id}${focus}` });
    },
    async scan() {
      const card = this.data.card;
      if (!card) return;
      const scanned = await scanQr();
      if (scanned.kind === 'cancelled') return;
      // WeChat's own code of the host's screen opens the sign-in page it names.
      if (scanned.kind === 'wxCode' && scanned.path)
        return void wx.navigateTo({ url: `/${scanned.path.replace(/^\//, '')}` });
      if (scanned.kind !== 'text' || !scanned.text)
        return void wx.showToast({
          title: '没有识别到签到码，请对准现场大屏再扫一次',
          icon: 'none',
        });
      await this.run(
        async () => {
          const detail = await fetchActivity(card.id);
          const location = detail.geofence ? await locateOnce() : undefined;
          await checkIn(scanned.text, location);
          wx.showToast({ title: '签到成功', icon: 'success' });
          await this.reload();
        },
        (message) => {
          wx.showModal({ title: '没有签到成功', content: message, showCancel: false });
        },
      );
    },
    openTodo(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({ url: e.currentTarget.dataset.page as string });
    },
    openNotices() {
      wx.navigateTo({ url: '/subpackages/notice/list/index' });
    },
    openDues() {
      wx.navigateTo({ url: '/subpackages/dues/mine/index' });
    },
    openPoints() {
      wx.switchTab({ url: '/pages/points/index/index' });
    },
    openAppraisal(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({ url: e.currentTarget.dataset.page as string });
    },
    openConsole() {
      wx.navigateTo({ url: '/subpackages/appraisal/console/index' });
    },
    openHints() {
      wx.navigateTo({ url: '/subpackages/appraisal/hints/index' });
    },
    /** A row of the grid: that branch's page (its counts and records of the year). */
    openGridBranch(e: WechatMiniprogram.CustomEvent<{ orgId: string }>) {
      const year = this.data.oversight?.year ?? currentYear();
      wx.navigateTo({ url: `${ORG_PAGES}/branch/index?orgId=${e.detail.orgId}&year=${year}` });
    },
    /** 抽查, 名额和排名, 换届: the superior's pages, for the org of the grid. */
    openOversight(e: WechatMiniprogram.TouchEvent<object, object, { page: string }>) {
      const { orgId, year } = this.data.oversight ?? { orgId: '', year: currentYear() };
      const page = e.currentTarget.dataset.page;
      wx.navigateTo({ url: `${ORG_PAGES}/${page}/index?orgId=${orgId}&year=${year}` });
    },
    openBranch(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({
        url: `/subpackages/activity/compliance/index?orgId=${e.currentTarget.dataset.id as string}`,
      });
    },
  },
});
