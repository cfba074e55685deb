import {
  AppraisalReminder,
  appraisalReminders,
  ReminderPage,
  reviewDue,
} from '../../domain/appraisal/reminders';
import { COMMISSIONER_ROLES, Role } from '../../domain/org/model';
import { settingOf } from '../../domain/org/settings';
import { workAlertData } from '../../domain/org/work-alert';
import { localDate } from '../../domain/shared/time';
import { orgsByIds, peopleOf, RemindedAppraisal, reviewsSince } from '../../repos/appraisal-scan';
import type { MemberDoc } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';
import type { Recipient } from './audience';
import { WORK_ALERT } from './outbox';

/** The 双述双评 pages (miniprogram/subpackages/appraisal), opened with the campaign's id. */
const PAGE: Record<ReminderPage, string> = {
  report: 'subpackages/appraisal/report/index',
  board: 'subpackages/appraisal/board/index',
};
/** Who holds the 党员大会 述职 when the secretary is its subject [SEC-08, PRIV-21]. */
const ASSEMBLY_HOLDERS: readonly Role[] = ['deputySecretary', ...COMMISSIONER_ROLES];

/**
 * `sec.due` as a date [SEC-03]: the plan fixed when the review was opened, else the base
 * committee's setting (12-31 of the review's year, or January/February of the next).
 */
function dueOf(c: RemindedAppraisal, committee: OrgDoc | undefined): string {
  if (c.plan?.due) return c.plan.due;
  const md = committee ? String(settingOf(committee, 'sec.due')) : '12-31';
  return reviewDue(md === '12-31' ? c.year : c.year + 1, md);
}

const recipient = (m: MemberDoc | undefined): Recipient[] =>
  m?.openid ? [{ _id: m._id, openid: m.openid }] : [];

/**
 * The daily 工作提醒 of 双述双评 [issue 13 item 9], by subscription message (`workAlert`), with
 * consent and at most once each [PRIV-10]: at each step to the people who must act — the secretary
 * writes (or rewrites) the report, the superior reviews it, the branch committee holds the
 * 党员大会 述职 (not the secretary, its subject), the superior holds the 述职评议会, grades and
 * publishes, the secretary sees the published result — a follow-up's owner when it is created,
 * before its deadline and once late [SEC-15, SEC-16], and the superior 15 days before `sec.due`
 * and once it passed [SEC-03].
 *
 * Reads do not grow with the number of branches or campaigns: the reviews (one query), and only
 * when one needs a reminder, their orgs and the people they name (one query each); then the sends.
 */
export async function sendAppraisalReminders(ctx: Ctx): Promise<SendTally> {
  const none: SendTally = { sent: 0, noConsent: 0, failed: 0 };
  if (!ctx.ports.templateId(WORK_ALERT)) return none;
  const today = localDate(ctx.now);
  const reviews = await reviewsSince(Number(today.slice(0, 4)) - 1);
  if (!reviews.length) return none;
  const orgs = new Map(
    (await orgsByIds(reviews.flatMap((c) => [c.orgId, c.committeeId]))).map((o) => [o._id, o]),
  );
  const due = reviews
    .map((c) => {
      const p = { today, now: ctx.now, due: dueOf(c, orgs.get(c.committeeId)) };
      return { c, reminders: appraisalReminders(c, { ...p, jiaozuo: c.profile === 'jiaozuo' }) };
    })
    .filter((d) => d.reminders.length);
  if (!due.length) return none;

  const named = due.flatMap(({ c, reminders }) => [
    c.subjectId,
    ...reminders.flatMap((r) => (r.to.kind === 'member' ? [r.to.memberId] : [])),
  ]);
  const above = due.flatMap(({ c }) => {
    const committee = orgs.get(c.committeeId);
    return [c.orgId, c.committeeId, ...(committee?.ancestors ?? [])];
  });
  const people = await peopleOf(named, above);
  const byId = new Map(people.map((m) => [m._id, m]));
  const holding = (orgIds: readonly string[], roles: readonly Role[]) =>
    people.flatMap((m) =>
      m.openid && m.roles.some((r) => orgIds.includes(r.orgId) && roles.includes(r.role))
        ? [{ _id: m._id, openid: m.openid }]
        : [],
    );

  const messages: OnceMessage[] = [];
  for (const { c, reminders } of due) {
    const committee = orgs.get(c.committeeId);
    const superiors = holding([c.committeeId, ...(committee?.ancestors ?? [])], ['superiorAdmin']);
    const audience = (r: AppraisalReminder): Recipient[] => {
      if (r.to.kind === 'subject') return recipient(byId.get(c.subjectId));
      if (r.to.kind === 'member') return recipient(byId.get(r.to.memberId));
      if (r.to.kind === 'superior') return superiors;
      const holders = holding([c.orgId], ASSEMBLY_HOLDERS).filter((m) => m._id !== c.subjectId);
      return holders.length ? holders : superiors; // no deputy nor commissioner: the 基层党委
    };
    const org = orgs.get(c.orgId)?.name ?? '';
    for (const r of reminders) {
      const data = workAlertData({ what: r.what, org, hint: r.hint, at: ctx.now });
      for (const member of audience(r))
        messages.push({
          claimId: `appraisal:${c._id}:${r.key}:${member._id}`,
          about: { kind: r.ruleId },
          member,
          page: `${PAGE[r.page]}?id=${encodeURIComponent(c._id)}`,
          data,
        });
    }
  }
  return sendOnceEach(ctx, WORK_ALERT, messages);
}
