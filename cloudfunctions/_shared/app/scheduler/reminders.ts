import { expectedOf } from '../../domain/activity/participants';
import { activityReminderData, reminderKind } from '../../domain/activity/reminders';
import { localDate, localInstant } from '../../domain/shared/time';
import { activitiesStartingBetween } from '../../repos/activities';
import { rostersOf } from '../../repos/alert-scan';
import { approvedLeavesOf } from '../../repos/attendance';
import type { Ctx } from '../../runtime/context';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';

const DAY = 86400_000;
const TEMPLATE = 'activityReminder';

export type ReminderRun = SendTally;

/**
 * The daily run: reminds every expected member (not exempt, not on approved leave) of a theme day
 * or meeting starting tomorrow or today, one message per event and member [PRIV-10]. Idempotent:
 * `sendOnceEach` claims each message before sending, so a second run sends nothing twice; when
 * there is no grant left, or the send fails, the claim (and the grant) is given back and the next
 * run tries again. The activities, their approved leave and their branches' rosters are read once
 * for all of them, so the reads do not grow with the number of branches meeting.
 */
export async function sendActivityReminders(ctx: Ctx): Promise<ReminderRun> {
  if (!ctx.ports.templateId(TEMPLATE)) return { sent: 0, noConsent: 0, failed: 0 };
  const to = localInstant(localDate(+ctx.now + 2 * DAY));
  const due = (await activitiesStartingBetween(ctx.now, to)).flatMap((activity) => {
    const kind = reminderKind(activity.startAt, ctx.now);
    return kind ? [{ activity, kind }] : [];
  });
  const [leaves, rosters] = await Promise.all([
    approvedLeavesOf(due.map((d) => d.activity._id)), // no read for no activity
    rostersOf(due.map((d) => d.activity.orgId)),
  ]);
  const onLeave = new Set(leaves.map((l) => `${l.activityId}:${l.memberId}`));
  const messages: OnceMessage[] = [];
  for (const { activity, kind } of due) {
    const data = activityReminderData(activity, kind);
    for (const m of expectedOf(activity, rosters.get(activity.orgId) ?? [])) {
      if (!m.openid || m.exempt || onLeave.has(`${activity._id}:${m._id}`)) continue;
      messages.push({
        claimId: `${activity._id}:${m._id}`,
        about: { activityId: activity._id, kind },
        member: { _id: m._id, openid: m.openid },
        page: `subpackages/activity/detail/index?id=${activity._id}`,
        data,
      });
    }
  }
  return sendOnceEach(ctx, TEMPLATE, messages);
}
