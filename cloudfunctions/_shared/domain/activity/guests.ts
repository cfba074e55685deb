import { addMonths, localDate } from '../shared/time';

/**
 * Whether the guests' names of an activity are due for deletion: its local end date plus the
 * retention months has been reached [PRIV-19] ("within N months of X" means d ≤ addMonths(X, N)).
 */
export function guestsExpired(endAt: Date, retentionMonths: number, now: Date): boolean {
  return localDate(now) > addMonths(localDate(endAt), retentionMonths);
}
