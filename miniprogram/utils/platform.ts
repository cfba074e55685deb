/**
 * Promise wrappers for the few device APIs the activity pages use. The camera and location
 * belong to the phone, not to the backend, so they are called here rather than in services/.
 */

import type { FontInfo } from './text-scale';

export type ScanOutcome =
  | { kind: 'text'; text: string }
  /** One of this mini-program's own codes (e.g. a printed entry code), not a sign-in QR. */
  | { kind: 'wxCode'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

/** Opens the camera for a QR code (not from the album: a forwarded screenshot is no sign-in). */
export function scanQr(): Promise<ScanOutcome> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode', 'wxCode'],
      success: (res) => {
        if (res.scanType === 'WX_CODE' || res.path) resolve({ kind: 'wxCode', path: res.path });
        else resolve({ kind: 'text', text: (res.result ?? '').trim() });
      },
      fail: (err) =>
        resolve(/cancel/.test(err.errMsg ?? '') ? { kind: 'cancelled' } : { kind: 'failed' }),
    });
  });
}

/** One position fix for a geofenced sign-in; undefined when refused or unavailable. */
export function locateOnce(): Promise<{ latitude: number; longitude: number } | undefined> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: () => resolve(undefined),
    });
  });
}

/** A native confirm dialog; resolves true only when the member confirms. */
export function confirmDialog(
  title: string,
  content: string,
  confirmText = '确定',
): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      confirmColor: '#C8161D',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** A native dialog with a text box (a reason, say); resolves the trimmed text or null. */
export function promptText(title: string, placeholder: string): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      editable: true,
      placeholderText: placeholder,
      confirmColor: '#C8161D',
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
      fail: () => resolve(null),
    });
  });
}

/** A native action sheet; resolves the chosen index or -1. */
export function pickAction(itemList: string[]): Promise<number> {
  return new Promise((resolve) => {
    wx.showActionSheet({
      itemList,
      success: (res) => resolve(res.tapIndex),
      fail: () => resolve(-1),
    });
  });
}

/** A short note at the bottom of the screen (the outcome is also shown on the page). */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  wx.showToast({ title, icon });
}

/** WeChat's font size setting (我 → 设置 → 通用 → 字体大小), from the current API or the older one. */
export function systemFontInfo(): FontInfo {
  try {
    if (typeof wx.getAppBaseInfo === 'function') return wx.getAppBaseInfo() as FontInfo;
    return wx.getSystemInfoSync() as FontInfo;
  } catch {
    return {};
  }
}
