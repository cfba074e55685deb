import { purgeExpiredGuests } from '../_shared/app/activity/guests';
import { recountTallies } from '../_shared/app/activity/tally';
import { rebuildPaidMonths } from '../_shared/app/dues/paid-months';
import { sendWorkAlerts } from '../_shared/app/scheduler/alerts';
import { sendAppraisalReminders } from '../_shared/app/scheduler/appraisal-reminders';
import { sendBranchReminders } from '../_shared/app/scheduler/branch-reminders';
import { sendDemocraticReminders } from '../_shared/app/scheduler/democratic-reminders';
import { sendRectificationReminders } from '../_shared/app/scheduler/rectification-reminders';
import { sendActivityReminders } from '../_shared/app/scheduler/reminders';
import { createTimerFunction } from '../_shared/runtime/handler';

/**
 * Two timer triggers, no actions. `daily` at 08:00 (UTC+8): reminders of theme days and meetings,
 * and the 工作提醒 of the rules' alerts (tallies per rule). `nightly` at 03:00, when nobody corrects
 * a record: the summaries the superior's dashboard reads, kept whole — activities closed lately
 * counted again, and the paid months of orgs from before they were kept rebuilt.
 */
export const main = createTimerFunction('scheduler', async (ctx, event) =>
  event.TriggerName === 'nightly'
    ? {
        tallies: await recountTallies(ctx), // activities closed lately, or before tallies were kept
        paidMonths: await rebuildPaidMonths(ctx), // orgs from before paid months were kept
      }
    : {
        reminders: await sendActivityReminders(ctx),
        alerts: await sendWorkAlerts(ctx),
        appraisal: await sendAppraisalReminders(ctx), // 双述双评: who must act at each step
        democratic: await sendDemocraticReminders(ctx), // 民主评议党员: who must act at each step
        branch: await sendBranchReminders(ctx), // 焦作评组织: the superior at each step, branches to hold 测评
        rectification: await sendRectificationReminders(ctx), // 整改清单: reports due, items late
        guests: await purgeExpiredGuests(ctx), // guests' names after the retention period [PRIV-19]
      },
);
