/**
 * Local mode only: which demo member the emulator should take the caller for. The emulator
 * reads it from the X-WX-OPENID header; in the cloud the platform supplies the identity and
 * this is never consulted.
 */
import { backendConfig } from '../config';

const STORAGE_KEY = 'devOpenid';

/** The demo identities seeded by the emulator (api.md §2, demo seed). */
export const demoIdentities: { openid: string; label: string }[] = [
  { openid: 'demo-secretary', label: '书记' },
  { openid: 'demo-organizer', label: '组织委员、记分员' },
  { openid: 'demo-member-1', label: '正式党员 1' },
  { openid: 'demo-member-2', label: '正式党员 2' },
  { openid: 'demo-probationary', label: '预备党员' },
  { openid: 'demo-mobile', label: '流动党员' },
  { openid: 'demo-elder', label: '年长党员（免积分）' },
  { openid: 'demo-secretary-2', label: '第二支部书记' },
  { openid: 'demo-superior', label: '上级党组织管理员' },
  { openid: 'demo-unbound', label: '新用户（未绑定）' },
];

export function getDevOpenid(): string {
  const stored: unknown = wx.getStorageSync(STORAGE_KEY);
  return typeof stored === 'string' && stored ? stored : backendConfig.defaultDevOpenid;
}

const listeners: (() => void)[] = [];

/** Called after every switch (the cached org.me belongs to the previous identity). */
export function onIdentityChange(listener: () => void): void {
  listeners.push(listener);
}

export function setDevOpenid(openid: string): void {
  wx.setStorageSync(STORAGE_KEY, openid);
  listeners.forEach((listener) => listener());
}
