import { activityContract } from '../../contracts/activity';
import type { ActivityOutput } from '../../contracts/activity';
import { localDate } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { absenceAlertsOf } from './absence-alerts';
import { branchInactivity } from './inactivity';
import { branchYearActivities, complianceOf } from './queries';

/**
 * Required vs held per type and period, with the missing periods [TD-01, MTG-08]; and, for the
 * current year, the days since the branch's last organisational-life record [FORT-22].
 */
export const compliance = action({
  input: activityContract.compliance.input,
  async run(ctx, input): Promise<ActivityOutput<'compliance'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    const current = input.year === Number(localDate(ctx.now).slice(0, 4));
    const [data, inactivity] = await Promise.all([
      branchYearActivities(org._id, input.year),
      current ? branchInactivity(org, ctx.now) : null,
    ]);
    return { items: complianceOf(org, data, input.year, ctx), inactivity };
  },
});

/**
 * Members with 3 unexcused theme-day absences in a row or 6 in the year: a flag for review
 * [TD-22]; with 2 in a row or 4, an early warning to talk with them [TD-23]. The year is the
 * branch's choice, as is whether an excused absence ends a run [TD-24].
 */
export const alerts = action({
  input: activityContract.alerts.input,
  async run(ctx, input): Promise<ActivityOutput<'alerts'>> {
    const org = await ctx.require('activity.oversee', input.orgId);
    return absenceAlertsOf(org, input.year, ctx.now);
  },
});
