import { randomBytes, randomInt } from 'crypto';
import type { BallotBoxDoc, BallotDoc, BallotVoterDoc } from './appraisals';
import { collection, Tx } from './db';

/**
 * The sealed ballot's storage [SEC-19, PRIV-13]: boxes (`ballotBoxes`), who voted
 * (`ballotVoters`, `_id = boxId:memberId`, nothing else) and what was voted (`ballots`, a random
 * `_id`, the box and the marks: no identity, no time, no order). No count is kept anywhere while a
 * box is open; the tally is written once, at close, and the ballots are deleted then.
 */
const boxes = collection<BallotBoxDoc>('ballotBoxes');
const voters = collection<BallotVoterDoc>('ballotVoters');
const ballots = collection<BallotDoc>('ballots');

/** A random id from the platform's CSPRNG: it says nothing about when or by whom. */
export const randomId = (): string => randomBytes(16).toString('hex');

export const voterId = (boxId: string, memberId: string) => `${boxId}:${memberId}`;

export const findBox = (id: string, tx?: Tx) => boxes.byId(id, tx);
export const boxesByIds = (ids: readonly string[]) => boxes.byIds(ids);
export const boxesOfOwner = (ownerId: string) =>
  boxes.all(boxes.ref().where({ ownerId }).orderBy('_id', 'asc'));
/** Open boxes whose voters include this member (the ballot page). */
export const openBoxesFor = (memberId: string) =>
  boxes.all(boxes.ref().where({ status: 'open', eligible: memberId }).orderBy('_id', 'asc'));

export const insertBox = (doc: BallotBoxDoc, tx: Tx) => boxes.add(doc, tx);

export async function updateBox(
  id: string,
  patch: Partial<Omit<BallotBoxDoc, '_id'>>,
  tx: Tx,
): Promise<void> {
  await boxes.ref(tx).doc(id).update({ data: patch });
}

/**
 * One blank ballot per possible voter, in a random order of random ids, created when an in-app
 * box opens: a vote fills a blank one at random, so the order ballots are stored in is fixed
 * before anyone votes.
 */
export async function insertBlankBallots(boxId: string, n: number, tx: Tx): Promise<void> {
  if (n === 0) return;
  const docs: BallotDoc[] = Array.from({ length: n }, () => ({
    _id: randomId(),
    boxId,
    marks: null,
  }));
  await ballots.ref(tx).add({ data: docs as never });
}

/** Whether this member voted in this box (their own flag only). */
export async function hasVoted(boxId: string, memberId: string, tx?: Tx): Promise<boolean> {
  return (await voters.byId(voterId(boxId, memberId), tx)) !== null;
}

/** Which of these boxes the member voted in (one query). */
export async function votedIn(boxIds: readonly string[], memberId: string): Promise<Set<string>> {
  const found = await voters.byIds(boxIds.map((b) => voterId(b, memberId)));
  return new Set(found.map((v) => v.boxId));
}

/**
 * Casts one ballot inside the caller's transaction: records that the member voted (no time, no
 * choice) and fills a blank ballot picked at random with the marks. Answers false when the
 * member already voted or no blank ballot is left (nothing written then).
 */
export async function castInto(
  boxId: string,
  memberId: string,
  marks: Record<string, string>,
  tx: Tx,
): Promise<'ok' | 'voted' | 'full'> {
  if (await voters.byId(voterId(boxId, memberId), tx)) return 'voted';
  const blank = await ballots.all(
    ballots.ref(tx).where({ boxId, marks: null }).orderBy('_id', 'asc'),
  );
  if (!blank.length) return 'full';
  const slot = blank[randomInt(blank.length)];
  await ballots.ref(tx).doc(slot._id).update({ data: { marks } });
  await voters.add({ _id: voterId(boxId, memberId), boxId, memberId }, tx);
  return 'ok';
}

/** The filled ballots of a box (read at close only). */
export const castBallotsOf = async (boxId: string, tx?: Tx) =>
  (await ballots.all(ballots.ref(tx).where({ boxId }).orderBy('_id', 'asc'))).filter(
    (b) => b.marks !== null,
  );

/**
 * Deletes every ballot of a closed box, after the transaction that wrote its tally committed
 * (one request; a transaction cannot carry `where().remove()`). Closing again repeats it.
 */
export async function removeBallotsOf(boxId: string): Promise<void> {
  await ballots.ref().where({ boxId }).remove();
}
