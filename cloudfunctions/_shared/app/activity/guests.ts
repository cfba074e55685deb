import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { guestsExpired } from '../../domain/activity/guests';
import { settingOf } from '../../domain/org/settings';
import {
  activitiesWithGuestsEndedBefore,
  findActivity,
  updateActivity,
} from '../../repos/activities';
import { findOrg } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { loadAsRunner } from './support';

const MAX_GUESTS = 50;

/**
 * The guest path [TD-10, CHK-17, PRIV-19]: invited non-members (入党积极分子, 发展对象, 群众代表 …)
 * do not sign in themselves — they have no binding, and an OPENID not on the expected list is
 * refused (CHK-07). The host or recorder writes down their names, a name and a category only, on
 * the activity. Guests are a list apart from attendance: never expected, never in a rate, a
 * quorum or points. The audit entry records the count, not the name, so deleting the names after
 * the retention period leaves none behind.
 */
export const addGuest = action({
  input: activityContract.addGuest.input,
  async run(ctx, input): Promise<ActivityOutput<'addGuest'>> {
    const { activity, org } = await loadAsRunner(ctx, 'activity.manage', input.activityId);
    const guest = { name: input.name, kind: input.kind ?? null };
    const count = await ctx.write(async (tx) => {
      const current = (await findActivity(activity._id, tx))?.guests ?? [];
      if (current.some((g) => g.name === guest.name))
        return { audit: null, result: current.length };
      if (current.length >= MAX_GUESTS)
        throw new AppError('CONFLICT', `每次活动最多登记${MAX_GUESTS}名列席人员`);
      await updateActivity(activity._id, { guests: [...current, guest] }, tx);
      const change = { before: { guests: current.length }, after: { guests: current.length + 1 } };
      return {
        audit: { org, entity: 'activities.guests', entityId: activity._id, ...change },
        result: current.length + 1,
      };
    });
    return { activityId: activity._id, guests: count };
  },
});

/** The shortest retention a branch may set: activities younger than this are never looked at. */
const MIN_RETENTION_MONTHS = 1;

/**
 * The daily retention run [PRIV-19]: deletes the guests' names of activities that ended more than
 * `priv.guestRetentionMonths` (12 by default) ago; the activity keeps how many there were.
 */
export async function purgeExpiredGuests(ctx: Ctx): Promise<{ purged: number }> {
  const horizon = new Date(+ctx.now - MIN_RETENTION_MONTHS * 28 * 86400_000);
  const orgs = new Map<string, Awaited<ReturnType<typeof findOrg>>>();
  let purged = 0;
  for (const a of await activitiesWithGuestsEndedBefore(horizon)) {
    if (!orgs.has(a.orgId)) orgs.set(a.orgId, await findOrg(a.orgId));
    const org = orgs.get(a.orgId);
    const months = org ? settingOf(org, 'priv.guestRetentionMonths') : 12;
    if (!guestsExpired(a.endAt, months, ctx.now)) continue;
    await updateActivity(a._id, {
      guests: [],
      guestsPurged: { at: ctx.now, count: a.guests.length },
    });
    purged += 1;
  }
  return { purged };
}
