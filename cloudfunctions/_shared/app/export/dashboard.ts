import { exportContract } from '../../contracts/export';
import type { ExportFileOutput } from '../../contracts/export';
import { action } from '../../runtime/handler';
import { exportDir } from '../media/paths';
import { dashboardOf } from '../org/queries';
import { audited } from './attendance';
import { dashboardWorkbook } from './dashboard-grid';

/**
 * The superior's compliance grid as a print-ready 台账 (issue 16): the same answer as
 * `org.dashboard`, A4 landscape, the header row repeated on every page, fitted to one page wide,
 * every cell in words. Audited like every export [PRIV-07].
 */
export const dashboard = action({
  input: exportContract.dashboard.input,
  async run(ctx, input): Promise<ExportFileOutput> {
    const org = await ctx.require('org.oversee', input.orgId);
    const d = await dashboardOf(org, input.year, ctx.now);
    const dir = exportDir(org._id, 'oversight');
    return audited(ctx, org, dir, dashboardWorkbook(d), { dashboard: input.year });
  },
});
