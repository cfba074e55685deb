/**
 * Elder-friendly text size. Many members are retired, so 我的 offers a switch that scales
 * every page's text; each page mixes in this behavior and puts `page--large` on its root
 * view when `large` is true (app.wxss does the scaling through TDesign's font variables).
 */
import { systemFontInfo } from '../utils/platform';
import { largeTextOn } from '../utils/text-scale';

const STORAGE_KEY = 'largeText';

type Listener = (large: boolean) => void;

// Pages that stay alive (tabs) hear about a change at once instead of on their next show.
const listeners = new Map<object, Listener>();

/** Whether the member asked for large text (stored on this device only), else WeChat's font size. */
export function readLargeText(): boolean {
  return largeTextOn(wx.getStorageSync(STORAGE_KEY), systemFontInfo());
}

/** Stores the preference and applies it to every page now on screen or in the tab stack. */
export function saveLargeText(large: boolean): void {
  wx.setStorageSync(STORAGE_KEY, large);
  listeners.forEach((listener) => listener(large));
}

export const largeTextBehavior = Behavior({
  data: { large: false },
  lifetimes: {
    attached() {
      listeners.set(this, (large) => this.setData({ large }));
      this.setData({ large: readLargeText() });
    },
    detached() {
      listeners.delete(this);
    },
  },
});
