import { _, collection, Tx, updatedCount } from './db';

/** A single-use invite: `_id` is the code the secretary hands out. */
export interface InviteDoc {
  _id: string;
  memberId: string;
  orgId: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** The OPENID that used it. */
  usedBy?: string;
  createdAt: Date;
}

const invites = collection<InviteDoc>('invites');

export const findInvite = (code: string, tx?: Tx) => invites.byId(code, tx);

/**
 * Stores a new invite; false when the drawn code is already taken. Inside a transaction, read the
 * code first (`findInvite` with it): a duplicate key there may abort the transaction.
 */
export const insertInvite = (doc: InviteDoc, tx?: Tx) => invites.insertOnce(doc, tx);

/** Claims an unused invite for an OPENID (a conditional update: one claim wins). */
export async function claimInvite(code: string, openid: string, now: Date): Promise<boolean> {
  const n = await updatedCount(
    invites
      .ref()
      .where({ _id: code, usedAt: null })
      .update({ data: { usedAt: now, usedBy: openid } }),
  );
  return n === 1;
}

/** Gives back an invite this OPENID claimed, as if it had never been used. */
export async function releaseInvite(code: string, openid: string): Promise<void> {
  await invites
    .ref()
    .where({ _id: code, usedBy: openid })
    .update({ data: { usedAt: null, usedBy: _.remove() } });
}
