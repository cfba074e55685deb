import { activityContract } from '../../contracts/activity';
import type { ActivityOutput, AttendanceStatus } from '../../contracts/activity';
import { absenceFlags } from '../../domain/activity/absence';
import { action } from '../../runtime/handler';
import { branchYearActivities, complianceOf } from './queries';

/** Required vs held per type and period, with the missing periods [TD-01, MTG-08]. */
export const compliance = action({
  input: activityContract.compliance.input,
  async run(ctx, input): Promise<ActivityOutput<'compliance'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const data = await branchYearActivities(org._id, input.year);
    return { items: complianceOf(org, data, input.year, ctx) };
  },
});

/** Members with 3 unexcused theme-day absences in a row or 6 in the year: a flag for review [TD-22]. */
export const alerts = action({
  input: activityContract.alerts.input,
  async run(ctx, input): Promise<ActivityOutput<'alerts'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const { activities, members, byActivity } = await branchYearActivities(org._id, input.year);
    const sessions = activities.filter((a) => a.type === 'themeDay' && a.status === 'closed');
    const statuses = new Map<string, Map<string, AttendanceStatus>>();
    for (const a of sessions) {
      for (const r of byActivity.get(a._id) ?? []) {
        if (!statuses.has(r.memberId)) statuses.set(r.memberId, new Map());
        statuses.get(r.memberId)!.set(a._id, r.status);
      }
    }
    const names = new Map(members.map((m) => [m._id, m.name]));
    return absenceFlags(
      sessions.map((a) => a._id),
      statuses,
    ).map((f) => ({ ...f, name: names.get(f.memberId) ?? '', ruleId: 'TD-22' as const }));
  },
});
