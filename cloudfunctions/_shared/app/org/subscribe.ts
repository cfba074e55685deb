import { orgContract, OrgOutput } from '../../contracts/org';
import { addGrants } from '../../repos/subscriptions';
import { action } from '../../runtime/handler';

/**
 * Records the one-time grants from wx.requestSubscribeMessage: one accept allows exactly one
 * message, so each grant adds one to that template's quota and each send takes one.
 */
export const subscribe = action({
  input: orgContract.subscribe.input,
  async run(ctx, input): Promise<OrgOutput<'subscribe'>> {
    const { member } = await ctx.caller();
    return { quota: await addGrants(member._id, input.accepted, ctx.now) };
  },
});
