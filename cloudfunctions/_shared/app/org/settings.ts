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
  await ctx.write(async (tx) => {
    await setOrgSetting(org._id, key, after, tx);
    return { audit: { org, entity: `orgs.settings.${key}`, entityId: org._id, before, after } };
  });
}
