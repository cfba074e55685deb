import { OrgDoc, setOrgSetting } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';

/** Changes one branch setting and audits the change (schedule rule, ranking visibility, …). */
export async function updateOrgSetting(
  ctx: Ctx,
  org: OrgDoc,
  key: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await setOrgSetting(org._id, key, after);
  await ctx.audit({
    orgId: org._id,
    entity: `orgs.settings.${key}`,
    entityId: org._id,
    before,
    after,
  });
}
