/** The meetings a box can be opened at: the branch's and the caller's, a month either side. */
import { fetchActivities } from '../../../services/activity';
import { dayText } from '../../../utils/activity-view';

const DAY = 86400_000;

export async function meetingChoices(orgIds: readonly string[], now: number) {
  const lists = await Promise.all(
    [...new Set(orgIds)].map((o) =>
      fetchActivities({
        orgId: o,
        from: new Date(now - 30 * DAY).toISOString(),
        to: new Date(now + 30 * DAY).toISOString(),
      }).catch(() => []),
    ),
  );
  const all = lists.flat();
  return {
    activityIds: all.map((a) => a.id),
    activities: all.map((a) => `${dayText(a.startAt)} ${a.title}`),
  };
}
