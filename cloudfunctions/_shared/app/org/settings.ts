import { db } from '../../repos/db';
import { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';

/** Changes one branch setting and audits the change (schedule rule, ranking visibility, …). */
export async function updateOrgSetting(
  ctx: Ctx,
  org: OrgDoc,
  key: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await db
    .collection('orgs')
    .doc(org._id)
    .update({ data: { [`settings.${key}`]: after } });
  await ctx.audit({
    orgId: org._id,
    entity: `orgs.settings.${key}`,
    entityId: org._id,
    before,
    after,
  });
}
