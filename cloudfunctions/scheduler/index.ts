import { sendActivityReminders } from '../_shared/app/scheduler/reminders';
import { createTimerFunction } from '../_shared/runtime/handler';

/** Daily at 08:00 (UTC+8): reminders of theme days and meetings. No actions; the timer only. */
export const main = createTimerFunction('scheduler', async (ctx) => ({
  reminders: await sendActivityReminders(ctx),
}));
