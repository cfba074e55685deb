import type { AppraisalDoc } from './appraisals';
import { _, collection } from './db';
import type { MemberDoc } from './members';
import type { OrgDoc } from './orgs';

/**
 * The scheduler's scan of 双述双评 (its reminders): the secretary reviews that may still need
 * someone to act, and the people and orgs they name, each in one query for the whole tree —
 * never one read per campaign or branch. Reads the collections that repos/appraisals.ts,
 * members.ts and orgs.ts own; writes nothing.
 */
const appraisals = collection<AppraisalDoc>('appraisals');
const members = collection<MemberDoc>('members');
const orgs = collection<OrgDoc>('orgs');

/** What a reminder reads of a campaign. */
export type RemindedAppraisal = Pick<
  AppraisalDoc,
  | '_id'
  | 'kind'
  | 'year'
  | 'orgId'
  | 'committeeId'
  | 'subjectId'
  | 'profile'
  | 'step'
  | 'report'
  | 'publishedAt'
  | 'tasks'
  | 'plan'
>;

/**
 * The secretary reviews of `fromYear` and later (a review of last year may still be running in
 * January, and its follow-ups a few months after) [SEC-03, SEC-15].
 */
export const reviewsSince = (fromYear: number): Promise<RemindedAppraisal[]> =>
  appraisals.all(
    appraisals
      .ref()
      .where({ kind: 'secretaryReview', year: _.gte(fromYear) })
      .orderBy('_id', 'asc'),
  );

/**
 * In one query: the members named (subjects, task owners) and every holder of a role in the
 * orgs given (the branch committees, the superior administrators).
 */
export const peopleOf = (memberIds: readonly string[], orgIds: readonly string[]) =>
  members.all(
    members
      .ref()
      .where(
        _.or([
          { _id: _.in([...new Set(memberIds)]) },
          { roles: _.elemMatch({ orgId: _.in([...new Set(orgIds)]) }) },
        ]),
      )
      .orderBy('_id', 'asc'),
  );

/** The orgs with these ids (their names and ancestors). */
export const orgsByIds = (ids: readonly string[]): Promise<OrgDoc[]> => orgs.byIds(ids);
