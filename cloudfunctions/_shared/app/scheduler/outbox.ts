import { ALERT_RULES, AlertRule } from '../../domain/org/branch-alerts';
import { workAlertData } from '../../domain/org/work-alert';
import type { Ctx } from '../../runtime/context';
import { claimedAmong, membersWithGrant } from '../../repos/subscriptions';
import { OnceMessage, sendOnce, SendTally } from '../messaging/send-once';
import type { Recipient } from './audience';

export const WORK_ALERT = 'workAlert';

export type AlertRun = Record<AlertRule, SendTally>;

export const PAGES = {
  home: 'pages/home/index/index',
  activities: 'pages/activity/list/index',
  compliance: 'subpackages/activity/compliance/index',
  duesMine: 'subpackages/dues/mine/index',
  duesCollect: 'subpackages/dues/collect/index',
  notices: 'subpackages/notice/list/index',
} as const;

export interface AlertText {
  what: string;
  org: string;
  hint: string;
}

/**
 * The messages of one run, per rule. Each is claimed under `alert:<rule>:<key>:<member>`, so the
 * key decides what "the same alert" is: a second run (or a second recipient list) sends nothing
 * twice, and a new occurrence has a new key.
 */
export class Outbox {
  private readonly byRule = new Map<AlertRule, OnceMessage[]>();

  constructor(private readonly at: Date) {}

  add(rule: AlertRule, key: string, to: readonly Recipient[], page: string, text: AlertText) {
    const list = this.byRule.get(rule) ?? [];
    const data = workAlertData({ ...text, at: this.at });
    for (const member of to)
      list.push({
        claimId: `alert:${rule}:${key}:${member._id}`,
        about: { kind: rule },
        member,
        page,
        data,
      });
    this.byRule.set(rule, list);
  }

  /**
   * Sends every rule's messages at most once each [PRIV-10]; the tally per rule. As
   * `sendOnceEach` does for one list, two queries first tell — for every rule at once — who was
   * sent an alert before (skipped) and who has no grant left (counted, nothing claimed); the
   * others go through `sendOnce`, which stays the arbiter (a grant used up earlier in this run is
   * found there, and counted as no consent, leaving no claim).
   */
  async send(ctx: Ctx): Promise<AlertRun> {
    const run = emptyRun();
    const templateId = ctx.ports.templateId(WORK_ALERT);
    const all = ALERT_RULES.flatMap((rule) => this.byRule.get(rule) ?? []);
    if (!templateId || !all.length) return run;
    const [claimed, granted] = await Promise.all([
      claimedAmong(all.map((m) => m.claimId)),
      membersWithGrant(
        all.map((m) => m.member._id),
        WORK_ALERT,
      ),
    ]);
    for (const rule of ALERT_RULES)
      for (const m of this.byRule.get(rule) ?? []) {
        if (claimed.has(m.claimId)) continue;
        if (!granted.has(m.member._id)) {
          run[rule].noConsent += 1;
          continue;
        }
        const outcome = await sendOnce(ctx, WORK_ALERT, templateId, m);
        if (outcome !== 'already') run[rule][outcome] += 1;
      }
    return run;
  }
}

export const emptyRun = (): AlertRun =>
  Object.fromEntries(ALERT_RULES.map((r) => [r, { sent: 0, noConsent: 0, failed: 0 }])) as AlertRun;
