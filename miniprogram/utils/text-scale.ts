/**
 * 大字模式: how much larger, and when it is on without being asked. Every text size of
 * app.wxss's `.page--large` is LARGE_TEXT_SCALE times the normal one (a test reads app.wxss).
 * Until the member flips the switch in 我的, the mode follows WeChat's own font size
 * (我 → 设置 → 通用 → 字体大小): `wx.getAppBaseInfo().fontSizeSetting` is that size in px, 16–17
 * by default (Android, iOS); from SYSTEM_LARGE_PX on, large text is on.
 */
export const LARGE_TEXT_SCALE = 1.5;

/** WeChat's font size (px) from which pages start in large text. */
export const SYSTEM_LARGE_PX = 20;

export interface FontInfo {
  fontSizeSetting?: number;
  fontSizeScaleFactor?: number;
}

/** Whether WeChat's own font size asks for large text. */
export function systemWantsLargeText(info: FontInfo): boolean {
  if (typeof info.fontSizeSetting === 'number') return info.fontSizeSetting >= SYSTEM_LARGE_PX;
  return typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor >= 1.2;
}

/** The member's own choice wins; without one, WeChat's font size decides (utils/platform.ts reads it). */
export function largeTextOn(stored: unknown, info: FontInfo): boolean {
  return typeof stored === 'boolean' ? stored : systemWantsLargeText(info);
}

/** A size in rpx as drawn in large text. */
export function scaledRpx(rpx: number, large: boolean): number {
  return large ? Math.round(rpx * LARGE_TEXT_SCALE) : rpx;
}
