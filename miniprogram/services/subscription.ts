/**
 * Asking for subscription-message consent at a natural tap (platform-notes §1): at most three
 * templates a prompt, one accept = one message. It never blocks what the member tapped for:
 * a refusal, a failure or an unconfigured template resolves with the keys accepted (maybe none).
 */
import { subscribeTemplateIds } from '../config';
import { reportSubscriptions, type TemplateKey } from './org';

const MAX_PER_PROMPT = 3;

/** 请求订阅消息授权，并把同意的模板上报后台（拒绝或失败都不影响后续操作） */
export function askSubscription(keys: TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = keys.filter((k) => subscribeTemplateIds[k]).slice(0, MAX_PER_PROMPT);
  if (!wanted.length) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: wanted.map((k) => subscribeTemplateIds[k]),
      success: (res: Record<string, string>) => {
        const accepted = wanted.filter((k) => res[subscribeTemplateIds[k]] === 'accept');
        // Reported in the background: the quota ledger must not hold up the member's action.
        if (accepted.length) reportSubscriptions(accepted).catch(() => undefined);
        resolve(accepted);
      },
      fail: () => resolve([]),
    });
  });
}

/**
 * 消息提醒 page: asks for one template and waits for the ledger, so the page can show the new
 * remaining count. Resolves with the quota (unchanged when refused or not configured).
 */
export function askOne(key: TemplateKey): Promise<Record<string, number>> {
  const tmplId = subscribeTemplateIds[key];
  const report = (accepted: TemplateKey[]) => reportSubscriptions(accepted).then((r) => r.quota);
  if (!tmplId) return report([]);
  return new Promise((resolve, reject) => {
    wx.requestSubscribeMessage({
      tmplIds: [tmplId],
      success: (res: Record<string, string>) =>
        report(res[tmplId] === 'accept' ? [key] : []).then(resolve, reject),
      fail: () => report([]).then(resolve, reject),
    });
  });
}
