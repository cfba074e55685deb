import { _, collection } from './db';
import type { DemocraticAppraisalDoc } from './appraisal-democratic';

/**
 * The scheduler's scan of 民主评议党员 (its reminders): the campaigns of `fromYear` and later, in
 * one query for the whole tree — never one read per branch. Reads the collection that
 * repos/appraisal-democratic.ts owns; writes nothing.
 */
const campaigns = collection<DemocraticAppraisalDoc & { reportedAt?: Date | null }>(
  'democraticAppraisals',
);

export const democraticSince = (fromYear: number) =>
  campaigns.all(
    campaigns
      .ref()
      .where({ year: _.gte(fromYear) })
      .orderBy('_id', 'asc'),
  );
