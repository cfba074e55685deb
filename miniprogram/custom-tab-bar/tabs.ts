/** The tabs, in app.json's order (tests/miniprogram/polish.test.ts keeps them equal). */
export const TABS = [
  { path: 'pages/home/index/index', text: '首页', icon: 'home' },
  { path: 'pages/activity/list/index', text: '活动', icon: 'activity' },
  { path: 'pages/points/index/index', text: '积分', icon: 'points' },
  { path: 'pages/me/index/index', text: '我的', icon: 'me' },
];
