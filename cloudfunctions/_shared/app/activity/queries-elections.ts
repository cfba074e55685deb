import { localDate } from '../../domain/shared/time';
import { findActivity, type ActivityDoc } from '../../repos/activities';
import { validTalliesOfActivity, validTalliesOfOrgs } from '../../repos/elections';

/*
 * Part of the activity area's read model (re-exported by queries.ts): the elections held at its
 * meetings, which the org area's 换届 workflow reads [ORG-20].
 */
/**
 * The election held at an activity [VOTE-11, ORG-20]: the meeting's org, type and local date, and
 * who its valid tallies elected; null when the activity does not exist or recorded no valid
 * election. org.recordCommittee reads it before the new committee takes office. Two queries.
 */
export async function electionHeldAt(activityId: string): Promise<{
  orgId: string;
  type: ActivityDoc['type'];
  date: string;
  elected: string[];
  /** When the last valid tally was recorded. */
  at: Date;
} | null> {
  const [activity, tallies] = await Promise.all([
    findActivity(activityId),
    validTalliesOfActivity(activityId),
  ]);
  if (!activity || !tallies.length) return null;
  const elected = [...new Set(tallies.flatMap((t) => t.elected))];
  const at = tallies[tallies.length - 1].at;
  return {
    orgId: activity.orgId,
    type: activity.type,
    date: localDate(activity.startAt),
    elected,
    at,
  };
}

/**
 * The last activity of each of these orgs with a valid election tally recorded since `since`
 * (one query): org.elections shows an approved 请示 as elected [ORG-20].
 */
export async function electionsHeldSince(
  orgIds: readonly string[],
  since: Date,
): Promise<Map<string, { activityId: string; at: Date }>> {
  const tallies = await validTalliesOfOrgs(orgIds, since);
  return new Map(tallies.map((t) => [t.orgId, { activityId: t.activityId, at: t.at }]));
}
