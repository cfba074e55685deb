import { _, collection, updatedCount } from './db';

/**
 * The grant ledger of one-time subscription messages: one accept of `wx.requestSubscribeMessage`
 * allows exactly one message, so each accept adds one to a member's count for that template and
 * each send takes one. `_id` = `${memberId}:${templateKey}`.
 */
export interface SubscriptionQuotaDoc {
  _id: string;
  memberId: string;
  templateKey: string;
  count: number;
  updatedAt: Date;
}

/**
 * A claim that one message (a reminder of an activity, of an unread notice) goes to one member
 * once: a deterministic `_id` per message and member, so a second claim is refused [PRIV-10].
 */
export interface ReminderClaimDoc {
  _id: string;
  memberId: string;
  at: Date;
  activityId?: string;
  kind?: string;
  noticeId?: string;
}

const quotas = collection<SubscriptionQuotaDoc>('subscriptionQuotas');
const claims = collection<ReminderClaimDoc>('reminderLog');

export const quotaId = (memberId: string, templateKey: string) => `${memberId}:${templateKey}`;

/** Adds accepted grants (one per accept) and answers the member's counts per template. */
export async function addGrants(
  memberId: string,
  templateKeys: readonly string[],
  now: Date,
): Promise<Record<string, number>> {
  for (const key of templateKeys) {
    const id = quotaId(memberId, key);
    const grant = () =>
      updatedCount(
        quotas
          .ref()
          .where({ _id: id })
          .update({ data: { count: _.inc(1), updatedAt: now } }),
      );
    if ((await grant()) > 0) continue;
    const row = { _id: id, memberId, templateKey: key, count: 1, updatedAt: now };
    if (!(await quotas.insertOnce(row))) await grant(); // created concurrently
  }
  return quotasOf(memberId);
}

/** A member's remaining grants per template. */
export async function quotasOf(memberId: string): Promise<Record<string, number>> {
  const rows = await quotas.all(quotas.ref().where({ memberId }).orderBy('_id', 'asc'));
  return Object.fromEntries(rows.map((r) => [r.templateKey, r.count]));
}

/** Of these members, those with a grant left for the template (one query, to skip the rest). */
export async function membersWithGrant(
  memberIds: readonly string[],
  templateKey: string,
): Promise<Set<string>> {
  if (!memberIds.length) return new Set();
  const rows = await quotas.all(
    quotas
      .ref()
      .where({ _id: _.in(memberIds.map((m) => quotaId(m, templateKey))), count: _.gt(0) })
      .orderBy('_id', 'asc'),
  );
  return new Set(rows.map((r) => r.memberId));
}

/** Takes one grant, atomically; false when none is left. */
export async function takeGrant(memberId: string, templateKey: string): Promise<boolean> {
  const taken = await updatedCount(
    quotas
      .ref()
      .where({ _id: quotaId(memberId, templateKey), count: _.gt(0) })
      .update({ data: { count: _.inc(-1) } }),
  );
  return taken === 1;
}

/** Gives a taken grant back (the send failed: the member's consent is not used up). */
export async function returnGrant(memberId: string, templateKey: string): Promise<void> {
  await quotas
    .ref()
    .doc(quotaId(memberId, templateKey))
    .update({ data: { count: _.inc(1) } });
}

/** Claims one message for one member; false when it was claimed before. */
export const claimMessage = (doc: ReminderClaimDoc) => claims.insertOnce(doc);

/** Of these claim ids, those already claimed (one query). */
export async function claimedAmong(ids: readonly string[]): Promise<Set<string>> {
  return new Set((await claims.byIds(ids)).map((r) => r._id));
}

/** Gives a claim back, so a later run may try again. */
export async function releaseClaim(id: string): Promise<void> {
  await claims.ref().doc(id).remove();
}
