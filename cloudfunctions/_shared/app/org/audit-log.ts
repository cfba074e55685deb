import { orgContract, OrgOutput } from '../../contracts/org';
import { listAuditEntries } from '../../repos/audit';
import { memberNames } from '../../repos/members';
import { subtreeIds } from '../../repos/orgs';
import { action } from '../../runtime/handler';

const PAGE_SIZE = 50;

/**
 * The audit log of an org and everything below it, newest first, a page at a time: the
 * secretary reads their branch's, a superior their subtree's [PRIV-06]. Reading it changes nothing.
 */
export const auditLog = action({
  input: orgContract.auditLog.input,
  async run(ctx, input): Promise<OrgOutput<'auditLog'>> {
    const org = await ctx.require('audit.read', input.orgId);
    const offset = input.offset ?? 0;
    const limit = input.limit ?? PAGE_SIZE;
    const docs = await listAuditEntries({
      orgIds: await subtreeIds(org._id),
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
      entity: input.entity,
      offset,
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    const names = await memberNames(page.map((d) => d.actor.memberId));
    return {
      entries: page.map((d) => ({
        id: d._id,
        at: new Date(d.at).toISOString(),
        action: d.action,
        orgId: d.orgId ?? org._id,
        entity: d.entity,
        entityId: d.entityId,
        actor: {
          memberId: d.actor.memberId,
          name: names.get(d.actor.memberId) ?? '',
          roles: d.actor.roles,
        },
        before: d.before ?? null,
        after: d.after ?? null,
        reason: d.reason ?? null,
      })),
      nextOffset: docs.length > limit ? offset + limit : null,
    };
  },
});
