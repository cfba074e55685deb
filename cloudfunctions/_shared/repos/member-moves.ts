import { collection, Tx } from './db';

/** One move of a member between branches of the tree [PRIV-20]: from, to, when, by whom, why. */
export interface MemberMoveDoc {
  _id: string;
  memberId: string;
  fromOrgId: string;
  toOrgId: string;
  at: Date;
  /** Local date of the move. */
  on: string;
  by: string;
  reason: string;
}

const moves = collection<MemberMoveDoc>('memberMoves');

export async function insertMemberMove(doc: MemberMoveDoc, tx: Tx): Promise<void> {
  await moves.add(doc, tx);
}

/** A member's moves, newest first. */
export const movesOfMember = (memberId: string): Promise<MemberMoveDoc[]> =>
  moves.all(moves.ref().where({ memberId }).orderBy('at', 'desc'));
