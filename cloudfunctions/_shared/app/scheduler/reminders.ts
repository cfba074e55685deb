import { activityReminderData, reminderKind } from '../../domain/activity/reminders';
import { localDate, localInstant } from '../../domain/shared/time';
import { activitiesStartingBetween, leavesOf } from '../../repos/activities';
import { _, db, insertOnce, updatedCount } from '../../repos/db';
import type { Ctx } from '../../runtime/context';
import { expectedMembers } from '../activity/access';

const DAY = 86400_000;
const TEMPLATE = 'activityReminder';

export interface ReminderRun {
  sent: number;
  noConsent: number;
  failed: number;
}

/**
 * The daily run: reminds every expected member (not exempt, not on approved leave) of a theme day
 * or meeting starting tomorrow or today. Idempotent: a `reminderLog` document per event and member
 * is claimed before sending, so a second run sends nothing twice; when there is no grant left, or
 * the send fails, the claim (and the grant) is given back and the next run tries again.
 */
export async function sendActivityReminders(ctx: Ctx): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, noConsent: 0, failed: 0 };
  const from = ctx.now;
  const to = localInstant(localDate(+ctx.now + 2 * DAY));
  const templateId = ctx.ports.templateId(TEMPLATE);
  if (!templateId) return run;
  for (const activity of await activitiesStartingBetween(from, to)) {
    const kind = reminderKind(activity.startAt, ctx.now);
    if (!kind) continue;
    const onLeave = new Set(
      (await leavesOf(activity._id)).filter((l) => l.status === 'approved').map((l) => l.memberId),
    );
    for (const m of await expectedMembers(activity)) {
      if (!m.openid || m.exempt || onLeave.has(m._id)) continue;
      const logId = `${activity._id}:${m._id}`;
      if (
        !(await insertOnce('reminderLog', {
          _id: logId,
          activityId: activity._id,
          memberId: m._id,
          kind,
          at: ctx.now,
        }))
      )
        continue;
      const quota = db
        .collection('subscriptionQuotas')
        .where({ _id: `${m._id}:${TEMPLATE}`, count: _.gt(0) });
      if ((await updatedCount(quota.update({ data: { count: _.inc(-1) } }))) === 0) {
        await db.collection('reminderLog').doc(logId).remove();
        run.noConsent += 1;
        continue;
      }
      try {
        await ctx.ports.messenger.send({
          touser: m.openid,
          templateId,
          page: `subpackages/activity/detail/index?id=${activity._id}`,
          data: activityReminderData(activity, kind),
        });
        run.sent += 1;
      } catch (e) {
        console.error('[scheduler] send failed', logId, e);
        await db
          .collection('subscriptionQuotas')
          .doc(`${m._id}:${TEMPLATE}`)
          .update({ data: { count: _.inc(1) } });
        await db.collection('reminderLog').doc(logId).remove();
        run.failed += 1;
      }
    }
  }
  return run;
}
