/**
 * The tab bar, drawn by the app (app.json `tabBar.custom`) so that 大字模式 reaches it too: the
 * native bar's 10 px captions cannot be enlarged. Each tab page has its own instance; the page
 * frame (utils/define-page.ts) tells it which tab is showing on every show. The tabs are the
 * ones of app.json (a test keeps the two lists equal); the icons are drawn by scripts/tab-icons.ts.
 */
import { largeTextBehavior } from '../behaviors/large-text';
import { TABS } from './tabs';

Component({
  behaviors: [largeTextBehavior],
  data: {
    /** The route of the tab on screen, set by the page frame. */
    selected: '',
    tabs: TABS.map((t) => ({
      path: t.path,
      text: t.text,
      icon: `/images/tab/${t.icon}.png`,
      iconSelected: `/images/tab/${t.icon}-active.png`,
    })),
  },
  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<object, object, { path: string }>) {
      const { path } = e.currentTarget.dataset;
      if (path && path !== this.data.selected) wx.switchTab({ url: `/${path}` });
    },
  },
});
