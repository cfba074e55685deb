import { _, collection, Tx } from './db';
import { appraisalId, type AppraisalDoc, type BallotBoxDoc } from './appraisals';
import { boxesByIds } from './ballots';

/**
 * Named queries of 评定等次 and its consequences [SEC-10 … SEC-18]: the committee's secretary
 * reviews of a year (the quota's N, the board's rows), last year's review of the same people
 * (SEC-16 follows the person, whatever branch they led) and the open follow-ups of the to-do list.
 */
const appraisals = collection<AppraisalDoc>('appraisals');

/** The secretary reviews a 基层党委 grades in a year; inside `tx` when given (the quota check). */
export const committeeReviews = (committeeId: string, year: number, tx?: Tx) =>
  appraisals.all(
    appraisals.ref(tx).where({ committeeId, year, kind: 'secretaryReview' }).orderBy('_id', 'asc'),
  );

/** The ballot boxes of these campaigns, by id (one query). */
export async function boxesOfReviews(
  docs: readonly Pick<AppraisalDoc, 'boxIds' | 'boxes'>[],
): Promise<Map<string, BallotBoxDoc>> {
  const ids = docs.flatMap((d) => [
    ...Object.values(d.boxIds ?? {}),
    ...Object.values(d.boxes ?? {}).map((b) => b?.id),
  ]);
  const found = await boxesByIds(ids.filter((i): i is string => !!i));
  return new Map(found.map((b) => [b._id, b]));
}

/** Last year's secretary review of each of these people, by subject (one query) [SEC-16]. */
export async function previousReviews(
  docs: readonly Pick<AppraisalDoc, 'subjectId' | 'year'>[],
  tx?: Tx,
): Promise<Map<string, AppraisalDoc>> {
  const ids = docs.map((d) => appraisalId('secretaryReview', d.subjectId, d.year - 1));
  if (!ids.length) return new Map();
  const found = await appraisals.all(appraisals.ref(tx).where({ _id: _.in([...new Set(ids)]) }));
  return new Map(found.map((d) => [d.subjectId, d]));
}

/**
 * Campaigns with a follow-up not yet done that concern the caller on a to-do list: those they
 * are the subject of or own a task in, and (for the superior) those of the org or graded by it.
 * One query.
 */
export function openFollowUps(memberId: string, orgIds: readonly string[]) {
  const mine = [{ subjectId: memberId }, { 'tasks.ownerId': memberId }];
  const theirs = orgIds.length
    ? [{ orgId: _.in([...orgIds]) }, { committeeId: _.in([...orgIds]) }]
    : [];
  return appraisals.all(
    appraisals
      .ref()
      .where(_.and([{ 'tasks.done': false }, _.or([...mine, ...theirs])]))
      .orderBy('_id', 'asc'),
    200,
  );
}
