/**
 * The one place that decides how the mini-program reaches its backend (conventions #5).
 * `cloud`: CloudBase via wx.cloud.callFunction. `local`: the emulator of `npm start` over
 * wx.request, acting as a demo identity. Only a development build may talk to the emulator,
 * so trial and release builds always use the cloud whatever `preferredMode` says.
 */
export type BackendMode = 'cloud' | 'local';

export interface BackendConfig {
  mode: BackendMode;
  /** CloudBase environment id for wx.cloud.init; empty means the default environment. */
  cloudEnv: string;
  /** Base URL of the local emulator (its default host and port). */
  emulatorUrl: string;
  /** Demo identity (X-WX-OPENID) used in local mode until another one is picked on 我的. */
  defaultDevOpenid: string;
}

/** Change this line to develop against CloudBase instead of the local emulator. */
const preferredMode: BackendMode = 'local';

function isDevelopBuild(): boolean {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion === 'develop';
  } catch {
    return false;
  }
}

// Mutable on purpose: the page tests switch it to `cloud` to drive the in-process backend.
export const backendConfig: BackendConfig = {
  mode: isDevelopBuild() ? preferredMode : 'cloud',
  cloudEnv: '',
  emulatorUrl: 'http://127.0.0.1:8787',
  defaultDevOpenid: 'demo-member-1',
};

/**
 * One-time subscription-message templates, by the backend's logical key (org.subscribe).
 * Fill in the template ids applied for under 小程序后台 → 订阅消息; a key whose id is empty is
 * never asked for, so an unconfigured build simply skips the consent prompt.
 */
export const subscribeTemplateIds: Record<string, string> = {
  activityReminder: '',
  noticePublished: '',
  /** 工作提醒 (thing1 提醒事项, thing2 所属组织, thing3 温馨提示, time4 提醒时间): the rules' alerts. */
  workAlert: '',
};
