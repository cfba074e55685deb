import { activityReminderData, reminderKind } from '../../domain/activity/reminders';
import { localDate, localInstant } from '../../domain/shared/time';
import { activitiesStartingBetween } from '../../repos/activities';
import { leavesOf } from '../../repos/attendance';
import type { Ctx } from '../../runtime/context';
import { expectedMembers } from '../activity/queries';
import { OnceMessage, sendOnceEach, SendTally } from '../messaging/send-once';

const DAY = 86400_000;
const TEMPLATE = 'activityReminder';

export type ReminderRun = SendTally;

/**
 * The daily run: reminds every expected member (not exempt, not on approved leave) of a theme day
 * or meeting starting tomorrow or today, one message per event and member [PRIV-10]. Idempotent:
 * `sendOnceEach` claims each message before sending, so a second run sends nothing twice; when
 * there is no grant left, or the send fails, the claim (and the grant) is given back and the next
 * run tries again.
 */
export async function sendActivityReminders(ctx: Ctx): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, noConsent: 0, failed: 0 };
  if (!ctx.ports.templateId(TEMPLATE)) return run;
  const to = localInstant(localDate(+ctx.now + 2 * DAY));
  for (const activity of await activitiesStartingBetween(ctx.now, to)) {
    const kind = reminderKind(activity.startAt, ctx.now);
    if (!kind) continue;
    const onLeave = new Set(
      (await leavesOf(activity._id)).filter((l) => l.status === 'approved').map((l) => l.memberId),
    );
    const data = activityReminderData(activity, kind);
    const messages: OnceMessage[] = [];
    for (const m of await expectedMembers(activity)) {
      if (!m.openid || m.exempt || onLeave.has(m._id)) continue;
      messages.push({
        claimId: `${activity._id}:${m._id}`,
        about: { activityId: activity._id, kind },
        member: { _id: m._id, openid: m.openid },
        page: `subpackages/activity/detail/index?id=${activity._id}`,
        data,
      });
    }
    const t = await sendOnceEach(ctx, TEMPLATE, messages);
    run.sent += t.sent;
    run.noConsent += t.noConsent;
    run.failed += t.failed;
  }
  return run;
}
