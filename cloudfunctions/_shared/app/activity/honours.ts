import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { settingOf } from '../../domain/org/settings';
import type { OrgDoc } from '../../repos/orgs';
import { action } from '../../runtime/handler';
import { branchYearActivities } from './queries';

/**
 * Read model for 评先评优 (the appraisal and points side): where the branch switched
 * `td.absenceRemovesHonours` on, the members with an unexcused (`absent`) finalised theme day in
 * the year, with those theme days; none while it is off [TD-26]. A flag for the decision, never a
 * decision (rules.md "No automatic punishment").
 */
export async function honoursIneligible(
  org: OrgDoc,
  year: number,
): Promise<{
  enabled: boolean;
  members: { memberId: string; name: string; activityIds: string[] }[];
}> {
  if (!settingOf(org, 'td.absenceRemovesHonours')) return { enabled: false, members: [] };
  const { activities, members, byActivity } = await branchYearActivities(org._id, year);
  const missed = new Map<string, string[]>();
  for (const a of activities.filter((x) => x.type === 'themeDay' && x.status === 'closed'))
    for (const r of byActivity.get(a._id) ?? [])
      if (r.status === 'absent') missed.set(r.memberId, [...(missed.get(r.memberId) ?? []), a._id]);
  return {
    enabled: true,
    members: members
      .filter((m) => missed.has(m._id))
      .map((m) => ({ memberId: m._id, name: m.name, activityIds: missed.get(m._id) as string[] }))
      .sort((a, b) => a.memberId.localeCompare(b.memberId)),
  };
}

/** Who is not eligible for 评先评优 this year by a theme-day absence, where switched on [TD-26]. */
export const honours = action({
  input: activityContract.honours.input,
  async run(ctx, input): Promise<ActivityOutput<'honours'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const r = await honoursIneligible(org, input.year);
    return { orgId: org._id, year: input.year, ...r, ruleId: 'TD-26' };
  },
});
