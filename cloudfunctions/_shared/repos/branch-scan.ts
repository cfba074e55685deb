import { _, collection } from './db';
import type { BranchAppraisalDoc } from './appraisal-branch';

/**
 * The scheduler's scan of 焦作评组织 (its reminders): the campaigns of `fromYear` and later that
 * are not finished, in one query for the whole tree — never one read per committee or branch.
 * Reads the collection that repos/appraisal-branch.ts owns; writes nothing.
 */
const campaigns = collection<BranchAppraisalDoc>('branchAppraisals');

export const branchAppraisalsSince = (fromYear: number) =>
  campaigns.all(
    campaigns
      .ref()
      .where({ year: _.gte(fromYear), step: _.neq('done') })
      .orderBy('_id', 'asc'),
  );
