import { orgContract } from '../../contracts/org';
import { _, db, getAll, insertOnce, updatedCount } from '../../repos/db';
import { action } from '../../runtime/handler';

/**
 * Records the one-time grants from wx.requestSubscribeMessage: one accept allows exactly one
 * message, so each grant adds one to that template's quota and each send takes one.
 */
export const subscribe = action({
  input: orgContract.subscribe.input,
  access: 'member',
  async run(ctx, input) {
    const { member } = await ctx.caller();
    const quotas = db.collection('subscriptionQuotas');
    for (const key of input.accepted) {
      const id = `${member._id}:${key}`;
      const grant = () =>
        updatedCount(
          quotas.where({ _id: id }).update({ data: { count: _.inc(1), updatedAt: ctx.now } }),
        );
      if ((await grant()) === 0) {
        const row = {
          _id: id,
          memberId: member._id,
          templateKey: key,
          count: 1,
          updatedAt: ctx.now,
        };
        if (!(await insertOnce('subscriptionQuotas', row))) await grant(); // created concurrently
      }
    }
    const rows = await getAll<{ templateKey: string; count: number }>(
      quotas.where({ memberId: member._id }).orderBy('_id', 'asc'),
    );
    return { quota: Object.fromEntries(rows.map((r) => [r.templateKey, r.count])) };
  },
});
