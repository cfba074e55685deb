import {
  democraticReminders,
  type DemocraticReminder,
  type DemocraticReminderPage,
} from '../../domain/appraisal/democratic-reminders';
import { COMMITTEE_ROLES, type Role } from '../../domain/org/model';
import { workAlertData } from '../../domain/org/work-alert';
import { localDate } from '../../domain/shared/time';
import { orgsByIds, peopleOf } from '../../repos/appraisal-scan';
import { democraticSince } from '../../repos/democratic-scan';
import type { Ctx } from '../../runtime/context';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';
import type { Recipient } from './audience';
import { WORK_ALERT } from './outbox';

/** The 民主评议 pages (miniprogram/subpackages/appraisal), opened with the campaign's id. */
const PAGE: Record<DemocraticReminderPage, string> = {
  self: 'subpackages/appraisal/self/index',
  campaign: 'subpackages/appraisal/democratic/index',
  board: 'subpackages/appraisal/dboard/index',
  result: 'subpackages/appraisal/result/index',
};

/**
 * The daily 工作提醒 of 民主评议党员 (issue 14 item 10), by subscription message with consent and at
 * most once each [PRIV-10]: members whose 个人自评 is due, the branch committee at 互评, 测评,
 * 评定, 反馈 and 归档, the superior once the results are reported, each member once their result
 * can be read. Reads do not grow with branches: the campaigns (one query), then only when one
 * needs a reminder their orgs and people (one query each), then the sends.
 */
export async function sendDemocraticReminders(ctx: Ctx): Promise<SendTally> {
  const none: SendTally = { sent: 0, noConsent: 0, failed: 0 };
  if (!ctx.ports.templateId(WORK_ALERT)) return none;
  const year = Number(localDate(ctx.now).slice(0, 4));
  const campaigns = await democraticSince(year - 1);
  const due = campaigns
    .map((c) => ({ c, reminders: democraticReminders(c, ctx.now) }))
    .filter((d) => d.reminders.length);
  if (!due.length) return none;
  const orgs = new Map(
    (await orgsByIds(due.flatMap(({ c }) => [c.orgId, c.committeeId ?? c.orgId]))).map((o) => [
      o._id,
      o,
    ]),
  );
  const named = due.flatMap(({ reminders }) =>
    reminders.flatMap((r) => (r.to.kind === 'member' ? [r.to.memberId] : [])),
  );
  const above = due.flatMap(({ c }) => [c.orgId, ...(orgs.get(c.orgId)?.ancestors ?? [])]);
  const people = await peopleOf(named, above);
  const byId = new Map(people.map((m) => [m._id, m]));
  const holding = (orgIds: readonly string[], roles: readonly Role[]): Recipient[] =>
    people.flatMap((m) =>
      m.openid && m.roles.some((r) => orgIds.includes(r.orgId) && roles.includes(r.role))
        ? [{ _id: m._id, openid: m.openid }]
        : [],
    );
  const messages: OnceMessage[] = [];
  for (const { c, reminders } of due) {
    const ancestors = orgs.get(c.orgId)?.ancestors ?? [];
    const audience = (r: DemocraticReminder): Recipient[] => {
      if (r.to.kind === 'member') {
        const m = byId.get(r.to.memberId);
        return m?.openid ? [{ _id: m._id, openid: m.openid }] : [];
      }
      if (r.to.kind === 'superior') return holding(ancestors, ['superiorAdmin']);
      return holding([c.orgId], COMMITTEE_ROLES);
    };
    for (const r of reminders) {
      const data = workAlertData({ what: r.what, org: c.orgName, hint: r.hint, at: ctx.now });
      for (const member of audience(r))
        messages.push({
          claimId: `democratic:${c._id}:${r.key}:${member._id}`,
          about: { kind: r.ruleId },
          member,
          page: `${PAGE[r.page]}?id=${encodeURIComponent(c._id)}`,
          data,
        });
    }
  }
  return sendOnceEach(ctx, WORK_ALERT, messages);
}
