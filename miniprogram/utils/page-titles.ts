/**
 * Each page's own title (its index.json `navigationBarTitleText`, else app.json's), by route.
 * In 大字模式 the native navigation bar cannot be enlarged, so it is left empty and the page
 * draws this title at the top of its body, 1.5× the bar's size (define-page.ts, app.wxss
 * `.page-title`). Hand-kept: tests/miniprogram/page-title.test.ts fails when it drifts from the JSON.
 */
export const DEFAULT_TITLE = '先锋支部';

export const PAGE_TITLES: Readonly<Record<string, string>> = {
  'pages/activity/list/index': '组织生活',
  'pages/home/index/index': '先锋支部',
  'pages/me/bind/index': '绑定党员身份',
  'pages/me/index/index': '我的',
  'pages/points/index/index': '我的先锋指数',
  'subpackages/activity/checkin/index': '签到',
  'subpackages/activity/compliance/index': '落实情况',
  'subpackages/activity/create/index': '新建活动',
  'subpackages/activity/detail/index': '活动详情',
  'subpackages/activity/host/index': '主持台',
  'subpackages/activity/plan/index': '年度计划',
  'subpackages/activity/signin-code/index': '签到入口码',
  'subpackages/appraisal/ballot/index': '述职测评',
  'subpackages/appraisal/board/index': '评定等次',
  'subpackages/appraisal/console/index': '述职评议工作台',
  'subpackages/appraisal/branch/index': '评议党支部',
  'subpackages/appraisal/dballot/index': '民主测评',
  'subpackages/appraisal/democratic/index': '民主评议党员',
  'subpackages/appraisal/dboard/index': '评定党员等次',
  'subpackages/appraisal/handle/index': '录入评议情况',
  'subpackages/appraisal/hints/index': '民主评议情况',
  'subpackages/appraisal/rectify/index': '整改清单',
  'subpackages/appraisal/report/index': '述职报告',
  'subpackages/appraisal/result/index': '我的评议结果',
  'subpackages/appraisal/self/index': '个人自评',
  'subpackages/dues/calc/index': '党费计算器',
  'subpackages/dues/collect/index': '党费收缴',
  'subpackages/dues/mine/index': '我的党费',
  'subpackages/notice/detail/index': '公开详情',
  'subpackages/notice/editor/index': '发布公开',
  'subpackages/notice/list/index': '党务公开',
  'subpackages/notice/readers/index': '签阅情况',
  'subpackages/org/audit/index': '操作记录',
  'subpackages/org/branch/index': '支部情况',
  'subpackages/org/elections/index': '支部换届',
  'subpackages/org/move/index': '调动党员',
  'subpackages/org/quotas/index': '名额和排名',
  'subpackages/org/spot-checks/index': '抽查各支部',
  'subpackages/org/create/index': '新建下级组织',
  'subpackages/org/duty/index': '支委分工',
  'subpackages/org/import/index': '导入党员',
  'subpackages/org/invite/index': '邀请党员绑定',
  'subpackages/org/roster/index': '党员名册',
  'subpackages/org/settings/index': '支部设置',
  'subpackages/points/appeal/index': '积分申辩',
  'subpackages/points/award/index': '评定加扣分',
  'subpackages/points/declare/index': '申报积分',
  'subpackages/points/fortress/index': '堡垒指数',
  'subpackages/points/ranking/index': '支部积分排名',
  'subpackages/points/review/index': '积分审核',
  'subpackages/points/standard/index': '积分标准',
  'subpackages/settings/subscriptions/index': '消息提醒',
};

/** The title a page was declared with; a page not in the table gets the app's. */
export function titleOf(route: string | undefined): string {
  return (route && PAGE_TITLES[route.replace(/^\//, '')]) || DEFAULT_TITLE;
}
