import type { ElectionStep } from '../contracts/org-oversight';
import type { Role } from '../domain/org/model';
import { _, collection, Tx } from './db';
import type { ElectionDoc as TallyDoc } from './votes';

/**
 * 换届选举请示 [ORG-20, ORG-21]: one document per request, `_id = <orgId>:<n>` (the org's n-th
 * request, so two requests filed at once cannot both land: the second hits the first's `_id`).
 * They live in `electionRequests`, apart from the activity area's election tallies (`elections`,
 * repos/votes.ts).
 */
export interface ElectionRequestDoc {
  _id: string;
  orgId: string;
  /** The orgs above, root first: a superior lists its subtree's requests in one query. */
  ancestors: string[];
  step: Exclude<ElectionStep, 'elected'>;
  plannedDate: string;
  seats: number;
  reason: string;
  /** The end of the term the request is about, when filed [ORG-18]. */
  termEnd: string;
  requestedAt: Date;
  requestedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  note: string | null;
  electionActivityId: string | null;
  electedOn: string | null;
  committee: { memberId: string; role: Role }[] | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

const REQUESTS = 'electionRequests' as const;
const requests = collection<ElectionRequestDoc>(REQUESTS);
/** The activity area's tallies (read only here, for the step an election reached). */
const tallies = collection<TallyDoc>('elections');

export const findElectionRequest = (id: string, tx?: Tx): Promise<ElectionRequestDoc | null> =>
  requests.byId(id, tx);

/** Every request of one org, oldest first (inside a write, through its transaction). */
export const requestsOfOrg = (orgId: string, tx?: Tx): Promise<ElectionRequestDoc[]> =>
  requests.all(requests.ref(tx).where({ orgId }).orderBy('requestedAt', 'asc'));

/** The requests of an org and of every org below it, newest first (one query). */
export const requestsOfSubtree = (orgId: string): Promise<ElectionRequestDoc[]> =>
  requests.all(
    requests
      .ref()
      .where(_.or([{ orgId }, { ancestors: orgId }]))
      .orderBy('requestedAt', 'desc'),
    2_000,
  );

/** The org's approved request whose committee is not recorded yet, or null [ORG-20]. */
export const approvedRequestOf = (orgId: string): Promise<ElectionRequestDoc | null> =>
  requests.first(requests.ref().where({ orgId, step: 'approved' }));

export async function insertElectionRequest(doc: ElectionRequestDoc, tx: Tx): Promise<void> {
  await requests.add(doc, tx);
}

export async function updateElectionRequest(
  id: string,
  patch: Partial<Omit<ElectionRequestDoc, '_id' | 'kind' | 'orgId' | 'ancestors'>>,
  tx: Tx,
): Promise<void> {
  const data = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, Array.isArray(v) ? _.set(v) : v]),
  );
  await requests.ref(tx).doc(id).update({ data });
}

/** The valid election tallies recorded at one activity [VOTE-11]. */
export const validTalliesOfActivity = (activityId: string): Promise<TallyDoc[]> =>
  tallies.all(tallies.ref().where({ activityId, valid: true }).orderBy('at', 'asc'));

/** The valid tallies of these orgs since a time, oldest first: an approved request's election. */
export async function validTalliesOfOrgs(
  orgIds: readonly string[],
  since: Date,
): Promise<TallyDoc[]> {
  if (!orgIds.length) return [];
  return tallies.all(
    tallies
      .ref()
      .where({ orgId: _.in([...orgIds]), valid: true, at: _.gte(since) })
      .orderBy('at', 'asc'),
  );
}
