import { branchReminders, type BranchReminder } from '../../domain/appraisal/branch-reminders';
import { COMMITTEE_ROLES, type Role } from '../../domain/org/model';
import { workAlertData } from '../../domain/org/work-alert';
import { localDate } from '../../domain/shared/time';
import { peopleOf } from '../../repos/appraisal-scan';
import { branchAppraisalsSince } from '../../repos/branch-scan';
import type { Ctx } from '../../runtime/context';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';
import type { Recipient } from './audience';
import { WORK_ALERT } from './outbox';

/** 评议党支部 (miniprogram/subpackages/appraisal/branch), opened with the campaign's id. */
const PAGE = 'subpackages/appraisal/branch/index';

/**
 * The daily 工作提醒 of 焦作评组织 [FORT-20], by subscription message with consent and at most
 * once each [PRIV-10]: the 基层党委's superior administrators at each step, and each branch
 * committee while its 测评 is still to be held. Reads do not grow with branches: the unfinished
 * campaigns (one query), then only when one needs a reminder the people (one query), then the
 * sends.
 */
export async function sendBranchReminders(ctx: Ctx): Promise<SendTally> {
  const none: SendTally = { sent: 0, noConsent: 0, failed: 0 };
  if (!ctx.ports.templateId(WORK_ALERT)) return none;
  const year = Number(localDate(ctx.now).slice(0, 4));
  const due = (await branchAppraisalsSince(year - 1))
    .map((c) => ({ c, reminders: branchReminders(c) }))
    .filter((d) => d.reminders.length);
  if (!due.length) return none;
  const orgIds = due.flatMap(({ c, reminders }) => [
    ...c.orgPath,
    ...reminders.flatMap((r) => (r.to.kind === 'branch' ? [r.to.orgId] : [])),
  ]);
  const people = await peopleOf([], orgIds);
  const holding = (ids: readonly string[], roles: readonly Role[]): Recipient[] =>
    people.flatMap((m) =>
      m.openid && m.roles.some((r) => ids.includes(r.orgId) && roles.includes(r.role))
        ? [{ _id: m._id, openid: m.openid }]
        : [],
    );
  const messages: OnceMessage[] = [];
  for (const { c, reminders } of due) {
    const names = new Map(c.branches.map((x) => [x.orgId, x.name]));
    const audience = (r: BranchReminder): Recipient[] =>
      r.to.kind === 'superior'
        ? holding(c.orgPath, ['superiorAdmin'])
        : holding([r.to.orgId], COMMITTEE_ROLES);
    for (const r of reminders) {
      const org = r.to.kind === 'branch' ? (names.get(r.to.orgId) ?? '') : c.committeeName;
      const data = workAlertData({ what: r.what, org, hint: r.hint, at: ctx.now });
      for (const member of audience(r))
        messages.push({
          claimId: `branch:${c._id}:${r.key}:${member._id}`,
          about: { kind: r.ruleId },
          member,
          page: `${PAGE}?id=${encodeURIComponent(c._id)}`,
          data,
        });
    }
  }
  return sendOnceEach(ctx, WORK_ALERT, messages);
}
