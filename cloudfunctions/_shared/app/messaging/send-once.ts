import type { SubscriptionMessage } from '../../ports';
import {
  claimedAmong,
  claimMessage,
  membersWithGrant,
  ReminderClaimDoc,
  releaseClaim,
  returnGrant,
  takeGrant,
} from '../../repos/subscriptions';
import type { Ctx } from '../../runtime/context';

/** sent; claimed before (nothing twice); no grant left; WeChat refused the send. */
export type SendOutcome = 'sent' | 'already' | 'noConsent' | 'failed';

export interface SendTally {
  sent: number;
  noConsent: number;
  failed: number;
}

export interface OnceMessage {
  /** The claim's deterministic id: one message per thing and member. */
  claimId: string;
  /** What the claim records besides the member (activityId and kind, noticeId …). */
  about: Omit<ReminderClaimDoc, '_id' | 'memberId' | 'at'>;
  member: { _id: string; openid: string };
  page: string;
  data: SubscriptionMessage['data'];
}

/**
 * Sends one subscription message at most once [PRIV-10]: claim it, take one of the member's
 * one-time grants, send. With no grant left the claim is given back (a later consent can still be
 * reminded); when the send fails both the claim and the grant are given back, so the member keeps
 * their consent and a later run reaches them.
 */
export async function sendOnce(
  ctx: Ctx,
  templateKey: string,
  templateId: string,
  m: OnceMessage,
): Promise<SendOutcome> {
  const claim = { _id: m.claimId, memberId: m.member._id, at: ctx.now, ...m.about };
  if (!(await claimMessage(claim))) return 'already';
  if (!(await takeGrant(m.member._id, templateKey))) {
    await releaseClaim(m.claimId);
    return 'noConsent';
  }
  try {
    await ctx.ports.messenger.send({
      touser: m.member.openid,
      templateId,
      page: m.page,
      data: m.data,
    });
    return 'sent';
  } catch (e) {
    console.error(`[${ctx.fn}] send failed`, m.claimId, e);
    await returnGrant(m.member._id, templateKey);
    await releaseClaim(m.claimId);
    return 'failed';
  }
}

/**
 * Sends one message to each of many members, at most once each. Two queries first tell who was
 * reminded before (skipped) and who has no grant left (counted, nothing claimed); the others go
 * through `sendOnce`, which stays the arbiter when runs overlap.
 */
export async function sendOnceEach(
  ctx: Ctx,
  templateKey: string,
  messages: readonly OnceMessage[],
): Promise<SendTally> {
  const tally: SendTally = { sent: 0, noConsent: 0, failed: 0 };
  const templateId = ctx.ports.templateId(templateKey);
  if (!templateId || !messages.length) return tally;
  const [claimed, granted] = await Promise.all([
    claimedAmong(messages.map((m) => m.claimId)),
    membersWithGrant(
      messages.map((m) => m.member._id),
      templateKey,
    ),
  ]);
  for (const m of messages) {
    if (claimed.has(m.claimId)) continue;
    if (!granted.has(m.member._id)) {
      tally.noConsent += 1;
      continue;
    }
    const outcome = await sendOnce(ctx, templateKey, templateId, m);
    if (outcome !== 'already') tally[outcome] += 1;
  }
  return tally;
}
