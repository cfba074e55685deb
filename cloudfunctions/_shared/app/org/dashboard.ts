/**
 * The superior's compliance grid (`org.dashboard`, api.md) and a branch's drill-down
 * (`org.branchDetail`), issue 16. Everything is derived from the records; nothing is typed. The
 * grid itself is the read model `dashboardOf` (dashboard-read.ts), which the export renders too.
 */
import { orgContract, OrgOutput } from '../../contracts/org';
import { action } from '../../runtime/handler';
import { branchDetailOf } from './dashboard-detail';
import { dashboardOf } from './dashboard-read';

export const dashboard = action({
  input: orgContract.dashboard.input,
  async run(ctx, input): Promise<OrgOutput<'dashboard'>> {
    const root = await ctx.require('org.oversee', input.orgId);
    return dashboardOf(root, input.year, ctx.now);
  },
});

export const branchDetail = action({
  input: orgContract.branchDetail.input,
  async run(ctx, input): Promise<OrgOutput<'branchDetail'>> {
    const org = await ctx.require('org.oversee', input.orgId);
    return branchDetailOf(org, input.year, ctx.now);
  },
});
