import { orgContract, OrgOutput } from '../../contracts/org';
import { addGrants } from '../../repos/subscriptions';
import { actionsOf } from '../../runtime/handler';

const action = actionsOf('org', orgContract);

/**
 * Records the one-time grants from wx.requestSubscribeMessage: one accept allows exactly one
 * message, so each grant adds one to that template's quota and each send takes one.
 */
export const subscribe = action('subscribe', async (ctx, input) => {
  const { member } = await ctx.caller();
  return { quota: await addGrants(member._id, input.accepted, ctx.now) };
});
